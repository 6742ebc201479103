import { describe, expect, it } from 'vitest'
import { generateSampleLedger } from './sample-data'
import { validateLedger } from './validate-ledger'
import { orderBalances } from '@/testing/plain-balances'

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
    const balances = orderBalances(ledger.orders, ledger.repayments, '2026-11-21')
    const overdue = ledger.orders.filter((o) => o.dueDate < '2026-11-21' && (balances.get(o.id)?.owed ?? 0) > 0)
    expect(overdue.length).toBeGreaterThanOrEqual(1)
  })

  it('scales for benchmarks', () => {
    const big = generateSampleLedger({ today: '2026-11-21', months: 24, scale: 5 })
    expect(big.draws.length).toBeGreaterThan(5 * generateSampleLedger({ today: '2026-11-21' }).draws.length)
    expect(validateLedger(big)).toBeNull()
  })
})
