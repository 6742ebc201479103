import { describe, expect, it } from 'vitest'
import { cash, draw, huabei, ledgerOf, onBill, repay } from '@/testing/fixtures'
import { applyMapDelta, chunks, diffMap, diffTable, sameRecord, TableCopy } from './table-sync'

describe('sameRecord', () => {
  it('compares values, nested objects and arrays included', () => {
    expect(sameRecord(huabei, structuredClone(huabei))).toBe(true)
    expect(sameRecord(huabei, { ...huabei, statementTerms: { ...huabei.statementTerms, graceDays: 9 } })).toBe(false)
    expect(sameRecord({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false)
    expect(sameRecord({ a: null }, { a: undefined })).toBe(false)
    expect(sameRecord({ a: 1 }, { a: 1, b: 2 })).toBe(false)
  })
})

describe('diffTable', () => {
  const r1 = repay('r1', { ...onBill, date: '2026-02-01', amount: 100 })
  const r2 = repay('r2', { ...onBill, date: '2026-02-02', amount: 200 })

  it('sends everything the first time', () => {
    const { patch } = diffTable('repayments', null, [r1, r2])
    expect(patch).toEqual({ table: 'repayments', upserts: [r1, r2], deletes: [] })
  })

  it('then only what was added, changed or removed, whatever objects the store handed back', () => {
    const first = diffTable('repayments', null, [r1, r2])
    const r3 = repay('r3', { ...onBill, date: '2026-02-03', amount: 300 })
    const changed = { ...r1, amount: 150 }
    // Fresh copies, as a live query returns them: r2 is unchanged and must not be sent.
    const { patch } = diffTable('repayments', first.byId, [structuredClone(changed), structuredClone(r3)])
    expect(patch.upserts.map((r) => r.id)).toEqual(['r1', 'r3'])
    expect(patch.deletes).toEqual(['r2'])
  })
})

describe('TableCopy', () => {
  it('keeps the objects of unchanged records and lists each table in id order', () => {
    const copy = new TableCopy()
    const ledger = ledgerOf({ accounts: [cash], draws: [draw] })
    copy.apply({ table: 'accounts', upserts: [cash], deletes: [] })
    copy.apply({ table: 'draws', upserts: [draw], deletes: [] })
    const b = repay('b', { accountId: cash.id, targetType: 'draw', targetId: draw.id, date: '2026-03-01', amount: 1 })
    const a = repay('a', { accountId: cash.id, targetType: 'draw', targetId: draw.id, date: '2026-03-01', amount: 2 })
    copy.apply({ table: 'repayments', upserts: [b, a], deletes: [] })
    const first = copy.ledger()
    expect(first.accounts[0]).toBe(cash)
    expect(first.repayments.map((r) => r.id)).toEqual(['a', 'b'])
    copy.apply({ table: 'repayments', upserts: [], deletes: ['a'] })
    const second = copy.ledger()
    // Untouched tables are the same arrays; the patched one is rebuilt without 'a'.
    expect(second.draws).toBe(first.draws)
    expect(second.repayments).toEqual([b])
    expect(ledger.draws[0]).toBe(second.draws[0])
  })
})

describe('map deltas', () => {
  it('carry what was added, changed and removed, maps inside values compared by entries', () => {
    const before = new Map<string, unknown>([
      ['a', { x: 1, m: new Map([['k', 1]]) }],
      ['b', { x: 2 }],
      ['c', { x: 3 }]
    ])
    const after = new Map<string, unknown>([
      ['a', { x: 1, m: new Map([['k', 2]]) }],
      ['b', { x: 2 }],
      ['d', { x: 4 }]
    ])
    const delta = diffMap(before, after)
    expect(delta.upserts.map(([k]) => k)).toEqual(['a', 'd'])
    expect(delta.deletes).toEqual(['c'])
    const copy = new Map(before)
    applyMapDelta(copy, delta)
    expect(copy).toEqual(after)
  })

  it('split into pieces of at most the size, none empty', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunks([], 2)).toEqual([])
  })
})
