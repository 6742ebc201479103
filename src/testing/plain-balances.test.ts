import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/calendar'
import {
  accountBalances,
  dailyRateOf,
  drawBalance,
  groupRepaymentsByTarget,
  instalmentFee,
  orderBalance,
  orderBalanceDetails,
  orderBalances,
  orderTotal,
  repaidByTarget
} from './plain-balances'
import type { Draw, Order, Repayment } from '@/domain/records'
import { draw as cashDraw, orderWith } from './fixtures'

/** 10,000 yuan at 0.04% a day, 随借随还. One day of interest on the full principal is 1,000,000 * 0.0004 = 400 fen. */
const draw = { ...cashDraw, accountId: 'mybank', channel: 'merchantQr' } satisfies Draw

let serial = 0
function pay(date: string, amount: number, target: { id: string; accountId: string } = draw, targetType: Repayment['targetType'] = 'draw'): Repayment {
  return { id: `rp-${++serial}`, accountId: target.accountId, targetType, targetId: target.id, date, amount, note: '' }
}

function statementPay(accountId: string, date: string, amount: number): Repayment {
  return { id: `rp-${++serial}`, accountId, targetType: 'statement', targetId: accountId, date, amount, note: '' }
}

describe('dailyRateOf / instalmentFee', () => {
  it('turns an annual rate into a daily one over 360 days; a monthly fee has no daily rate', () => {
    expect(dailyRateOf({ rateUnit: 'daily', rate: 0.0005 })).toBe(0.0005)
    expect(dailyRateOf({ rateUnit: 'annual', rate: 0.036 })).toBeCloseTo(0.0001, 12)
    expect(dailyRateOf({ rateUnit: 'monthlyFee', rate: 0.006 })).toBe(0)
  })

  it('rounds the monthly fee to the fen', () => {
    // 10,100 * 0.0075 = 75.75 -> 76; 6,000 * 0.006 = 36 exactly.
    expect(instalmentFee(10_100, 0.0075)).toBe(76)
    expect(instalmentFee(6_000, 0.006)).toBe(36)
    expect(instalmentFee(10_000, 0)).toBe(0)
  })
})

