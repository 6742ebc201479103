// Owns how flags word things in both languages: record labels, lists that stop after a few, amounts, percents and the reasons of an inquiry.
import { formatFen, type Fen } from '../money'
import type { Account, Draw, Inquiry, InquiryReason, Order } from '../records'
import type { Bilingual } from './types'

export function bi(zh: string, en: string): Bilingual {
  return { zh, en }
}

/** The same text in both languages (names and dates are data, not words). */
export function same(text: string): Bilingual {
  return { zh: text, en: text }
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

/** Joins items as a person would list them, naming at most `max` and counting the rest. */
export function listOf(items: readonly Bilingual[], max = 4): Bilingual {
  const shown = items.slice(0, max)
  const rest = items.length - shown.length
  return {
    zh: shown.map((i) => i.zh).join('；') + (rest > 0 ? `；另有 ${rest} 笔` : ''),
    en: shown.map((i) => i.en).join('; ') + (rest > 0 ? `; and ${rest} more` : '')
  }
}

/** 网商贷 2026-11-02 ¥3,000.00 */
export function drawLabel(account: Account | undefined, draw: Draw): Bilingual {
  return same(`${account?.name ?? '—'} ${draw.drawDate} ${money(draw.principal)}`)
}

/** 2026-11-02 ¥3,000.00 (the account is named already) */
export function drawShort(draw: Draw): Bilingual {
  return same(`${draw.drawDate} ${money(draw.principal)}`)
}

/** 「飞猪 酒店先住后付」2026-11-02 ¥199.90 (the account is named already) */
export function orderShort(order: Order): Bilingual {
  const what = order.item ? `${order.merchant} ${order.item}` : order.merchant
  return { zh: `「${what}」${order.orderDate} ${money(order.amount)}`, en: `"${what}" ${order.orderDate} ${money(order.amount)}` }
}

/** 芝麻先用后付「飞猪 酒店先住后付」2026-11-02 ¥199.90 */
export function orderLabel(account: Account | undefined, order: Order): Bilingual {
  const short = orderShort(order)
  const name = account?.name ?? '—'
  return { zh: `${name}${short.zh}`, en: `${name} ${short.en}` }
}

const REASONS: Record<InquiryReason, Bilingual> = {
  loanApproval: bi('贷款审批', 'loan approval'),
  cardApproval: bi('信用卡审批', 'card approval'),
  guaranteeReview: bi('担保资格审查', 'guarantee review'),
  postLoan: bi('贷后管理', 'post-loan review'),
  selfQuery: bi('本人查询', 'own query')
}

/** 平安银行 2026-11-15 贷款审批 */
export function inquiryLabel(inquiry: Inquiry): Bilingual {
  const reason = REASONS[inquiry.reason]
  return { zh: `${inquiry.institution} ${inquiry.date} ${reason.zh}`, en: `${inquiry.institution} ${inquiry.date} ${reason.en}` }
}

/** Names joined: 网商贷、借呗 / 网商贷, 借呗 */
export function names(list: readonly string[]): Bilingual {
  return { zh: list.join('、'), en: list.join(', ') }
}

/** "1 month", "3 months": English counts that read right (Chinese needs no plural). */
export function nOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}
