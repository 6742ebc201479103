// Tests the due items every page shows (the cost engine's, read by dues/items.ts): draws (instalments, end of term, arrears with penalty), pay-later orders (penalty an estimate apart), statement bills (one item per bill, its minimum, the shortfall when overdue), that paying what an item asks clears it, and the summaries, urgency and calendar.
import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { cashByMonth } from '../cost/due-items'
import { ledgerCost, statementAccountOf } from '../cost/ledger-cost'
import { walkStatement } from '../cost/statement'
import { walkLoan } from '../cost/loan'
import type { Account, BillFigure, Draw, Ledger, Order, Repayment } from '../records'
import { generateSampleLedger } from '../ledger/sample-data'
import { findRepaymentProblem } from '../ledger/validate-ledger'
import { orderBalances } from '@/testing/plain-balances'
import { card, cash, draw, emptyLedger, huabei, onBill, order, orderWith, repay, zhima } from '@/testing/fixtures'
import { dueItems, duesByDay, summariseDues, urgencyOf, type DueItem } from './items'

/** A ledger on 网商贷, 花呗, 芝麻 and the card, with the given records. */
const ledgerWith = (fields: Partial<Ledger>): Ledger => ({ ...emptyLedger, accounts: [cash, huabei, zhima, card], ...fields })
const keys = (items: readonly DueItem[]) => items.map((i) => i.key)
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0)

/** The repayment a one-click clear records for an item, on `date`: its target (a bill named), its clearAmount. */
function clearing(item: DueItem, date: string, id = `clear-${item.key}`): Repayment {
  if (item.clearAmount === null) throw new Error(`${item.key} has no clearAmount`)
  return { id, accountId: item.accountId, targetType: item.target.targetType, targetId: item.target.targetId, date, amount: item.clearAmount, note: '', ...(item.target.bill ? { bill: item.target.bill } : {}) }
}