describe('drawBalance: 随借随还 at a daily rate', () => {
  it('accrues from the draw day up to, not including, the as-of day', () => {
    // 2026-01-01 .. 2026-01-31 is 30 days: 30 * 400 = 12,000 fen = 120.00 yuan.
    expect(drawBalance(draw, [], '2026-01-31')).toEqual({ principalOutstanding: 1_000_000, interestAccrued: 12_000, owed: 1_012_000, repaid: 0 })
    expect(drawBalance(draw, [], '2026-01-02').interestAccrued).toBe(400)
    expect(drawBalance(draw, [], '2026-01-01')).toEqual({ principalOutstanding: 1_000_000, interestAccrued: 0, owed: 1_000_000, repaid: 0 })
    // Before the draw nothing accrues (a defensive case; checks reject such repayments).
    expect(drawBalance(draw, [], '2025-12-31').owed).toBe(1_000_000)
  })

  it('pays interest first, then principal, and a lower principal accrues less from that day', () => {
    // 2026-01-11: 10 days * 400 = 4,000 interest, so 504,000 clears it and 500,000 of principal.
    // 2026-01-11 .. 2026-01-31: 20 days on 500,000 = 20 * 200 = 4,000.
    const r = pay('2026-01-11', 504_000)
    expect(drawBalance(draw, [r], '2026-01-11')).toEqual({ principalOutstanding: 500_000, interestAccrued: 0, owed: 500_000, repaid: 504_000 })
    expect(drawBalance(draw, [r], '2026-01-31')).toEqual({ principalOutstanding: 500_000, interestAccrued: 4_000, owed: 504_000, repaid: 504_000 })
  })

  it('a repayment smaller than the interest leaves principal untouched and the rest of the interest owed', () => {
    // 4,000 accrued by 2026-01-11, 1,000 paid: 3,000 left; then 20 more days at 400 = 8,000.
    const r = pay('2026-01-11', 1_000)
    expect(drawBalance(draw, [r], '2026-01-31')).toEqual({ principalOutstanding: 1_000_000, interestAccrued: 11_000, owed: 1_011_000, repaid: 1_000 })
  })

  it('a payoff of what is owed leaves nothing, then and later', () => {
    const r = pay('2026-01-31', 1_012_000)
    expect(drawBalance(draw, [r], '2026-01-31')).toEqual({ principalOutstanding: 0, interestAccrued: 0, owed: 0, repaid: 1_012_000 })
    expect(drawBalance(draw, [r], '2026-06-30').owed).toBe(0)
  })

  it('repays on the draw day go straight to principal', () => {
    const r = pay('2026-01-01', 400_000)
    // 600,000 for 30 days at 0.0004 = 7,200.
    expect(drawBalance(draw, [r], '2026-01-31')).toEqual({ principalOutstanding: 600_000, interestAccrued: 7_200, owed: 607_200, repaid: 400_000 })
  })

  it('ignores repayments after the as-of day and does not care about the order they are given in', () => {
    const early = pay('2026-01-11', 504_000)
    const later = pay('2026-02-10', 100_000)
    expect(drawBalance(draw, [later, early], '2026-01-31')).toEqual(drawBalance(draw, [early], '2026-01-31'))
    // 2026-01-31 .. 2026-02-10 is 10 more days at 200 = 2,000: 6,000 interest in all by 02-10,
    // so 100,000 pays 6,000 interest and 94,000 principal.
    expect(drawBalance(draw, [later, early], '2026-02-10')).toEqual({ principalOutstanding: 406_000, interestAccrued: 0, owed: 406_000, repaid: 604_000 })
    expect(drawBalance(draw, [early, later], '2026-02-10')).toEqual(drawBalance(draw, [later, early], '2026-02-10'))
  })

  it('rounds interest to the fen only when shown or paid', () => {
    // 12,345 fen at 0.03%/day accrues 3.7035 fen a day: 1 day shows 4, 10 days 37.035 -> 37.
    const small = { ...draw, principal: 12_345, rate: 0.0003 } satisfies Draw
    expect(drawBalance(small, [], '2026-01-02').interestAccrued).toBe(4)
    expect(drawBalance(small, [], '2026-01-11').interestAccrued).toBe(37)
    // 3 fen paid against 4 due on day 1 keeps the 0.7035 that is still owed: 0.7035 + 3.7035 = 4.407 -> 4.
    expect(drawBalance(small, [pay('2026-01-02', 3, small)], '2026-01-03')).toEqual({ principalOutstanding: 12_345, interestAccrued: 4, owed: 12_349, repaid: 3 })
    // Paying the rounded interest in full settles it: of 7.407 accrued by 01-03, 7 paid leaves nothing
    // (not 0.407), so two more days show round(7.407) = 7 rather than round(7.814) = 8.
    expect(drawBalance(small, [pay('2026-01-03', 7, small)], '2026-01-05')).toEqual({ principalOutstanding: 12_345, interestAccrued: 7, owed: 12_352, repaid: 7 })
  })

  it('uses a 360-day year for an annual rate', () => {
    // 3.6% a year over 360 is 0.01% a day: 1,000,000 * 0.0001 * 30 = 3,000 (over 365 it would be 2,959).
    const annual = { ...draw, method: 'equalInstalment', rateUnit: 'annual', rate: 0.036 } satisfies Draw
    expect(drawBalance(annual, [], '2026-01-31')).toEqual({ principalOutstanding: 1_000_000, interestAccrued: 3_000, owed: 1_003_000, repaid: 0 })
  })

  it('charges nothing on an interest-free draw', () => {
    expect(drawBalance({ ...draw, rate: 0 }, [], '2026-12-31').owed).toBe(1_000_000)
  })
})

