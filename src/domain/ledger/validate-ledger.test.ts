import { describe, expect, it } from 'vitest'
import type { Ledger } from '../records'
import { validateLedger } from './validate-ledger'
import { cash, draw, emptyLedger as empty, huabei, inquiry, onBill, onOrder, order, repay, zhima } from '@/testing/fixtures'

function ledger(parts: Partial<Ledger> = {}): Ledger {
  return { ...empty, accounts: [cash, huabei, zhima], draws: [draw], orders: [order], inquiries: [inquiry], ...parts }
}

describe('validateLedger', () => {
  it('accepts a consistent ledger, and an empty one', () => {
    expect(
      validateLedger(
        ledger({
          repayments: [
            repay('rp-1', { date: '2026-01-11', amount: 504_000 }),
            repay('rp-2', { date: '2026-01-31', amount: 504_000 }),
            repay('rp-3', { ...onOrder, date: '2026-01-06', amount: 4_000 }),
            repay('rp-4', { ...onBill, date: '2026-02-10', amount: 6_000 })
          ]
        })
      )
    ).toBeNull()
    expect(validateLedger(empty)).toBeNull()
  })

  it('reports the first record failing its schema with its type and 1-based row', () => {
    const orders = [order, { ...order, id: 'od-2' }, { ...order, id: 'od-3', amount: 0 }, { ...order, id: 'od-4', amount: -1 }]
    expect(validateLedger(ledger({ orders }))).toEqual({
      recordType: 'orders',
      row: 3,
      issues: [{ path: 'amount', message: 'validation.amountPositive' }]
    })
  })

  it('checks schemas of every type before any cross-record rule', () => {
    // The draw points at no account, but the broken inquiry is reported: schemas come first.
    const result = validateLedger(ledger({ draws: [{ ...draw, accountId: 'nowhere' }], inquiries: [inquiry, { ...inquiry, id: 'iq-2', institution: ' ' }] }))
    expect(result).toEqual({ recordType: 'inquiries', row: 2, issues: [{ path: 'institution', message: 'validation.required' }] })
  })

  it('refuses duplicate ids within the list and against what is stored', () => {
    expect(validateLedger(ledger({ inquiries: [inquiry, { ...inquiry, date: '2026-02-01' }] }))).toEqual({
      recordType: 'inquiries',
      row: 2,
      issues: [{ path: 'id', message: 'validation.duplicateId' }]
    })
    expect(validateLedger({ ...empty, inquiries: [{ ...inquiry, id: 'iq-9' }, inquiry] }, { ...empty, inquiries: [inquiry] })).toEqual({
      recordType: 'inquiries',
      row: 2,
      issues: [{ path: 'id', message: 'validation.duplicateId' }]
    })
  })

  it('refuses an id shared across record types, stored or incoming', () => {
    // An order under the draw's id: their repayments would be counted together.
    expect(validateLedger(ledger({ orders: [{ ...order, id: 'dr-1' }] }))).toEqual({ recordType: 'orders', row: 1, issues: [{ path: 'id', message: 'validation.idUsedByOtherType' }] })
    expect(validateLedger({ ...empty, inquiries: [{ ...inquiry, id: 'cash' }] }, ledger())).toEqual({ recordType: 'inquiries', row: 1, issues: [{ path: 'id', message: 'validation.idUsedByOtherType' }] })
  })

  it('refuses the restore where a ¥10 draw and an order share an id and ¥5,000 "settles" the draw', () => {
    const small = { ...draw, id: 'shared', principal: 1_000 }
    const big = { ...order, id: 'shared', amount: 500_000, dueDate: '2026-03-10' }
    const payoff = repay('rp-1', { targetId: 'shared', date: '2026-01-20', amount: 500_000 })
    const problem = validateLedger(ledger({ draws: [small], orders: [big], repayments: [payoff] }))
    expect(problem).toEqual({ recordType: 'orders', row: 1, issues: [{ path: 'id', message: 'validation.idUsedByOtherType' }] })
  })

  it('refuses a draw on an unknown account or on a pay-later account', () => {
    expect(validateLedger(ledger({ draws: [draw, { ...draw, id: 'dr-2', accountId: 'nowhere' }] }))).toEqual({
      recordType: 'draws',
      row: 2,
      issues: [{ path: 'accountId', message: 'validation.unknownAccount' }]
    })
    expect(validateLedger(ledger({ draws: [{ ...draw, accountId: 'zhima' }] }))).toEqual({
      recordType: 'draws',
      row: 1,
      issues: [{ path: 'accountId', message: 'validation.accountTakesNoDraws' }]
    })
  })

  it('refuses an order on a cash loan line', () => {
    expect(validateLedger(ledger({ orders: [order, { ...order, id: 'od-2', accountId: 'cash' }] }))).toEqual({
      recordType: 'orders',
      row: 2,
      issues: [{ path: 'accountId', message: 'validation.accountTakesNoOrders' }]
    })
  })

  it('finds accounts and targets among the stored records', () => {
    const stored = ledger()
    const incoming = { ...empty, draws: [{ ...draw, id: 'dr-2' }], repayments: [repay('rp-1', { date: '2026-01-31', amount: 1_012_000 })] }
    expect(validateLedger(incoming, stored)).toBeNull()
    expect(validateLedger(incoming)).toEqual({ recordType: 'draws', row: 1, issues: [{ path: 'accountId', message: 'validation.unknownAccount' }] })
  })

  it('refuses a repayment before its draw, on whatever row it is', () => {
    const repayments = [repay('rp-1', { date: '2026-01-11', amount: 1_000 }), repay('rp-2', { date: '2025-12-20', amount: 1_000 })]
    expect(validateLedger(ledger({ repayments }))).toEqual({
      recordType: 'repayments',
      row: 2,
      issues: [{ path: 'date', message: 'validation.repaymentBeforeBorrowing' }]
    })
  })

  it('refuses a repayment booked to another account than its target, on whatever row it is', () => {
    const repayments = [
      repay('rp-1', { date: '2026-01-11', amount: 1_000 }),
      repay('rp-2', { date: '2026-01-12', amount: 1_000, accountId: 'huabei' })
    ]
    expect(validateLedger(ledger({ repayments }))).toEqual({
      recordType: 'repayments',
      row: 2,
      issues: [{ path: 'targetId', message: 'validation.unknownTarget' }]
    })
  })

  it('refuses a repayment larger than what is owed on a draw', () => {
    expect(validateLedger(ledger({ repayments: [repay('rp-1', { date: '2026-01-31', amount: 1_012_001 })] }))).toEqual({
      recordType: 'repayments',
      row: 1,
      issues: [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
    })
  })

  it('refuses repayments of an order that add up to more than it costs', () => {
    const repayments = [
      repay('rp-0', { date: '2026-01-31', amount: 1_012_000 }),
      repay('rp-1', { ...onOrder, date: '2026-01-06', amount: 6_000 }),
      repay('rp-2', { ...onOrder, date: '2026-01-07', amount: 4_001 })
    ]
    const result = validateLedger(ledger({ repayments }))
    expect(result?.recordType).toBe('repayments')
    expect(result?.issues).toEqual([{ path: 'amount', message: 'validation.repaymentOverOwed' }])
    expect([2, 3]).toContain(result?.row)
    expect(validateLedger(ledger({ repayments: [repayments[1]!, { ...repayments[2]!, amount: 4_000 }] }))).toBeNull()
  })

  it('refuses a bill payment larger than the open orders, minus what was repaid on them directly', () => {
    const direct = repay('rp-1', { ...onOrder, date: '2026-01-06', amount: 4_000 })
    const bill = repay('rp-2', { ...onBill, date: '2026-02-10', amount: 6_001 })
    expect(validateLedger(ledger({ repayments: [direct, bill] }))).toEqual({
      recordType: 'repayments',
      row: 2,
      issues: [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
    })
    // The same bill, and the direct payment listed after it: still too much in all.
    const result = validateLedger(ledger({ repayments: [bill, direct] }))
    expect(result).toMatchObject({ recordType: 'repayments', issues: [{ path: 'amount', message: 'validation.repaymentOverOwed' }] })
  })

  it('refuses an incoming repayment that pushes a stored later payoff over what is owed', () => {
    const stored = ledger({ repayments: [repay('rp-1', { date: '2026-01-31', amount: 1_012_000 })] })
    expect(validateLedger(stored)).toBeNull()
    expect(validateLedger({ ...empty, repayments: [repay('rp-2', { date: '2026-01-11', amount: 100_000 })] }, stored)).toEqual({
      recordType: 'repayments',
      row: 1,
      issues: [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
    })
  })

  it('refuses a sequence on one draw that pays more than owed, whatever the order of the rows', () => {
    // Each fits on its own; together the early one leaves less than the payoff for 01-31 (see checks.test.ts).
    const payoff = repay('rp-1', { date: '2026-01-31', amount: 1_012_000 })
    const early = repay('rp-2', { date: '2026-01-11', amount: 100_000 })
    for (const repayments of [[payoff, early], [early, payoff]]) {
      const result = validateLedger(ledger({ repayments }))
      expect(result).toMatchObject({ recordType: 'repayments', issues: [{ path: 'amount', message: 'validation.repaymentOverOwed' }] })
    }
  })
})