describe('draws', () => {
  it('a 随借随还 draw is one item, due whole at the end of its term with the interest to that day', () => {
    const items = dueItems(ledgerWith({ draws: [draw] }), '2026-03-01')
    // ¥10,000 at 0.04% a day: 400 fen a day from 2026-01-01 to the end of the 12-month term, 2027-01-01 (365 days).
    expect(items).toEqual([
      expect.objectContaining({
        key: 'draw:dr-1:end',
        kind: 'drawTerm',
        recordId: 'dr-1',
        dueDate: '2027-01-01',
        amount: 1_000_000 + 400 * 365,
        // Cleared today it costs the interest so far: 59 days (01-01 .. 02-28).
        clearAmount: 1_000_000 + 400 * 59,
        period: null,
        bill: null,
        overdue: null,
        target: { targetType: 'draw', targetId: 'dr-1' },
        daysLeft: 306
      })
    ])
  })

  it('a 随借随还 draw past its term is overdue for everything it owes, penalty included', () => {
    // Owed on 2027-01-01: 1,146,000. Four days later, penalty at 0.04% x 1.5 = 0.06% a day on it:
    // 1,146,000 x 0.0006 x 4 = 2,750.40 -> 2,750; the item is 1,148,750 and clears it.
    const items = dueItems(ledgerWith({ draws: [draw] }), '2027-01-05')
    expect(items).toEqual([
      expect.objectContaining({ key: 'draw:dr-1:overdue', kind: 'drawTerm', dueDate: '2027-01-01', amount: 1_148_750, clearAmount: 1_148_750, overdue: { days: 4, penalty: 2_750 }, daysLeft: -4 })
    ])
  })

  it('a cleared draw has nothing due', () => {
    // 31 days of interest (01-01 .. 01-31) with the principal on 02-01.
    const paid = repay('r1', { date: '2026-02-01', amount: 1_000_000 + 400 * 31 })
    expect(dueItems(ledgerWith({ draws: [draw], repayments: [paid] }), '2026-03-01')).toEqual([])
  })

  /** ¥3,000 at 7.2% a year (0.6% a month), 等额本金 over 3 months from 2026-01-01, due on the 1st. */
  const instalments: Draw = { ...draw, id: 'dr-2', method: 'equalPrincipal', rateUnit: 'annual', rate: 0.072, termMonths: 3, principal: 300_000 }

  it('an instalment draw is due period by period; only the next one can be cleared by a repayment today', () => {
    const items = dueItems(ledgerWith({ draws: [instalments] }), '2026-01-10')
    // 1,000 + 300,000 x 0.006 = 1,800; 1,000 + 200,000 x 0.006 = 1,200; 1,000 + 100,000 x 0.006 = 600.
    expect(items.map((i) => [i.key, i.kind, i.dueDate, i.amount, i.clearAmount])).toEqual([
      ['draw:dr-2:1', 'drawInstalment', '2026-02-01', 101_800, 101_800],
      // Money beyond the next instalment is a prepayment of principal: no repayment today clears these.
      ['draw:dr-2:2', 'drawInstalment', '2026-03-01', 101_200, null],
      ['draw:dr-2:3', 'drawInstalment', '2026-04-01', 100_600, null]
    ])
    expect(items.map((i) => i.period)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 }
    ])
    // Paying the first on its due date clears it; the next day the second is the next, at its contract amount.
    const after = dueItems(ledgerWith({ draws: [instalments], repayments: [repay('r1', { targetId: 'dr-2', date: '2026-02-01', amount: 101_800 })] }), '2026-02-02')
    expect(after.map((i) => [i.key, i.amount, i.clearAmount])).toEqual([
      ['draw:dr-2:2', 101_200, 101_200],
      ['draw:dr-2:3', 100_600, null]
    ])
  })

  it('a payment ahead of the due date pays the instalment as scheduled; what is beyond it lowers the later ones, the term kept', () => {
    // 150,000 on 01-20: period 1 whole (101,800, its full 1,800 of interest), 48,200 of principal
    // prepaid. 151,800 is re-planned over periods 2 and 3: 75,900 each, interest 151,800 x 0.006 =
    // 910.80 -> 911 and 75,900 x 0.006 = 455.40 -> 455.
    const ahead = repay('r1', { targetId: 'dr-2', date: '2026-01-20', amount: 150_000 })
    const items = dueItems(ledgerWith({ draws: [instalments], repayments: [ahead] }), '2026-01-25')
    expect(items.map((i) => [i.key, i.dueDate, i.amount])).toEqual([
      ['draw:dr-2:2', '2026-03-01', 75_900 + 911],
      ['draw:dr-2:3', '2026-04-01', 75_900 + 455]
    ])
    expect(items[1]!.clearAmount).toBeNull()
  })

  it('with the current instalment paid early, what the next one asks (if anything) clears it', () => {
    // As above: on 01-25 period 1 (due 02-01) is paid, period 2 is 76,811. DueItem.clearAmount is
    // what a repayment today must be to clear the item, or null where none does. If it asks 76,811,
    // paying that pays period 2, and period 3 is left as it was: 75,900 + 455 = 76,355.
    const ahead = repay('r1', { targetId: 'dr-2', date: '2026-01-20', amount: 150_000 })
    const ledger = ledgerWith({ draws: [instalments], repayments: [ahead] })
    const item = dueItems(ledger, '2026-01-25')[0]!
    expect(item).toMatchObject({ key: 'draw:dr-2:2', amount: 76_811 })
    if (item.clearAmount !== null) {
      expect(item.clearAmount).toBe(76_811)
      const after = dueItems({ ...ledger, repayments: [ahead, clearing(item, '2026-01-25')] }, '2026-01-25')
      expect(after.map((i) => [i.key, i.amount, i.clearAmount])).toEqual([['draw:dr-2:3', 76_355, 76_355]])
    }
  })

  it('missed instalments are one overdue item, arrears plus penalty; paying it leaves the next instalment at its contract amount', () => {
    // On 03-05 periods 1 (02-01) and 2 (03-01) are missed. Penalty at 7.2% / 360 x 1.5 = 0.03% a day:
    // 101,800 x 0.0003 x 32 days = 977.28 -> 977 and 101,200 x 0.0003 x 4 days = 121.44 -> 121.
    // The item: 101,800 + 101,200 + 977 + 121 = 204,098.
    const today = '2026-03-05'
    const items = dueItems(ledgerWith({ draws: [instalments] }), today)
    expect(items.map((i) => [i.key, i.dueDate, i.amount, i.clearAmount, i.overdue])).toEqual([
      ['draw:dr-2:overdue', '2026-02-01', 204_098, 204_098, { days: 32, penalty: 1_098 }],
      ['draw:dr-2:3', '2026-04-01', 100_600, expect.any(Number), null]
    ])
    expect(items[0]!.period).toBeNull()
    const after = dueItems(ledgerWith({ draws: [instalments], repayments: [clearing(items[0]!, today)] }), today)
    // Period 3 is the last and runs today: clearing it costs the interest so far, not the month's:
    // 100,000 + 600 x 4/31 days (03-01 .. 03-05) = 77.42 -> 77, so 100,077.
    expect(after.map((i) => [i.key, i.amount, i.clearAmount, i.overdue])).toEqual([['draw:dr-2:3', 100_600, 100_077, null]])
  })

  it('the last instalment never asks more than clears the draw today', () => {
    // On 03-05 as above, clearing the draw costs the arrears 204,098, the principal 100,000 and
    // period 3's interest for the days elapsed: 600 x 4 / 31 = 77.42 -> 77. 304,175 in all; the
    // store refuses anything more as an overpayment.
    const today = '2026-03-05'
    const ledger = ledgerWith({ draws: [instalments] })
    expect(walkLoan(instalments, [], cash, today).cost.owedToday).toBe(304_175)
    const last = dueItems(ledger, today).find((i) => i.key === 'draw:dr-2:3')!
    expect(last.clearAmount).toBe(304_175)
    const paid = { ...ledger, repayments: [clearing(last, today)] }
    expect(findRepaymentProblem(paid)).toBeNull()
    expect(dueItems(paid, today)).toEqual([])
    // A one-period draw on 01-10: 300,000 + 1,800 x 9 / 31 = 522.58 -> 523 clears it, not the full 301,800.
    const single = { ...instalments, id: 'dr-1p', termMonths: 1 }
    expect(dueItems(ledgerWith({ draws: [single] }), '2026-01-10')[0]).toMatchObject({ key: 'draw:dr-1p:1', amount: 301_800, clearAmount: 300_523 })
  })
})

