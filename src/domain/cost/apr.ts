// Owns the real rate (PBoC 2021 method): the internal rate of return of equally spaced and of dated cash flows, the APR of a schedule, and the offer calculator.
//
// Rounding rule: none here. Amounts come in as whole fen and are used as they are; rates are
// plain floating-point decimals, solved to about 1e-15 per period, and left unrounded (the UI and
// the CLI round for display). Results that are not finite numbers are reported as "no solution"
// (null), never as NaN or Infinity.
import { z } from 'zod'
import { dayNumber, isIsoDate } from '../dates'
import { MAX_FEN, type Fen } from '../money'
import { check, type FieldIssue } from '../records'
import { buildSchedule, checkOffer, naiveRate } from './schedule'
import type { AprResult, Checked, DatedFlow, OfferResult, Schedule } from './types'

/**
 * The value of the flows at rate r, scaled by a positive factor; its derivative in r goes into
 * slope[0] (a buffer the caller owns, so the solver allocates nothing per step).
 */
function npv(amounts: readonly number[], times: readonly number[], r: number, slope: Float64Array): number {
  const l = Math.log1p(r)
  let g = 0
  let dg = 0
  if (r >= 0) {
    // Discount to time 0: every factor is at most 1, so nothing overflows however long the flows run.
    for (let i = 0; i < amounts.length; i++) {
      const v = Math.exp(-times[i]! * l)
      g += amounts[i]! * v
      dg -= times[i]! * amounts[i]! * v
    }
  } else {
    // Below zero, discounting would blow up (1 / (1 + r)^t); compounding to the last time instead
    // multiplies by the positive (1 + r)^T, which keeps the sign and the roots and stays finite.
    const last = times[times.length - 1]!
    for (let i = 0; i < amounts.length; i++) {
      const e = last - times[i]!
      const v = Math.exp(e * l)
      g += amounts[i]! * v
      dg += e * amounts[i]! * v
    }
  }
  slope[0] = dg / (1 + r)
  return g
}

// Trial rates per period, nearest zero first: the search takes the root closest to zero, which for
// a loan is the only one (money in, then money out: one sign change, one root).
const UP = [1e-7, 1e-6, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 100, 1e3, 1e4, 1e6, 1e9]
const DOWN = [-1e-7, -1e-6, -1e-5, -1e-4, -1e-3, -0.01, -0.05, -0.1, -0.2, -0.4, -0.6, -0.8, -0.9, -0.99, -0.999, -0.9999]

function scan(amounts: readonly number[], times: readonly number[], g0: number, side: readonly number[], slope: Float64Array): [number, number, number, number] | null {
  let prev = 0
  let gPrev = g0
  for (const x of side) {
    const gx = npv(amounts, times, x, slope)
    if (!Number.isFinite(gx)) continue
    if (gx === 0 || Math.sign(gx) !== Math.sign(gPrev)) return prev < x ? [prev, gPrev, x, gx] : [x, gx, prev, gPrev]
    prev = x
    gPrev = gx
  }
  return null
}

/**
 * The rate per period at which the flows are worth nothing: a bracket found by scanning out from
 * zero, then Newton steps that fall back to bisection whenever a step would leave the bracket.
 * Null when the flows do not change sign or no root lies in (-1, 1e9].
 */
function solveRate(amounts: readonly number[], times: readonly number[]): number | null {
  let hasIn = false
  let hasOut = false
  let g0 = 0
  for (const a of amounts) {
    if (!Number.isFinite(a)) return null
    if (a > 0) hasIn = true
    if (a < 0) hasOut = true
    g0 += a
  }
  if (!hasIn || !hasOut) return null
  if (g0 === 0) return 0
  const slope = new Float64Array(1)
  // Search first on the side the slope at zero points to, then on the other.
  npv(amounts, times, 0, slope)
  const up = -g0 * slope[0]! >= 0
  const bracket = scan(amounts, times, g0, up ? UP : DOWN, slope) ?? scan(amounts, times, g0, up ? DOWN : UP, slope)
  if (!bracket) return null
  let [lo, gLo, hi, gHi] = bracket
  if (gLo === 0) return lo
  if (gHi === 0) return hi
  let x = lo - (gLo * (hi - lo)) / (gHi - gLo)
  if (!(x > lo && x < hi)) x = (lo + hi) / 2
  for (let i = 0; i < 300; i++) {
    const gx = npv(amounts, times, x, slope)
    const dgx = slope[0]!
    if (gx === 0) return x
    if (Math.sign(gx) === Math.sign(gLo)) {
      lo = x
      gLo = gx
    } else {
      hi = x
      gHi = gx
    }
    let next = x - gx / dgx
    if (!(next > lo && next < hi)) next = (lo + hi) / 2
    const tolerance = 1e-15 * Math.max(1, Math.abs(x))
    if (Math.abs(next - x) <= tolerance || hi - lo <= tolerance) return Number.isFinite(next) ? next : null
    x = next
  }
  return Number.isFinite(x) ? x : null
}

