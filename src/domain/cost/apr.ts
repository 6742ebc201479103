// Owns the real rate (PBoC 2021 method): the internal rate of return of equally spaced and of dated cash flows, the APR of a schedule, and the offer calculator.
//
// Rounding rule: none here. Amounts come in as whole fen and are used as they are; rates are
// plain floating-point decimals, solved to about 1e-15 per period, and left unrounded (the UI and
// the CLI round for display). Results that are not finite numbers are reported as "no solution"
// (null), never as NaN or Infinity.
import { z } from 'zod'
import { dayNumber, isIsoDate } from '../calendar'
import { MAX_FEN, type Fen } from '../money'
import { check, type FieldIssue } from '../records'
import { buildSchedule, checkOffer, naiveRate } from './schedule'
import type { AprResult, Checked, DatedFlow, OfferResult, Schedule } from './types'

/**
 * The value of the first n flows at rate r, scaled by a positive factor; its derivative in r goes
 * into slope[0] (a buffer the caller owns, so the solver allocates nothing per step). The count is
 * passed rather than read from the arrays, which xirrOfDays reuses from solve to solve.
 */
function npv(amounts: readonly number[], times: readonly number[], n: number, r: number, slope: Float64Array): number {
  const l = Math.log1p(r)
  let g = 0
  let dg = 0
  if (r >= 0) {
    // Discount to time 0: every factor is at most 1, so nothing overflows however long the flows run.
    for (let i = 0; i < n; i++) {
      const v = Math.exp(-times[i]! * l)
      g += amounts[i]! * v
      dg -= times[i]! * amounts[i]! * v
    }
  } else {
    // Below zero, discounting would blow up (1 / (1 + r)^t); compounding to the last time instead
    // multiplies by the positive (1 + r)^T, which keeps the sign and the roots and stays finite.
    const last = times[n - 1]!
    for (let i = 0; i < n; i++) {
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

// The bracket scan and seek find, as lo, g(lo), hi, g(hi): written here rather than returned in a
// new array, as a ledger solves tens of thousands of rates (solves never overlap).
const BRACKET = new Float64Array(4)

function setBracket(prev: number, gPrev: number, x: number, gx: number): void {
  if (prev < x) {
    BRACKET[0] = prev
    BRACKET[1] = gPrev
    BRACKET[2] = x
    BRACKET[3] = gx
  } else {
    BRACKET[0] = x
    BRACKET[1] = gx
    BRACKET[2] = prev
    BRACKET[3] = gPrev
  }
}

/** Scans a side out from zero for the first trial rate where the value changes sign; true when found (the bracket is in BRACKET). */
function scan(amounts: readonly number[], times: readonly number[], n: number, g0: number, side: readonly number[], slope: Float64Array): boolean {
  let prev = 0
  let gPrev = g0
  // Indexed loops here and below: a for-of allocated an iterator on every solve.
  for (let i = 0; i < side.length; i++) {
    const x = side[i]!
    const gx = npv(amounts, times, n, x, slope)
    if (!Number.isFinite(gx)) continue
    if (gx === 0 || Math.sign(gx) !== Math.sign(gPrev)) {
      setBracket(prev, gPrev, x, gx)
      return true
    }
    prev = x
    gPrev = gx
  }
  return false
}

const FOUND = 1
const NONE_ON_SIDE = 0
const ASK_SCAN = -1

/**
 * scan's answer in fewer steps, for flows whose sign changes once in time order (a loan: money in,
 * then money out). Their value's sign changes at most once along a side, so "the first trial rate
 * whose sign differs from zero's" can be found by starting from a guess and stepping to where the
 * sign changes, evaluating at the same trial rates scan would: the bracket, and so the rate, are
 * exactly scan's. FOUND (the bracket is in BRACKET), NONE_ON_SIDE (scan would find none either),
 * or ASK_SCAN when a value is not finite.
 */
function seek(amounts: readonly number[], times: readonly number[], nFlows: number, g0: number, side: readonly number[], guess: number, slope: Float64Array): number {
  const n = side.length
  const reach = Math.abs(guess)
  let k = 0
  while (k < n - 1 && Math.abs(side[k]!) < reach) k++
  const sign0 = Math.sign(g0)
  let gk = npv(amounts, times, nFlows, side[k]!, slope)
  if (!Number.isFinite(gk)) return ASK_SCAN
  // Past the change: step back while the trial rate before is past it too.
  if (gk === 0 || Math.sign(gk) !== sign0) {
    while (k > 0) {
      const gPrev = npv(amounts, times, nFlows, side[k - 1]!, slope)
      if (!Number.isFinite(gPrev)) return ASK_SCAN
      if (!(gPrev === 0 || Math.sign(gPrev) !== sign0)) {
        setBracket(side[k - 1]!, gPrev, side[k]!, gk)
        return FOUND
      }
      k--
      gk = gPrev
    }
    setBracket(0, g0, side[0]!, gk)
    return FOUND
  }
  // Before the change: step out until past it; none on this side is scan's "none" too.
  for (let j = k + 1; j < n; j++) {
    const gj = npv(amounts, times, nFlows, side[j]!, slope)
    if (!Number.isFinite(gj)) return ASK_SCAN
    if (gj === 0 || Math.sign(gj) !== sign0) {
      setBracket(side[j - 1]!, gk, side[j]!, gj)
      return FOUND
    }
    gk = gj
  }
  return NONE_ON_SIDE
}

/** Whether the flows' sign changes exactly once in time order (zeros aside). */
function oneSignChange(amounts: readonly number[], n: number): boolean {
  let changes = 0
  let last = 0
  for (let i = 0; i < n; i++) {
    const a = amounts[i]!
    if (a === 0) continue
    const sign = a > 0 ? 1 : -1
    if (last !== 0 && sign !== last) changes++
    last = sign
  }
  return changes === 1
}

// The derivative npv hands back: one buffer for every solve (they never overlap), as a ledger solves tens of thousands.
const SLOPE = new Float64Array(1)

/**
 * The rate per period at which the first n flows are worth nothing: a bracket found by scanning
 * out from zero (or by seek, which finds the same one sooner), then Newton steps that fall back
 * to bisection whenever a step would leave the bracket. Null when the flows do not change sign or
 * no root lies in (-1, 1e9].
 */
function solveRate(amounts: readonly number[], times: readonly number[], n: number): number | null {
  let hasIn = false
  let hasOut = false
  let g0 = 0
  for (let i = 0; i < n; i++) {
    const a = amounts[i]!
    if (!Number.isFinite(a)) return null
    if (a > 0) hasIn = true
    if (a < 0) hasOut = true
    g0 += a
  }
  if (!hasIn || !hasOut) return null
  if (g0 === 0) return 0
  const slope = SLOPE
  // Search first on the side the slope at zero points to, then on the other.
  npv(amounts, times, n, 0, slope)
  const up = -g0 * slope[0]! >= 0
  // A Newton step from zero guesses where the root lies, so seek starts near it.
  const guess = -g0 / slope[0]!
  const first = up ? UP : DOWN
  const other = up ? DOWN : UP
  const sought = Number.isFinite(guess) && oneSignChange(amounts, n) ? seek(amounts, times, n, g0, first, guess, slope) : ASK_SCAN
  const found =
    sought === FOUND ||
    (sought === NONE_ON_SIDE ? scan(amounts, times, n, g0, other, slope) : scan(amounts, times, n, g0, first, slope) || scan(amounts, times, n, g0, other, slope))
  if (!found) return null
  let lo = BRACKET[0]!
  let gLo = BRACKET[1]!
  let hi = BRACKET[2]!
  let gHi = BRACKET[3]!
  if (gLo === 0) return lo
  if (gHi === 0) return hi
  let x = lo - (gLo * (hi - lo)) / (gHi - gLo)
  if (!(x > lo && x < hi)) x = (lo + hi) / 2
  for (let i = 0; i < 300; i++) {
    const gx = npv(amounts, times, n, x, slope)
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
  return solveRate(flows, flows.map((_, i) => i), flows.length)
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

/**
 * xirr of flows already turned into day numbers (dates.ts dayNumber), in any order: the engine's
 * fast path. `count` reads only the first flows (the engine reuses its arrays).
 */
export function xirrOfDays(amounts: readonly number[], days: readonly number[], count = days.length): AprResult | null {
  const n = count
  // Flows usually come in date order; sort (by index) only when they do not.
  let sorted = true
  for (let i = 1; i < n; i++)
    if (days[i]! < days[i - 1]!) {
      sorted = false
      break
    }
  // Flows on the same day are added together, in the order given.
  const merged = MERGED
  const times = TIMES
  let m = 0
  if (sorted) {
    for (let i = 0; i < n; i++) {
      const t = days[i]! - days[0]!
      if (m > 0 && times[m - 1] === t) merged[m - 1] = merged[m - 1]! + amounts[i]!
      else {
        merged[m] = amounts[i]!
        times[m] = t
        m++
      }
    }
  } else m = mergeUnsorted(amounts, days, n)
  if (m < 2) return null
  return aprOf(solveRate(merged, times, m), 365)
}

// xirrOfDays's merged flows, in arrays reused solve after solve (a ledger solves tens of
// thousands); how many are in use is passed along, never read from their length.
const MERGED: number[] = [0]
const TIMES: number[] = [0]

/**
 * xirrOfDays's merge for flows out of date order, with the same sums a stable sort would give
 * (each day's flows added in the order given): by a table of the days when there are many over a
 * bounded span (an account's tens of thousands of flows over a few thousand days), else by sorting.
 */
function mergeUnsorted(amounts: readonly number[], days: readonly number[], n: number): number {
  const merged = MERGED
  const times = TIMES
  let m = 0
  let first = days[0]!
  let last = first
  for (let i = 1; i < n; i++) {
    if (days[i]! < first) first = days[i]!
    if (days[i]! > last) last = days[i]!
  }
  if (n > 64 && last - first <= 16 * n) {
    const span = last - first + 1
    const sums = new Float64Array(span)
    const seen = new Uint8Array(span)
    for (let i = 0; i < n; i++) {
      const t = days[i]! - first
      // A day's first flow is stored as it is, not added to the table's 0, as the sorted merge does.
      sums[t] = seen[t] === 1 ? sums[t]! + amounts[i]! : amounts[i]!
      seen[t] = 1
    }
    for (let t = 0; t < span; t++)
      if (seen[t] === 1) {
        merged[m] = sums[t]!
        times[m] = t
        m++
      }
    return m
  }
  const order: number[] = []
  for (let i = 0; i < n; i++) order.push(i)
  order.sort((a, b) => days[a]! - days[b]!)
  for (const i of order) {
    const t = days[i]! - first
    if (m > 0 && times[m - 1] === t) merged[m - 1] = merged[m - 1]! + amounts[i]!
    else {
      merged[m] = amounts[i]!
      times[m] = t
      m++
    }
  }
  return m
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
