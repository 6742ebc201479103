import { describe, expect, it } from 'vitest'
import type { BillFigure, BillInstalment, Order, Repayment, StatementTerms } from '../records'
import { walkStatement, type StatementAccount, type StatementInput } from './statement'
import { card, huabei, orderWith } from '@/testing/fixtures'
import { aprOfSchedule } from './apr'
import { scheduleOf } from './schedule'
import { orderPlan } from './pay-later'

const cardAccount = card as StatementAccount
const huabeiAccount = huabei as StatementAccount

const buy = (id: string, accountId: string, orderDate: string, amount: number, dueDate: string, fields: Partial<Order> = {}): Order =>
  orderWith(id, { accountId, orderDate, amount, dueDate, ...fields })
const pay = (id: string, accountId: string, date: string, amount: number, fields: Partial<Repayment> = {}): Repayment => ({
  id,
  accountId,
  targetType: 'statement',
  targetId: accountId,
  date,
  amount,
  note: '',
  ...fields
})

function walk(account: StatementAccount, parts: Partial<StatementInput>, asOf: string) {
  return walkStatement({ account, orders: [], repayments: [], billInstalments: [], billFigures: [], ...parts }, asOf)
}

/**
 * DOMAIN.md's reference scenario and story 1 of issue 10: a card, statement day 5, due day 23,
 * ¥5,000.00 bought 10-10 (on the 11-05 bill, due 11-23), ¥500.00 paid 11-20.
 */
const purchase = buy('od-5000', 'card', '2026-10-10', 500_000, '2026-11-23')
const minimumPaid = pay('rp-500', 'card', '2026-11-20', 50_000)

describe('story 1: the minimum paid on time', () => {
  it('the 11-05 bill is ¥5,000.00 with a minimum of ¥500.00 (10%)', () => {
    const w = walk(cardAccount, { orders: [purchase] }, '2026-11-06')
    const bill = w.bills.find((b) => b.statementDate === '2026-11-05')!
    expect(bill).toMatchObject({ dueDate: '2026-11-23', graceEnd: '2026-11-26', total: 500_000, purchases: 500_000, minimum: 50_000, status: 'open' })
    expect(w.dues).toHaveLength(1)
    expect(w.dues[0]).toMatchObject({ dueDate: '2026-11-23', amount: 500_000, clearAmount: 500_000, overdue: null })
  })

  it('is on time: no overdue, no late month, no 违约金; ¥4,500.00 revolves', () => {
    const w = walk(cardAccount, { orders: [purchase], repayments: [minimumPaid] }, '2026-12-05')
    const bill = w.bills.find((b) => b.statementDate === '2026-11-05')!
    expect(bill).toMatchObject({ status: 'minimumPaid', paidInWindow: 50_000, lateFee: 0, pastDue: 0 })
    expect(w.late).toEqual([])
    expect(w.dues.every((d) => d.overdue === null)).toBe(true)
    expect(w.revolving).toMatchObject({ since: '2026-11-23', amount: 450_000, dailyRate: 0.0005 })
  })

  it('全额计息 (the card preset): ¥136.25 of interest on the 12-05 bill', () => {
    // Each purchase from its posting day until paid, at 0.05% a day, up to the 12-05 statement:
    //   ¥5,000 from 10-10 to 11-19 (41 days): 5,000 x 0.0005 x 41 = ¥102.50
    //   ¥4,500 from 11-20 to 12-04 (15 days): 4,500 x 0.0005 x 15 = ¥33.75      -> ¥136.25
    const w = walk(cardAccount, { orders: [purchase], repayments: [minimumPaid] }, '2026-12-06')
    const dec = w.bills.find((b) => b.statementDate === '2026-12-05')!
    expect(dec.interest).toBe(13_625)
    expect(dec.carried).toBe(450_000)
    expect(dec.total).toBe(463_625)
    // Its minimum: 100% of the interest + 10% of the ¥4,500 carried = 136.25 + 450.00 = ¥586.25.
    expect(dec.minimum).toBe(58_625)
    expect(w.bills.find((b) => b.statementDate === '2026-11-05')!.revolvingInterest).toBe(13_625)
  })

  it('unpaid part from posting: ¥4,500 x 0.05% x 56 days (10-10 to 12-04) = ¥126.00', () => {
    const terms: StatementTerms = { ...card.statementTerms, revolvingMethod: 'unpaidFromPosting' }
    const w = walk({ ...cardAccount, statementTerms: terms }, { orders: [purchase], repayments: [minimumPaid] }, '2026-12-06')
    expect(w.bills.find((b) => b.statementDate === '2026-12-05')!.interest).toBe(12_600)
  })

  it('unpaid part from the day after the due day: ¥4,500 x 0.05% x 11 days (11-24 to 12-04) = ¥24.75', () => {
    const terms: StatementTerms = { ...card.statementTerms, revolvingMethod: 'unpaidFromDueNext' }
    const w = walk({ ...cardAccount, statementTerms: terms }, { orders: [purchase], repayments: [minimumPaid] }, '2026-12-06')
    // 11-24 .. 12-04 is 11 days: 4,500 x 0.0005 x 11 = ¥24.75.
    expect(w.bills.find((b) => b.statementDate === '2026-12-05')!.interest).toBe(2_475)
  })

  it('what paying only the minimum costs by the next bill, seen on the day after the due day', () => {
    // On 11-28 (judged 11-27): accrued 111.50 (10-10..11-23) + 4,500 x 0.0005 x 4 (11-24..11-27) = ¥120.50;
    // to 12-05 another 7 days: 4,500 x 0.0005 x 7 = ¥15.75 -> ¥136.25 by the next statement.
    const w = walk(cardAccount, { orders: [purchase], repayments: [minimumPaid] }, '2026-11-28')
    expect(w.revolving).toMatchObject({ accrued: 12_050, byNextStatement: 13_625, nextStatementDate: '2026-12-05' })
  })

  it('paid in full by the due day: no interest at all', () => {
    const w = walk(cardAccount, { orders: [purchase], repayments: [pay('rp-all', 'card', '2026-11-23', 500_000)] }, '2026-12-06')
    expect(w.bills.find((b) => b.statementDate === '2026-11-05')!.status).toBe('paidInFull')
    expect(w.interestToDate).toBe(0)
    expect(w.revolving).toBeNull()
    expect(w.owed).toBe(0)
  })

  it('paid in full within the grace days counts as in full', () => {
    const w = walk(cardAccount, { orders: [purchase], repayments: [pay('rp-all', 'card', '2026-11-26', 500_000)] }, '2026-12-06')
    expect(w.bills.find((b) => b.statementDate === '2026-11-05')!.status).toBe('paidInFull')
    expect(w.interestToDate).toBe(0)
  })
})