/**
 * Internal rate of return per period of equally spaced flows (flows[0] at t = 0, flows[k] one
 * period later each), borrower's view: positive received, negative paid. Null when there is no
 * solution (all flows one sign, or no real root); never NaN.
 */
export function irr(flows: readonly number[]): number | null {
  return solveRate(flows, flows.map((_, i) => i))
}

function aprOf(periodRate: number | null, periodsPerYear: number): AprResult | null {
  if (periodRate === null) return null
  const aprSimple = periodRate * periodsPerYear
  const aprCompound = Math.expm1(periodsPerYear * Math.log1p(periodRate))
  if (!Number.isFinite(aprSimple) || !Number.isFinite(aprCompound)) return null
  return { periodRate, aprSimple, aprCompound }
}

/**
 * The real APR of a schedule: what was received at the start against each period's payment a
 * month apart (PBoC: monthly period; simple = r x 12, labelled 单利; compound = (1 + r)^12 - 1).
 * `received` is the principal less any up-front fee.
 */
export function aprOfSchedule(received: Fen, schedule: Schedule): AprResult | null {
  const flows = [received]
  for (const p of schedule.periods) flows.push(-p.payment)
  return aprOf(irr(flows), 12)
}

/**
 * The real APR of irregular dated flows (an actual draw's history): the period is one day, simple
 * = r x 365, compound = (1 + r)^365 - 1. Flows on the same day are added together. Null when there
 * is no solution, or its compound figure is too large to be a number.
 */
export function xirr(flows: readonly DatedFlow[]): AprResult | null {
  const amounts: number[] = []
  const days: number[] = []
  for (const f of flows) {
    if (!isIsoDate(f.date)) return null
    amounts.push(f.amount)
    days.push(dayNumber(f.date))
  }
  return xirrOfDays(amounts, days)
}

/** xirr of flows already turned into day numbers (dates.ts dayNumber), in any order: the engine's fast path. */
export function xirrOfDays(amounts: readonly number[], days: readonly number[]): AprResult | null {
  // Flows usually come in date order; sort (by index) only when they do not.
  const order: number[] = []
  let sorted = true
  for (let i = 0; i < days.length; i++) {
    order.push(i)
    if (i > 0 && days[i]! < days[i - 1]!) sorted = false
  }
  if (!sorted) order.sort((a, b) => days[a]! - days[b]!)
  const merged: number[] = []
  const times: number[] = []
  for (const i of order) {
    const t = days[i]! - days[order[0]!]!
    if (times.length > 0 && times[times.length - 1] === t) merged[merged.length - 1] = merged[merged.length - 1]! + amounts[i]!
    else {
      merged.push(amounts[i]!)
      times.push(t)
    }
  }
  if (times.length < 2) return null
  return aprOf(solveRate(merged, times), 365)
}

const NO_SOLUTION: FieldIssue[] = [{ path: '', message: 'validation.noSolution' }]

/** The offer calculator: validates an offer as quoted, builds its schedule and solves its real APR. */
export function calculateOffer(input: unknown): Checked<OfferResult> {
  const checked = checkOffer(input)
  if (!checked.ok) return checked
  const offer = checked.value
  const schedule = buildSchedule(offer)
  const apr = aprOfSchedule(offer.principal - (offer.upfrontFee ?? 0), schedule)
  if (!apr) return { ok: false, issues: NO_SOLUTION }
  return { ok: true, value: { schedule, apr, naiveRate: naiveRate(offer) } }
}

const datedFlowsSchema = z.array(
  z.object({
    date: z.string({ error: 'validation.date' }).refine(isIsoDate, { error: 'validation.date' }),
    amount: z
      .number({ error: 'validation.amount' })
      .refine(Number.isSafeInteger, { error: 'validation.amountFen' })
      .refine((v) => Math.abs(v) <= MAX_FEN, { error: 'validation.amountTooLarge' })
  }),
  { error: 'validation.invalid' }
) satisfies z.ZodType<DatedFlow[]>

/** Dated flows as typed (borrower's view, fen): validated, then their real APR, or "no solution". */
export function calculateFlows(input: unknown): Checked<AprResult> {
  const checked = check(datedFlowsSchema, input)
  if (!checked.ok) return checked
  const apr = xirr(checked.value)
  return apr ? { ok: true, value: apr } : { ok: false, issues: NO_SOLUTION }
}