describe('drawBalance: 分期 with a monthly fee', () => {
  // 6,000 yuan over 12 months at 0.6%: fee 600,000 * 0.006 = 3,600 a month, total 600,000 + 12 * 3,600 = 643,200.
  const fee = { ...draw, id: 'dr-fee', principal: 600_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.006 } satisfies Draw

  it('owes principal plus n times the fee on the original amount, whatever the day', () => {
    const expected = { principalOutstanding: 600_000, interestAccrued: 43_200, owed: 643_200, repaid: 0 }
    expect(drawBalance(fee, [], '2026-01-01')).toEqual(expected)
    expect(drawBalance(fee, [], '2026-12-31')).toEqual(expected)
  })

  it('splits a repayment between fee and principal in proportion', () => {
    // One period is 643,200 / 12 = 53,600; 11/12 of the total is left: 550,000 principal and 39,600 fee.
    const r = pay('2026-02-01', 53_600, fee)
    expect(drawBalance(fee, [r], '2026-02-01')).toEqual({ principalOutstanding: 550_000, interestAccrued: 39_600, owed: 589_600, repaid: 53_600 })
    expect(drawBalance(fee, [pay('2026-02-01', 643_200, fee)], '2026-02-01').owed).toBe(0)
  })
})

describe('drawBalance properties', () => {
  const drawArb = fc.record({
    principal: fc.integer({ min: 1, max: 100_000_000 }),
    rate: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1_000_000), // 0 .. 0.1% a day
    unit: fc.constantFrom('daily', 'annual')
  })

  it('more days never lower what a draw without repayments owes', () => {
    fc.assert(
      fc.property(drawArb, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), ({ principal, rate, unit }, a, b) => {
        const d = { ...draw, principal, rate: unit === 'annual' ? rate * 360 : rate, rateUnit: unit } satisfies Draw
        const [early, late] = a <= b ? [a, b] : [b, a]
        expect(drawBalance(d, [], addDays(d.drawDate, early)).owed).toBeLessThanOrEqual(drawBalance(d, [], addDays(d.drawDate, late)).owed)
      })
    )
  })

  it('owed >= principal outstanding >= 0, repaid is the sum to date, and paying what is owed clears the draw', () => {
    fc.assert(
      fc.property(
        drawArb,
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 1, max: 50_000_000 }) }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 500 }),
        ({ principal, rate }, raw, asOfDay) => {
          const d = { ...draw, principal, rate } satisfies Draw
          const repayments = raw.map((r) => pay(addDays(d.drawDate, r.day), r.amount, d))
          const asOf = addDays(d.drawDate, asOfDay)
          const bal = drawBalance(d, repayments, asOf)
          expect(bal.principalOutstanding).toBeGreaterThanOrEqual(0)
          expect(bal.principalOutstanding).toBeLessThanOrEqual(principal)
          expect(bal.owed).toBeGreaterThanOrEqual(bal.principalOutstanding)
          expect(bal.owed).toBe(bal.principalOutstanding + bal.interestAccrued)
          expect(Number.isSafeInteger(bal.owed)).toBe(true)
          expect(bal.repaid).toBe(repayments.filter((r) => r.date <= asOf).reduce((s, r) => s + r.amount, 0))
          if (bal.owed > 0) {
            const payoff = pay(asOf, bal.owed, d)
            expect(drawBalance(d, [...repayments, payoff], asOf).owed).toBe(0)
            expect(drawBalance(d, [...repayments.filter((r) => r.date <= asOf), payoff], addDays(asOf, 30)).owed).toBe(0)
          }
        }
      )
    )
  })
})