describe('pay-later orders', () => {
  const zhimaOrder: Order = { ...order, id: 'od-z', accountId: 'zhima', orderDate: '2026-01-05', dueDate: '2026-01-19', amount: 30_000 }

  it('is due on its own due date for what it owes', () => {
    expect(dueItems(ledgerWith({ orders: [zhimaOrder] }), '2026-01-15')).toEqual([
      expect.objectContaining({ key: 'order:od-z', kind: 'order', recordId: 'od-z', dueDate: '2026-01-19', amount: 30_000, clearAmount: 30_000, daysLeft: 4, overdue: null, bill: null, target: { targetType: 'order', targetId: 'od-z' } })
    ])
  })

  it('past its due date: the penalty is the ledger\'s estimate, shown apart from what clears it', () => {
    // 6 days late at 0.05% x 1.5 (芝麻's multiplier in the fixture): 30,000 x 0.00075 x 6 = 135.
    const items = dueItems(ledgerWith({ orders: [zhimaOrder] }), '2026-01-25')
    expect(items).toEqual([expect.objectContaining({ key: 'order:od-z', amount: 30_000, clearAmount: 30_000, overdue: { days: 6, penalty: 135 }, daysLeft: -6 })])
    // Paying the amount clears it: the store takes no more than what is owed.
    const paid = ledgerWith({ orders: [zhimaOrder], repayments: [clearing(items[0]!, '2026-01-25')] })
    expect(findRepaymentProblem(paid)).toBeNull()
    expect(dueItems(paid, '2026-01-25')).toEqual([])
  })

  it('paid in part, it is due for the rest; marked paid, refunded or cancelled, nothing', () => {
    const part: Repayment = { id: 'r1', accountId: 'zhima', targetType: 'order', targetId: 'od-z', date: '2026-01-10', amount: 10_000, note: '' }
    // 30,000 - 10,000 = 20,000 left.
    expect(dueItems(ledgerWith({ orders: [zhimaOrder], repayments: [part] }), '2026-01-15')).toEqual([expect.objectContaining({ key: 'order:od-z', amount: 20_000, clearAmount: 20_000 })])
    for (const status of ['paid', 'refunded', 'cancelled'] as const) expect(dueItems(ledgerWith({ orders: [{ ...zhimaOrder, status }] }), '2026-01-15'), status).toEqual([])
  })

  it('an order dated after today is not due yet', () => {
    expect(dueItems(ledgerWith({ orders: [{ ...zhimaOrder, orderDate: '2026-01-20', dueDate: '2026-02-03' }] }), '2026-01-15')).toEqual([])
  })

  it('a pay-later 分期 plan is due period by period; missed periods are one overdue item of the arrears', () => {
    // ¥900 in 3 at 0.5% a month: 30,000 + 90,000 x 0.005 = 450 fee = 30,450 each, on 02-10, 03-10, 04-10.
    const plan: Order = { ...zhimaOrder, id: 'p', amount: 90_000, dueDate: '2026-02-10', instalmentCount: 3, instalmentFeeRate: 0.005 }
    const before = dueItems(ledgerWith({ orders: [plan] }), '2026-02-01')
    expect(before.map((i) => [i.key, i.kind, i.dueDate, i.amount, i.clearAmount])).toEqual([
      ['order:p:1', 'orderInstalment', '2026-02-10', 30_450, 30_450],
      ['order:p:2', 'orderInstalment', '2026-03-10', 30_450, 60_900],
      ['order:p:3', 'orderInstalment', '2026-04-10', 30_450, 91_350]
    ])
    // Ten days after 02-10 unpaid: penalty estimate 30,450 x 0.00075 x 10 = 228.375 -> 228, apart.
    const late = dueItems(ledgerWith({ orders: [plan] }), '2026-02-20')
    expect(late.map((i) => [i.key, i.amount, i.clearAmount, i.overdue])).toEqual([
      ['order:p:overdue', 30_450, 30_450, { days: 10, penalty: 228 }],
      ['order:p:2', 30_450, 60_900, null],
      ['order:p:3', 30_450, 91_350, null]
    ])
    const after = dueItems(ledgerWith({ orders: [plan], repayments: [clearing(late[0]!, '2026-02-20')] }), '2026-02-20')
    expect(keys(after)).toEqual(['order:p:2', 'order:p:3'])
    expect(after[0]!.clearAmount).toBe(30_450)
  })
})