describe('less than the minimum', () => {
  it('is overdue after the grace: 违约金 5% of what is short, a late month, and the shortfall is the overdue item', () => {
    // ¥400 paid: ¥100 short of ¥500 -> 违约金 100 x 5% = ¥5.00.
    const w = walk(cardAccount, { orders: [purchase], repayments: [pay('rp-400', 'card', '2026-11-20', 40_000)] }, '2026-11-30')
    const bill = w.bills.find((b) => b.statementDate === '2026-11-05')!
    expect(bill).toMatchObject({ status: 'belowMinimum', lateFee: 500, pastDue: 10_000 })
    expect(w.late).toEqual([{ accountId: 'card', dueDate: '2026-11-23', shortfall: 10_000, records: [{ type: 'order', id: 'od-5000' }] }])
    const overdue = w.dues.find((d) => d.overdue !== null)!
    expect(overdue).toMatchObject({ dueDate: '2026-11-23', amount: 10_000, clearAmount: 10_000, overdue: { days: 7, penalty: 500 } })
  })

  it('paying what is short makes it good: the bill is no longer overdue', () => {
    const w = walk(cardAccount, { orders: [purchase], repayments: [pay('rp-400', 'card', '2026-11-20', 40_000), pay('rp-100', 'card', '2026-11-30', 10_000)] }, '2026-12-01')
    expect(w.dues.every((d) => d.overdue === null)).toBe(true)
    expect(w.bills.find((b) => b.statementDate === '2026-11-05')!.pastDue).toBe(0)
  })

  it('the next bill carries the unpaid minimum and the 违约金', () => {
    const w = walk(cardAccount, { orders: [purchase], repayments: [pay('rp-400', 'card', '2026-11-20', 40_000)] }, '2026-12-06')
    const dec = w.bills.find((b) => b.statementDate === '2026-12-05')!
    expect(dec.fees).toBe(500)
    // Interest (全额): 5,000 x 0.0005 x 41 = 102.50; 4,600 x 0.0005 x 15 = 34.50 -> ¥137.00.
    expect(dec.interest).toBe(13_700)
    // Minimum: interest 137.00 + 违约金 5.00 + the ¥100.00 short + 10% of the other 4,500.00 = ¥692.00.
    expect(dec.minimum).toBe(13_700 + 500 + 10_000 + 45_000)
  })
})

