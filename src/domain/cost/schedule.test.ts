import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { MAX_FEN } from '../money'
import { RATE_LIMITS } from '../records'
import { anyOffer } from '@/testing/cost-arbitraries'
import { buildSchedule, checkOffer, naiveRate } from './schedule'
import type { Offer, Schedule } from './types'

const offer = (fields: Partial<Offer>): Offer => ({
  principal: 300_000,
  method: 'equalInstalment',
  rateUnit: 'annual',
  rate: 0.12,
  termMonths: 3,
  startDate: '2026-01-01',
  ...fields
})

/** [principal, interest, fee, payment, balanceAfter] of each period. */
const rows = (s: Schedule) => s.periods.map((p) => [p.principal, p.interest, p.fee, p.payment, p.balanceAfter])

describe('buildSchedule: hand-checked schedules', () => {
  it('等额本息 at an annual rate: level payment, interest on the remaining balance, the last period absorbs rounding', () => {
    // 3,000 yuan at 12%/year for 3 months: r = 0.01, (1.01)^3 = 1.030301.
    // payment = 300,000 * 0.01 * 1.030301 / 0.030301 = 102,006.63 -> 102,007 fen.
    // 1: interest 300,000 * 0.01 = 3,000; principal 102,007 - 3,000 = 99,007; left 200,993.
    // 2: interest 200,993 * 0.01 = 2,009.93 -> 2,010; principal 99,997; left 100,996.
    // 3: interest 100,996 * 0.01 = 1,009.96 -> 1,010; principal the 100,996 left; payment 102,006.
    const s = buildSchedule(offer({}))
    expect(rows(s)).toEqual([
      [99_007, 3_000, 0, 102_007, 200_993],
      [99_997, 2_010, 0, 102_007, 100_996],
      [100_996, 1_010, 0, 102_006, 0]
    ])
    expect(s.periods.map((p) => p.dueDate)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01'])
    expect(s.periods.map((p) => p.days)).toEqual([31, 28, 31])
    expect(s).toMatchObject({ totalPrincipal: 300_000, totalInterest: 6_020, totalFees: 0, totalPayment: 306_020, estimate: false })
  })

  it('等额本息 at a daily rate: level payment from r = daily * 30, interest by the days of each period, marked as an estimate', () => {
    // 3,000 yuan at 0.05%/day: r = 0.015, (1.015)^3 = 1.045678375.
    // payment = 300,000 * 0.015 * 1.045678375 / 0.045678375 = 103,014.95 -> 103,015.
    // 1 (31 days): interest 300,000 * 0.0005 * 31 = 4,650; principal 98,365; left 201,635.
    // 2 (28 days): 201,635 * 0.0005 * 28 = 2,822.89 -> 2,823; principal 100,192; left 101,443.
    // 3 (31 days): 101,443 * 0.0005 * 31 = 1,572.37 -> 1,572; principal 101,443; payment 103,015.
    const s = buildSchedule(offer({ rateUnit: 'daily', rate: 0.0005 }))
    expect(rows(s)).toEqual([
      [98_365, 4_650, 0, 103_015, 201_635],
      [100_192, 2_823, 0, 103_015, 101_443],
      [101_443, 1_572, 0, 103_015, 0]
    ])
    expect(s.estimate).toBe(true)
    expect(s.totalInterest).toBe(9_045)
  })

  it('等额本金: equal principal parts (the remainder fen first), interest on what is left', () => {
    // 3,000.01 yuan at 12%/year: splitFen gives 100,001 + 100,000 + 100,000.
    // Interest 300,001 * 0.01 = 3,000.01 -> 3,000; 200,000 * 0.01 = 2,000; 100,000 * 0.01 = 1,000.
    expect(rows(buildSchedule(offer({ method: 'equalPrincipal', principal: 300_001 })))).toEqual([
      [100_001, 3_000, 0, 103_001, 200_000],
      [100_000, 2_000, 0, 102_000, 100_000],
      [100_000, 1_000, 0, 101_000, 0]
    ])
    // At 0.05%/day: 300,000 * 0.0005 * 31 = 4,650; 200,000 * 0.0005 * 28 = 2,800; 100,000 * 0.0005 * 31 = 1,550.
    const daily = buildSchedule(offer({ method: 'equalPrincipal', rateUnit: 'daily', rate: 0.0005 }))
    expect(rows(daily)).toEqual([
      [100_000, 4_650, 0, 104_650, 200_000],
      [100_000, 2_800, 0, 102_800, 100_000],
      [100_000, 1_550, 0, 101_550, 0]
    ])
    expect(daily.estimate).toBe(false)
  })

  it('先息后本: interest each period, the principal with the last', () => {
    // 10,000 yuan at 7.2%/year: 1,000,000 * 0.006 = 6,000 a month.
    expect(rows(buildSchedule(offer({ method: 'interestOnly', principal: 1_000_000, rate: 0.072 })))).toEqual([
      [0, 6_000, 0, 6_000, 1_000_000],
      [0, 6_000, 0, 6_000, 1_000_000],
      [1_000_000, 6_000, 0, 1_006_000, 0]
    ])
  })

  it('随借随还: interest for the days held each month (annual / 360 a day), the principal at the last due date', () => {
    // 10,000 yuan at 0.04%/day = 400 fen a day: 31, 28 and 31 days.
    expect(rows(buildSchedule(offer({ method: 'flexible', principal: 1_000_000, rateUnit: 'daily', rate: 0.0004 })))).toEqual([
      [0, 12_400, 0, 12_400, 1_000_000],
      [0, 11_200, 0, 11_200, 1_000_000],
      [1_000_000, 12_400, 0, 1_012_400, 0]
    ])
    // 3.6% a year is 0.01% a day over 360 days: 100 fen a day.
    expect(buildSchedule(offer({ method: 'flexible', principal: 1_000_000, rate: 0.036 })).periods.map((p) => p.interest)).toEqual([3_100, 2_800, 3_100])
  })

  it('分期: the fee is charged on the ORIGINAL amount every period, rounded half away from zero', () => {
    // 12,000 yuan, 0.6% a month, 12 months: 1,000 yuan of principal and 72 yuan of fee a month.
    const s = buildSchedule(offer({ method: 'feeInstalment', rateUnit: 'monthlyFee', principal: 1_200_000, rate: 0.006, termMonths: 12 }))
    for (const p of s.periods) expect([p.principal, p.interest, p.fee, p.payment]).toEqual([100_000, 0, 7_200, 107_200])
    expect(s).toMatchObject({ totalPrincipal: 1_200_000, totalInterest: 0, totalFees: 86_400, totalPayment: 1_286_400 })
    // 10 yuan over 3 months at 0.75%: parts 334 + 333 + 333; fee 1,000 * 0.0075 = 7.5 -> 8 fen.
    expect(rows(buildSchedule(offer({ method: 'feeInstalment', rateUnit: 'monthlyFee', principal: 1_000, rate: 0.0075 })))).toEqual([
      [334, 0, 8, 342, 666],
      [333, 0, 8, 341, 333],
      [333, 0, 8, 341, 0]
    ])
  })

  it('counts an up-front fee in totalFees and totalPayment, not in any period', () => {
    const s = buildSchedule(offer({ upfrontFee: 5_000 }))
    expect(s.totalFees).toBe(5_000)
    expect(s.totalPayment).toBe(306_020 + 5_000)
    expect(s.periods.every((p) => p.fee === 0)).toBe(true)
  })
})

describe('due dates', () => {
  it('default to one month after the start; later ones are counted from the first due date, clamped to short months', () => {
    expect(buildSchedule(offer({ startDate: '2026-01-31' })).periods.map((p) => p.dueDate)).toEqual(['2026-02-28', '2026-03-28', '2026-04-28'])
    const s = buildSchedule(offer({ startDate: '2025-12-31', firstDueDate: '2026-01-31', termMonths: 4 }))
    expect(s.periods.map((p) => p.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'])
    expect(s.periods.map((p) => p.days)).toEqual([31, 28, 31, 30])
  })

  it('the first period runs from the start to the first due date, however long', () => {
    // 45 days at 0.05%/day on 3,000 yuan: 300,000 * 0.0005 * 45 = 6,750.
    const s = buildSchedule(offer({ method: 'interestOnly', rateUnit: 'daily', rate: 0.0005, firstDueDate: '2026-02-15' }))
    expect(s.periods[0]).toMatchObject({ days: 45, interest: 6_750 })
  })
})

describe('naiveRate', () => {
  it('annualises the quoted figure the way lenders advertise it', () => {
    expect(naiveRate({ rateUnit: 'daily', rate: 0.0003 })).toBeCloseTo(0.1095, 12)
    expect(naiveRate({ rateUnit: 'monthlyFee', rate: 0.006 })).toBeCloseTo(0.072, 12)
    expect(naiveRate({ rateUnit: 'annual', rate: 0.072 })).toBe(0.072)
  })
})

describe('checkOffer', () => {
  const good = { principal: 1_200_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.006, termMonths: 12, startDate: '2026-01-01' }
  const issues = (input: unknown) => {
    const r = checkOffer(input)
    return r.ok ? [] : r.issues
  }

  it('accepts an offer as quoted and keeps the optional fields optional', () => {
    expect(checkOffer(good)).toEqual({ ok: true, value: good })
    expect(checkOffer({ ...good, firstDueDate: '2026-01-20', upfrontFee: 0 }).ok).toBe(true)
  })

  it('names the field and the reason of bad input with i18n keys', () => {
    expect(issues({ ...good, termMonths: -3 })).toEqual([{ path: 'termMonths', message: 'validation.termMonths' }])
    expect(issues({ ...good, termMonths: 1.5 })).toEqual([{ path: 'termMonths', message: 'validation.termMonths' }])
    expect(issues({ ...good, termMonths: Number.NaN })).toEqual([{ path: 'termMonths', message: 'validation.termMonths' }])
    // 150% a month is far beyond the plausible 2%.
    expect(issues({ ...good, rate: 1.5 })).toEqual([{ path: 'rate', message: 'validation.rateRange.monthlyFee' }])
    expect(issues({ ...good, rate: -0.001 })).toEqual([{ path: 'rate', message: 'validation.rateRange.monthlyFee' }])
    expect(issues({ ...good, method: 'flexible', rateUnit: 'daily', rate: 0.05 })).toEqual([{ path: 'rate', message: 'validation.rateRange.daily' }])
    expect(issues({ ...good, rate: 'abc' })).toEqual([{ path: 'rate', message: 'validation.rate' }])
    expect(issues({ ...good, rate: Number.POSITIVE_INFINITY })).toEqual([{ path: 'rate', message: 'validation.rate' }])
    expect(issues({ ...good, principal: 'lots' })).toEqual([{ path: 'principal', message: 'validation.amount' }])
    expect(issues({ ...good, principal: 0 })).toEqual([{ path: 'principal', message: 'validation.amountPositive' }])
    expect(issues({ ...good, principal: MAX_FEN + 1 })).toEqual([{ path: 'principal', message: 'validation.amountTooLarge' }])
    expect(issues({ ...good, principal: 10.5 })).toEqual([{ path: 'principal', message: 'validation.amountFen' }])
    expect(issues({ ...good, method: 'payday' })).toEqual([{ path: 'method', message: 'validation.choice' }])
    expect(issues({ ...good, rateUnit: 'annual', rate: 0.07 })).toEqual([{ path: 'rateUnit', message: 'validation.rateUnitMethod' }])
    expect(issues({ ...good, startDate: '2026-02-30' })).toEqual([{ path: 'startDate', message: 'validation.date' }])
    expect(issues({ ...good, firstDueDate: '2026-01-01' })).toEqual([{ path: 'firstDueDate', message: 'validation.firstDueAfterDraw' }])
    expect(issues({ ...good, firstDueDate: '2027-02-01' })).toEqual([{ path: 'firstDueDate', message: 'validation.firstDueWithinTerm' }])
    expect(issues({ ...good, upfrontFee: 1_200_000 })).toEqual([{ path: 'upfrontFee', message: 'validation.feeBelowPrincipal' }])
    expect(issues({ ...good, upfrontFee: -1 })).toEqual([{ path: 'upfrontFee', message: 'validation.amountNonNegative' }])
    expect(issues(null).length).toBeGreaterThan(0)
  })
})

describe('buildSchedule: properties', () => {
  it('principal parts add up exactly to the principal for every method; every amount is a safe, non-negative integer', () => {
    fc.assert(
      fc.property(anyOffer, (o) => {
        const s = buildSchedule(o)
        expect(s.periods).toHaveLength(o.termMonths)
        expect(s.totalPrincipal).toBe(o.principal)
        expect(s.periods.reduce((sum, p) => sum + p.principal, 0)).toBe(o.principal)
        expect(s.periods.at(-1)!.balanceAfter).toBe(0)
        let balance = o.principal
        for (const p of s.periods) {
          for (const v of [p.principal, p.interest, p.fee, p.payment, p.balanceAfter]) {
            expect(Number.isSafeInteger(v)).toBe(true)
            expect(v).toBeGreaterThanOrEqual(0)
          }
          expect(p.payment).toBe(p.principal + p.interest + p.fee)
          balance -= p.principal
          expect(p.balanceAfter).toBe(balance)
        }
        expect(s.totalPayment).toBe(s.totalPrincipal + s.totalInterest + s.totalFees)
        for (const v of [s.totalInterest, s.totalFees, s.totalPayment]) expect(Number.isSafeInteger(v)).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it('is valid input for checkOffer, so the generator covers only offers the calculator takes', () => {
    fc.assert(
      fc.property(anyOffer, (o) => {
        expect(checkOffer(o).ok).toBe(true)
      })
    )
  })

  it('more days never cost less: a later first due date or a longer term of 随借随还 at a daily rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0, max: RATE_LIMITS.daily, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 24 }),
        (principal, rate, firstDays, extraDays, termMonths) => {
          const base = { principal, method: 'flexible', rateUnit: 'daily', rate, termMonths, startDate: '2026-01-01' } satisfies Offer
          const shorter = buildSchedule({ ...base, firstDueDate: addDays('2026-01-01', firstDays) })
          const longer = buildSchedule({ ...base, firstDueDate: addDays('2026-01-01', firstDays + extraDays) })
          expect(longer.totalInterest).toBeGreaterThanOrEqual(shorter.totalInterest)
          expect(buildSchedule({ ...base, termMonths: termMonths + 1 }).totalInterest).toBeGreaterThanOrEqual(buildSchedule(base).totalInterest)
        }
      )
    )
  })
})