describe('orderTotal / orderBalance', () => {
  it('adds n monthly fees on the original amount to an instalment plan', () => {
    // 6,000 yuan in 6 at 0.75%: 600,000 * 0.0075 = 4,500 a month, 27,000 in all.
    expect(orderTotal({ amount: 600_000, instalmentCount: 6, instalmentFeeRate: 0.0075 })).toBe(627_000)
    expect(orderTotal({ amount: 29_900, instalmentCount: 1, instalmentFeeRate: 0 })).toBe(29_900)
  })

  it('derives the status from what was repaid', () => {
    const o = orderWith('od-1', { amount: 29_900 })
    expect(orderBalance(o, 0)).toEqual({ total: 29_900, repaid: 0, owed: 29_900, status: 'unpaid' })
    expect(orderBalance(o, 10_000)).toEqual({ total: 29_900, repaid: 10_000, owed: 19_900, status: 'partlyPaid' })
    expect(orderBalance(o, 29_900)).toEqual({ total: 29_900, repaid: 29_900, owed: 0, status: 'paid' })
    expect(orderBalance(o, 40_000)).toEqual({ total: 29_900, repaid: 40_000, owed: 0, status: 'paid' })
  })

  it('owes nothing on an order marked paid, refunded or cancelled', () => {
    expect(orderBalance(orderWith('p', { status: 'paid' }), 0)).toEqual({ total: 10_000, repaid: 0, owed: 0, status: 'paid' })
    expect(orderBalance(orderWith('r', { status: 'refunded' }), 0)).toEqual({ total: 10_000, repaid: 0, owed: 0, status: 'refunded' })
    expect(orderBalance(orderWith('c', { status: 'cancelled' }), 2_000)).toEqual({ total: 10_000, repaid: 2_000, owed: 0, status: 'cancelled' })
  })
})

describe('repaidByTarget / groupRepaymentsByTarget', () => {
  it('sums and groups per target, up to a day', () => {
    const a = pay('2026-01-05', 100, { id: 'x', accountId: 'acc' })
    const b = pay('2026-01-10', 200, { id: 'x', accountId: 'acc' })
    const c = pay('2026-01-07', 50, { id: 'y', accountId: 'acc' })
    expect(repaidByTarget([a, b, c])).toEqual(new Map([['x', 300], ['y', 50]]))
    expect(repaidByTarget([a, b, c], '2026-01-07')).toEqual(new Map([['x', 100], ['y', 50]]))
    expect(groupRepaymentsByTarget([a, b, c])).toEqual(new Map([['x', [a, b]], ['y', [c]]]))
  })
})

describe('orderBalanceDetails: the billing order', () => {
  // The rule as first written, a comparator: what the packed numeric sort must reproduce exactly.
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const reference = (orders: readonly Order[]) =>
    orders
      .map((_, i) => i)
      .sort((i, j) => {
        const a = orders[i]!
        const b = orders[j]!
        return (a.instalmentCount > 1 ? 1 : 0) - (b.instalmentCount > 1 ? 1 : 0) || text(a.dueDate, b.dueDate) || text(a.orderDate, b.orderDate) || text(a.id, b.id)
      })

  it('is single payments first, earliest due, then order date, then id, as the comparator sorts them (property)', () => {
    // Few distinct dates and ids, so ties on every field (repeated ids included) are common.
    const anyOrder = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'od-10', 'od-9'),
      instalments: fc.constantFrom(1, 1, 3),
      ordered: fc.integer({ min: 0, max: 3 }),
      dueAfter: fc.integer({ min: 0, max: 2 }),
      year: fc.constantFrom('1900', '2026', '2200')
    })
    fc.assert(
      fc.property(fc.array(anyOrder, { maxLength: 40 }), (list) => {
        const orders = list.map((o) => {
          const orderDate = addDays(`${o.year}-01-30`, o.ordered)
          return orderWith(o.id, { orderDate, dueDate: addDays(orderDate, o.dueAfter * 31), instalmentCount: o.instalments })
        })
        expect(orderBalanceDetails(orders, []).billingOrder).toEqual(reference(orders))
      })
    )
  })

  it('falls back to the comparator for a date it cannot pack, with the same result', () => {
    const orders = [orderWith('b', { dueDate: '2026-02-10' }), orderWith('a', { dueDate: 'not a date' }), orderWith('c', { dueDate: '2026-02-09' })]
    expect(orderBalanceDetails(orders, []).billingOrder).toEqual(reference(orders))
  })
})

