import { describe, expect, it } from 'vitest'
import { accountOwedOn, drawOwedOn } from './mortgage-plan'
import { mortgageReadiness } from './readiness'
import { card, carLoan, drawOn, inputOf, ledgerOf, line, orderOn, pay, bill, perOrder, TODAY } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

// Today 2026-11-21; a mortgage on 2027-03-01; settle-by is 30 days before it: 2027-01-30.
const date = '2027-03-01'
const deadline = '2027-01-30'

// 网商贷 (an online lender): ¥6,000 等额本金 over 6 months at 12% a year, drawn 2026-10-15, due on the 15th from 2026-11-15.
// Each period repays ¥1,000 of principal; interest is 1% a month (12% / 12) of the principal before it:
//   P1 11-15: 6,000.00 x 1% = 60.00  -> 1,060.00 (paid on the day)
//   P2 12-15: 5,000.00 x 1% = 50.00  -> 1,050.00
//   P3 01-15: 4,000.00 x 1% = 40.00  -> 1,040.00
//   P4 02-15: 3,000.00 x 1% = 30.00  -> 1,030.00 ... P6 04-15: the term runs past the mortgage date.
const loan = drawOn('line', '2026-10-15', 600_000, { method: 'equalPrincipal', rateUnit: 'annual', rate: 0.12, termMonths: 6, firstDueDate: '2026-11-15' })
const paidP1 = pay(loan, '2026-11-15', 106_000)

// 车贷 (a bank term loan): ¥12,000 等额本金 over 12 months at 6% a year, drawn 2026-11-10, first due 2026-12-10:
//   P1 12-10: 1,000.00 principal + 12,000.00 x 0.5% = 60.00 interest -> 1,060.00; the last period is 2027-11-10.
const car = drawOn('car', '2026-11-10', 1_200_000, { method: 'equalPrincipal', rateUnit: 'annual', rate: 0.06, termMonths: 12, firstDueDate: '2026-12-10' })

const ledger = ledgerOf({ accounts: [line, bill, perOrder, carLoan], draws: [loan, car], repayments: [paidP1] })
// Income ¥10,000 a month.
const profile = { monthlyIncome: 1_000_000, mortgageAmount: null, mortgageDate: date }

describe('projecting a balance to the settle-by day', () => {
  it('an instalment loan: the periods due before the day are paid as scheduled, then the current period\'s interest to the day', () => {
    // P2 (12-15) and P3 (01-15) paid: ¥3,000.00 principal left. On 01-30 the current period P4 runs
    // 01-15 -> 02-15 (31 days), 15 of them elapsed: 30.00 x 15/31 = 14.516... -> ¥14.52.
    // Cash needed: 3,000.00 + 14.52 = ¥3,014.52.
    expect(drawOwedOn(loan, [paidP1], line, TODAY, deadline)).toBe(301_452)
    expect(accountOwedOn(inputOf(ledger, { profile }), 'line', deadline)).toBe(301_452)
  })

  it('a 随借随还 draw: principal plus interest by the day to the day (nothing is scheduled before its end)', () => {
    // ¥3,000 at 0.04% a day from 2026-11-01: 1.20 a day; 11-01 -> 01-30 is 30 + 31 + 29 = 90 days
    // (the draw day accrues, the paying day does not): 90 x 1.20 = 108.00. Cash: ¥3,108.00.
    const flexible = drawOn('line', '2026-11-01', 300_000)
    expect(drawOwedOn(flexible, [], line, TODAY, deadline)).toBe(310_800)
  })

  it('a credit card: the issued bill and the next statement\'s bill are paid on their due dates when those come before the day', () => {
    // 招商银行信用卡, statement day 5, due day 23; today 2026-11-21.
    // ¥500.00 bought 10-20 is on the bill of 11-05, due 11-23 (after today); ¥1,000.00 bought 11-10
    // goes on the next bill, 12-05, due 12-23. Owed today: 500.00 + 1,000.00 = ¥1,500.00 (no interest
    // within the free period).
    const cardLedger = ledgerOf({ accounts: [card], orders: [orderOn('card', '2026-10-20', '2026-11-23', 50_000), orderOn('card', '2026-11-10', '2026-12-23', 100_000)] })
    const input = inputOf(cardLedger, { profile })
    expect(accountOwedOn(input, 'card', TODAY)).toBe(150_000)
    // By 12-20 only the 11-23 bill has been paid: 1,500.00 - 500.00 = ¥1,000.00 to settle.
    expect(accountOwedOn(input, 'card', '2026-12-20')).toBe(100_000)
    // By the settle-by day 01-30 both bills are paid as scheduled: nothing left to settle.
    expect(accountOwedOn(input, 'card', deadline)).toBe(0)
  })

  it('on or before today it is today\'s figure', () => {
    const input = inputOf(ledger, { profile })
    expect(accountOwedOn(input, 'line', TODAY)).toBe(input.balances.get('line')!.owed)
  })
})

