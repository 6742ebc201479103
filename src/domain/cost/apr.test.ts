import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar'
import { aprOfSchedule, calculateFlows, calculateOffer, irr, xirr, xirrOfDays } from './apr'
import { anyOffer } from '@/testing/cost-arbitraries'
import { buildSchedule, scheduleOf } from './schedule'
import type { SchedulePeriod } from './types'

/** Rates are compared as percentages to 2 decimals, the way DOMAIN.md quotes them. */
const pct = (x: number | undefined) => (x === undefined ? Number.NaN : Math.round(x * 10_000) / 100)

/** A schedule of equal payments, for flows that are not any method's (the PBoC example). */
function level(payment: number, n: number) {
  const periods: SchedulePeriod[] = Array.from({ length: n }, (_, i) => ({
    index: i + 1,
    dueDate: '2026-01-01',
    days: 30,
    principal: 0,
    interest: 0,
    fee: 0,
    payment,
    balanceAfter: 0
  }))
  return scheduleOf(periods, 0, false)
}

const feeOffer = (rate: number, termMonths: number) =>
  calculateOffer({ principal: 1_200_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate, termMonths, startDate: '2026-01-01' })

describe('reference figures (DOMAIN.md, "The real rate")', () => {
  it('PBoC example: borrow 100,000, pay 1,000 up front, repay 12 x 8,833.30 -> 12.80% simple, 13.58% compound', () => {
    const apr = aprOfSchedule(10_000_000 - 100_000, level(883_330, 12))
    expect(pct(apr?.aprSimple)).toBe(12.8)
    expect(pct(apr?.aprCompound)).toBe(13.58)
    // irr on the same flows gives the monthly rate behind it.
    expect(irr([9_900_000, ...Array<number>(12).fill(-883_330)])).toBeCloseTo(apr!.periodRate, 15)
  })

  it.each([
    [0.006, 12, 13.03, 13.84],
    [0.006, 6, 12.24, 12.95],
    [0.006, 24, 13.27, 14.1],
    [0.0075, 12, 16.22, 17.48]
  ])('分期 fee %s a month over %s months -> %s%% simple, %s%% compound', (rate, n, simple, compound) => {
    const r = feeOffer(rate, n)
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    expect(pct(r.value.apr.aprSimple)).toBe(simple)
    expect(pct(r.value.apr.aprCompound)).toBe(compound)
    // The advertised figure is 12 x the fee: the real rate is close to twice it.
    expect(r.value.naiveRate).toBeCloseTo(rate * 12, 12)
  })

  // A 随借随还 draw held one day costs exactly the daily rate, so its IRR per day IS the daily rate:
  // simple = d x 365 and compound = (1 + d)^365 - 1. xirr finds it from the dated flows alone.
  it.each([
    [300, 10.95, 11.57],
    [500, 18.25, 20.02]
  ])('daily rate: 10,000 yuan held one day for %s fen of interest -> %s%% simple, %s%% compound', (interest, simple, compound) => {
    const apr = xirr([
      { date: '2026-01-01', amount: 1_000_000 },
      { date: '2026-01-02', amount: -(1_000_000 + interest) }
    ])
    expect(apr?.periodRate).toBeCloseTo(interest / 1_000_000, 15)
    expect(pct(apr?.aprSimple)).toBe(simple)
    expect(pct(apr?.aprCompound)).toBe(compound)
  })

  it('daily rate held a year with the interest compounded daily comes back to the same figures', () => {
    // 1,000,000 * 1.0003^365 = 1,115,702.5 -> 1,115,703 fen repaid after 365 days.
    const apr = xirr([
      { date: '2026-01-01', amount: 1_000_000 },
      { date: '2027-01-01', amount: -1_115_703 }
    ])
    expect(pct(apr?.aprSimple)).toBe(10.95)
    expect(pct(apr?.aprCompound)).toBe(11.57)
  })

  it('a 随借随还 offer at 0.03% a day, interest paid monthly, is 10.95% simple by the monthly IRR', () => {
    // Monthly periods of 28-31 days average 365 / 12 days, so 12 x the monthly IRR lands on d x 365.
    const r = calculateOffer({ principal: 1_000_000, method: 'flexible', rateUnit: 'daily', rate: 0.0003, termMonths: 12, startDate: '2026-01-01' })
    if (!r.ok) throw new Error('rejected')
    expect(pct(r.value.apr.aprSimple)).toBe(10.95)
    expect(r.value.schedule.totalInterest).toBe(109_500) // 300 fen a day for 365 days
    expect(pct(r.value.naiveRate)).toBe(10.95)
  })
})