describe('orderBalances: statement repayments', () => {
  // On 花呗: B (5,000) is due first, A (10,000) later; C is a 3-period plan, 30,000 + 3 * 225 = 30,675
  // (30,000 * 0.0075 = 225); D was refunded; E is on another account.
  const A = orderWith('A', { amount: 10_000, orderDate: '2026-01-20', dueDate: '2026-03-10' })
  const B = orderWith('B', { amount: 5_000, orderDate: '2026-01-03', dueDate: '2026-02-10' })
  const C = orderWith('C', { amount: 30_000, orderDate: '2026-01-02', dueDate: '2026-02-10', instalmentCount: 3, instalmentFeeRate: 0.0075 })
  const D = orderWith('D', { amount: 8_000, orderDate: '2026-01-01', dueDate: '2026-02-10', status: 'refunded' })
  const E = orderWith('E', { accountId: 'fenfu', amount: 7_000, dueDate: '2026-02-10' })
  const all = [A, B, C, D, E]

  it('pays single-payment orders earliest due first, within the account', () => {
    const out = orderBalances(all, [statementPay('huabei', '2026-02-10', 12_000)])
    expect(out.get('B')).toEqual({ total: 5_000, repaid: 5_000, owed: 0, status: 'paid' })
    expect(out.get('A')).toEqual({ total: 10_000, repaid: 7_000, owed: 3_000, status: 'partlyPaid' })
    expect(out.get('C')).toEqual({ total: 30_675, repaid: 0, owed: 30_675, status: 'unpaid' })
    expect(out.get('D')).toEqual({ total: 8_000, repaid: 0, owed: 0, status: 'refunded' })
    expect(out.get('E')).toEqual({ total: 7_000, repaid: 0, owed: 7_000, status: 'unpaid' })
    expect(out.size).toBe(5)
  })

  it('goes on to instalment plans only once the single payments are cleared', () => {
    // 20,000 - 5,000 (B) - 10,000 (A) = 5,000 to C.
    const out = orderBalances(all, [statementPay('huabei', '2026-02-10', 20_000)])
    expect(out.get('A')?.status).toBe('paid')
    expect(out.get('B')?.status).toBe('paid')
    expect(out.get('C')).toEqual({ total: 30_675, repaid: 5_000, owed: 25_675, status: 'partlyPaid' })
  })

  it('counts direct repayments of an order before the statement pool', () => {
    // A owes 6,000 after a direct 4,000; the 12,000 bill covers B (5,000) and A (6,000); 1,000 reaches C.
    const out = orderBalances(all, [pay('2026-01-25', 4_000, A, 'order'), statementPay('huabei', '2026-02-10', 12_000)])
    expect(out.get('A')).toEqual({ total: 10_000, repaid: 10_000, owed: 0, status: 'paid' })
    expect(out.get('B')?.owed).toBe(0)
    expect(out.get('C')).toEqual({ total: 30_675, repaid: 1_000, owed: 29_675, status: 'partlyPaid' })
  })

  it('leaves out repayments after the as-of day', () => {
    const out = orderBalances(all, [statementPay('huabei', '2026-02-10', 12_000)], '2026-02-09')
    expect(out.get('B')?.owed).toBe(5_000)
    expect(out.get('A')?.owed).toBe(10_000)
  })

  it('breaks a tie on the due date by the order date', () => {
    const early = orderWith('early', { amount: 3_000, orderDate: '2026-01-02', dueDate: '2026-02-10' })
    const late = orderWith('late', { amount: 3_000, orderDate: '2026-01-09', dueDate: '2026-02-10' })
    for (const list of [[early, late], [late, early]]) {
      const out = orderBalances(list, [statementPay('huabei', '2026-02-10', 3_000)])
      expect(out.get('early')?.owed).toBe(0)
      expect(out.get('late')?.owed).toBe(3_000)
    }
  })

  it('spreads a pool without losing or inventing money, earliest due first (property)', () => {
    const orderArb = fc.record({
      amount: fc.integer({ min: 1, max: 100_000 }),
      dueOffset: fc.integer({ min: 0, max: 90 }),
      instalments: fc.constantFrom(1, 1, 3),
      direct: fc.integer({ min: 0, max: 50_000 })
    })
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1_000_000 }), (specs, pool) => {
        const orders = specs.map((s, i) =>
          orderWith(`o${i}`, {
            amount: s.amount,
            orderDate: '2026-01-01',
            dueDate: addDays('2026-01-10', s.dueOffset),
            instalmentCount: s.instalments,
            instalmentFeeRate: s.instalments > 1 ? 0.0075 : 0
          })
        )
        const direct = specs.flatMap((s, i) => {
          const o = orders[i]!
          const amount = Math.min(s.direct, orderTotal(o))
          return amount > 0 ? [pay('2026-01-05', amount, o, 'order')] : []
        })
        const before = orderBalances(orders, direct)
        const after = orderBalances(orders, [...direct, statementPay('huabei', '2026-02-10', pool)])
        const owedBefore = orders.reduce((s, o) => s + before.get(o.id)!.owed, 0)
        const owedAfter = orders.reduce((s, o) => s + after.get(o.id)!.owed, 0)
        expect(owedBefore - owedAfter).toBe(Math.min(pool, owedBefore))
        // Whatever received part of the pool, everything ahead of it in the queue was cleared.
        const rank = (o: Order) => [Number(o.instalmentCount > 1), o.dueDate] as const
        for (const o of orders) {
          if (after.get(o.id)!.repaid === before.get(o.id)!.repaid) continue
          for (const other of orders) {
            const [ko, kd] = rank(other)
            const [mo, md] = rank(o)
            if (ko < mo || (ko === mo && kd < md)) expect(after.get(other.id)!.owed).toBe(0)
          }
        }
      })
    )
  })
})

