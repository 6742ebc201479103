import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../dates'
import { drawBalance, orderBalance } from '../owed'
import type { Draw, Order, Repayment } from '../records'
import { DEFAULT_OVERDUE_DAILY_RATE, drawCost, earlyPayoff, orderCost } from './actual'
import { calculateOffer } from './apr'
import { anyOffer } from './arbitraries'
import { buildSchedule, firstDueOf } from './schedule'
import { cash, draw as flexDraw, huabei, orderWith, repay, zhima } from '@/test-fixtures'

/** 3,000 yuan at 0.05% a day, 等额本金 over 3 months from 2026-01-01 (due 02-01, 03-01, 04-01). */
const epDraw = { ...flexDraw, id: 'dr-ep', principal: 300_000, method: 'equalPrincipal', rate: 0.0005, termMonths: 3 } satisfies Draw
// Its schedule (schedule.test.ts): 104,650 on 02-01, 102,800 on 03-01, 101,550 on 04-01.
const onEp = (id: string, date: string, amount: number) => repay(id, { targetId: 'dr-ep', date, amount })

/** 12,000 yuan 分期 at 0.6% a month over 12 months: 107,200 a month (100,000 principal + 7,200 fee). */
const feeDraw = { ...flexDraw, id: 'dr-fee', principal: 1_200_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.006 } satisfies Draw
const onFee = (id: string, date: string, amount: number) => repay(id, { targetId: 'dr-fee', date, amount })

const pct = (x: number | undefined) => (x === undefined ? Number.NaN : Math.round(x * 10_000) / 100)

