// Owns how flags name things without words of their own: record labels, lists that stop after a few, amounts, percents and the reasons of an inquiry, as data and message keys.
import { formatFen, type Fen } from '../money'
import type { Account, Draw, Inquiry, Order } from '../records'
import type { RiskList, RiskParam, RiskText, RiskTextKey } from './messages'

/** A sentence by its key; the catalogues word it in each language. */
export function msg(key: RiskTextKey, params?: Record<string, RiskParam>): RiskText {
  return params ? { key, params } : { key }
}

export const money = (fen: Fen): string => formatFen(fen)

/** A percent with at most one decimal: 70, 70.5. */
export function percent(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`
}

/** A small rate as a percent with up to three decimals: 0.0005 -> 0.05%, 0.1825 -> 18.25%. */
export function ratePercent(rate: number): string {
  return `${Number((rate * 100).toFixed(3))}%`
}

/** Items as a person would list them, naming at most `max` and counting the rest. */
export function listOf(items: readonly RiskParam[], max = 4): RiskList {
  return { join: 'list', items: [...items], max }
}

/** Names joined: 网商贷、借呗 / 网商贷, 借呗 */
export function names(list: readonly string[]): RiskList {
  return { join: 'names', items: [...list] }
}

/** 网商贷 2026-11-02 ¥3,000.00 (names, dates and amounts are data, the same in both languages) */
export function drawLabel(account: Account | undefined, draw: Draw): string {
  return `${account?.name ?? '—'} ${draw.drawDate} ${money(draw.principal)}`
}

/** 2026-11-02 ¥3,000.00 (the account is named already) */
export function drawShort(draw: Draw): string {
  return `${draw.drawDate} ${money(draw.principal)}`
}

/** 「飞猪 酒店先住后付」2026-11-02 ¥199.90 (the account is named already) */
export function orderShort(order: Order): RiskText {
  const what = order.item ? `${order.merchant} ${order.item}` : order.merchant
  return msg('riskText.label.order', { what, date: order.orderDate, amount: money(order.amount) })
}

/** 芝麻先用后付「飞猪 酒店先住后付」2026-11-02 ¥199.90 */
export function orderLabel(account: Account | undefined, order: Order): RiskText {
  return msg('riskText.label.orderOf', { name: account?.name ?? '—', order: orderShort(order) })
}

/** 平安银行 2026-11-15 贷款审批 */
export function inquiryLabel(inquiry: Inquiry): RiskText {
  return msg('riskText.label.inquiry', { institution: inquiry.institution, date: inquiry.date, reason: msg(`riskText.reason.${inquiry.reason}`) })
}