describe('accountBalances', () => {
  it('sums draws with interest and open orders per account', () => {
    const second = { ...draw, id: 'dr-2', principal: 200_000, drawDate: '2026-01-21', firstDueDate: '2026-02-21' } satisfies Draw
    const A = orderWith('A', { amount: 10_000, dueDate: '2026-02-10' })
    const B = orderWith('B', { amount: 5_000, dueDate: '2026-02-01' })
    const C = orderWith('C', { amount: 30_000, instalmentCount: 3, instalmentFeeRate: 0.0075 }) // total 30,675
    const R = orderWith('R', { amount: 8_000, status: 'refunded' })
    const repayments = [
      pay('2026-01-11', 504_000), // leaves 500,000 on dr-1 (see drawBalance tests)
      statementPay('huabei', '2026-01-20', 12_000), // B 5,000 then 7,000 of A
      statementPay('huabei', '2026-02-15', 99_000) // after the as-of day: ignored
    ]
    const out = accountBalances([draw, second], [A, B, C, R], repayments, '2026-01-31')
    // dr-1: 500,000 + 20 days * 200 = 504,000. dr-2: 200,000 + 10 days * 80 = 200,800.
    expect(out.get('mybank')).toEqual({ owedOnDraws: 704_800, owedOnOrders: 0, owed: 704_800, principalOutstanding: 700_000, repaid: 504_000 })
    // Orders: A owes 3,000 and C 30,675, of which principal 3,000 + 30,000 (never more than the amount).
    expect(out.get('huabei')).toEqual({ owedOnDraws: 0, owedOnOrders: 33_675, owed: 33_675, principalOutstanding: 33_000, repaid: 12_000 })
    expect(out.size).toBe(2)
  })

  it('has no entry for an account with nothing on it', () => {
    expect(accountBalances([], [], [], '2026-01-31').size).toBe(0)
  })
})
