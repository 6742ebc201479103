import { describe, expect, it } from 'vitest'
import { highCostLevel, highCostRule } from './high-cost'
import { DEFAULT_RISK_SETTINGS } from './settings'
import { drawOn, inputOf, ledgerOf, orderOn, pay } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

// Held two days to 2026-11-21: the real rate is close to the daily rate x 365.
const at = (daily: number) => drawOn('line', '2026-11-19', 100_000, { rate: daily })

describe('high cost: real APR above 4x LPR, 24%, 36%', () => {
  it('places a rate against the lines: 12% (4 x 3% LPR), 24% and 36%', () => {
    expect(highCostLevel(12, DEFAULT_RISK_SETTINGS)).toBeNull()
    expect(highCostLevel(12.01, DEFAULT_RISK_SETTINGS)?.severity).toBe('info')
    expect(highCostLevel(24, DEFAULT_RISK_SETTINGS)?.severity).toBe('info')
    expect(highCostLevel(24.01, DEFAULT_RISK_SETTINGS)?.severity).toBe('warning')
    expect(highCostLevel(36.01, DEFAULT_RISK_SETTINGS)?.severity).toBe('critical')
  })

  it('flags open draws by their real APR from the cost engine', () => {
    const cheap = at(0.0003) // about 11%
    const info = at(0.0004) // about 14.6%
    const high = at(0.0007) // about 25.5%
    const worst = at(0.001) // about 36.5%
    const flags = highCostRule(inputOf(ledgerOf({ draws: [cheap, info, high, worst] })))
    expect(flags.map((f) => [f.id, f.severity, f.source])).toEqual([
      [`highCost:draw:${info.id}`, 'info', 'REG'],
      [`highCost:draw:${high.id}`, 'warning', 'REG'],
      [`highCost:draw:${worst.id}`, 'critical', 'REG']
    ])
    expect(flags[1]!.measure).toBe(25)
    expect(zh(flags[1]!.explanation)).toContain('网商贷 2026-11-19 ¥1,000.00')
    expect(zh(flags[1]!.explanation)).toContain('高于 24%')
    expect(en(flags[0]!.explanation)).toContain('4x the one-year LPR (12%)')
  })

  it('follows the LPR and the 24% settings, and ignores cleared loans', () => {
    const info = at(0.0004)
    expect(highCostRule(inputOf(ledgerOf({ draws: [info] }), { settings: { lprPercent: 4 } }))).toEqual([])
    expect(highCostRule(inputOf(ledgerOf({ draws: [info] }), { settings: { highCostAprPercent: 14 } }))[0]!.severity).toBe('warning')
    const cleared = pay(info, '2026-11-20', 100_040)
    expect(highCostRule(inputOf(ledgerOf({ draws: [info], repayments: [cleared] })))).toEqual([])
  })

  it('flags an open 分期 order: 0.75% a month over 12 months is about 16.2%', () => {
    const order = orderOn('bill', '2026-11-05', '2026-12-10', 120_000, { instalmentCount: 12, instalmentFeeRate: 0.0075 })
    const [flag] = highCostRule(inputOf(ledgerOf({ orders: [order] })))
    expect(flag).toMatchObject({ id: `highCost:order:${order.id}`, severity: 'info', measure: 16 })
  })
})
