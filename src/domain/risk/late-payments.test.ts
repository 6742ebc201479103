import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { offerOfDraw } from '../cost/loan'
import { buildSchedule } from '../cost/schedule'
import type { Order, Repayment } from '../records'
import { lateClearsOn, lateEvents, latePaymentsRule, lateSummaryAt } from './late-payments'
import { bill, card, drawOn, inputOf, instalmentDraw, ledgerOf, orderOn, pay, payBill } from '@/testing/risk-scenarios'
import { en, zh } from '@/testing/risk-text'

/**
 * An order of ¥1,000 on `accountId` due on each date, each bill paid in full `daysLate` after it:
 * nothing paid by the due date (and the grace days) is below the ¥100.00 minimum, a late month.
 */
function bills(accountId: string, dues: string[], daysLate: number): { orders: Order[]; repayments: Repayment[] } {
  const orders = dues.map((due) => orderOn(accountId, addDays(due, -20), due, 100_000))
  return { orders, repayments: dues.map((due) => payBill(accountId, addDays(due, daysLate), 100_000)) }
}

describe('late payments from the repayment history', () => {
  // ¥3,000 in three 等额本金 instalments, due 07-01, 08-01 and 09-01.
  const draw = instalmentDraw('line', '2026-06-01')
  const periods = buildSchedule(offerOfDraw(draw)).periods

  it('finds an instalment paid two days after its due date, and nothing when every one is paid on the day', () => {
    const onTime = periods.map((p) => pay(draw, p.dueDate, p.payment))
    expect(lateEvents(inputOf(ledgerOf({ draws: [draw], repayments: onTime })), '2024-01-01')).toEqual([])
    const late = [pay(draw, '2026-07-01', periods[0]!.payment), pay(draw, '2026-08-03', periods[1]!.payment), pay(draw, '2026-09-01', periods[2]!.payment)]
    const events = lateEvents(inputOf(ledgerOf({ draws: [draw], repayments: late })), '2024-01-01')
    expect(events).toEqual([{ accountId: 'line', dueDate: '2026-08-01', shortfall: periods[1]!.payment, records: [{ type: 'draw', id: draw.id }] }])
  })

  it('finds a 随借随还 draw cleared after the end of its term, not one cleared on the last day', () => {
    const flexible = drawOn('line', '2026-01-10', 100_000, { termMonths: 1 }) // due 2026-02-10
    const owedOn = (date: string) => 100_000 + 40 * Math.round((Date.UTC(2026, Number(date.slice(5, 7)) - 1, Number(date.slice(8))) - Date.UTC(2026, 0, 10)) / 86_400_000)
    const late = lateEvents(inputOf(ledgerOf({ draws: [flexible], repayments: [pay(flexible, '2026-02-12', owedOn('2026-02-12'))] })), '2024-01-01')
    expect(late.map((e) => e.dueDate)).toEqual(['2026-02-10'])
    expect(lateEvents(inputOf(ledgerOf({ draws: [flexible], repayments: [pay(flexible, '2026-02-10', owedOn('2026-02-10'))] })), '2024-01-01')).toEqual([])
  })

  it('reads a statement account bill by bill: late when the bill\'s minimum was not paid by its due day', () => {
    // 花呗 (statement day 1, due day 10, no grace days): ¥500 on the 09-01 bill paid in full on
    // 09-10; ¥300 on the 10-01 bill paid two days late. Nothing paid by 10-10 against a minimum of
    // 10% x 300 = ¥30.00: ¥30.00 short.
    const a = orderOn('bill', '2026-08-20', '2026-09-10', 50_000)
    const b = orderOn('bill', '2026-09-20', '2026-10-10', 30_000)
    const events = lateEvents(inputOf(ledgerOf({ orders: [a, b], repayments: [payBill('bill', '2026-09-10', 50_000), payBill('bill', '2026-10-12', 30_000)] })), '2024-01-01')
    expect(events).toEqual([{ accountId: 'bill', dueDate: '2026-10-10', shortfall: 3_000, records: [{ type: 'order', id: b.id }] }])
  })

  it('paying the minimum by the due day is on time, even with no tolerance', () => {
    const a = orderOn('bill', '2026-09-20', '2026-10-10', 30_000)
    // Read on 10-20, before the next bill: the rest revolves until then. The minimum is 10% of ¥300 = ¥30.00.
    const paid = (amount: number) => lateEvents(inputOf(ledgerOf({ orders: [a], repayments: [payBill('bill', '2026-10-10', amount)] }), { today: '2026-10-20', settings: { lateToleranceYuan: 0 } }), '2024-01-01')
    expect(paid(3_000)).toEqual([])
    expect(paid(2_999)).toHaveLength(1)
  })

  it('forgives a shortfall up to the tolerance (¥10 by default), not a fen more', () => {
    // ¥1,000 on the bill: minimum ¥100.00; paying ¥90.00 is ¥10.00 short, ¥89.99 is ¥10.01 short.
    const a = orderOn('bill', '2026-09-20', '2026-10-10', 100_000)
    const short = (paid: number) => lateEvents(inputOf(ledgerOf({ orders: [a], repayments: [payBill('bill', '2026-10-10', paid)] }), { today: '2026-10-20' }), '2024-01-01')
    expect(short(9_000)).toEqual([])
    expect(short(8_999)).toHaveLength(1)
  })

  it('ignores products that do not report to 征信', () => {
    const o = orderOn('per', '2026-09-01', '2026-09-15')
    expect(lateEvents(inputOf(ledgerOf({ orders: [o], repayments: [pay(o, '2026-09-20', o.amount)] })), '2024-01-01')).toEqual([])
  })

  it('counts a per-order product order by order', () => {
    const reporting = { ...card, id: 'zm', kind: 'payLaterOrder' as const, statementDay: null, dueDay: null, payLaterWindowDays: 14, statementTerms: null }
    const a = orderOn('zm', '2026-09-01', '2026-09-15')
    const b = orderOn('zm', '2026-09-02', '2026-09-16')
    const events = lateEvents(inputOf(ledgerOf({ accounts: [reporting], orders: [a, b], repayments: [pay(b, '2026-09-10', b.amount), pay(a, '2026-09-20', a.amount)] })), '2024-01-01')
    expect(events.map((e) => e.records[0]!.id)).toEqual([a.id])
  })
})

