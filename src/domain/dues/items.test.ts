// Tests the due items: draws (instalments, end of term, arrears), pay-later orders, statement bills, refunds, and that paying what an item asks clears it.
import { describe, expect, it } from 'vitest'
import { cash, draw, emptyLedger, huabei, order, orderWith, repay, zhima, onBill, onOrder } from '@/test-fixtures'
import { addDays, dayNumber } from '../dates'
import { drawCostDetail } from '../cost/actual'
import { ledgerCost } from '../cost/ledger-cost'
import { orderBalances } from '../owed'
import type { Account, Draw, Ledger, Order, Repayment } from '../records'
import { generateSampleLedger } from '../sample-data'
import { findRepaymentProblem } from '../validate-ledger'
import { DEFAULT_PROFILE } from '../records'
import { DEFAULT_RISK_SETTINGS, riskInput } from '../risk'
import { lateEvents } from '../risk/late-payments'
import { dueItems, duesByDay, summariseDues, urgencyOf, type DueItem } from './items'

const options = { minimumPercent: 10 }
const ledgerOf = (fields: Partial<Ledger>): Ledger => ({ ...emptyLedger, accounts: [cash, huabei, zhima], ...fields })
const keys = (items: DueItem[]) => items.map((i) => i.key)

/** The repayment a one-click clear records for an item, on `date`. */
function clearing(item: DueItem, date: string, id = `clear-${item.key}`): Repayment {
  return { id, accountId: item.accountId, targetType: item.target.targetType, targetId: item.target.targetId, date, amount: item.clearAmount, note: '' }
}

describe('draws', () => {
  it('a 随借随还 draw is due in full at the end of its term, with the interest up to that day', () => {
    const items = dueItems(ledgerOf({ draws: [draw] }), '2026-03-01', options)
    expect(items).toHaveLength(1)
    const [item] = items
    // 10,000 yuan at 0.04% a day: 400 fen a day, from 2026-01-01 to the end of the 12-month term on 2027-01-01.
    expect(item).toMatchObject({ key: 'draw:dr-1:end', kind: 'drawTerm', dueDate: '2027-01-01', amount: 1_000_000 + 400 * 365, overdue: null, target: { targetType: 'draw', targetId: 'dr-1' } })
    // Cleared today it costs only the interest so far (59 days).
    expect(item!.clearAmount).toBe(1_000_000 + 400 * 59)
    expect(item!.daysLeft).toBe(306)
  })

  it('a 随借随还 draw past its term is overdue for everything it owes, penalty included', () => {
    const items = dueItems(ledgerOf({ draws: [draw] }), '2027-01-05', options)
    const cost = drawCostDetail(draw, [], cash, '2027-01-05').cost
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ key: 'draw:dr-1:overdue', dueDate: '2027-01-01', amount: cost.owedToday, clearAmount: cost.owedToday, overdue: { days: 4, penalty: cost.overdue!.penaltyAccrued } })
    expect(items[0]!.overdue!.penalty).toBeGreaterThan(0)
  })

  it('a cleared draw has nothing due', () => {
    const paid = repay('r1', { date: '2026-02-01', amount: 1_000_000 + 400 * 31 })
    expect(dueItems(ledgerOf({ draws: [draw], repayments: [paid] }), '2026-03-01', options)).toEqual([])
  })

  const instalments: Draw = { ...draw, id: 'dr-2', method: 'equalPrincipal', rateUnit: 'annual', rate: 0.072, termMonths: 3, principal: 300_000 }

  it('an instalment draw is due period by period: principal share plus the month\'s interest', () => {
    const items = dueItems(ledgerOf({ draws: [instalments] }), '2026-01-10', options)
    // 3,000 yuan at 7.2% a year (0.6% a month), equal principal: 1,000 + 18, 1,000 + 12, 1,000 + 6.
    expect(items.map((i) => [i.key, i.dueDate, i.amount, i.clearAmount])).toEqual([
      ['draw:dr-2:1', '2026-02-01', 101_800, 101_800],
      ['draw:dr-2:2', '2026-03-01', 101_200, 203_000],
      ['draw:dr-2:3', '2026-04-01', 100_600, drawCostDetail(instalments, [], cash, '2026-01-10').cost.owedToday]
    ])
    expect(items[0]!.period).toEqual({ index: 1, count: 3 })
  })

  it('a payment ahead of the schedule counts towards the earliest instalment first', () => {
    const ahead = repay('r1', { targetId: 'dr-2', date: '2026-01-20', amount: 150_000 })
    const items = dueItems(ledgerOf({ draws: [instalments], repayments: [ahead] }), '2026-01-25', options)
    expect(items.map((i) => [i.key, i.amount])).toEqual([
      ['draw:dr-2:2', 101_200 - (150_000 - 101_800)],
      ['draw:dr-2:3', 100_600]
    ])
  })

  it('missed instalments are one overdue item: the arrears plus the penalty, as the cost engine has them', () => {
    const today = '2026-03-05'
    const detail = drawCostDetail(instalments, [], cash, today, {}, { dueByDay: dayNumber(today) - 1 })
    const items = dueItems(ledgerOf({ draws: [instalments] }), today, options)
    expect(keys(items)).toEqual(['draw:dr-2:overdue', 'draw:dr-2:3'])
    expect(items[0]).toMatchObject({ dueDate: '2026-02-01', amount: detail.dueBy, overdue: { days: 32, penalty: detail.cost.overdue!.penaltyAccrued } })
    expect(detail.dueBy).toBeGreaterThan(101_800 + 101_200)
    // Paying the arrears brings it back on schedule: only the last instalment is left.
    const after = dueItems(ledgerOf({ draws: [instalments], repayments: [clearing(items[0]!, today)] }), today, options)
    expect(keys(after)).toEqual(['draw:dr-2:3'])
  })
})