describe('a 花呗 bill with a 分期 period on it', () => {
  // 花呗: statement day 1, due day 10. ¥1,200 in 3 periods at 0.75% (¥400 + ¥9 fee each) bought
  // 10-15, and ¥100 bought 10-20: both on the 11-01 bill (due 11-10).
  const plan = buy('od-plan', 'huabei', '2026-10-15', 120_000, '2026-11-10', { instalmentCount: 3, instalmentFeeRate: 0.0075 })
  const small = buy('od-small', 'huabei', '2026-10-20', 10_000, '2026-11-10')

  it('is ONE bill of ¥509.00 whose minimum holds the period whole: 9 + 400 + 10% of 100 = ¥419.00', () => {
    const w = walk(huabeiAccount, { orders: [plan, small] }, '2026-11-02')
    const nov = w.bills.find((b) => b.statementDate === '2026-11-01')!
    expect(nov).toMatchObject({ purchases: 10_000, periods: 40_900, total: 50_900, minimum: 41_900 })
    expect(w.dues.filter((d) => d.dueDate === '2026-11-10')).toHaveLength(1)
    // What is payable today leaves out the two periods still to come (¥818.00).
    expect(w.payableNow).toBe(50_900)
    expect(w.owed).toBe(50_900 + 81_800)
  })

  it('the minimum paid: fee, period, then ¥10 of the purchase; ¥90 revolves from 11-11 at 0.05% a day', () => {
    // To 12-01: 11-11 .. 11-30 is 20 days: 90 x 0.0005 x 20 = ¥0.90.
    const w = walk(huabeiAccount, { orders: [plan, small], repayments: [pay('rp-min', 'huabei', '2026-11-10', 41_900)] }, '2026-12-02')
    expect(w.bills.find((b) => b.statementDate === '2026-11-01')!.status).toBe('minimumPaid')
    const dec = w.bills.find((b) => b.statementDate === '2026-12-01')!
    expect(dec).toMatchObject({ carried: 9_000, interest: 90, periods: 40_900 })
    expect(w.late).toEqual([])
  })
})

describe('账单分期 of part of a bill', () => {
  // A card bill of ¥6,000 (bought 2026-10-10, statement 11-05, due 11-23); on 11-10, ¥3,000 of it
  // into 3 periods at 0.6% a month: ¥18.00 fee and ¥1,000 principal on each of the next 3 bills.
  const big = buy('od-6000', 'card', '2026-10-10', 600_000, '2026-11-23')
  const plan: BillInstalment = { id: 'bi-1', accountId: 'card', statementDate: '2026-11-05', date: '2026-11-10', amount: 300_000, count: 3, feeRate: 0.006, notes: '' }

  it('the bill drops to ¥3,000 with a minimum of ¥300; the periods land on the next three bills', () => {
    const w = walk(cardAccount, { orders: [big], billInstalments: [plan] }, '2026-11-11')
    const nov = w.bills.find((b) => b.statementDate === '2026-11-05')!
    expect(nov).toMatchObject({ converted: 300_000, total: 300_000, minimum: 30_000 })
    expect(w.dues[0]).toMatchObject({ dueDate: '2026-11-23', amount: 300_000 })
    // Still owed in all: 3,000 on the bill + 3 x (1,000 + 18) = ¥6,054.00.
    expect(w.owed).toBe(300_000 + 3 * 101_800)
  })

  it('paying the rest in full: no interest; the next bill holds one period (¥1,018.00)', () => {
    const w = walk(cardAccount, { orders: [big], billInstalments: [plan], repayments: [pay('rp', 'card', '2026-11-23', 300_000)] }, '2026-12-06')
    expect(w.interestToDate).toBe(0)
    const dec = w.bills.find((b) => b.statementDate === '2026-12-05')!
    expect(dec).toMatchObject({ periods: 101_800, total: 101_800, minimum: 101_800 })
  })

  it('more than the bill holds is refused', () => {
    const w = walk(cardAccount, { orders: [big], billInstalments: [{ ...plan, amount: 600_001 }] }, '2026-11-11')
    expect(w.badInstalment?.message).toBe('validation.billInstalment.tooLarge')
  })

  it('a 12-period plan at 0.6% has the real APR DOMAIN.md gives: 13.03% (IRR x 12)', () => {
    const periods = orderPlan({ amount: 1_200_000, instalmentFeeRate: 0.006, orderDate: '2026-11-10', dueDate: '2026-12-23', instalmentCount: 12 }, card)
    const apr = aprOfSchedule(1_200_000, scheduleOf(periods, 0, false))!
    expect(Math.round(apr.aprSimple * 10_000) / 100).toBe(13.03)
  })
})

