// Owns the one-line text of a draw, an order and a repayment's target, shared by the lists and the spreadsheet export.
import { formatFen } from './money'
import type { Draw, Order, Repayment } from './records'

export interface LabelLookup {
  accountName(id: string): string
  draw(id: string): Draw | undefined
  order(id: string): Order | undefined
}

/** 网商贷 · 2026-01-05 · ¥3,000.00 */
export function drawText(accountName: string, draw: Pick<Draw, 'drawDate' | 'principal'>): string {
  return `${accountName} · ${draw.drawDate} · ${formatFen(draw.principal)}`
}

/** 淘宝 · 2026-01-05 · ¥199.90 */
export function orderText(order: Pick<Order, 'merchant' | 'orderDate' | 'amount'>): string {
  return `${order.merchant} · ${order.orderDate} · ${formatFen(order.amount)}`
}

/** What a repayment paid: a statement (in the caller's words), a draw or an order; `missing` when the target is gone. */
export function targetText(r: Repayment, lookup: LabelLookup, statementOf: (accountName: string) => string, missing: string): string {
  if (r.targetType === 'statement') return statementOf(lookup.accountName(r.accountId))
  if (r.targetType === 'draw') {
    const draw = lookup.draw(r.targetId)
    return draw ? drawText(lookup.accountName(draw.accountId), draw) : missing
  }
  const order = lookup.order(r.targetId)
  return order ? orderText(order) : missing
}