describe('pay-later orders', () => {
  const zhimaOrder: Order = { ...order, id: 'od-z', accountId: 'zhima', orderDate: '2026-01-05', dueDate: '2026-01-19', amount: 30_000 }

  it('is due on its own due date for what it owes', () => {
    const items = dueItems(ledgerOf({ orders: [zhimaOrder] }), '2026-01-15', options)
    expect(items).toEqual([
      expect.objectContaining({ key: 'order:od-z', kind: 'order', dueDate: '2026-01-19', amount: 30_000, clearAmount: 30_000, daysLeft: 4, overdue: null, target: { targetType: 'order', targetId: 'od-z' } })
    ])
  })

  it('past its due date shows the days overdue and the penalty the cost engine accrues', () => {
    const ledger = ledgerOf({ orders: [zhimaOrder] })
    const items = dueItems(ledger, '2026-01-25', options)
    const penalty = ledgerCost(ledger, '2026-01-25').orders.get('od-z')!.overdue!.penaltyAccrued
    expect(items[0]).toMatchObject({ amount: 30_000, overdue: { days: 6, penalty } })
    expect(penalty).toBeGreaterThan(0)
  })

  it('paid in part, it is due for the rest; marked paid, refunded or cancelled, nothing', () => {
    const part: Repayment = { id: 'r1', accountId: 'zhima', targetType: 'order', targetId: 'od-z', date: '2026-01-10', amount: 10_000, note: '' }
    expect(dueItems(ledgerOf({ orders: [zhimaOrder], repayments: [part] }), '2026-01-15', options)[0]!.amount).toBe(20_000)
    for (const status of ['paid', 'refunded', 'cancelled'] as const)
      expect(dueItems(ledgerOf({ orders: [{ ...zhimaOrder, status }] }), '2026-01-15', options)).toEqual([])
  })

  it('an order dated after today is not due yet', () => {
    expect(dueItems(ledgerOf({ orders: [{ ...zhimaOrder, orderDate: '2026-01-20', dueDate: '2026-02-03' }] }), '2026-01-15', options)).toEqual([])
  })
})