describe('the cycle at a month end', () => {
  // Statement day 31, due day 20: in February (2026, not a leap year) the statement is 02-28.
  const monthEnd = { ...cardAccount, statementDay: 31, dueDay: 20 }
  it('a purchase on 02-27 is on the 02-28 bill due 03-20; one on 02-28 rolls to the 03-31 bill', () => {
    const a = buy('a', 'card', '2026-02-27', 10_000, '2026-03-20')
    const b = buy('b', 'card', '2026-02-28', 20_000, '2026-04-20')
    const w = walk(monthEnd, { orders: [a, b] }, '2026-04-01')
    expect(w.bills.find((x) => x.statementDate === '2026-02-28')).toMatchObject({ dueDate: '2026-03-20', purchases: 10_000 })
    expect(w.bills.find((x) => x.statementDate === '2026-03-31')).toMatchObject({ dueDate: '2026-04-20', purchases: 20_000 })
  })
})

describe('repayments name their bill', () => {
  it('a payment naming the 11-05 bill pays it before the 12-05 bill\'s interest', () => {
    // ¥1,000 bought 10-10 (11-05 bill), ¥100 paid 11-20 (its minimum), ¥500 bought 11-10 (12-05 bill).
    // The 12-05 bill's interest (全额): 1,000 x 0.0005 x 41 = 20.50 + 900 x 0.0005 x 15 = 6.75 -> ¥27.25.
    const a = buy('a', 'card', '2026-10-10', 100_000, '2026-11-23')
    const b = buy('b', 'card', '2026-11-10', 50_000, '2026-12-23')
    const first = pay('rp0', 'card', '2026-11-20', 10_000)
    // ¥900 on 12-06 naming the 11-05 bill clears what is left of it; the interest stays owed.
    const named = walk(cardAccount, { orders: [a, b], repayments: [first, pay('rp', 'card', '2026-12-06', 90_000, { bill: '2026-11-05' })] }, '2026-12-07')
    expect(named.orders.get('a')!.owed).toBe(0)
    expect(named.bills.find((x) => x.statementDate === '2026-12-05')!.interest).toBe(2_725)
    // Not named, fees and interest come first: 2,725 of interest, then 87,275 of the ¥900 -> ¥27.25 left on a.
    const plain = walk(cardAccount, { orders: [a, b], repayments: [first, pay('rp', 'card', '2026-12-06', 90_000)] }, '2026-12-07')
    expect(plain.orders.get('a')!.owed).toBe(2_725)
    expect(plain.orders.get('b')!.owed).toBe(50_000)
  })

  it('a printed minimum wins over the rule', () => {
    const figure: BillFigure = { id: 'bf', accountId: 'card', statementDate: '2026-11-05', minimum: 25_000, notes: '' }
    const w = walk(cardAccount, { orders: [purchase], billFigures: [figure] }, '2026-11-06')
    expect(w.bills.find((b) => b.statementDate === '2026-11-05')).toMatchObject({ minimumRule: 50_000, minimumPrinted: 25_000, minimum: 25_000 })
  })

  it('paying more than everything payable is an overpayment', () => {
    const w = walk(cardAccount, { orders: [purchase], repayments: [pay('rp', 'card', '2026-11-06', 500_001)] }, '2026-11-07')
    expect(w.overpaid?.id).toBe('rp')
  })
})