describe('the mortgage plan with exact figures', () => {
  const r = mortgageReadiness(inputOf(ledger, { profile }), date)

  it('the settle step states the cash needed on its day, and the plan its total', () => {
    const settle = r.plan.filter((s) => s.kind === 'settle')
    expect(settle.map((s) => [s.date, s.accountIds])).toEqual([[deadline, ['line']]])
    expect(settle[0]!.amount).toBe(301_452)
    // Today it owes 5,000.00 principal + P2's interest for 11-15 -> 11-21: 50.00 x 6/30 = ¥10.00.
    expect(zh(settle[0]!.text)).toBe('结清网商贷：当天需备 ¥3,014.52（今天欠 ¥5,010.00），让征信显示为已结清')
    expect(en(settle[0]!.text)).toBe('Settle 网商贷: ¥3,014.52 needed that day (¥5,010.00 owed today) so the report shows it cleared')
    // Nothing else asks for cash: the total is the one settle step.
    expect(r.cashTotal).toBe(301_452)
  })

  it('the open-loans check counts the online loan only and names the car loan apart', () => {
    const open = r.checks.find((c) => c.id === 'openLoans')!
    expect(open.state).toBe('fail')
    expect(open.value).toBe(1)
    expect(open.accountIds).toEqual(['line'])
    // Owed today on the online loan alone: ¥5,010.00 (the car loan's ¥12,000-odd is not in it).
    expect(zh(open.detail)).toContain('仍有 1 笔网贷未结清（现欠共 ¥5,010.00）')
    expect(zh(open.detail)).toContain('另有 1 笔银行贷款（车贷')
    expect(en(open.detail)).toContain('1 online loan still open on 2027-03-01 (¥5,010.00 owed in all)')
  })

  it('gives the debt-to-income ratio today and after the settlements', () => {
    // Next payments on or after today: 网商贷 P2 ¥1,050.00, 车贷 P1 ¥1,060.00 = ¥2,110.00 of ¥10,000.00: 21.1%.
    // Settling 网商贷 leaves ¥1,060.00: 10.6%. The bank's usual line is 50%.
    expect(r.dti).toEqual({
      income: 1_000_000,
      paymentsToday: 211_000,
      paymentsAfter: 106_000,
      shareToday: 21.1,
      shareAfter: 10.6,
      limit: 50,
      overToday: false,
      overAfter: false
    })
  })

  it('without an income the ratio is unknown', () => {
    const none = mortgageReadiness(inputOf(ledger, { profile: { ...profile, monthlyIncome: null } }), date)
    expect([none.dti.shareToday, none.dti.shareAfter]).toEqual([null, null])
  })
})

describe('the online-lender override on an account', () => {
  it('a term loan marked as an online lender counts; a cash line marked not does not', () => {
    const carOnline = { ...carLoan, onlineLender: true }
    const lineBank = { ...line, onlineLender: false }
    const r = mortgageReadiness(inputOf(ledgerOf({ accounts: [lineBank, bill, perOrder, carOnline], draws: [loan, car], repayments: [paidP1] }), { profile }), date)
    const open = r.checks.find((c) => c.id === 'openLoans')!
    expect(open.accountIds).toEqual(['car'])
    expect(r.plan.filter((s) => s.kind === 'settle').map((s) => s.accountIds)).toEqual([['car']])
  })
})
