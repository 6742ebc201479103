import { describe, expect, it } from 'vitest'
import { ledgerCost } from '../src/domain/cost/ledger-cost'
import { findMoneyProblems } from '../src/domain/ledger/validate-ledger'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import { sizesOf, trimOrders } from './bench-ledger'

const today = '2026-11-21'
const full = generateSampleLedger({ today, months: 24, scale: 3 })
const trimmed = trimOrders(full, 400, today)

describe('the bench ledger cut to the issue sizes', () => {
  it('keeps exactly the orders asked for, spread over the whole history, and every draw', () => {
    expect(sizesOf(trimmed)).toMatchObject({ draws: full.draws.length, orders: 400 })
    expect(trimmed.orders[0]!.orderDate.slice(0, 4)).toBe(full.orders[0]!.orderDate.slice(0, 4))
    expect(trimmed.orders.at(-1)!.orderDate.slice(0, 7)).toBe(full.orders.at(-1)!.orderDate.slice(0, 7))
    expect(trimmed.repayments.filter((r) => r.targetType === 'draw')).toEqual(full.repayments.filter((r) => r.targetType === 'draw'))
  })

  it('keeps only repayments of kept orders, and pays the bills of the kept orders again as the generator does', () => {
    const ids = new Set(trimmed.orders.map((o) => o.id))
    expect(trimmed.repayments.every((r) => r.targetType !== 'order' || ids.has(r.targetId))).toBe(true)
    // Nothing pays more than was owed, and every bill past its grace was paid in full or (the
    // card's last) at its minimum: none is below it, as in the full ledger.
    expect(findMoneyProblems(trimmed)).toEqual({ repayment: null, billInstalment: null })
    for (const walk of ledgerCost(trimmed, today).statements.values()) expect(walk.bills.filter((b) => b.status === 'belowMinimum')).toEqual([])
  })
})