describe('drawCost: 随借随还 follows owed.ts', () => {
  // The fixture: 10,000 yuan at 0.04% a day from 2026-01-01, 400 fen a day; 12-month term, so
  // the principal falls due on the last due date, 2027-01-01.
  it('accrues by the day, and projects holding to the end of the term', () => {
    const c = drawCost(flexDraw, [], cash, '2026-01-31')
    // 30 days * 400 = 12,000 accrued; 2026-01-31 .. 2027-01-01 is 335 days * 400 = 134,000 to come.
    expect(c).toMatchObject({
      interestPaid: 0,
      feesPaid: 0,
      penaltyPaid: 0,
      accruedUnpaid: 12_000,
      principalOutstanding: 1_000_000,
      owedToday: 1_012_000,
      projectedCostToPayoff: 134_000,
      totalCost: 146_000,
      overdue: null,
      estimate: false,
      cleared: false
    })
    expect(c.owedToday).toBe(drawBalance(flexDraw, [], '2026-01-31').owed)
    // Paying 1,012,000 after 30 days: (1.012)^(1/30) - 1 a day.
    expect(c.apr?.periodRate).toBeCloseTo(Math.pow(1.012, 1 / 30) - 1, 12)
    expect(c.naiveRate).toBeCloseTo(0.146, 12)
  })

  it('pays interest first, then principal, as owed.ts does', () => {
    // 2026-01-11: 10 days * 400 = 4,000 of interest, 500,000 of principal; then 20 days on 500,000 = 4,000.
    const reps = [repay('r1', { date: '2026-01-11', amount: 504_000 })]
    expect(drawCost(flexDraw, reps, cash, '2026-01-31')).toMatchObject({ interestPaid: 4_000, principalOutstanding: 500_000, accruedUnpaid: 4_000, owedToday: 504_000 })
  })

  it('cleared the day after: the real APR of one day at 0.04% is the daily rate', () => {
    const c = drawCost(flexDraw, [repay('r1', { date: '2026-01-02', amount: 1_000_400 })], cash, '2026-03-01')
    expect(c).toMatchObject({ interestPaid: 400, owedToday: 0, principalOutstanding: 0, projectedCostToPayoff: 0, totalCost: 400, cleared: true, overdue: null })
    expect(pct(c.apr?.aprSimple)).toBe(14.6)
    expect(pct(c.apr?.aprCompound)).toBe(15.72) // (1.0004)^365 - 1
  })

  it('past the end of the term: overdue from the last due date, penalty at daily x 1.5 on what was owed then', () => {
    // Owed on 2027-01-01: 1,000,000 + 365 days * 400 = 1,146,000. Ten days later the penalty is
    // 1,146,000 * 0.0004 * 1.5 * 10 = 6,876, and interest has run on: 375 days * 400 = 150,000.
    const c = drawCost(flexDraw, [], cash, '2027-01-11')
    expect(c.overdue).toEqual({ since: '2027-01-01', days: 10, penaltyAccrued: 6_876 })
    expect(c.owedToday).toBe(drawBalance(flexDraw, [], '2027-01-11').owed + 6_876)
    expect(c.owedToday).toBe(1_156_876)
    expect(c.projectedCostToPayoff).toBe(0)
    // One day late costs one day of penalty; on the due date itself nothing.
    expect(drawCost(flexDraw, [], cash, '2027-01-01').overdue).toBeNull()
    expect(drawCost(flexDraw, [], cash, '2027-01-02').overdue).toEqual({ since: '2027-01-01', days: 1, penaltyAccrued: 688 })
  })

  it('a late payoff: what goes beyond interest and principal pays the penalty', () => {
    const late = [repay('r1', { date: '2027-01-11', amount: 1_156_876 })]
    expect(drawCost(flexDraw, late, cash, '2027-02-01')).toMatchObject({ penaltyPaid: 6_876, interestPaid: 150_000, owedToday: 0, cleared: true, overdue: null })
    // Paying only what owed.ts says is owed clears the loan but leaves the penalty owed.
    const short = drawCost(flexDraw, [repay('r1', { date: '2027-01-11', amount: 1_150_000 })], cash, '2027-02-01')
    expect(short).toMatchObject({ principalOutstanding: 0, penaltyPaid: 0, owedToday: 6_876, accruedUnpaid: 6_876, overdue: null, cleared: false })
  })

  it('owedToday is drawBalance().owed for any on-time repayments (property)', () => {
    const repayments = fc.array(fc.record({ day: fc.integer({ min: 0, max: 300 }), amount: fc.integer({ min: 1, max: 400_000 }) }), { maxLength: 6 })
    fc.assert(
      fc.property(repayments, fc.integer({ min: 0, max: 360 }), fc.constantFrom(0.0002, 0.0004, 0.0005), (list, asOf, rate) => {
        const d = { ...flexDraw, rate }
        const reps: Repayment[] = list.map((r, i) => repay(`r${i}`, { date: addDays('2026-01-01', r.day), amount: r.amount }))
        const today = addDays('2026-01-01', asOf)
        const c = drawCost(d, reps, cash, today)
        const b = drawBalance(d, reps, today)
        expect(c.owedToday).toBe(b.owed)
        expect(c.principalOutstanding).toBe(b.principalOutstanding)
        // Everything repaid is principal or cost.
        expect(c.interestPaid + (d.principal - c.principalOutstanding)).toBe(b.repaid)
      })
    )
  })

  it('more days never cost less (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 10_000_000 }), (a, extra, principal) => {
        const d = { ...flexDraw, principal }
        const sooner = drawCost(d, [], cash, addDays('2026-01-01', a))
        const later = drawCost(d, [], cash, addDays('2026-01-01', a + extra))
        expect(later.owedToday).toBeGreaterThanOrEqual(sooner.owedToday)
        expect(later.accruedUnpaid).toBeGreaterThanOrEqual(sooner.accruedUnpaid)
      })
    )
  })

  it('a draw not yet made costs nothing so far and projects its whole schedule', () => {
    expect(drawCost(flexDraw, [], cash, '2025-12-31')).toMatchObject({ owedToday: 0, principalOutstanding: 0, apr: null, cleared: false, projectedCostToPayoff: 146_000 })
  })
})