describe('statement bills', () => {
  // 花呗: statement on the 1st, due on the 10th.
  const a = orderWith('a', { orderDate: '2026-03-05', dueDate: '2026-04-10', amount: 12_345 })
  const b = orderWith('b', { orderDate: '2026-03-31', dueDate: '2026-04-10', amount: 20_000 })
  const c = orderWith('c', { orderDate: '2026-04-01', dueDate: '2026-05-10', amount: 5_000 })

  it('groups the orders of one cycle into its bill; an order on the statement day is on the next', () => {
    const items = dueItems(ledgerOf({ orders: [a, b, c] }), '2026-04-02', options)
    expect(items.map((i) => [i.key, i.amount, i.clearAmount])).toEqual([
      ['bill:huabei:2026-04-10', 32_345, 32_345],
      ['bill:huabei:2026-05-10', 5_000, 37_345]
    ])
    expect(items[0]!.bill).toEqual({ statementDate: '2026-04-01', issued: true, orderIds: ['a', 'b'], minimum: 3_235 })
    expect(items[1]!.bill).toMatchObject({ statementDate: '2026-05-01', issued: false, orderIds: ['c'] })
    expect(items[0]!.target).toEqual({ targetType: 'statement', targetId: 'huabei' })
  })

  it('a refunded order leaves its bill', () => {
    const items = dueItems(ledgerOf({ orders: [a, { ...b, status: 'refunded' }, c] }), '2026-04-02', options)
    expect(items[0]).toMatchObject({ key: 'bill:huabei:2026-04-10', amount: 12_345, bill: expect.objectContaining({ orderIds: ['a'] }) })
  })

  it('a bill payment clears the oldest bill first; an overdue bill carries its penalty and no minimum', () => {
    const paid: Repayment = { ...repay('r1', { date: '2026-04-10', amount: 32_345 }), ...onBill }
    expect(keys(dueItems(ledgerOf({ orders: [a, b, c], repayments: [paid] }), '2026-04-10', options))).toEqual(['bill:huabei:2026-05-10'])
    const late = dueItems(ledgerOf({ orders: [a, b] }), '2026-04-15', options)
    expect(late[0]).toMatchObject({ overdue: { days: 5 }, bill: expect.objectContaining({ minimum: null }) })
    expect(late[0]!.overdue!.penalty).toBeGreaterThan(0)
  })

  it('an instalment plan on a statement account is due one period on each bill, paid on the order', () => {
    // 1,200 yuan in 3 at 0.75% a month: 400 + 9 each month.
    const plan = orderWith('p', { orderDate: '2026-03-05', dueDate: '2026-04-10', amount: 120_000, instalmentCount: 3, instalmentFeeRate: 0.0075 })
    const items = dueItems(ledgerOf({ orders: [plan] }), '2026-04-02', options)
    expect(items.map((i) => [i.key, i.dueDate, i.amount, i.clearAmount])).toEqual([
      ['order:p:1', '2026-04-10', 40_900, 40_900],
      ['order:p:2', '2026-05-10', 40_900, 81_800],
      ['order:p:3', '2026-06-10', 40_900, 122_700]
    ])
    const first: Repayment = { ...repay('r1', { date: '2026-04-10', amount: 40_900 }), ...onOrder, targetId: 'p' }
    expect(keys(dueItems(ledgerOf({ orders: [plan], repayments: [first] }), '2026-04-10', options))).toEqual(['order:p:2', 'order:p:3'])
  })

  it('spreads a plan over month-end bills: a due day of 31 is February\'s last day, then the 31st', () => {
    const card: Account = { ...huabei, id: 'card', kind: 'creditCard', statementDay: 5, dueDay: 31 }
    const plan = orderWith('p', { accountId: 'card', orderDate: '2027-12-20', dueDate: '2028-01-31', amount: 90_000, instalmentCount: 3, instalmentFeeRate: 0 })
    const items = dueItems({ ...emptyLedger, accounts: [card], orders: [plan] }, '2028-01-02', options)
    expect(items.map((i) => i.dueDate)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31'])
  })
})

describe('paying what an item asks clears it', () => {
  it('for every item of the sample ledger on several days, the repayment is accepted and takes the item away', () => {
    let checked = 0
    for (const today of ['2026-06-15', '2026-12-01', '2027-03-31']) {
      const ledger = generateSampleLedger({ today })
      const items = dueItems(ledger, today, options)
      expect(items.length).toBeGreaterThan(5)
      // The first and last item of each target, and every overdue or bill item.
      const picked = items.filter((item, i) => item.overdue !== null || item.kind === 'bill' || items.findIndex((x) => x.target.targetId === item.target.targetId) === i || items.findLastIndex((x) => x.target.targetId === item.target.targetId) === i)
      for (const item of picked) {
        const repayments = [...ledger.repayments, clearing(item, today)]
        expect(findRepaymentProblem({ ...ledger, repayments }), item.key).toBeNull()
        const after = dueItems({ ...ledger, repayments }, today, options)
        expect(keys(after), item.key).not.toContain(item.key)
        // Nothing of another target changes.
        expect(after.filter((x) => x.target.targetId !== item.target.targetId)).toEqual(items.filter((x) => x.target.targetId !== item.target.targetId))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(20)
  })
})

describe('agreement with the cost engine and owed.ts', () => {
  it('every fen an open order owes is in exactly one item', () => {
    for (const today of ['2026-06-15', '2026-12-01']) {
      const ledger = generateSampleLedger({ today })
      const balances = orderBalances(ledger.orders, ledger.repayments, today)
      const owedOnOrders = ledger.orders.filter((o) => o.orderDate <= today).reduce((s, o) => s + (balances.get(o.id)?.owed ?? 0), 0)
      const items = dueItems(ledger, today, options).filter((i) => i.target.targetType !== 'draw')
      expect(items.reduce((s, i) => s + i.amount, 0)).toBe(owedOnOrders)
    }
  })

  it('the items of a draw add up to at least what it owes today, and the first clears it when paid in full', () => {
    const today = '2026-12-01'
    const ledger = generateSampleLedger({ today })
    const cost = ledgerCost(ledger, today)
    const items = dueItems(ledger, today, options)
    for (const d of ledger.draws) {
      const mine = items.filter((i) => i.target.targetId === d.id)
      const owed = cost.draws.get(d.id)!.owedToday
      expect(mine.length > 0, d.id).toBe(owed > 0)
      if (owed > 0) {
        expect(mine.reduce((s, i) => s + i.amount, 0)).toBeGreaterThanOrEqual(owed)
        expect(mine[mine.length - 1]!.clearAmount).toBe(owed)
      }
    }
  })

  it('cash needed this month differs from the engine\'s due this month only by interest still to accrue and order penalty the ledger cannot take', () => {
    const today = '2026-12-01'
    const ledger = generateSampleLedger({ today })
    const cost = ledgerCost(ledger, today)
    const items = dueItems(ledger, today, { ...options, cost })
    const s = summariseDues(items, today)
    let orderPenalty = 0
    for (const c of cost.orders.values()) orderPenalty += c.overdue?.penaltyAccrued ?? 0
    // The engine counts a draw's dues by the month end at today's balance; an item due later in the
    // month carries the interest until its own day on top.
    let futureInterest = 0
    for (const d of ledger.draws) {
      const byMonthEnd = items.filter((i) => i.target.targetId === d.id && i.dueDate <= '2026-12-31').reduce((t, i) => t + i.amount, 0)
      futureInterest += Math.max(0, byMonthEnd - cost.draws.get(d.id)!.owedToday)
    }
    expect(futureInterest).toBeGreaterThan(0)
    expect(s.cashThisMonth).toBe(cost.thisMonth.due - orderPenalty + futureInterest)
  })
})

describe('summaries', () => {
  it('sorts items into overdue, today, the next 7 days and the rest of the month, with the cash needed', () => {
    const today = '2026-01-15'
    const z = (id: string, dueDate: string, amount: number): Order => ({ ...order, id, accountId: 'zhima', orderDate: '2026-01-01', dueDate, amount })
    const ledger = ledgerOf({ orders: [z('late', '2026-01-10', 100), z('now', today, 200), z('soon', '2026-01-22', 300), z('month', '2026-01-31', 400), z('next', '2026-02-12', 500), z('later', '2026-03-01', 600)] })
    const s = summariseDues(dueItems(ledger, today, options), today)
    expect([s.overdue, s.today, s.week, s.restOfMonth].map(keys)).toEqual([['order:late'], ['order:now'], ['order:soon'], ['order:month']])
    expect(s.cashThisMonth).toBe(1_000)
    expect(s.cashNextMonth).toBe(500)
    expect(s.overdueTotal).toBe(100)
    expect(s.attention).toBe(2)
  })

  it('groups items by day with the most pressing urgency', () => {
    expect([-1, 0, 1, 3, 4, 7, 8].map(urgencyOf)).toEqual(['overdue', 'today', 'soon', 'soon', 'week', 'week', 'later'])
    const today = '2026-01-15'
    const z = (id: string, dueDate: string, amount: number): Order => ({ ...order, id, accountId: 'zhima', orderDate: '2026-01-01', dueDate, amount })
    const days = duesByDay(dueItems(ledgerOf({ orders: [z('a', '2026-01-16', 100), z('b', '2026-01-16', 250), z('c', addDays(today, 20), 1)] }), today, options))
    expect(days.get('2026-01-16')).toMatchObject({ total: 350, urgency: 'soon' })
    expect(days.get('2026-01-16')!.items).toHaveLength(2)
    expect(days.get(addDays(today, 20))!.urgency).toBe('later')
  })
})

describe('one calendar for an instalment plan on a statement account', () => {
  // Statement day 10, due day 31: the first bill falls due on 28 February, the next on 31 March.
  const card31: Account = { ...huabei, id: 'h31', statementDay: 10, dueDay: 31 }
  const plan: Order = { ...order, id: 'o31', accountId: 'h31', orderDate: '2026-01-12', dueDate: '2026-02-28', amount: 300_000, instalmentCount: 3, instalmentFeeRate: 0.006 }
  const firstPaid = repay('p1', { accountId: 'h31', targetType: 'order', targetId: 'o31', date: '2026-02-27', amount: 101_800 })
  const ledger: Ledger = { ...emptyLedger, accounts: [card31], orders: [plan], repayments: [firstPaid] }

  it('dues, cost engine and the late-payment rule all wait for 31 March', () => {
    for (const today of ['2026-03-29', '2026-03-30', '2026-03-31']) {
      const second = dueItems(ledger, today, options).find((i) => i.key === 'o31' || i.key.startsWith('order:o31'))
      expect(second, today).toMatchObject({ dueDate: '2026-03-31', overdue: null })
      // The engine charges no penalty before the bill's own due date.
      expect(ledgerCost(ledger, today).orders.get('o31')?.overdue, today).toBeNull()
    }
    // Paid on 31 March, the day the app named: nothing is late afterwards.
    const paid = { ...ledger, repayments: [firstPaid, repay('p2', { accountId: 'h31', targetType: 'order', targetId: 'o31', date: '2026-03-31', amount: 101_800 })] }
    const input = riskInput(paid, DEFAULT_PROFILE, DEFAULT_RISK_SETTINGS, '2026-04-05')
    expect(lateEvents(input, '2024-04-05')).toEqual([])
    expect(ledgerCost(paid, '2026-04-05').orders.get('o31')?.overdue).toBeNull()
  })
})
