// Tests the cross-type id rule: a draw, an order, a repayment, an account or an inquiry never share an id.
import { describe, expect, it } from 'vitest'
import { findCrossTypeIdClash } from './record-ids'

const rows = (...ids: string[]) => ids.map((id) => ({ id }))

describe('findCrossTypeIdClash', () => {
  it('finds an incoming record using an id a stored record of another type holds', () => {
    const existing = [
      { type: 'draws', rows: rows('a', 'b') },
      { type: 'orders', rows: rows('c') }
    ]
    const incoming = [
      { type: 'draws', rows: [] },
      { type: 'orders', rows: rows('d', 'b') }
    ]
    expect(findCrossTypeIdClash(existing, incoming)).toEqual({ type: 'orders', row: 2, id: 'b', otherType: 'draws' })
  })

  it('finds two incoming records of different types sharing an id', () => {
    const incoming = [
      { type: 'accounts', rows: rows('acc') },
      { type: 'draws', rows: rows('x') },
      { type: 'orders', rows: rows('y', 'x') }
    ]
    expect(findCrossTypeIdClash([], incoming)).toEqual({ type: 'orders', row: 2, id: 'x', otherType: 'draws' })
    // An account id counts as much as any other.
    expect(findCrossTypeIdClash([], [...incoming.slice(0, 1), { type: 'inquiries', rows: rows('acc') }])).toEqual({ type: 'inquiries', row: 1, id: 'acc', otherType: 'accounts' })
  })

  it('leaves repeats within one type to the per-type rule, and passes distinct ids', () => {
    expect(findCrossTypeIdClash([{ type: 'orders', rows: rows('o1') }], [{ type: 'orders', rows: rows('o1', 'o1') }])).toBeNull()
    expect(findCrossTypeIdClash([{ type: 'draws', rows: rows('d1') }], [{ type: 'orders', rows: rows('o1') }, { type: 'repayments', rows: rows('r1') }])).toBeNull()
  })

  it('covers any number of types, so a new record type is checked by passing its list', () => {
    const incoming = [
      { type: 'draws', rows: rows('1') },
      { type: 'statements', rows: rows('2') },
      { type: 'fees', rows: rows('2') }
    ]
    expect(findCrossTypeIdClash([], incoming)).toEqual({ type: 'fees', row: 1, id: '2', otherType: 'statements' })
  })
})