describe('drawCost: instalments against the schedule', () => {
  it('on schedule: cost paid and to come add up to the schedule', () => {
    const reps = [onEp('p1', '2026-02-01', 104_650)]
    const c = drawCost(epDraw, reps, cash, '2026-02-15')
    // 02-01 .. 02-15: 14 days on 200,000 = 1,400 accrued; to come 200,000 * 0.0005 * 14 (to 03-01)
    // + 100,000 * 0.0005 * 31 = 1,400 + 1,550: the schedule's 2,800 + 1,550 in all.
    expect(c).toMatchObject({ interestPaid: 4_650, principalOutstanding: 200_000, accruedUnpaid: 1_400, owedToday: 201_400, projectedCostToPayoff: 2_950, totalCost: 9_000, overdue: null })
    // The schedule's own interest: 4,650 + 2,800 + 1,550.
    expect(c.totalCost).toBe(9_000)
    expect(c.apr).not.toBeNull()
  })

  it('a missed instalment is overdue from the day after its due date, with penalty at daily x 1.5', () => {
    const paid = [onEp('p1', '2026-02-01', 104_650)]
    // Due 03-01: 102,800. On 03-11 it is 10 days late: 102,800 * 0.0005 * 1.5 * 10 = 771 of
    // penalty; interest 02-01 .. 03-11 is 38 days on 200,000 = 3,800.
    const late = drawCost(epDraw, paid, cash, '2026-03-11')
    expect(late.overdue).toEqual({ since: '2026-03-01', days: 10, penaltyAccrued: 771 })
    expect(late.owedToday).toBe(200_000 + 3_800 + 771)
    // Paying the instalment that day: 3,800 of interest, 99,000 of principal; the penalty stays owed.
    const caughtUp = drawCost(epDraw, [...paid, onEp('p2', '2026-03-11', 102_800)], cash, '2026-03-11')
    expect(caughtUp).toMatchObject({ penaltyPaid: 0, interestPaid: 4_650 + 3_800, principalOutstanding: 101_000, overdue: null, owedToday: 101_000 + 771 })
    // With the penalty on top, the 771 goes to principal while principal is owed (owed.ts knows no
    // penalty), and the penalty is paid at the end: what is owed comes to the same 101,000.
    const withPenalty = drawCost(epDraw, [...paid, onEp('p2', '2026-03-11', 103_571)], cash, '2026-03-11')
    expect(withPenalty).toMatchObject({ penaltyPaid: 0, principalOutstanding: 100_229, owedToday: 100_229 + 771 })
  })

  it('whatever is left after the last due date is due in full', () => {
    const reps = [onEp('p1', '2026-02-01', 104_650), onEp('p2', '2026-03-11', 102_800), onEp('p3', '2026-04-01', 101_550)]
    // The late second instalment left 101,000 of principal; 03-11 .. 04-01 is 21 days: 1,060.5 -> 1,061
    // of interest, so the scheduled 101,550 leaves 511 of principal, overdue from 04-01.
    const c = drawCost(epDraw, reps, cash, '2026-04-05')
    expect(c.principalOutstanding).toBe(511)
    expect(c.overdue?.since).toBe('2026-04-01')
    expect(c.overdue?.days).toBe(4)
  })

  it('paying faster than the schedule is never overdue, and is cleared when everything is paid', () => {
    // All in one go on 01-20, before the first due date: 300,000 + 19 days * 150 = 302,850.
    const c = drawCost(epDraw, [onEp('p1', '2026-01-20', 302_850)], cash, '2026-06-01')
    expect(c).toMatchObject({ interestPaid: 2_850, owedToday: 0, cleared: true, overdue: null, projectedCostToPayoff: 0, totalCost: 2_850 })
    // Two instalments' worth on the first due date: nothing is in arrears on the second.
    expect(drawCost(epDraw, [onEp('p1', '2026-02-01', 210_000)], cash, '2026-03-05').overdue).toBeNull()
    // Paying on 02-15 what was due on 02-01 is 14 days late: 104,650 * 0.0005 * 1.5 * 14 = 1,099 of penalty.
    expect(drawCost(epDraw, [onEp('p1', '2026-02-15', 306_750)], cash, '2026-06-01')).toMatchObject({ principalOutstanding: 0, owedToday: 1_099, cleared: false })
  })

  it('an annual rate is charged per month whatever its days, and spread over the days of a part month', () => {
    // 3,000 yuan at 12% a year, 等额本息: 102,007 on 02-01 (3,000 of it interest).
    const ei = { ...epDraw, method: 'equalInstalment', rateUnit: 'annual', rate: 0.12 } satisfies Draw
    expect(drawCost(ei, [onEp('p1', '2026-02-01', 102_007)], cash, '2026-02-01')).toMatchObject({ interestPaid: 3_000, principalOutstanding: 200_993, accruedUnpaid: 0 })
    // Half of February (14 of 28 days) on 200,993 at 1% a month: 1,004.97 -> 1,005.
    expect(drawCost(ei, [onEp('p1', '2026-02-01', 102_007)], cash, '2026-02-15').accruedUnpaid).toBe(1_005)
    // Following the schedule exactly clears it to the fen.
    const all = [onEp('p1', '2026-02-01', 102_007), onEp('p2', '2026-03-01', 102_007), onEp('p3', '2026-04-01', 102_006)]
    expect(drawCost(ei, all, cash, '2026-04-01')).toMatchObject({ interestPaid: 6_020, owedToday: 0, cleared: true })
  })

  it('分期: fees and principal in proportion, all fees owed, a missed period costs the overdue rate', () => {
    const three = [onFee('f1', '2026-02-01', 107_200), onFee('f2', '2026-03-01', 107_200), onFee('f3', '2026-04-01', 107_200)]
    const c = drawCost(feeDraw, three, cash, '2026-04-15')
    expect(c).toMatchObject({ feesPaid: 21_600, interestPaid: 0, principalOutstanding: 900_000, accruedUnpaid: 0, projectedCostToPayoff: 64_800, totalCost: 86_400, owedToday: 964_800, overdue: null })
    expect(pct(c.apr?.aprSimple)).toBeGreaterThan(12)
    expect(pct(c.apr?.aprSimple)).toBeLessThan(14)
    // Period 4 (due 05-01) unpaid on 05-11: 107,200 * 0.0005 * 1.5 * 10 = 804.
    const late = drawCost(feeDraw, three, cash, '2026-05-11')
    expect(late.overdue).toEqual({ since: '2026-05-01', days: 10, penaltyAccrued: 804 })
    expect(late.accruedUnpaid).toBe(7_200 + 804)
    expect(drawCost(feeDraw, three, cash, '2026-05-11', { overdueDailyRate: 0.001 }).overdue?.penaltyAccrued).toBe(1_608)
  })

  it('the real APR of a loan followed to the letter is its schedule rate, per day', () => {
    // 分期 at 0.6% a month, repaid on schedule: 13.03% by the monthly IRR; by the day it is close.
    const schedule = calculateOffer({ principal: 1_200_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.006, termMonths: 12, startDate: '2026-01-01' })
    if (!schedule.ok) throw new Error('rejected')
    const reps = schedule.value.schedule.periods.map((p) => onFee(`f${p.index}`, p.dueDate, p.payment))
    const c = drawCost(feeDraw, reps, cash, '2027-02-01')
    expect(c.cleared).toBe(true)
    expect(Math.abs(c.apr!.aprSimple - schedule.value.apr.aprSimple)).toBeLessThan(0.002)
    // Midway, the projected flows stand in for the rest: the same figure.
    expect(Math.abs(drawCost(feeDraw, reps.slice(0, 5), cash, '2026-06-10').apr!.aprSimple - c.apr!.aprSimple)).toBeLessThan(0.0005)
  })
})