describe('连三累六 over 24 months', () => {
  const today = '2026-11-21'
  const flagOf = (dues: string[], accountId = 'bill') => latePaymentsRule(inputOf(ledgerOf(bills(accountId, dues, 5)), { today }))

  it('warns from the first late month, and is critical at 3 consecutive months but not at 2', () => {
    expect(flagOf([])).toEqual([])
    const two = flagOf(['2026-08-10', '2026-09-10'])
    expect(two).toHaveLength(1)
    expect(two[0]).toMatchObject({ id: 'latePayments', severity: 'warning', source: 'BANK', measure: 2 })
    expect(flagOf(['2026-08-10', '2026-09-10', '2026-10-10'])[0]).toMatchObject({ severity: 'critical', measure: 3 })
  })

  it('is critical at 6 late months in all, not at 5', () => {
    const five = ['2025-12-10', '2026-02-10', '2026-04-10', '2026-06-10', '2026-08-10']
    expect(flagOf(five)[0]).toMatchObject({ severity: 'warning', measure: 5 })
    expect(flagOf([...five, '2026-10-10'])[0]).toMatchObject({ severity: 'critical', measure: 6 })
  })

  it('does not join runs on different accounts, but adds their months together', () => {
    // Five days late: past the card's 3 grace days too.
    const a = bills('bill', ['2026-08-10', '2026-09-10'], 5)
    const b = bills('card', ['2026-08-23', '2026-09-23'], 5)
    // Read on 10-01: the card's late fee and interest on the next bill are not due yet.
    const [flag] = latePaymentsRule(inputOf(ledgerOf({ accounts: [card, bill], orders: [...a.orders, ...b.orders], repayments: [...a.repayments, ...b.repayments] }), { today: '2026-10-01' }))
    expect(flag).toMatchObject({ severity: 'warning', measure: 4 })
    expect(flag!.accountIds.sort()).toEqual(['bill', 'card'])
  })

  it('counts two late dues in one month on one account as one late month', () => {
    expect(flagOf(['2026-08-10', '2026-08-20'])[0]!.measure).toBe(1)
  })

  it('keeps a due date exactly 24 months back and drops the day before', () => {
    // A per-order product that reports, so the due date is the order's own.
    const reporting = { ...card, id: 'zm', kind: 'payLaterOrder' as const, statementDay: null, dueDay: null, payLaterWindowDays: 14, statementTerms: null }
    const lateOn = (due: string) => {
      const o = orderOn('zm', addDays(due, -14), due, 100_000)
      return latePaymentsRule(inputOf(ledgerOf({ accounts: [reporting], orders: [o], repayments: [pay(o, addDays(due, 1), o.amount)] }), { today }))
    }
    expect(lateOn('2024-11-21')[0]!.measure).toBe(1)
    expect(lateOn('2024-11-20')).toEqual([])
  })

  it('names the account, the date and the shortfall, and when the oldest leaves the window', () => {
    const [flag] = flagOf(['2025-12-10'])
    // Short of the bill's ¥100.00 minimum (10% of ¥1,000).
    expect(zh(flag!.explanation)).toContain('花呗 2025-12-10 少还 ¥100.00')
    expect(en(flag!.explanation)).toContain('花呗 2025-12-10, ¥100.00 short')
    expect(zh(flag!.action)).toContain('2027-12-11')
  })

  it('works out the day the history is back under both lines', () => {
    const input = inputOf(ledgerOf(bills('bill', ['2026-08-10', '2026-09-10', '2026-10-10'], 5)), { today })
    const summary = lateSummaryAt(input, today, 24)
    expect(summary.longest?.months).toEqual(['2026-08', '2026-09', '2026-10'])
    // When 2026-08-10 leaves the window only two consecutive months are left.
    expect(lateClearsOn(summary.events, 24, 3, 6)).toBe('2028-08-11')
  })
})
