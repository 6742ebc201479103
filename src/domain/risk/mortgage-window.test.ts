import { describe, expect, it } from 'vitest'
import { cleanupStart, mortgageDrawsRule, openAtMortgageRule, settleBy } from './mortgage-window'
import { DEFAULT_RISK_SETTINGS } from './settings'
import { carLoan, drawOn, fenfu, inputOf, instalmentDraw, ledgerOf, line, pay, TODAY } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

const planned = { mortgageDate: '2027-01-21' }

describe('draws inside the clean-up window before the mortgage', () => {
  it('counts draws from three months before the date: 2026-10-21 is in, 2026-10-20 is out', () => {
    expect(cleanupStart('2027-01-21', DEFAULT_RISK_SETTINGS)).toBe('2026-10-21')
    expect(mortgageDrawsRule(inputOf(ledgerOf({ draws: [drawOn('line', '2026-10-20')] }), { profile: planned }))).toEqual([])
    const inside = drawOn('line', '2026-10-21', 200_000)
    const flags = mortgageDrawsRule(inputOf(ledgerOf({ draws: [drawOn('line', '2026-10-20'), inside] }), { profile: planned }))
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ id: 'mortgageDraws:line', source: 'FOLK', severity: 'warning', measure: 1, records: [{ type: 'draw', id: inside.id }] })
    expect(zh(flags[0]!.explanation)).toContain('2026-10-21 ¥2,000.00')
    expect(zh(flags[0]!.action)).toContain('从现在起不要再从网商贷借款')
    expect(zh(flags[0]!.action)).toContain('2026-12-22')
  })

  it('does not count a draw on the mortgage date itself or on a product that does not report; counts one that may', () => {
    const notReporting = { ...line, reportsToCredit: 'no' as const }
    expect(mortgageDrawsRule(inputOf(ledgerOf({ accounts: [notReporting], draws: [drawOn('line', '2026-11-01')] }), { profile: planned }))).toEqual([])
    expect(mortgageDrawsRule(inputOf(ledgerOf({ draws: [drawOn('line', '2027-01-21')] }), { profile: planned }))).toEqual([])
    const unsure = { ...fenfu, kind: 'cashLoanLine' as const, statementDay: null, dueDay: null }
    const [flag] = mortgageDrawsRule(inputOf(ledgerOf({ accounts: [unsure], draws: [drawOn('fenfu', '2026-11-01')] }), { profile: planned }))
    expect(zh(flag!.explanation)).toContain('是否上征信不确定')
  })

  it('widens with the setting (up to 6 months) and names a start still ahead', () => {
    const july = drawOn('line', '2026-07-21')
    expect(mortgageDrawsRule(inputOf(ledgerOf({ draws: [july] }), { profile: planned }))).toEqual([])
    expect(mortgageDrawsRule(inputOf(ledgerOf({ draws: [july] }), { profile: planned, settings: { cleanupMonths: 6 } }))).toHaveLength(1)
    const later = mortgageDrawsRule(inputOf(ledgerOf({ draws: [drawOn('line', '2026-11-20')] }), { profile: { mortgageDate: '2027-02-20' }, settings: { cleanupMonths: 3 } }))
    expect(zh(later[0]!.action)).toContain('从现在起')
    const ahead = mortgageDrawsRule(inputOf(ledgerOf({ draws: [drawOn('line', '2027-03-05')] }), { profile: { mortgageDate: '2027-06-01' } }))
    expect(zh(ahead[0]!.action)).toContain('2027-03-01 起不要再从网商贷借款')
  })

  it('says nothing without a date, or once the date has come', () => {
    const draws = [drawOn('line', '2026-11-01')]
    expect(mortgageDrawsRule(inputOf(ledgerOf({ draws })))).toEqual([])
    expect(mortgageDrawsRule(inputOf(ledgerOf({ draws }), { profile: { mortgageDate: TODAY } }))).toEqual([])
  })
})

describe('loans still open on the mortgage date', () => {
  it('flags an open loan whose term runs past the date, and not one that ends before it or is cleared', () => {
    const flexible = drawOn('line', '2026-11-01', 300_000) // runs to 2027-11-01
    const short = instalmentDraw('line', '2026-10-01') // last due 2027-01-01
    const cleared = drawOn('line', '2026-11-02', 100_000)
    const flags = openAtMortgageRule(inputOf(ledgerOf({ draws: [flexible, short, cleared], repayments: [pay(cleared, '2026-11-10', 100_320)] }), { profile: planned }))
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ id: 'openAtMortgage:line', source: 'BANK', severity: 'warning', measure: 300_000, unit: 'fen', records: [{ type: 'draw', id: flexible.id }] })
    expect(zh(flags[0]!.explanation)).toContain('2026-11-01 ¥3,000.00，到期 2027-11-01')
    expect(zh(flags[0]!.action)).toContain(`在 ${settleBy('2027-01-21', TODAY, DEFAULT_RISK_SETTINGS)} 前结清网商贷`)
  })

  it('only informs about a bank loan: it counts as debt, not as 网贷', () => {
    const car = drawOn('car', '2026-01-01', 12_000_000, { method: 'equalInstalment', rateUnit: 'annual', rate: 0.042, termMonths: 36 })
    const [flag] = openAtMortgageRule(inputOf(ledgerOf({ accounts: [carLoan], draws: [car] }), { profile: planned }))
    expect(flag).toMatchObject({ severity: 'info', id: 'openAtMortgage:car' })
    expect(en(flag!.action)).toContain('count its payment as debt')
  })

  it('settles by 30 days before the date, or today once that has passed', () => {
    expect(settleBy('2027-01-21', TODAY, DEFAULT_RISK_SETTINGS)).toBe('2026-12-22')
    expect(settleBy('2026-12-01', TODAY, DEFAULT_RISK_SETTINGS)).toBe(TODAY)
    expect(settleBy('2027-01-21', TODAY, { ...DEFAULT_RISK_SETTINGS, settleLeadDays: 0 })).toBe('2027-01-21')
  })
})
