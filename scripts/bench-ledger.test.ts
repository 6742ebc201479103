import { describe, expect, it } from 'vitest'
import { orderBalances } from '../src/domain/owed'
import { generateSampleLedger } from '../src/domain/sample-data'
import { sizesOf, trimOrders } from './bench-ledger'

const today = '2026-11-21'
const full = generateSampleLedger({ today, months: 24, scale: 3 })
const trimmed = trimOrders(full, 400)

describe('the bench ledger cut to the issue sizes', () => {
  it('keeps exactly the orders asked for, spread over the whole history, and every draw', () => {
    expect(sizesOf(trimmed)).toMatchObject({ draws: full.draws.length, orders: 400 })
    expect(trimmed.orders[0]!.orderDate.slice(0, 4)).toBe(full.orders[0]!.orderDate.slice(0, 4))
    expect(trimmed.orders.at(-1)!.orderDate.slice(0, 7)).toBe(full.orders.at(-1)!.orderDate.slice(0, 7))
    expect(trimmed.repayments.filter((r) => r.targetType === 'draw')).toEqual(full.repayments.filter((r) => r.targetType === 'draw'))
  })

  it('keeps only repayments of kept orders, and statement payments that clear exactly their bills', () => {
    const ids = new Set(trimmed.orders.map((o) => o.id))
    expect(trimmed.repayments.every((r) => r.targetType !== 'order' || ids.has(r.targetId))).toBe(true)
    // As in the full ledger: every single-payment statement order due by today is paid, nothing is overpaid.
    const before = orderBalances(full.orders, full.repayments, today)
    const after = orderBalances(trimmed.orders, trimmed.repayments, today)
    for (const o of trimmed.orders) expect(after.get(o.id)).toEqual(before.get(o.id))
  })
})