describe('irr', () => {
  it('is null when there is no solution, never NaN', () => {
    expect(irr([])).toBeNull()
    expect(irr([100])).toBeNull()
    expect(irr([100, 50])).toBeNull() // nothing paid back
    expect(irr([-100, -50])).toBeNull() // nothing received
    expect(irr([0, 0, 0])).toBeNull()
    expect(irr([100, Number.NaN])).toBeNull()
    expect(irr([100, Number.NEGATIVE_INFINITY])).toBeNull()
    // 1 - 2v + 1.5v^2 has no real root: a sign change is not enough.
    expect(irr([1, -2, 1.5])).toBeNull()
  })

  it('finds negative, zero and very large rates', () => {
    expect(irr([100, -90])).toBeCloseTo(-0.1, 12)
    expect(irr([100, -100])).toBe(0)
    expect(irr([100, 0, 0, -100])).toBe(0)
    expect(irr([1, -1_000])).toBeCloseTo(999, 6)
    expect(irr([-100, 110])).toBeCloseTo(0.1, 12) // a lender's view works too
  })

  it('handles 30 years of monthly payments', () => {
    // 1,000,000 at 0.5% a month over 360 months: payment 5,995.505...
    const r = 0.005
    const q = Math.pow(1 + r, 360)
    const payment = (1_000_000 * r * q) / (q - 1)
    expect(irr([1_000_000, ...Array<number>(360).fill(-payment)])).toBeCloseTo(r, 12)
  })

  it('reproduces the rate of any level-payment loan (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-5, max: 0.05, noNaN: true }), fc.integer({ min: 1, max: 360 }), fc.integer({ min: 1_000, max: 1_000_000_000 }), (r, n, principal) => {
        const q = Math.pow(1 + r, n)
        const payment = (principal * r * q) / (q - 1)
        const found = irr([principal, ...Array<number>(n).fill(-payment)])
        expect(found).not.toBeNull()
        expect(Math.abs(found! - r)).toBeLessThan(1e-10)
      })
    )
  })

  it('and of the fen-rounded 等额本息 schedules the engine builds, to within the rounding (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.36, noNaN: true }), fc.integer({ min: 1, max: 360 }), fc.integer({ min: 1_000_000, max: 1_000_000_000 }), (annual, n, principal) => {
        const schedule = buildSchedule({ principal, method: 'equalInstalment', rateUnit: 'annual', rate: annual, termMonths: n, startDate: '2026-01-01' })
        const apr = aprOfSchedule(principal, schedule)
        expect(Math.abs(apr!.aprSimple - annual)).toBeLessThan(1e-4)
      })
    )
  })

  it('returns a finite root or null for arbitrary flows, and a root it returns zeroes the flows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 0, maxLength: 40 }), (flows) => {
        const r = irr(flows)
        if (r === null) return
        expect(Number.isFinite(r)).toBe(true)
        expect(r).toBeGreaterThan(-1)
        const value = flows.reduce((s, f, t) => s + f / Math.pow(1 + r, t), 0)
        const scale = flows.reduce((s, f, t) => s + Math.abs(f) / Math.pow(1 + r, t), 0)
        expect(Math.abs(value)).toBeLessThanOrEqual(1e-6 * scale)
      })
    )
  })
})

describe('xirr', () => {
  it('adds up flows on the same day, takes them in any order and is null without a solution', () => {
    const a = xirr([
      { date: '2026-01-02', amount: -600_000 },
      { date: '2026-01-01', amount: 1_000_000 },
      { date: '2026-01-02', amount: -400_300 }
    ])
    expect(a?.periodRate).toBeCloseTo(0.0003, 15)
    expect(xirr([{ date: '2026-01-01', amount: 1_000_000 }])).toBeNull()
    expect(xirr([{ date: '2026-01-01', amount: 1_000_000 }, { date: '2026-01-01', amount: -1_000_000 }])).toBeNull()
    expect(xirr([{ date: '2026-01-01', amount: 100 }, { date: '2026-02-01', amount: 100 }])).toBeNull()
    expect(xirr([{ date: 'not a date', amount: 100 }, { date: '2026-02-01', amount: -100 }])).toBeNull()
  })

  it('is null rather than Infinity when the compound figure is too large to be a number', () => {
    // 1 fen borrowed, 10,000 yuan repaid a day later: a rate of 10^6 a day.
    expect(xirr([{ date: '2026-01-01', amount: 1 }, { date: '2026-01-02', amount: -1_000_000 }])).toBeNull()
  })

  it('spans ten years of daily periods', () => {
    const apr = xirr([
      { date: '2016-01-01', amount: 1_000_000 },
      { date: addDays('2016-01-01', 3_650), amount: -Math.round(1_000_000 * Math.pow(1.0004, 3_650)) }
    ])
    expect(apr?.periodRate).toBeCloseTo(0.0004, 9)
  })
})