describe('statement bills', () => {
  // 花呗: statement on the 1st, due on the 10th, minimum 10%, no grace days.
  const a = orderWith('a', { orderDate: '2026-03-05', dueDate: '2026-04-10', amount: 12_345 })
  const b = orderWith('b', { orderDate: '2026-03-31', dueDate: '2026-04-10', amount: 20_000 })
  const c = orderWith('c', { orderDate: '2026-04-01', dueDate: '2026-05-10', amount: 5_000 })

  it('one item per bill: the orders of a cycle are on its bill; an order on the statement day is on the next', () => {
    const items = dueItems(ledgerWith({ orders: [a, b, c] }), '2026-04-02')
    expect(items.map((i) => [i.key, i.kind, i.dueDate, i.amount, i.clearAmount, i.recordId])).toEqual([
      ['bill:huabei:2026-04-10', 'bill', '2026-04-10', 32_345, 32_345, null],
      // The next bill so far: what it adds, and clearing it today takes both.
      ['bill:huabei:2026-05-10', 'bill', '2026-05-10', 5_000, 37_345, null]
    ])
    // Minimum: 10% of 32,345 = 3,234.50, rounded up to 3,235.
    expect(items[0]!.bill).toMatchObject({ statementDate: '2026-04-01', issued: true, orderIds: ['a', 'b'], minimum: 3_235 })
    expect(items[0]!.target).toEqual({ targetType: 'statement', targetId: 'huabei', bill: '2026-04-01' })
    // Not issued yet: no minimum, and a repayment names no bill.
    expect(items[1]!.bill).toMatchObject({ statementDate: '2026-05-01', issued: false, orderIds: ['c'], minimum: null })
    expect(items[1]!.target).toEqual({ targetType: 'statement', targetId: 'huabei' })
  })

  it('a refunded order leaves its bill', () => {
    const items = dueItems(ledgerWith({ orders: [a, { ...b, status: 'refunded' }, c] }), '2026-04-02')
    // Minimum 10% of 12,345 = 1,234.50 -> 1,235.
    expect(items[0]).toMatchObject({ key: 'bill:huabei:2026-04-10', amount: 12_345, bill: expect.objectContaining({ orderIds: ['a'], minimum: 1_235 }) })
  })

  it('the minimum printed on the bill wins over the rule', () => {
    const figure: BillFigure = { id: 'bf', accountId: 'huabei', statementDate: '2026-04-01', minimum: 2_000, notes: '' }
    const items = dueItems(ledgerWith({ orders: [a, b], billFigures: [figure] }), '2026-04-02')
    expect(items[0]!.bill!.minimum).toBe(2_000)
  })

  it('a bill payment clears the oldest bill first', () => {
    const paid: Repayment = { ...repay('r1', { date: '2026-04-10', amount: 32_345 }), ...onBill }
    const items = dueItems(ledgerWith({ orders: [a, b, c], repayments: [paid] }), '2026-04-10')
    expect(items.map((i) => [i.key, i.amount, i.clearAmount])).toEqual([['bill:huabei:2026-05-10', 5_000, 5_000]])
  })

  describe('a 分期 plan is on the bills, one period on each: one item per bill', () => {
    // ¥1,200 in 3 at 0.75% a month, bought 03-05: 40,000 + 120,000 x 0.0075 = 900 fee = 40,900 on
    // each of the 04-01, 05-01 and 06-01 bills, beside the ¥123.45 purchase `a`.
    const plan = orderWith('p', { orderDate: '2026-03-05', dueDate: '2026-04-10', amount: 120_000, instalmentCount: 3, instalmentFeeRate: 0.0075 })

    it('the bill holds the period and the purchase; its minimum takes the period whole', () => {
      const items = dueItems(ledgerWith({ orders: [plan, a] }), '2026-04-02')
      expect(items[0]).toMatchObject({ key: 'bill:huabei:2026-04-10', amount: 40_900 + 12_345, clearAmount: 53_245 })
      // 900 + 40,000 + 10% of 12,345 (1,234.50 -> 1,235) = 42,135.
      expect(items[0]!.bill).toMatchObject({ issued: true, orderIds: ['p', 'a'], minimum: 42_135 })
      expect(items[0]!.bill!.view).toMatchObject({ periods: 40_900, purchases: 12_345, total: 53_245 })
      // The next bill holds period 2 (not payable before its statement day); a period is never an item of its own.
      expect(items.map((i) => [i.key, i.amount])).toEqual([
        ['bill:huabei:2026-04-10', 53_245],
        ['bill:huabei:2026-05-10', 40_900]
      ])
      expect(items.every((i) => i.kind === 'bill')).toBe(true)
    })

    it('paying the minimum is on time: nothing overdue, no late month; the rest of the purchase revolves', () => {
      const min: Repayment = { ...repay('m', { date: '2026-04-10', amount: 42_135 }), ...onBill, bill: '2026-04-01' }
      const ledger = ledgerWith({ orders: [plan, a], repayments: [min] })
      const items = dueItems(ledger, '2026-04-20')
      expect(items.filter((i) => i.overdue)).toEqual([])
      expect(ledgerCost(ledger, '2026-04-20').late).toEqual([])
      // The fee, the period, then 1,235 of the purchase: 11,110 revolves at 0.05% a day from 04-11,
      // 5.555 a day. Accrued by today (04-11 .. 04-19, 9 days): 49.995 -> 50, payable today with the
      // 11,110; to the 05-01 statement, 11 days more: 61.105 -> 61. The next bill so far:
      // 11,110 + 50 + 61 + period 2 (40,900).
      // Its 分期 period cannot be paid before the bill is issued, so nothing today clears it.
      expect(items.map((i) => [i.key, i.amount, i.clearAmount])).toEqual([['bill:huabei:2026-05-10', 11_110 + 50 + 61 + 40_900, null]])
    })

    it('the next bill holding a 分期 period is not cleared by any payment today: the period is billed first', () => {
      // The 04-01 bill paid in full; ¥10 bought 04-05 is on the 05-01 bill with period 2 (40,900).
      const small = orderWith('s', { orderDate: '2026-04-05', dueDate: '2026-05-10', amount: 1_000 })
      const full: Repayment = { ...repay('f', { date: '2026-04-10', amount: 53_245 }), ...onBill, bill: '2026-04-01' }
      const ledger = ledgerWith({ orders: [plan, a, small], repayments: [full] })
      const item = dueItems(ledger, '2026-04-12').find((i) => i.key === 'bill:huabei:2026-05-10')!
      expect(item.amount).toBe(1_000 + 40_900)
      // Nothing paid today clears it (the period is billed on 05-01), so it offers no amount to clear
      // it; paying the ¥10 purchase now leaves the period's 40,900 on it.
      expect(item.clearAmount).toBeNull()
      const paid: Repayment = { ...repay('p', { date: '2026-04-12', amount: 1_000 }), ...onBill }
      const after = dueItems({ ...ledger, repayments: [full, paid] }, '2026-04-12').find((i) => i.key === item.key)!
      expect(after.amount).toBe(40_900)
    })
  })

  describe('the minimum on a card (DOMAIN.md reference scenario)', () => {
    // Card: statement day 5, due day 23, 3 grace days (to 11-26), 违约金 5%, 全额计息 at 0.05% a day.
    // ¥5,000 bought 10-10: the 11-05 bill, minimum 10% = ¥500.
    const purchase = orderWith('od-5000', { accountId: 'card', orderDate: '2026-10-10', dueDate: '2026-11-23', amount: 500_000 })
    const pay = (id: string, date: string, amount: number, bill?: string): Repayment => ({ id, accountId: 'card', targetType: 'statement', targetId: 'card', date, amount, note: '', ...(bill ? { bill } : {}) })

    it('paying the minimum is on time: the item\'s minimum is met, nothing is overdue after the grace', () => {
      const ledger = ledgerWith({ orders: [purchase], repayments: [pay('m', '2026-11-20', 50_000)] })
      expect(dueItems(ledger, '2026-11-21')).toEqual([expect.objectContaining({ key: 'bill:card:2026-11-23', amount: 450_000, clearAmount: 450_000, overdue: null, bill: expect.objectContaining({ minimum: 0 }) })])
      const items = dueItems(ledger, '2026-11-28')
      const s = summariseDues(items, '2026-11-28')
      expect(s.overdue).toEqual([])
      expect(s.attention).toBe(0)
      expect(ledgerCost(ledger, '2026-11-28').late).toEqual([])
      // The 12-05 bill so far: the 4,500 revolving, interest accrued to 11-27, 5,000 x 0.0005 x 41 =
      // 102.50 + 4,500 x 0.0005 x 8 (11-20 .. 11-27) = 18.00, 120.50; and 7 days more to 12-05,
      // 4,500 x 0.0005 x 7 = 15.75: 450,000 + 12,050 + 1,575 = 463,625, the bill's ¥4,636.25.
      expect(items.map((i) => [i.key, i.amount, i.clearAmount])).toEqual([['bill:card:2026-12-23', 463_625, 462_050]])
    })

    it('below the minimum, the overdue item is what is short of it, with the 违约金 as its penalty', () => {
      // ¥400 paid: ¥100 short. 违约金 100 x 5% = ¥5.00, charged after the grace.
      const ledger = ledgerWith({ orders: [purchase], repayments: [pay('m', '2026-11-20', 40_000)] })
      // Within the grace it is not overdue yet.
      expect(dueItems(ledger, '2026-11-26').filter((i) => i.overdue)).toEqual([])
      const items = dueItems(ledger, '2026-11-30')
      expect(items[0]).toMatchObject({ key: 'bill:card:2026-11-23', dueDate: '2026-11-23', amount: 10_000, clearAmount: 10_000, overdue: { days: 7, penalty: 500 }, target: { bill: '2026-11-05' } })
      expect(items[0]!.bill!.minimum).toBeNull()
      // The rest is the next bill's: 4,600 unpaid + 违约金 5.00 + interest. Accrued to 11-29: 5,000 x
      // 0.0005 x 41 = 102.50, 4,600 x 0.0005 x 7 (11-20 .. 11-26) = 16.10, 4,600 x 0.0005 x 3 (11-27 ..
      // 11-29) = 6.90: 125.50. Payable today 460,000 + 500 + 12,550 = 473,050; to 12-05, 5 more days
      // 4,600 x 0.0005 x 5 = 11.50. The item adds 473,050 - 10,000 + 1,150 = 464,200.
      expect(items.slice(1).map((i) => [i.key, i.amount, i.clearAmount])).toEqual([['bill:card:2026-12-23', 464_200, 473_050]])
      const s = summariseDues(items, '2026-11-30')
      expect(s).toMatchObject({ overdueTotal: 10_000, penaltyTotal: 500, attention: 1 })
      // Paying what is short makes it good.
      const paid = { ...ledger, repayments: [...ledger.repayments, clearing(items[0]!, '2026-11-30')] }
      expect(findRepaymentProblem(paid)).toBeNull()
      expect(dueItems(paid, '2026-11-30').filter((i) => i.overdue)).toEqual([])
    })
  })

  it('a plan on a card with due day 31 falls due on 31 January, 29 February (2028) and 31 March', () => {
    const c31: Account = { ...card, id: 'c31', dueDay: 31 }
    const plan = orderWith('p', { accountId: 'c31', orderDate: '2027-12-20', dueDate: '2028-01-31', amount: 90_000, instalmentCount: 3, instalmentFeeRate: 0 })
    const ledger = ledgerOf31([c31], [plan])
    const walk = walkStatement({ account: statementAccountOf(c31)!, orders: [plan], repayments: [], billInstalments: [], billFigures: [] }, '2028-01-02', { detail: true })
    expect(walk.plans.get('p')!.map((r) => [r.dueDate, r.payment])).toEqual([
      ['2028-01-31', 30_000],
      ['2028-02-29', 30_000],
      ['2028-03-31', 30_000]
    ])
    expect(dueItems(ledger, '2028-01-02').map((i) => [i.dueDate, i.amount])).toEqual([['2028-01-31', 30_000]])
    // January's period paid on 01-31; after the 02-05 statement, the 02-29 bill and the next, 03-31.
    const paid = { ...ledger, repayments: [{ id: 'j', accountId: 'c31', targetType: 'statement' as const, targetId: 'c31', date: '2028-01-31', amount: 30_000, note: '' }] }
    expect(dueItems(paid, '2028-02-06').map((i) => [i.dueDate, i.amount])).toEqual([
      ['2028-02-29', 30_000],
      ['2028-03-31', 30_000]
    ])
  })

  it('on a statement day 10, due day 31 account, the dues and the engine both wait for 31 March', () => {
    // The first bill falls due on 28 February, the next on 31 March. ¥3,000 in 3 at 0.6%:
    // 100,000 + 1,800 = 101,800 a period, paid on the order.
    const h31: Account = { ...huabei, id: 'h31', statementDay: 10, dueDay: 31 }
    const plan: Order = { ...order, id: 'o31', accountId: 'h31', orderDate: '2026-01-12', dueDate: '2026-02-28', amount: 300_000, instalmentCount: 3, instalmentFeeRate: 0.006 }
    const firstPaid = repay('p1', { accountId: 'h31', targetType: 'order', targetId: 'o31', date: '2026-02-27', amount: 101_800 })
    const ledger = ledgerOf31([h31], [plan], [firstPaid])
    for (const [today, daysLeft] of [['2026-03-29', 2], ['2026-03-30', 1], ['2026-03-31', 0]] as const) {
      const item = dueItems(ledger, today).find((i) => i.key === 'bill:h31:2026-03-31')
      expect(item, today).toMatchObject({ dueDate: '2026-03-31', amount: 101_800, overdue: null, daysLeft, bill: expect.objectContaining({ minimum: 101_800 }) })
      expect(ledgerCost(ledger, today).late, today).toEqual([])
    }
    // Paid on 31 March, the day the app named: nothing is late afterwards.
    const paid = { ...ledger, repayments: [firstPaid, repay('p2', { accountId: 'h31', targetType: 'order', targetId: 'o31', date: '2026-03-31', amount: 101_800 })] }
    expect(ledgerCost(paid, '2026-04-05').late).toEqual([])
    // Unpaid, it is late from 1 April: the whole period short of a minimum that takes it whole.
    expect(ledgerCost(ledger, '2026-04-01').late).toEqual([{ accountId: 'h31', dueDate: '2026-03-31', shortfall: 101_800, records: [{ type: 'order', id: 'o31' }] }])
  })
})

