import { describe, expect, it } from 'vitest'
import { generateSampleLedger } from './sample-data'
import { validateLedger } from './validate-ledger'
import { ledgerCost } from '../cost/ledger-cost'

describe('sample ledger', () => {
  it('is deterministic for a seed and a day', () => {
    const a = generateSampleLedger({ today: '2026-11-21' })
    const b = generateSampleLedger({ today: '2026-11-21' })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(JSON.stringify(generateSampleLedger({ today: '2026-11-21', seed: 7 }))).not.toBe(JSON.stringify(a))
  })

  it('passes every schema and cross-record rule', () => {
    for (const today of ['2026-11-21', '2024-02-29', '2027-01-31']) {
      const ledger = generateSampleLedger({ today })
      expect(validateLedger(ledger)).toBeNull()
    }
  })

  it('holds a year of realistic use: several products, dozens of draws and orders, nothing in the future', () => {
    const ledger = generateSampleLedger({ today: '2026-11-21' })
    expect(ledger.accounts.length).toBeGreaterThanOrEqual(6)
    expect(ledger.draws.length).toBeGreaterThanOrEqual(24)
    expect(ledger.orders.length).toBeGreaterThanOrEqual(24)
    expect(new Set(ledger.orders.map((o) => o.accountId)).size).toBeGreaterThanOrEqual(4)
    expect(ledger.draws.some((d) => d.channel === 'merchantQr')).toBe(true)
    for (const d of ledger.draws) expect(d.drawDate <= '2026-11-21').toBe(true)
    for (const r of ledger.repayments) expect(r.date <= '2026-11-21').toBe(true)
    const cost = ledgerCost(ledger, '2026-11-21')
    // Something to act on: one 芝麻 order left overdue; the card's last bill paid at its minimum (on
    // time, revolving); a card bill partly turned into 账单分期; nothing else late.
    expect(cost.dues.filter((d) => d.overdue).map((d) => d.accountId)).toEqual(['zhima'])
    expect(cost.statements.get('cmbcard')?.revolving?.amount).toBeGreaterThan(0)
    expect(ledger.billInstalments).toHaveLength(1)
    expect(cost.late.map((e) => e.accountId)).toEqual(['zhima'])
  })

  it('scales for benchmarks', () => {
    const big = generateSampleLedger({ today: '2026-11-21', months: 24, scale: 5 })
    expect(big.draws.length).toBeGreaterThan(5 * generateSampleLedger({ today: '2026-11-21' }).draws.length)
    expect(validateLedger(big)).toBeNull()
  })
})