describe('xirrOfDays gives the rates it gave before it was made faster', () => {
  // Rates to the last digit from the solver as it was before the speed work (commit 5070345): the
  // search now starts from a guess for loan-shaped flows and reuses its arrays, and must land on
  // the same bracket, so on the same number.
  it.each([
    ['one day at 0.1%: the root is one of the search\'s trial rates', [1_000_000, -1_001_000], [0, 1], 0.001],
    ['40 days of 0.04% simple interest', [1_000_000, -1_016_000], [0, 40], 0.0003969124778278517],
    ['two repayments', [500_000, -252_000, -253_500], [0, 10, 30], 0.0005470829614503578],
    ['repaid less than received: a negative rate', [1_000_000, -900_000], [0, 90], -0.0011699874265862057],
    [
      'a year of monthly instalments',
      [1_200_000, ...Array.from({ length: 12 }, () => -107_200)],
      [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
      0.00035671343060357416
    ],
    ['paid first, received later: more than one sign change', [-100_000, 30_000, 80_000], [0, 100, 400], 0.00030218760120269753],
    ['out of date order, with same-day flows', [-500_000, 1_000_000, -300_000, -210_000, 0], [20, 0, 20, 45, 45], 0.0003952819196543162]
  ])('%s', (_, amounts, days, rate) => {
    expect(xirrOfDays(amounts, days)?.periodRate).toBe(rate)
  })

  it('and the same monthly IRR', () => {
    expect(irr([1_200_000, ...Array.from({ length: 12 }, () => -107_200)])).toBe(0.010861853567590073)
  })
})

describe('calculateOffer', () => {
  it('returns the schedule, the real APR and the advertised rate', () => {
    const r = feeOffer(0.006, 12)
    if (!r.ok) throw new Error('rejected')
    expect(r.value.schedule.totalFees).toBe(86_400)
    expect(r.value.schedule.totalPayment).toBe(1_286_400)
    expect(r.value.naiveRate).toBeCloseTo(0.072, 12)
  })

  it('counts an up-front fee as money not received', () => {
    const without = calculateOffer({ principal: 1_000_000, method: 'equalInstalment', rateUnit: 'annual', rate: 0.12, termMonths: 12, startDate: '2026-01-01' })
    const withFee = calculateOffer({ principal: 1_000_000, method: 'equalInstalment', rateUnit: 'annual', rate: 0.12, termMonths: 12, startDate: '2026-01-01', upfrontFee: 10_000 })
    if (!without.ok || !withFee.ok) throw new Error('rejected')
    expect(pct(without.value.apr.aprSimple)).toBe(12)
    expect(withFee.value.apr.aprSimple).toBeGreaterThan(without.value.apr.aprSimple + 0.015)
  })

  it('refuses bad input with the field and an i18n key', () => {
    const base = { principal: 1_200_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.006, termMonths: 12, startDate: '2026-01-01' }
    expect(calculateOffer({ ...base, termMonths: -12 })).toEqual({ ok: false, issues: [{ path: 'termMonths', message: 'validation.termMonths' }] })
    expect(calculateOffer({ ...base, rate: 1.2 })).toEqual({ ok: false, issues: [{ path: 'rate', message: 'validation.rateRange.monthlyFee' }] })
    expect(calculateOffer({ ...base, principal: 'twelve thousand' })).toEqual({ ok: false, issues: [{ path: 'principal', message: 'validation.amount' }] })
    expect(calculateOffer('{}').ok).toBe(false)
  })

  it('a zero-cost loan has a real APR of exactly 0, whatever the method (property)', () => {
    fc.assert(
      fc.property(anyOffer, (o) => {
        const r = calculateOffer({ ...o, rate: 0, upfrontFee: 0 })
        if (!r.ok) throw new Error(JSON.stringify(r.issues))
        expect(r.value.apr.aprSimple).toBe(0)
        expect(r.value.apr.aprCompound).toBe(0)
      })
    )
  })

  it('gives finite figures for every offer it accepts, never NaN (property)', () => {
    fc.assert(
      fc.property(anyOffer, (o) => {
        const r = calculateOffer(o)
        if (!r.ok) throw new Error(JSON.stringify(r.issues))
        for (const x of [r.value.apr.periodRate, r.value.apr.aprSimple, r.value.apr.aprCompound, r.value.naiveRate]) expect(Number.isFinite(x)).toBe(true)
        expect(r.value.apr.aprSimple).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 200 }
    )
  })
})

describe('calculateFlows', () => {
  it('reports cash flows with no solution as one clear issue', () => {
    expect(calculateFlows([{ date: '2026-01-01', amount: 1_000 }, { date: '2026-02-01', amount: 500 }])).toEqual({ ok: false, issues: [{ path: '', message: 'validation.noSolution' }] })
    expect(calculateFlows([])).toEqual({ ok: false, issues: [{ path: '', message: 'validation.noSolution' }] })
  })

  it('validates the flows first', () => {
    expect(calculateFlows([{ date: '2026-13-01', amount: 1 }])).toEqual({ ok: false, issues: [{ path: '0.date', message: 'validation.date' }] })
    expect(calculateFlows([{ date: '2026-01-01', amount: 1.5 }])).toEqual({ ok: false, issues: [{ path: '0.amount', message: 'validation.amountFen' }] })
    expect(calculateFlows('flows')).toEqual({ ok: false, issues: [{ path: '', message: 'validation.invalid' }] })
  })

  it('solves good flows', () => {
    const r = calculateFlows([
      { date: '2026-01-01', amount: 1_000_000 },
      { date: '2026-01-02', amount: -1_000_500 }
    ])
    expect(r.ok && pct(r.value.aprSimple)).toBe(18.25)
  })
})
