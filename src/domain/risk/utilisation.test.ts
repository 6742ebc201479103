import { describe, expect, it } from 'vitest'
import { utilisationRule } from './utilisation'
import { bill, drawOn, inputOf, ledgerOf, line, orderOn } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

// 花呗's limit is ¥8,000: 70% is ¥5,600.
const used = (amount: number) => ledgerOf({ orders: [orderOn('bill', '2026-11-10', '2026-12-10', amount)] })

describe('utilisation above 70% of a line or card', () => {
  it('fires at 71%, not at 70%, compared to the fen', () => {
    expect(utilisationRule(inputOf(used(560_000)))).toEqual([])
    expect(utilisationRule(inputOf(used(560_001)))).toHaveLength(1)
    const [flag] = utilisationRule(inputOf(used(568_000)))
    expect(flag).toMatchObject({ id: 'utilisation:bill', severity: 'warning', source: 'BANK', measure: 71, unit: 'percent', accountIds: ['bill'] })
    expect(zh(flag!.explanation)).toContain('花呗已用 ¥5,680.00，占额度 ¥8,000.00 的 71%')
    expect(zh(flag!.action)).toContain('还掉至少 ¥80.00')
    expect(en(flag!.action)).toContain(`keep ${bill.name} below ¥5,600.00`)
  })

  it('reads draws on a cash line too, and needs a limit', () => {
    // ¥50,000 line: ¥36,000 out is 72%.
    expect(utilisationRule(inputOf(ledgerOf({ draws: [drawOn('line', '2026-11-20', 3_600_000)] })))).toHaveLength(1)
    expect(utilisationRule(inputOf(ledgerOf({ accounts: [{ ...line, creditLimit: null }], draws: [drawOn('line', '2026-11-20', 3_600_000)] })))).toEqual([])
  })

  it('follows its setting', () => {
    expect(utilisationRule(inputOf(used(568_000), { settings: { utilisationPercent: 80 } }))).toEqual([])
    expect(utilisationRule(inputOf(used(400_001), { settings: { utilisationPercent: 50 } }))).toHaveLength(1)
  })
})
