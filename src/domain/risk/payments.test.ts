import { describe, expect, it } from 'vitest'
import { offerOfDraw } from '../cost/loan'
import { buildSchedule } from '../cost/schedule'
import { debtToIncomeRule } from './debt-to-income'
import { estimatedMortgagePayment, monthlyPayments } from './payments'
import { DEFAULT_RISK_SETTINGS } from './settings'
import { drawOn, inputOf, instalmentDraw, ledgerOf, orderOn } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

describe('monthly debt payments', () => {
  it('takes an instalment draw\'s next payment, spreads a 随借随还 draw over its term, 10% of a bill, and an instalment order\'s next period', () => {
    const instalment = instalmentDraw('line', '2026-11-01')
    const flexible = drawOn('line', '2026-11-01', 100_000) // runs to 2027-11-01
    const single = orderOn('bill', '2026-11-05', '2026-12-10', 100_000)
    const plan = orderOn('bill', '2026-11-05', '2026-12-10', 300_000, { instalmentCount: 3, instalmentFeeRate: 0.0075 })
    const p = monthlyPayments(inputOf(ledgerOf({ draws: [instalment, flexible], orders: [single, plan] })))
    const byRecord = new Map(p.lines.map((l) => [l.record?.id ?? `revolving:${l.accountId}`, l]))
    expect(byRecord.get(instalment.id)).toMatchObject({ basis: 'instalment', amount: buildSchedule(offerOfDraw(instalment)).periods[0]!.payment })
    // ¥1,000 + 20 days at ¥0.40 = ¥1,008.00 over the 12 months (345 days) left.
    expect(byRecord.get(flexible.id)).toMatchObject({ basis: 'flexible', amount: 8_400 })
    expect(byRecord.get('revolving:bill')).toMatchObject({ basis: 'revolving', amount: 10_000 })
    expect(byRecord.get(plan.id)).toMatchObject({ basis: 'instalment', amount: 100_000 + 2_250 })
    expect(p.total).toBe([...byRecord.values()].reduce((s, l) => s + l.amount, 0))
    expect(p.byAccount.get('bill')).toBe(10_000 + 102_250)
  })

  it('counts nothing once a debt is cleared', () => {
    expect(monthlyPayments(inputOf(ledgerOf({ orders: [orderOn('bill', '2026-11-05', '2026-12-10', 100_000, { status: 'paid' })] }))).total).toBe(0)
  })
})

describe('the planned mortgage\'s payment', () => {
  it('is the 等额本息 payment: ¥1,000,000 over 30 years at 3.5% is ¥4,490.45 a month', () => {
    expect(estimatedMortgagePayment(100_000_000, DEFAULT_RISK_SETTINGS)).toBe(449_045)
    expect(estimatedMortgagePayment(100_000_000, { mortgageRatePercent: 4.9, mortgageTermYears: 30 })).toBe(530_727)
    expect(estimatedMortgagePayment(0, DEFAULT_RISK_SETTINGS)).toBe(0)
  })
})

describe('debt payments against income', () => {
  const income = { monthlyIncome: 1_000_000 } // ¥10,000
  // A bill counts at 10% of what is owed.
  const owing = (fen: number) => ledgerOf({ orders: [orderOn('bill', '2026-11-05', '2026-12-10', fen)] })

  it('fires above 50% of income, not at 50%', () => {
    expect(debtToIncomeRule(inputOf(owing(5_000_000), { profile: income }))).toEqual([])
    const flags = debtToIncomeRule(inputOf(owing(5_000_010), { profile: income }))
    expect(flags.map((f) => f.id)).toEqual(['debtToIncome'])
    expect(flags[0]).toMatchObject({ source: 'BANK', severity: 'warning', measure: 50, unit: 'percent' })
    expect(zh(flags[0]!.explanation)).toContain('花呗 ¥5,000.01')
  })

  it('with the planned mortgage: above 55% in all, not at 55%; the mortgage alone above 50%', () => {
    const profile = { ...income, mortgageAmount: 100_000_000 } // ¥4,490.45 a month
    expect(debtToIncomeRule(inputOf(owing(1_009_550), { profile }))).toEqual([])
    const flags = debtToIncomeRule(inputOf(owing(1_009_560), { profile }))
    expect(flags.map((f) => [f.id, f.source, f.severity])).toEqual([['debtToIncome:withMortgage', 'REG', 'critical']])
    expect(zh(flags[0]!.explanation)).toContain('¥4,490.45')
    expect(en(flags[0]!.explanation)).toContain('30 years at 3.5%')
    // ¥1,300,000 is about ¥5,837.59 a month: 58% of income on its own.
    const alone = debtToIncomeRule(inputOf(owing(1), { profile: { ...profile, mortgageAmount: 130_000_000 } }))
    expect(alone.map((f) => f.id)).toEqual(['debtToIncome:mortgage', 'debtToIncome:withMortgage'])
  })

  it('says nothing without an income', () => {
    expect(debtToIncomeRule(inputOf(owing(9_000_000), { profile: { monthlyIncome: null, mortgageAmount: 100_000_000 } }))).toEqual([])
  })
})
