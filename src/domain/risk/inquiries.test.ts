import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { hardInquiriesIn, hardInquiriesRule, inquiriesCalmOn } from './inquiries'
import { inputOf, inquiryOn, ledgerOf, TODAY } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

const daysAgo = (n: number) => addDays(TODAY, -n)

describe('hard inquiries: more than 3 in a month or 6 in 3 months', () => {
  it('fires at 4 in the last month, not at 3', () => {
    const three = [1, 5, 9].map((d) => inquiryOn(daysAgo(d)))
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: three })))).toEqual([])
    const flags = hardInquiriesRule(inputOf(ledgerOf({ inquiries: [...three, inquiryOn(daysAgo(12), 'cardApproval', '招商银行')] })))
    expect(flags.map((f) => f.id)).toEqual(['hardInquiries:1m'])
    expect(flags[0]).toMatchObject({ severity: 'warning', source: 'BANK', measure: 4, unit: 'count' })
    expect(flags[0]!.records).toHaveLength(4)
    expect(zh(flags[0]!.explanation)).toContain(`招商银行 ${daysAgo(12)} 信用卡审批`)
    expect(en(flags[0]!.explanation)).toContain(`招商银行 ${daysAgo(12)} card approval`)
  })

  it('ignores the reasons that do not count: 贷后管理 and 本人查询', () => {
    const list = [inquiryOn(daysAgo(1)), inquiryOn(daysAgo(2)), inquiryOn(daysAgo(3)), inquiryOn(daysAgo(4), 'postLoan'), inquiryOn(daysAgo(5), 'selfQuery'), inquiryOn(daysAgo(6), 'postLoan')]
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: list })))).toEqual([])
    // 担保资格审查 is hard.
    const [flag] = hardInquiriesRule(inputOf(ledgerOf({ inquiries: [...list, inquiryOn(daysAgo(7), 'guaranteeReview')] })))
    expect(flag!.measure).toBe(4)
    expect(zh(flag!.explanation)).toContain('另有 3 次贷后管理或本人查询，不计入')
  })

  it('counts the same day last month and not the day before it', () => {
    // On 2026-11-21 the last month reaches back to 2026-10-21.
    const three = [1, 2, 3].map((d) => inquiryOn(daysAgo(d)))
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: [...three, inquiryOn('2026-10-21')] })))).toHaveLength(1)
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: [...three, inquiryOn('2026-10-20')] })))).toEqual([])
    // An inquiry dated after today is not counted.
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: [...three, inquiryOn(addDays(TODAY, 1))] })))).toEqual([])
  })

  it('fires at 7 in three months, not at 6, from 2026-08-21 on', () => {
    const six = ['2026-08-21', '2026-09-01', '2026-09-15', '2026-10-01', '2026-10-05', '2026-10-10'].map((d) => inquiryOn(d))
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: six })))).toEqual([])
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: [...six, inquiryOn('2026-08-20')] })))).toEqual([])
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: [...six, inquiryOn('2026-08-22')] }))).map((f) => f.id)).toEqual(['hardInquiries:3m'])
  })

  it('says when the count falls back to the limit', () => {
    const hard = hardInquiriesIn(['2026-11-01', '2026-11-05', '2026-11-10', '2026-11-15'].map((d) => inquiryOn(d)), TODAY, 1)
    // The oldest (2026-11-01) is out of the one-month window from 2026-12-02.
    expect(inquiriesCalmOn(hard, 1, 3)).toBe('2026-12-02')
    expect(inquiriesCalmOn(hard, 1, 4)).toBeNull()
    const [flag] = hardInquiriesRule(inputOf(ledgerOf({ inquiries: ['2026-11-01', '2026-11-05', '2026-11-10', '2026-11-15'].map((d) => inquiryOn(d)) })))
    expect(zh(flag!.action)).toContain('2026-12-02')
  })

  it('follows its settings', () => {
    const four = [1, 2, 3, 4].map((d) => inquiryOn(daysAgo(d)))
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: four }), { settings: { inquiryMax1m: 4 } }))).toEqual([])
    expect(hardInquiriesRule(inputOf(ledgerOf({ inquiries: four }), { settings: { inquiryMax1m: 3, inquiryMax3m: 3 } })).map((f) => f.id)).toEqual(['hardInquiries:1m', 'hardInquiries:3m'])
  })
})
