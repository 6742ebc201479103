// Owns the hard-inquiry rule (BANK): more than 3 hard inquiries in the last month or 6 in the last 3 months, counting only the reasons that are hard.
import type { IsoDate } from '../calendar'
import { HARD_INQUIRY_REASONS, type Inquiry } from '../records'
import { inMonthsWindow, leavesMonthsWindowOn } from './context'
import { inquiryLabel, listOf, msg } from './text'
import type { RiskFlag, RiskInput } from './types'

/** The two windows banks look at, in months, with the setting that caps each. */
export const INQUIRY_WINDOWS = [
  { months: 1, key: 'inquiryMax1m' },
  { months: 3, key: 'inquiryMax3m' }
] as const

/**
 * Hard inquiries (贷款审批, 信用卡审批, 担保资格审查; not 贷后管理 or 本人查询) within `months`
 * months of `end`, oldest first. Inquiries dated after `end` are not counted.
 */
export function hardInquiriesIn(inquiries: readonly Inquiry[], end: IsoDate, months: number): Inquiry[] {
  return inquiries
    .filter((q) => HARD_INQUIRY_REASONS.includes(q.reason) && inMonthsWindow(q.date, end, months))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** The day the count of `hard` (oldest first) falls to `max`, if no new inquiry is made. */
export function inquiriesCalmOn(hard: readonly Inquiry[], months: number, max: number): IsoDate | null {
  if (hard.length <= max) return null
  return leavesMonthsWindowOn(hard[hard.length - max - 1]!.date, months)
}

export function hardInquiriesRule(input: RiskInput): RiskFlag[] {
  const flags: RiskFlag[] = []
  for (const { months, key } of INQUIRY_WINDOWS) {
    const max = input.settings[key]
    const hard = hardInquiriesIn(input.ledger.inquiries, input.today, months)
    if (hard.length <= max) continue
    const soft = input.ledger.inquiries.filter((q) => !HARD_INQUIRY_REASONS.includes(q.reason) && inMonthsWindow(q.date, input.today, months)).length
    const calm = inquiriesCalmOn(hard, months, max)
    const list = listOf([...hard].reverse().map(inquiryLabel), 6)
    flags.push({
      id: `hardInquiries:${months}m`,
      rule: 'hardInquiries',
      severity: 'warning',
      source: 'BANK',
      measure: hard.length,
      unit: 'count',
      accountIds: [],
      records: hard.map((q) => ({ type: 'inquiry', id: q.id })),
      explanation: msg('riskText.inquiries.explanation', {
        months,
        count: hard.length,
        max,
        list,
        soft: soft > 0 ? msg('riskText.inquiries.soft', { count: soft }) : ''
      }),
      action: msg('riskText.inquiries.action', { calm: calm ?? '', max })
    })
  }
  return flags
}