function ledgerOf31(accounts: Account[], orders: Order[], repayments: Repayment[] = []): Ledger {
  return { ...emptyLedger, accounts, orders, repayments }
}

describe('the sample ledger on several days', () => {
  const days = ['2026-06-15', '2026-12-01', '2027-03-31']
  const samples = days.map((today) => {
    const ledger = generateSampleLedger({ today })
    const cost = ledgerCost(ledger, today)
    return { today, ledger, cost, items: dueItems(ledger, today, cost) }
  })

  it('paying what an item asks is accepted and takes the item away, and nothing of another target changes', () => {
    let checked = 0
    // Every item that breaks the rule, listed at once rather than the first alone.
    const problems: string[] = []
    for (const { today, ledger, items } of samples) {
      expect(items.length, today).toBeGreaterThan(5)
      for (const item of items) {
        if (item.clearAmount === null) {
          // Only a draw's instalment after the one running today, or a bill not yet issued that
          // holds 分期 periods (they cannot be paid before it is issued).
          const mine = items.filter((x) => x.target.targetId === item.target.targetId)
          if (item.kind === 'bill') expect(item.bill!.issued || item.bill!.view.periods === 0, item.key).toBe(false)
          else {
            expect(item.kind, item.key).toBe('drawInstalment')
            expect(mine.indexOf(item), item.key).toBeGreaterThan(0)
          }
          continue
        }
        // The next bill with a 分期 period on it has its own test above.
        if (item.kind === 'bill' && !item.bill!.issued && item.bill!.view.periods > 0) continue
        const repayments = [...ledger.repayments, clearing(item, today)]
        const what = `${today} ${item.key} (${item.clearAmount})`
        if (findRepaymentProblem({ ...ledger, repayments }) !== null) problems.push(`${what}: refused as more than is owed`)
        const after = dueItems({ ...ledger, repayments }, today)
        if (keys(after).includes(item.key)) problems.push(`${what}: still due`)
        expect(after.filter((x) => x.target.targetId !== item.target.targetId)).toEqual(items.filter((x) => x.target.targetId !== item.target.targetId))
        checked++
      }
    }
    expect(problems).toEqual([])
    // Three days of the sample: every payable item of each (29 when this was written).
    expect(checked).toBeGreaterThan(20)
  })

  it('every fen an open order owes is in exactly one item: per order, and per bill', () => {
    for (const { today, ledger, cost, items } of samples) {
      const plain = orderBalances(ledger.orders, ledger.repayments, today)
      for (const o of ledger.orders) {
        if (cost.statements.has(o.accountId) || o.orderDate > today) continue
        // A pay-later order: its items add up to what it owes (the penalty apart), as the plain model has it.
        const mine = items.filter((i) => i.recordId === o.id)
        expect(sum(mine.map((i) => i.amount)), o.id).toBe(cost.orders.get(o.id)!.owed)
        expect(cost.orders.get(o.id)!.owed, o.id).toBe(plain.get(o.id)!.owed)
        if (mine.length > 0) expect(mine.at(-1)!.clearAmount, o.id).toBe(cost.orders.get(o.id)!.owed)
      }
      for (const [accountId, walk] of cost.statements) {
        const mine = items.filter((i) => i.accountId === accountId)
        // Each item adds what the one before it does not clear: the issued bills (and an overdue
        // shortfall) chain up to what is payable today.
        let cleared = 0
        for (const item of mine) {
          if (!item.bill!.issued) continue
          expect(item.clearAmount, item.key).toBe(cleared + item.amount)
          cleared = item.clearAmount!
        }
        // The next bill adds the rest payable today, its 分期 periods and the interest still to accrue by its statement day.
        const next = walk.bills.find((bill) => !bill.issued)
        const interestToCome = walk.revolving ? walk.revolving.byNextStatement - walk.revolving.accrued : 0
        expect(sum(mine.map((i) => i.amount)), `${today} ${accountId}`).toBe(walk.payableNow + (next?.periods ?? 0) + interestToCome)
        const nextItem = mine.find((i) => !i.bill!.issued)
        // The next bill is cleared by everything payable today, unless it holds 分期 periods not yet billed.
        if (nextItem) expect(nextItem.clearAmount).toBe(nextItem.bill!.view.periods > 0 ? null : walk.payableNow)
        else expect(cleared).toBe(walk.payableNow)
      }
    }
  })

  it('the items of a draw add up to what it owes today and the interest still to come', () => {
    for (const { ledger, cost, items } of samples)
      for (const d of ledger.draws) {
        const mine = items.filter((i) => i.recordId === d.id)
        const c = cost.draws.get(d.id)!
        expect(mine.length > 0, d.id).toBe(c.owedToday > 0)
        expect(sum(mine.map((i) => i.amount)), d.id).toBe(c.owedToday + c.projectedCostToPayoff)
        if (mine.length > 0) expect(mine[0]!.clearAmount, d.id).not.toBeNull()
      }
  })

  it('the overview\'s cash due this month is the dues page\'s, the same figure on every page', () => {
    for (const { today, ledger, cost, items } of samples) {
      expect(dueItems(ledger, today), today).toEqual(cost.dues)
      expect(items).toBe(cost.dues)
      const s = summariseDues(items, today)
      expect(s.cashThisMonth, today).toBe(cost.thisMonth.due)
      expect(s.cashNextMonth, today).toBe(cashByMonth(items, today).nextMonth)
      // Every item is in one section or due after this month.
      const sectioned = [...s.overdue, ...s.today, ...s.week, ...s.restOfMonth]
      expect(new Set(keys(sectioned)).size).toBe(sectioned.length)
      expect(sum(sectioned.map((i) => i.amount))).toBe(s.cashThisMonth + sum(s.week.filter((i) => i.dueDate.slice(0, 7) > today.slice(0, 7)).map((i) => i.amount)))
    }
  })
})