describe('earlyPayoff', () => {
  it('随借随还: paying off now against holding to the end of the term', () => {
    // 2026-01-31: 12,000 accrued; holding to 2027-01-01 costs 134,000 more.
    expect(earlyPayoff(flexDraw, [], '2026-01-31')).toEqual({ payoffAmount: 1_012_000, amountApplied: 1_012_000, costIfKept: 146_000, costIfPaidOff: 12_000, interestSaved: 134_000 })
  })

  it('instalments: the interest of the schedule from that day is saved', () => {
    const paid = [onEp('p1', '2026-02-01', 104_650)]
    // On 02-15: 201,400 clears it (1,400 of interest); keeping it costs 1,400 + 2,950.
    expect(earlyPayoff(epDraw, paid, '2026-02-15')).toEqual({ payoffAmount: 201_400, amountApplied: 201_400, costIfKept: 4_350, costIfPaidOff: 1_400, interestSaved: 2_950 })
    // Repayments after the day are ignored; before the draw it is the draw day.
    expect(earlyPayoff(epDraw, [...paid, onEp('p2', '2026-03-01', 102_800)], '2026-02-15').payoffAmount).toBe(201_400)
    expect(earlyPayoff(epDraw, [], '2025-12-01').payoffAmount).toBe(300_000)
  })

  it('分期: the fees still to come are owed either way (owed.ts), so nothing is saved', () => {
    const r = earlyPayoff(feeDraw, [onFee('f1', '2026-02-01', 107_200)], '2026-02-10')
    expect(r).toEqual({ payoffAmount: 1_286_400 - 107_200, amountApplied: 1_286_400 - 107_200, costIfKept: 79_200, costIfPaidOff: 79_200, interestSaved: 0 })
  })

  it('an amount at or above the payoff is a payoff, whatever is asked', () => {
    expect(earlyPayoff(flexDraw, [], '2026-01-31', { amount: 1_012_000 })).toEqual(earlyPayoff(flexDraw, [], '2026-01-31'))
    expect(earlyPayoff(flexDraw, [], '2026-01-31', { amount: 5_000_000 })).toEqual(earlyPayoff(flexDraw, [], '2026-01-31'))
  })
})

