import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { findRepaymentProblem } from '../ledger/validate-ledger'
import { overdueMonths, overdueRule } from './overdue'
import { bill, drawOn, inputOf, ledgerOf, orderOn, pay, payBill, perOrder } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

// A one-month 随借随还 draw of ¥1,000 from 2026-10-01: everything is due on 2026-11-01.
const draw = drawOn('line', '2026-10-01', 100_000, { termMonths: 1 })

describe('anything overdue, even one day', () => {
  it('fires the day after the due date, not on it', () => {
    expect(overdueRule(inputOf(ledgerOf({ draws: [draw] }), { today: '2026-11-01' }))).toEqual([])
    const flags = overdueRule(inputOf(ledgerOf({ draws: [draw] }), { today: '2026-11-02' }))
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ id: `overdue:draw:${draw.id}`, severity: 'critical', source: 'REG', measure: 1, unit: 'months', records: [{ type: 'draw', id: draw.id }] })
    expect(zh(flags[0]!.explanation)).toContain('网商贷 2026-10-01 ¥1,000.00')
    expect(zh(flags[0]!.explanation)).toContain('逾期 1 天')
    expect(en(flags[0]!.explanation)).toContain('overdue 1 day since its 2026-11-01 due date')
  })

  it('does not fire when it was paid on the due date', () => {
    const repaid = pay(draw, '2026-11-01', 101_240) // ¥1,000 + 31 days at ¥0.40
    expect(overdueRule(inputOf(ledgerOf({ draws: [draw], repayments: [repaid] }), { today: '2026-11-02' }))).toEqual([])
  })

  it('counts bills and orders too: REG where the product reports, PRODUCT where it does not', () => {
    // ¥100 on 花呗's 11-01 bill, due 11-10, nothing paid: ¥10.00 (10%) short of its minimum.
    const onBill = orderOn('bill', '2026-10-01', '2026-11-10')
    const onZhima = orderOn('per', '2026-11-01', '2026-11-15')
    const flags = overdueRule(inputOf(ledgerOf({ orders: [onBill, onZhima] }), { today: '2026-11-16' }))
    expect(flags.map((f) => [f.id, f.source])).toEqual([
      [`overdue:order:${onZhima.id}`, 'PRODUCT'],
      ['overdue:bill:bill:2026-11-01', 'REG']
    ])
    expect(zh(flags[0]!.explanation)).toContain(`${perOrder.name}不上征信`)
    expect(zh(flags[1]!.explanation)).toContain(`${bill.name} 2026-11-01 账单`)
    expect(zh(flags[1]!.explanation)).toContain('还差 ¥10.00')
  })

  it('a bill whose minimum was paid on time is not overdue, though the rest revolves', () => {
    const onBill = orderOn('bill', '2026-10-01', '2026-11-10', 100_000)
    // Minimum: 10% of ¥1,000 = ¥100.00, paid on the due day.
    expect(overdueRule(inputOf(ledgerOf({ orders: [onBill], repayments: [payBill('bill', '2026-11-10', 10_000)] }), { today: '2026-11-16' }))).toEqual([])
  })

  it('tells an order to pay what the ledger accepts, with the penalty named apart as the platform\'s', () => {
    const late = orderOn('per', '2026-10-01', '2026-10-15', 100_000)
    const ledger = ledgerOf({ orders: [late] })
    const [flag] = overdueRule(inputOf(ledger, { today: '2026-11-20' }))
    expect(zh(flag!.action)).toContain('今天就还清 ¥1,000.00')
    expect(zh(flag!.explanation)).toMatch(/未还 ¥1,000\.00，另有罚息约 ¥\d+\.\d\d/)
    // The amount it names is one the store takes.
    const paid = { ...ledger, repayments: [pay(late, '2026-11-20', 100_000)] }
    expect(findRepaymentProblem(paid)).toBeNull()
  })

  it('measures in months overdue, as the report does: 30 days is one, 31 two', () => {
    expect(overdueMonths(1)).toBe(1)
    expect(overdueMonths(30)).toBe(1)
    expect(overdueMonths(31)).toBe(2)
    const [flag] = overdueRule(inputOf(ledgerOf({ draws: [draw] }), { today: addDays('2026-11-01', 31) }))
    expect(flag!.measure).toBe(2)
  })

  it('follows the minimum-days setting', () => {
    const settings = { overdueMinDays: 3 }
    expect(overdueRule(inputOf(ledgerOf({ draws: [draw] }), { today: '2026-11-03', settings }))).toEqual([])
    expect(overdueRule(inputOf(ledgerOf({ draws: [draw] }), { today: '2026-11-04', settings }))).toHaveLength(1)
  })
})