describe('summaries', () => {
  const today = '2026-01-15'
  const z = (id: string, dueDate: string, amount: number): Order => ({ ...order, id, accountId: 'zhima', orderDate: '2026-01-01', dueDate, amount })

  it('sorts items into overdue, today, the next 7 days and the rest of the month, with the cash needed', () => {
    const ledger = ledgerWith({ orders: [z('late', '2026-01-10', 20_000), z('now', today, 200), z('soon', '2026-01-22', 300), z('month', '2026-01-31', 400), z('next', '2026-02-12', 500), z('later', '2026-03-01', 600)] })
    const s = summariseDues(dueItems(ledger, today), today)
    expect([s.overdue, s.today, s.week, s.restOfMonth].map(keys)).toEqual([['order:late'], ['order:now'], ['order:soon'], ['order:month']])
    // This month: 20,000 + 200 + 300 + 400; the order penalty is an estimate, not cash the ledger takes.
    expect(s.cashThisMonth).toBe(20_900)
    expect(s.cashNextMonth).toBe(500)
    expect(s.overdueTotal).toBe(20_000)
    // 5 days late: 20,000 x 0.0005 x 1.5 x 5 = 75.
    expect(s.penaltyTotal).toBe(75)
    expect(s.attention).toBe(2)
  })

  it('a week that runs into next month puts those items in the week and in next month\'s cash', () => {
    const s = summariseDues(dueItems(ledgerWith({ orders: [z('feb', '2026-02-03', 700)] }), '2026-01-29'), '2026-01-29')
    expect(keys(s.week)).toEqual(['order:feb'])
    expect(s.cashThisMonth).toBe(0)
    expect(s.cashNextMonth).toBe(700)
  })

  it('urgency: overdue, today, within 3 days, within 7, later', () => {
    const of = (daysLeft: number, overdue = daysLeft < 0) => urgencyOf({ daysLeft, overdue: overdue ? { days: -daysLeft, penalty: 0 } : null })
    expect([-1, 0, 1, 3, 4, 7, 8].map((d) => of(d))).toEqual(['overdue', 'today', 'soon', 'soon', 'week', 'week', 'later'])
    // A bill past its due day within its grace days is not overdue: it is due today.
    expect(of(-2, false)).toBe('today')
  })

  it('groups items by day with the most pressing urgency', () => {
    const days = duesByDay(dueItems(ledgerWith({ orders: [z('a', '2026-01-16', 100), z('b', '2026-01-16', 250), z('c', addDays(today, 20), 1), z('d', '2026-01-12', 5)] }), today))
    expect(days.get('2026-01-16')).toMatchObject({ total: 350, urgency: 'soon' })
    expect(days.get('2026-01-16')!.items).toHaveLength(2)
    expect(days.get(addDays(today, 20))!.urgency).toBe('later')
    expect(days.get('2026-01-12')!.urgency).toBe('overdue')
  })

  it('a card bill within its grace days is due, not overdue, on the calendar as in the summary', () => {
    // The 11-05 bill is due 11-23; the card allows 3 grace days, to 11-26. On 11-25 nothing is paid:
    // not overdue yet (no 违约金, no late month), so the summary files it under today.
    const purchase = orderWith('od', { accountId: 'card', orderDate: '2026-10-10', dueDate: '2026-11-23', amount: 500_000 })
    const items = dueItems(ledgerWith({ orders: [purchase] }), '2026-11-25')
    const bill = items.find((i) => i.key === 'bill:card:2026-11-23')!
    expect(bill).toMatchObject({ overdue: null, daysLeft: -2 })
    const s = summariseDues(items, '2026-11-25')
    expect(keys(s.today)).toEqual(['bill:card:2026-11-23'])
    expect(s.overdue).toEqual([])
    expect(duesByDay(items).get('2026-11-23')!.urgency).toBe('today')
  })
})
