// Owns the benchmark's trimmed ledger: a generated ledger cut down to the stated sizes (orders kept evenly across the years, their repayments with them, statement payments re-billed).
import type { Ledger, Order, Repayment } from '../src/domain/records'

export interface LedgerSizes {
  draws: number
  orders: number
  repayments: number
}

/**
 * Keeps `orders` of the ledger's orders, every k-th one by date so the history still spans every
 * month (keeping the first N would end the shopping years early), with the repayments of the kept
 * orders. A statement payment pays the bill of the orders due that day, so it is re-billed from
 * the kept orders (the generator's own rule: unpaid single-payment orders of a statement account)
 * and dropped when nothing kept is on that bill. Draws and their repayments are kept whole:
 * dropping a draw's repayments would leave it overdue, which a heavy but orderly ledger is not.
 */
export function trimOrders(ledger: Ledger, orders: number): Ledger {
  const all = ledger.orders
  const keep = Math.min(orders, all.length)
  const kept: Order[] = []
  // Bresenham-style stride: exactly `keep` orders, evenly spread.
  for (let i = 0; i < all.length; i++) if (Math.floor(((i + 1) * keep) / all.length) > Math.floor((i * keep) / all.length)) kept.push(all[i]!)
  const keptIds = new Set(kept.map((o) => o.id))

  const bills = new Map<string, number>()
  for (const o of kept)
    if (o.status === 'unpaid' && o.instalmentCount === 1) {
      const key = `${o.accountId}|${o.dueDate}`
      bills.set(key, (bills.get(key) ?? 0) + o.amount)
    }

  const repayments: Repayment[] = []
  for (const r of ledger.repayments) {
    if (r.targetType === 'draw') repayments.push(r)
    else if (r.targetType === 'order') {
      if (keptIds.has(r.targetId)) repayments.push(r)
    } else {
      const amount = bills.get(`${r.targetId}|${r.date}`) ?? 0
      if (amount > 0) repayments.push({ ...r, amount })
    }
  }
  return { ...ledger, orders: kept, repayments }
}

export function sizesOf(ledger: Ledger): LedgerSizes {
  return { draws: ledger.draws.length, orders: ledger.orders.length, repayments: ledger.repayments.length }
}
