// Owns the benchmark's trimmed ledger: a generated ledger cut down to the stated sizes (orders kept evenly across the years, their repayments with them, statement payments re-billed).
import type { Ledger, Order, Repayment } from '../src/domain/records'
import { payBills } from '../src/domain/ledger/sample-data'

export interface LedgerSizes {
  draws: number
  orders: number
  repayments: number
}

/**
 * Keeps `orders` of the ledger's orders, every k-th one by date so the history still spans every
 * month (keeping the first N would end the shopping years early), with the repayments of the kept
 * orders. Statement payments are made again from the kept orders by the generator's rule
 * (payBills). Draws and their repayments are kept whole:
 * dropping a draw's repayments would leave it overdue, which a heavy but orderly ledger is not.
 */
export function trimOrders(ledger: Ledger, orders: number, today: string): Ledger {
  const all = ledger.orders
  const keep = Math.min(orders, all.length)
  const kept: Order[] = []
  // Bresenham-style stride: exactly `keep` orders, evenly spread.
  for (let i = 0; i < all.length; i++) if (Math.floor(((i + 1) * keep) / all.length) > Math.floor((i * keep) / all.length)) kept.push(all[i]!)
  const keptIds = new Set(kept.map((o) => o.id))

  // Bills are paid again from the kept orders, by the generator's own rule (in full, the card's
  // last one at its minimum); 账单分期 of a bill that no longer holds the same purchases is dropped.
  const repayments: Repayment[] = ledger.repayments.filter((r) => r.targetType === 'draw' || (r.targetType === 'order' && keptIds.has(r.targetId)))
  let serial = 0
  const billed = payBills(ledger.accounts, kept, repayments, today, { nextId: (prefix) => `${prefix}-bench-${++serial}`, convertCardBill: false })
  repayments.push(...billed.repayments)
  return { ...ledger, orders: kept, repayments, billInstalments: [] }
}

export function sizesOf(ledger: Ledger): LedgerSizes {
  return { draws: ledger.draws.length, orders: ledger.orders.length, repayments: ledger.repayments.length }
}
