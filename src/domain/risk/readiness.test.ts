import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { mortgageReadiness, type CheckId, type Readiness } from './readiness'
import { bill, drawOn, inputOf, inquiryOn, ledgerOf, orderOn, payBill, TODAY } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

const stateOf = (r: Readiness, id: CheckId) => r.checks.find((c) => c.id === id)!.state

describe('mortgage readiness on the planned date', () => {
  // Today 2026-11-21, a mortgage on 2027-03-01: the clean-up window opens on 2026-12-01.
  const date = '2027-03-01'
  const open = drawOn('line', '2026-11-01', 300_000)
  const overUsed = orderOn('bill', '2026-11-10', '2026-12-10', 600_000) // ¥6,000 of ¥8,000: 75%
  const ledger = ledgerOf({ draws: [open], orders: [overUsed], inquiries: [1, 2, 3, 4].map((d) => inquiryOn(addDays(TODAY, -d))) })
  const profile = { monthlyIncome: 2_000_000, mortgageAmount: 100_000_000, mortgageDate: date }
  const r = mortgageReadiness(inputOf(ledger, { profile }), date)

  it('dates the plan: stop drawing and applying when the window opens, settle and pay down 30 days before, check the report, apply', () => {
    expect(r.plan.map((s) => [s.date, s.kind])).toEqual([
      ['2026-12-01', 'stopDraws'],
      ['2026-12-01', 'noApplications'],
      ['2027-01-30', 'payDown'],
      ['2027-01-30', 'settle'],
      ['2027-02-13', 'checkReport'],
      ['2027-03-01', 'apply']
    ])
    const payDown = r.plan.find((s) => s.kind === 'payDown')!
    // 70% of ¥8,000 is ¥5,600: ¥400 to pay down.
    expect(payDown.amount).toBe(40_000)
    expect(zh(payDown.text)).toContain('把花呗的已用额度降到 ¥5,600.00 以下')
    const settle = r.plan.find((s) => s.kind === 'settle')!
    expect(settle.accountIds).toEqual(['line'])
    expect(zh(settle.text)).toContain('结清网商贷')
  })

  it('returns its sentences as catalogue keys with parameters, which read in full in both languages', () => {
    const payDown = r.plan.find((s) => s.kind === 'payDown')!
    expect(payDown.text).toEqual({
      key: 'riskText.plan.payDown',
      params: { account: '花呗', cap: '¥5,600.00', limit: '¥8,000.00', percent: '70%', payDown: '¥400.00' }
    })
    expect(zh(payDown.text)).toBe('把花呗的已用额度降到 ¥5,600.00 以下（额度 ¥8,000.00 的 70%，需还 ¥400.00），并保持到申请房贷')
    expect(en(payDown.text)).toBe('Bring 花呗 below ¥5,600.00 (70% of its ¥8,000.00 limit: pay down ¥400.00) and keep it there until the application')
    const apply = r.plan.find((s) => s.kind === 'apply')!
    expect(apply.text).toEqual({ key: 'riskText.plan.apply' })
    expect([zh(apply.text), en(apply.text)]).toEqual(['申请房贷', 'Apply for the mortgage'])
    const inquiries = r.checks.find((c) => c.id === 'inquiries1m')!
    expect(inquiries.detail.key).toBe('riskText.check.inquiries.none')
    expect(zh(inquiries.detail)).toBe('到 2027-03-01 时近 1 个月没有硬查询。')
    expect(en(inquiries.detail)).toBe('No hard inquiries in the 1 month before 2027-03-01.')
    const three = r.checks.find((c) => c.id === 'inquiries3m')!
    expect(zh(three.detail)).toBe('到 2027-03-01 时近 3 个月没有硬查询。')
    expect(en(three.detail)).toBe('No hard inquiries in the 3 months before 2027-03-01.')
    const util = r.checks.find((c) => c.id === 'utilisation')!
    expect(zh(util.detail)).toBe('1 个额度用得超过 70%：花呗 75%（已用 ¥6,000.00 / ¥8,000.00）。')
    expect(en(util.detail)).toBe('1 line above 70%: 花呗 75% (¥6,000.00 of ¥8,000.00).')
  })

  it('judges inquiries as they will stand on the date: today\'s four are out of the one-month window by March', () => {
    expect(stateOf(r, 'inquiries1m')).toBe('pass')
    expect(stateOf(r, 'inquiries3m')).toBe('pass')
    expect(stateOf(r, 'utilisation')).toBe('fail')
    expect(stateOf(r, 'openLoans')).toBe('fail')
    expect(stateOf(r, 'cleanupDraws')).toBe('pass')
    expect(r.checks.find((c) => c.id === 'utilisation')).toMatchObject({ value: 75, limit: 70, unit: 'percent' })
  })

  it('changes with the date (the what-if): two weeks ahead the inquiries fail and the plan says when they calm down', () => {
    const soon = mortgageReadiness(inputOf(ledger, { profile }), '2026-12-05')
    expect(stateOf(soon, 'inquiries1m')).toBe('fail')
    // The four are 2026-11-17 to 2026-11-20; the oldest leaves the month on 2026-12-18.
    expect(soon.plan.find((s) => s.kind === 'waitInquiries')).toMatchObject({ date: '2026-12-18' })
    // The window has opened already: stop from today, settle today (30 days before has passed).
    expect(soon.plan.find((s) => s.kind === 'stopDraws')!.date).toBe(TODAY)
    expect(soon.plan.find((s) => s.kind === 'settle')!.date).toBe(TODAY)
    expect(stateOf(soon, 'cleanupDraws')).toBe('fail')
  })

  it('scores what passes, what fails and what needs data', () => {
    expect(r.score.pass + r.score.warn + r.score.fail + r.score.unknown).toBe(r.checks.length)
    expect(r.score.unknown).toBe(0)
    const noIncome = mortgageReadiness(inputOf(ledger, { profile: { mortgageDate: date } }), date)
    expect(noIncome.score.unknown).toBe(3)
    expect(stateOf(noIncome, 'debtToIncome')).toBe('unknown')
    expect(zh(noIncome.checks.find((c) => c.id === 'mortgagePayment')!.detail)).toContain('设置')
    expect(r.score.percent).toBe(Math.round(((r.score.pass + r.score.warn / 2) / r.score.judged) * 100))
  })

  it('fails the late-payment check at 连三 and waits for the history to clear', () => {
    // ¥1,000 on each of three 花呗 bills, each paid a day late: ¥100.00 short of each minimum.
    const dues = ['2026-08-10', '2026-09-10', '2026-10-10']
    const orders = dues.map((d) => orderOn('bill', addDays(d, -20), d, 100_000))
    const late = mortgageReadiness(inputOf(ledgerOf({ orders, repayments: dues.map((d) => payBill('bill', addDays(d, 1), 100_000)) }), { profile }), date)
    expect(stateOf(late, 'latePayments')).toBe('fail')
    expect(late.plan.find((s) => s.kind === 'waitLate')!.date).toBe('2028-08-11')
    expect(late.plan.at(-1)!.kind).toBe('waitLate')
  })

  it('judges a date that has passed as of today', () => {
    const past = mortgageReadiness(inputOf(ledger, { profile }), '2026-11-01')
    expect(past.mortgageDate).toBe(TODAY)
    expect(past.daysLeft).toBe(-20)
    expect(past.plan.find((s) => s.kind === 'apply')!.date).toBe(TODAY)
    // Today's four inquiries fail the one-month check; the plan says to wait.
    expect(past.plan.at(-1)!.kind).toBe('waitInquiries')
  })

  it('pays anything overdue today', () => {
    const overdue = orderOn('bill', '2026-10-01', '2026-11-10', 20_000)
    const rr = mortgageReadiness(inputOf(ledgerOf({ orders: [overdue] }), { profile }), date)
    expect(stateOf(rr, 'overdue')).toBe('fail')
    expect(rr.plan[0]).toMatchObject({ date: TODAY, kind: 'payOverdue', accountIds: [bill.id] })
  })
})