describe('earlyPayoff: a partial prepayment', () => {
  it('随借随还: the prepaid principal no longer runs to the end of the term', () => {
    // 2026-01-31: 30 days * 400 = 12,000 accrued. 512,000 pays the 12,000, then 500,000 of
    // principal, which would have cost 500,000 * 0.0004 * 335 days (to 2027-01-01) = 67,000.
    expect(earlyPayoff(flexDraw, [], '2026-01-31', { amount: 512_000 })).toEqual({
      payoffAmount: 1_012_000,
      amountApplied: 512_000,
      costIfKept: 146_000,
      costIfPaidOff: 146_000 - 67_000,
      interestSaved: 67_000
    })
    // Less than the interest accrued pays no principal: nothing saved.
    expect(earlyPayoff(flexDraw, [], '2026-01-31', { amount: 12_000 }).interestSaved).toBe(0)
    expect(earlyPayoff(flexDraw, [], '2026-01-31', { amount: 0 })).toMatchObject({ amountApplied: 0, interestSaved: 0, costIfPaidOff: 146_000 })
  })

  it('随借随还 past the end of its term: everything is due, nothing left to save', () => {
    // 2027-01-11 owes 1,000,000 + 150,000 of interest + 6,876 of penalty (see drawCost above).
    expect(earlyPayoff(flexDraw, [], '2027-01-11', { amount: 500_000 })).toMatchObject({ payoffAmount: 1_156_876, amountApplied: 500_000, interestSaved: 0 })
  })

  it('等额本金: the later payments are lowered (减少月供), the interest of the re-plan is saved', () => {
    const paid = [onEp('p1', '2026-02-01', 104_650)]
    // On 02-15: 200,000 out, 14 days * 100 = 1,400 accrued. Kept: 200,000 split 100,000 + 100,000
    // over 03-01 and 04-01, interest 200,000 * 0.0005 * 14 + 100,000 * 0.0005 * 31 = 1,400 + 1,550 = 2,950.
    // 101,400 pays the 1,400 and 100,000 of principal; the re-plan splits 100,000 into 50,000 + 50,000:
    // 100,000 * 0.0005 * 14 + 50,000 * 0.0005 * 31 = 700 + 775 = 1,475. Saved 2,950 - 1,475 = 1,475.
    expect(earlyPayoff(epDraw, paid, '2026-02-15', { amount: 101_400 })).toEqual({
      payoffAmount: 201_400,
      amountApplied: 101_400,
      costIfKept: 4_350,
      costIfPaidOff: 4_350 - 1_475,
      interestSaved: 1_475
    })
  })

  it('等额本息: the level payment is re-worked on what is left over the same dates', () => {
    // 3,000 yuan at 12% a year: 102,007 paid on 02-01 leaves 200,993. Kept over 03-01 and 04-01
    // at 1% a month: level 200,993 * 0.01 * 1.0201 / 0.0201 = 102,006.45 -> 102,006; interest
    // 2,009.93 -> 2,010, then (200,993 - 99,996) * 0.01 = 1,009.97 -> 1,010: 3,020.
    // 100,993 on 02-01 (nothing accrued that day) leaves 100,000: the same plan scaled by
    // 100,000 / 200,993 (level 50,751.24, interest 1,000 then 502.49), so the saving is the prepaid
    // share of the 3,020: 3,020 * 100,993 / 200,993 = 1,517.46 -> 1,517. (Re-planning in whole fen,
    // 1,000 + 502 = 1,502, would say 1,518: per-period rounding, which the share leaves out.)
    const ei = { ...epDraw, method: 'equalInstalment', rateUnit: 'annual', rate: 0.12 } satisfies Draw
    const paid = [onEp('p1', '2026-02-01', 102_007)]
    expect(earlyPayoff(ei, paid, '2026-02-01')).toMatchObject({ payoffAmount: 200_993, costIfKept: 3_020, interestSaved: 3_020 })
    expect(earlyPayoff(ei, paid, '2026-02-01', { amount: 100_993 })).toEqual({
      payoffAmount: 200_993,
      amountApplied: 100_993,
      costIfKept: 3_020,
      costIfPaidOff: 1_503,
      interestSaved: 1_517
    })
  })

  it('先息后本: interest on the principal left until it is repaid at the end', () => {
    // 3,000 yuan at 12% a year, interest only: 3,000 a month, the principal on 04-01. On 02-01,
    // after the first 3,000: kept costs 3,000 + 3,000; prepaying 100,000 leaves 200,000, which
    // costs 2,000 + 2,000. Saved 2,000.
    const io = { ...epDraw, method: 'interestOnly', rateUnit: 'annual', rate: 0.12 } satisfies Draw
    const paid = [onEp('p1', '2026-02-01', 3_000)]
    expect(earlyPayoff(io, paid, '2026-02-01', { amount: 100_000 })).toEqual({
      payoffAmount: 300_000,
      amountApplied: 100_000,
      costIfKept: 6_000,
      costIfPaidOff: 4_000,
      interestSaved: 2_000
    })
  })

  it('in arrears: the accrued interest and the penalty are paid before principal', () => {
    const paid = [onEp('p1', '2026-02-01', 104_650)]
    // On 03-11 (see drawCost above): 200,000 + 3,800 of interest + 771 of penalty. Kept, the
    // principal runs to 04-01: 200,000 * 0.0005 * 21 = 2,100. 104,571 pays 3,800 and 771, then
    // 100,000 of principal: the re-plan costs 100,000 * 0.0005 * 21 = 1,050. Saved 2,100 - 1,050.
    expect(earlyPayoff(epDraw, paid, '2026-03-11', { amount: 104_571 })).toEqual({
      payoffAmount: 204_571,
      amountApplied: 104_571,
      costIfKept: 3_800 + 771 + 2_100,
      costIfPaidOff: 3_800 + 771 + 1_050,
      interestSaved: 1_050
    })
  })

  it('分期: the fees stay owed, so paying part ahead saves nothing', () => {
    const r = earlyPayoff(feeDraw, [onFee('f1', '2026-02-01', 107_200)], '2026-02-10', { amount: 500_000 })
    expect(r).toEqual({ payoffAmount: 1_179_200, amountApplied: 500_000, costIfKept: 79_200, costIfPaidOff: 79_200, interestSaved: 0 })
  })

  it('a larger prepayment never saves less, and no saving exceeds what keeping costs (property)', () => {
    fc.assert(
      fc.property(
        anyOffer,
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (offer, asOf, a, b, payFirst) => {
          const d: Draw = { ...flexDraw, ...offer, drawDate: offer.startDate, firstDueDate: firstDueOf(offer), upfrontFee: offer.upfrontFee ?? 0 }
          // Sometimes the first instalment was paid on its due date, as scheduled.
          const first = buildSchedule(offer).periods[0]!
          const reps = payFirst ? [repay('p1', { targetId: d.id, date: first.dueDate, amount: first.payment })] : []
          const date = addDays(offer.startDate, asOf)
          const payoff = earlyPayoff(d, reps, date)
          const [small, large] = [Math.floor(Math.min(a, b) * payoff.payoffAmount), Math.floor(Math.max(a, b) * payoff.payoffAmount)]
          const less = earlyPayoff(d, reps, date, { amount: small })
          const more = earlyPayoff(d, reps, date, { amount: large })
          expect(more.interestSaved).toBeGreaterThanOrEqual(less.interestSaved)
          expect(payoff.interestSaved).toBeGreaterThanOrEqual(more.interestSaved)
          for (const r of [less, more, payoff]) {
            expect(r.interestSaved).toBeGreaterThanOrEqual(0)
            expect(r.interestSaved).toBeLessThanOrEqual(r.costIfKept)
            expect(r.costIfPaidOff + r.interestSaved).toBe(r.costIfKept)
            expect(Number.isSafeInteger(r.interestSaved)).toBe(true)
          }
        }
      )
    )
  })
})

