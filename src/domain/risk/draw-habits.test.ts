import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { frequentDrawsRule, smallDrawsRule } from './draw-habits'
import { carLoan, drawOn, drawsEndingDaysAgo, inputOf, ledgerOf, line, TODAY } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

describe('frequent draws on one line (more than 5 in 30 days)', () => {
  it('fires at 6 draws, not at 5', () => {
    expect(frequentDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 5) })))).toEqual([])
    const flags = frequentDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 6) })))
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ id: 'frequentDraws:line', rule: 'frequentDraws', source: 'FOLK', severity: 'warning', measure: 6, unit: 'count', accountIds: ['line'] })
    expect(flags[0]!.records).toHaveLength(6)
  })

  it('counts the 30 days ending today: a draw 29 days ago is in, 30 days ago is out, tomorrow is not counted', () => {
    const five = drawsEndingDaysAgo('line', 5)
    expect(frequentDrawsRule(inputOf(ledgerOf({ draws: [...five, drawOn('line', addDays(TODAY, -29))] })))).toHaveLength(1)
    expect(frequentDrawsRule(inputOf(ledgerOf({ draws: [...five, drawOn('line', addDays(TODAY, -30))] })))).toEqual([])
    expect(frequentDrawsRule(inputOf(ledgerOf({ draws: [...five, drawOn('line', addDays(TODAY, 1))] })))).toEqual([])
  })

  it('follows its settings: the window and the count', () => {
    const six = drawsEndingDaysAgo('line', 6, 0)
    expect(frequentDrawsRule(inputOf(ledgerOf({ draws: six }), { settings: { maxDrawsInWindow: 6 } }))).toEqual([])
    // Six draws over the last six days: a 5-day window holds only five of them.
    expect(frequentDrawsRule(inputOf(ledgerOf({ draws: six }), { settings: { drawWindowDays: 7 } }))).toHaveLength(1)
    expect(frequentDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 6, 2) }), { settings: { drawWindowDays: 7 } }))).toEqual([])
  })

  it('counts each line on its own, and never a term loan', () => {
    const flags = frequentDrawsRule(inputOf(ledgerOf({ accounts: [line, carLoan], draws: [...drawsEndingDaysAgo('line', 3), ...drawsEndingDaysAgo('car', 6)] })))
    expect(flags).toEqual([])
  })

  it('names the account and every draw with its date and amount, in both languages, and when it calms down', () => {
    const draws = drawsEndingDaysAgo('line', 6, 0, 123_400)
    const [flag] = frequentDrawsRule(inputOf(ledgerOf({ draws })))
    expect(zh(flag!.explanation)).toContain('网商贷')
    expect(zh(flag!.explanation)).toContain(`${TODAY} ¥1,234.00`)
    expect(en(flag!.explanation)).toContain('6 draws in the last 30 days')
    // The oldest of six (5 days ago) leaves the window 30 days after it: back to five.
    expect(zh(flag!.action)).toContain(addDays(TODAY, 25))
    expect(en(flag!.action)).toContain(addDays(TODAY, 25))
  })
})

describe('draws much smaller than the limit', () => {
  // The line's limit is ¥50,000: 10% is ¥5,000.
  it('fires at 3 draws below 10% of the limit, not at 2', () => {
    expect(smallDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 2, 0, 499_999) })))).toEqual([])
    const flags = smallDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 3, 0, 499_999) })))
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ id: 'smallDraws:line', severity: 'info', source: 'FOLK', measure: 3 })
    expect(zh(flags[0]!.explanation)).toContain('¥5,000.00')
  })

  it('does not count a draw of exactly 10% of the limit as small', () => {
    expect(smallDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 5, 0, 500_000) })))).toEqual([])
  })

  it('needs a limit, and follows the percent setting', () => {
    const noLimit = { ...line, creditLimit: null }
    expect(smallDrawsRule(inputOf(ledgerOf({ accounts: [noLimit], draws: drawsEndingDaysAgo('line', 5, 0, 100) })))).toEqual([])
    expect(smallDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 3, 0, 499_999) }), { settings: { smallDrawPercent: 5 } }))).toEqual([])
    expect(smallDrawsRule(inputOf(ledgerOf({ draws: drawsEndingDaysAgo('line', 3, 0, 249_999) }), { settings: { smallDrawPercent: 5 } }))).toHaveLength(1)
  })
})
