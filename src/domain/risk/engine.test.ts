import { describe, expect, it } from 'vitest'
import { addMonths } from '../calendar'
import { ledgerCost } from '../cost/ledger-cost'
import { generateSampleLedger } from '../ledger/sample-data'
import { acknowledge, activeFlags, evaluateRules, isAcknowledged, splitAcknowledged, staleAcknowledgements, unacknowledge } from './engine'
import { DEFAULT_RISK_SETTINGS } from './settings'
import { drawOn, drawsEndingDaysAgo, inputOf, ledgerOf, noProfile, TODAY } from '@/testing/risk-scenarios'
import { SEVERITIES, SOURCE_CATEGORIES, type RiskFlag } from './types'
import { en, zh } from '@/testing/risk-text'

describe('acknowledging a flag', () => {
  const six = drawsEndingDaysAgo('line', 6)
  const flagOf = (draws = six) => evaluateRules(inputOf(ledgerOf({ draws }))).find((f) => f.rule === 'frequentDraws')!

  it('hides it while it is no worse, and brings it back when a new draw makes it worse', () => {
    const flag = flagOf()
    const acks = acknowledge({}, flag, TODAY)
    expect(acks).toEqual({ 'frequentDraws:line': { measure: 6, severity: flag.severity, date: TODAY } })
    expect(isAcknowledged(flag, acks)).toBe(true)
    const worse = flagOf([...six, drawOn('line', TODAY)])
    expect(worse.measure).toBe(7)
    expect(isAcknowledged(worse, acks)).toBe(false)
    expect(splitAcknowledged([worse], acks)).toEqual({ shown: [worse], hidden: [] })
    expect(splitAcknowledged([flag], acks)).toEqual({ shown: [], hidden: [flag] })
  })

  it('comes back when it turns more severe at the same measure (three late months, now in a row)', () => {
    const warning: RiskFlag = { ...flagOf(), severity: 'warning', measure: 3 }
    const acks = acknowledge({}, warning, TODAY)
    expect(isAcknowledged(warning, acks)).toBe(true)
    expect(isAcknowledged({ ...warning, severity: 'critical' }, acks)).toBe(false)
    expect(isAcknowledged({ ...warning, severity: 'info' }, acks)).toBe(true)
    // One stored before severities were kept still hides by its measure.
    expect(isAcknowledged({ ...warning, severity: 'critical' }, { [warning.id]: { measure: 3, date: TODAY } })).toBe(true)
  })

  it('can be undone, and an acknowledgement of a flag that cleared is stale', () => {
    const flag = flagOf()
    const acks = acknowledge(acknowledge({}, flag, TODAY), { ...flag, id: 'utilisation:bill' }, TODAY)
    expect(unacknowledge(acks, flag.id)).toEqual({ 'utilisation:bill': { measure: 6, severity: flag.severity, date: TODAY } })
    expect(staleAcknowledgements(acks, [flag])).toEqual(['utilisation:bill'])
  })
})

describe('active flags of the sample ledger', () => {
  const ledger = generateSampleLedger({ today: TODAY })
  const profile = { ...noProfile, monthlyIncome: 2_000_000, mortgageDate: addMonths(TODAY, 2), mortgageAmount: 150_000_000 }
  const flags = activeFlags(ledger, profile, DEFAULT_RISK_SETTINGS, TODAY)

  it('raises the sample\'s known problems: the overdue 芝麻 order, the burst of inquiries, the mortgage window', () => {
    const rules = new Set(flags.map((f) => f.rule))
    for (const rule of ['overdue', 'hardInquiries', 'onlineLenders', 'mortgageDraws', 'openAtMortgage', 'debtToIncome'] as const) expect(rules, rule).toContain(rule)
    // The sample pays every bill on its due date: the 1-fen rounding of its instalments is not late.
    expect(rules).not.toContain('latePayments')
  })

  it('puts the most severe first, with unique ids, a known source, and text in both languages naming real records', () => {
    const rank = (f: RiskFlag) => SEVERITIES.indexOf(f.severity)
    for (let i = 1; i < flags.length; i++) expect(rank(flags[i - 1]!)).toBeGreaterThanOrEqual(rank(flags[i]!))
    expect(new Set(flags.map((f) => f.id)).size).toBe(flags.length)
    const accounts = new Set(ledger.accounts.map((a) => a.id))
    const records = new Set([...ledger.draws, ...ledger.orders, ...ledger.inquiries].map((r) => r.id))
    for (const f of flags) {
      expect(SOURCE_CATEGORIES).toContain(f.source)
      expect(Number.isInteger(f.measure)).toBe(true)
      for (const text of [zh(f.explanation), en(f.explanation), zh(f.action), en(f.action)]) {
        expect(text.length).toBeGreaterThan(10)
        // Every placeholder was given: nothing like {count} or {days|day|days} is left in the sentence.
        expect(text).not.toMatch(/\{\w+(\|[^{}]*)?\}/)
      }
      // Chinese text in zh; the English has no Chinese beyond names from the records.
      expect(zh(f.explanation)).toMatch(/[\u4e00-\u9fff]/)
      for (const id of f.accountIds) expect(accounts).toContain(id)
      for (const r of f.records) expect(records).toContain(r.id)
    }
  })

  it("is the same whether the caller passes the cost engine's figures or not", () => {
    expect(activeFlags(ledger, profile, DEFAULT_RISK_SETTINGS, TODAY, { cost: ledgerCost(ledger, TODAY) })).toEqual(flags)
  })

  it('raises nothing about a mortgage or income without a profile', () => {
    const plain = activeFlags(ledger, noProfile, DEFAULT_RISK_SETTINGS, TODAY)
    expect(plain.filter((f) => ['mortgageDraws', 'openAtMortgage', 'debtToIncome'].includes(f.rule))).toEqual([])
  })
})