describe('orderCost', () => {
  // The fixture order: 100 yuan on 花呗 (multiplier 1.5), bought 2026-01-05, due 2026-02-10.
  const order = orderWith('od-1')
  const cost = (o: Order, repaid: number, today: string, options?: { overdueDailyRate?: number }) => orderCost(o, orderBalance(o, repaid), huabei, today, options)

  it('is free when paid on time', () => {
    expect(cost(order, 10_000, '2026-03-01')).toEqual({ feesPaid: 0, feesToCome: 0, owed: 0, overdue: null, apr: null, naiveRate: null })
    expect(cost(order, 0, '2026-02-10').overdue).toBeNull()
  })

  it('becomes overdue the day after its due date, with penalty at 0.05% a day x the multiplier', () => {
    expect(DEFAULT_OVERDUE_DAILY_RATE).toBe(0.0005)
    // 10 days late: 10,000 * 0.0005 * 1.5 * 10 = 75.
    expect(cost(order, 0, '2026-02-20')).toMatchObject({ owed: 10_075, overdue: { since: '2026-02-10', days: 10, penaltyAccrued: 75 } })
    expect(cost(order, 4_000, '2026-02-20').overdue?.penaltyAccrued).toBe(45) // on the 6,000 still owed
    expect(cost(order, 0, '2026-02-20', { overdueDailyRate: 0.001 }).overdue?.penaltyAccrued).toBe(150)
    // An account with a multiplier of 1 (the sample's 芝麻先用后付): 10,000 * 0.0005 * 4 = 20.
    const z = orderWith('od-z', { accountId: 'zhima' })
    expect(orderCost(z, orderBalance(z, 0), { ...zhima, penaltyMultiplier: 1 }, '2026-02-14').overdue?.penaltyAccrued).toBe(20)
  })

  it('owes nothing when refunded or cancelled', () => {
    for (const status of ['refunded', 'cancelled'] as const) expect(cost(orderWith('od-r', { status }), 0, '2026-06-01')).toMatchObject({ owed: 0, overdue: null, feesToCome: 0 })
  })

  it('an instalment plan: fees paid in proportion, the rest to come, the real APR of its 分期 schedule', () => {
    // 6,000 yuan in 6 instalments at 0.75%: 4,500 fee a month, 104,500 a month, 27,000 of fees.
    const plan = orderWith('od-6', { amount: 600_000, instalmentCount: 6, instalmentFeeRate: 0.0075, dueDate: '2026-02-10' })
    const c = cost(plan, 209_000, '2026-03-20')
    expect(c).toMatchObject({ feesPaid: 9_000, feesToCome: 18_000, owed: 418_000, overdue: null })
    const offer = calculateOffer({ principal: 600_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.0075, termMonths: 6, startDate: '2026-01-05', firstDueDate: '2026-02-10' })
    expect(offer.ok && c.apr).toEqual(offer.ok ? offer.value.apr : null)
    expect(c.naiveRate).toBeCloseTo(0.09, 12)
    // The third instalment (due 04-10) unpaid on 04-20: 104,500 * 0.00075 * 10 = 783.75 -> 784.
    expect(cost(plan, 209_000, '2026-04-20')).toMatchObject({ overdue: { since: '2026-04-10', days: 10, penaltyAccrued: 784 }, owed: 418_000 + 784 })
  })
})
