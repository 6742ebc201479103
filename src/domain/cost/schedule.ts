// Owns offers and their repayment schedules: the offer schema, one schedule per repayment method, and the naive advertised rate.
//
// Rounding rule: every period's interest and fee is worked out in fractional fen and rounded half
// away from zero to the fen (roundFen), period by period, never carried over. Principal parts are
// whole fen that add up exactly to the principal: equal-principal and fee methods split it with
// splitFen (the remainder goes to the earliest periods, a fen each), level-payment methods take
// "payment minus interest" and the last period takes whatever principal is left, so it absorbs
// every rounding difference.
//
// Interest rules (DOMAIN.md, "Repayment methods"):
// - an annual rate is charged per period as annual / 12 whatever the period's days (bank
//   practice for monthly instalments); 随借随还 is the exception: it accrues by the day at
//   annual / 360, as owed.ts does;
// - a daily rate is charged for the days in each period (outstanding * daily * days); the first
//   period runs from the start to the first due date;
// - 等额本息 at a daily rate has no single published algorithm: the level payment is taken from
//   the formula with r = daily * 30 and each period's interest by its days, so the schedule is
//   marked as an estimate.
import { z } from 'zod'
import { addMonths, dayNumber, isIsoDate, monthlyDueDates, type IsoDate } from '../calendar'
import { MAX_FEN, roundFen, splitFen, type Fen } from '../money'
import { check, RATE_LIMITS, RATE_UNITS, REPAYMENT_METHODS, type RateUnit, type RepaymentMethod } from '../records'
import type { Checked, NaiveRate, Offer, Schedule, SchedulePeriod } from './types'

// Messages are i18n keys (the same ones the draw form uses), translated by the UI and the CLI.
const isoDate = z.string({ error: 'validation.date' }).refine(isIsoDate, { error: 'validation.date' })
const fenField = (positive: boolean) =>
  z
    .number({ error: 'validation.amount' })
    .refine(Number.isSafeInteger, { error: 'validation.amountFen' })
    .refine((v) => (positive ? v > 0 : v >= 0), { error: positive ? 'validation.amountPositive' : 'validation.amountNonNegative' })
    .refine((v) => v <= MAX_FEN, { error: 'validation.amountTooLarge' })

export const offerSchema = z
  .object({
    principal: fenField(true),
    method: z.enum(REPAYMENT_METHODS, { error: 'validation.choice' }),
    rateUnit: z.enum(RATE_UNITS, { error: 'validation.choice' }),
    rate: z.number({ error: 'validation.rate' }),
    termMonths: z
      .number({ error: 'validation.termMonths' })
      .int({ error: 'validation.termMonths' })
      .min(1, { error: 'validation.termMonths' })
      .max(360, { error: 'validation.termMonths' }),
    startDate: isoDate,
    firstDueDate: isoDate.optional(),
    upfrontFee: fenField(false).optional()
  })
  .superRefine((o, ctx) => {
    // The same plausibility limits as a recorded draw: above them the figure is almost surely a
    // typo (0.6 typed for 0.6%), and a calculator answer built on a typo is worse than none.
    if (o.rate < 0 || o.rate > RATE_LIMITS[o.rateUnit]) ctx.addIssue({ code: 'custom', path: ['rate'], message: `validation.rateRange.${o.rateUnit}` })
    if ((o.method === 'feeInstalment') !== (o.rateUnit === 'monthlyFee'))
      ctx.addIssue({ code: 'custom', path: ['rateUnit'], message: 'validation.rateUnitMethod' })
    if (o.firstDueDate !== undefined && isIsoDate(o.startDate) && isIsoDate(o.firstDueDate)) {
      if (o.firstDueDate <= o.startDate) ctx.addIssue({ code: 'custom', path: ['firstDueDate'], message: 'validation.firstDueAfterDraw' })
      else if (o.firstDueDate > addMonths(o.startDate, o.termMonths))
        ctx.addIssue({ code: 'custom', path: ['firstDueDate'], message: 'validation.firstDueWithinTerm' })
    }
    if (o.upfrontFee !== undefined && o.upfrontFee > 0 && o.upfrontFee >= o.principal)
      ctx.addIssue({ code: 'custom', path: ['upfrontFee'], message: 'validation.feeBelowPrincipal' })
  }) satisfies z.ZodType<Offer>

export function checkOffer(input: unknown): Checked<Offer> {
  return check(offerSchema, input)
}

/** The first due date of an offer: as given, or one month after the money arrives. */
export function firstDueOf(offer: Pick<Offer, 'startDate' | 'firstDueDate'>): IsoDate {
  return offer.firstDueDate ?? addMonths(offer.startDate, 1)
}

/** The due dates of an offer's periods. */
export function dueDatesOf(offer: Pick<Offer, 'startDate' | 'firstDueDate' | 'termMonths'>): IsoDate[] {
  return monthlyDueDates(firstDueOf(offer), offer.termMonths)
}

/** The rate as advertised, annualised naively: daily x 365, monthly fee x 12, annual as is. */
export function naiveRate(offer: Pick<Offer, 'rate' | 'rateUnit'>): NaiveRate {
  if (offer.rateUnit === 'daily') return offer.rate * 365
  if (offer.rateUnit === 'monthlyFee') return offer.rate * 12
  return offer.rate
}

/**
 * The rate per day used where interest accrues by the day: a daily rate as is, an annual one over
 * 360 days (the bank convention owed.ts uses). A monthly figure on an interest-bearing method
 * (which the schema refuses) is read as a monthly interest rate.
 */
export function perDayRate(rateUnit: RateUnit, rate: number): number {
  if (rateUnit === 'daily') return rate
  if (rateUnit === 'annual') return rate / 360
  return (rate * 12) / 360
}

/** Whether a method's interest is outstanding * daily rate * days (true) or outstanding * rate per period (false). */
export function accruesByDay(method: RepaymentMethod, rateUnit: RateUnit): boolean {
  return method === 'flexible' || rateUnit === 'daily'
}

/** The interest rate per monthly period for rates not charged by the day: annual / 12, or a monthly rate as is. */
export function perPeriodRate(rateUnit: RateUnit, rate: number): number {
  if (rateUnit === 'annual') return rate / 12
  if (rateUnit === 'daily') return rate * 30
  return rate
}

/** What a plan's money depends on: the loan's terms, without its dates. */
export interface PlanTerms {
  principal: Fen
  method: RepaymentMethod
  rateUnit: RateUnit
  rate: number
  /**
   * For per-period rates: the share of the first period's interest still to charge, when the plan
   * starts part-way through a period (a projection from today). 1 for a fresh offer.
   */
  firstPeriodShare?: number
}

export interface PlanInput extends PlanTerms {
  /** The day interest starts (the money arrives, or the day a projection starts from). */
  startDate: IsoDate
  dueDates: readonly IsoDate[]
}

/** A plan's money by period, in plain arrays: planPeriods without the dates and the period objects. */
export interface PlanAmounts {
  principal: Fen[]
  interest: Fen[]
  /** The fee of every period (分期: the same each period), 0 for interest-bearing methods. */
  fee: Fen
  payment: Fen[]
}

/**
 * The periods of a plan: the engine behind buildSchedule, also used to project what is left of a
 * draw from its actual balance (actual.ts), which is why it takes explicit dates and principal.
 */
export function planPeriods(input: PlanInput): SchedulePeriod[] {
  const { principal, startDate, dueDates } = input
  const n = dueDates.length
  if (n === 0) return []
  const days: number[] = []
  let prev = dayNumber(startDate)
  for (const due of dueDates) {
    const day = dayNumber(due)
    days.push(day - prev)
    prev = day
  }
  const amounts = planAmounts(input, days)
  const periods: SchedulePeriod[] = []
  let balance = principal
  for (let k = 0; k < n; k++) {
    const principalPart = amounts.principal[k]!
    balance -= principalPart
    const interest = amounts.interest[k]!
    periods.push({ index: k + 1, dueDate: dueDates[k]!, days: days[k]!, principal: principalPart, interest, fee: amounts.fee, payment: amounts.payment[k]!, balanceAfter: balance })
  }
  return periods
}

/**
 * The money of a plan whose periods last `days` (the first from the start): the arithmetic of
 * planPeriods, which actual.ts calls directly with day numbers it already has, as it plans every
 * instalment draw of a ledger twice (its schedule, and what is left of it).
 */
export function planAmounts(terms: PlanTerms, days: readonly number[]): PlanAmounts {
  const { principal, method, rateUnit, rate } = terms
  const n = days.length
  const share = terms.firstPeriodShare ?? 1
  const byDay = accruesByDay(method, rateUnit)
  const d = perDayRate(rateUnit, rate)
  const r = perPeriodRate(rateUnit, rate)
  const out: PlanAmounts = { principal: [], interest: [], fee: 0, payment: [] }
  if (n === 0) return out
  let balance = principal
  let level = 0
  if (method === 'equalInstalment' && r !== 0) {
    const growth = Math.pow(1 + r, n)
    level = roundFen((principal * r * growth) / (growth - 1))
  }
  // Equal principal and fee methods split it evenly; with no interest a level payment does too.
  const parts = method === 'feeInstalment' || method === 'equalPrincipal' || (method === 'equalInstalment' && r === 0) ? splitFen(principal, n) : null
  // The fee is on the ORIGINAL amount every period, which is why the real rate is near twice 12 * f.
  const fee = method === 'feeInstalment' ? roundFen(principal * rate) : 0
  out.fee = fee
  for (let k = 0; k < n; k++) {
    // Interest of period k on what was outstanding during it; the expression order matches owed.ts
    // (outstanding * rate * days), so a daily-rate schedule and the daily accrual agree to the fen.
    const interest = method === 'feeInstalment' ? 0 : byDay ? roundFen(balance * d * days[k]!) : roundFen(k === 0 ? balance * r * share : balance * r)
    let principalPart: Fen
    if (parts) principalPart = parts[k]!
    else if (method === 'equalInstalment')
      // A long first period can cost more interest than the level payment: then no principal is
      // repaid that period rather than a negative amount; the last period takes what is left.
      principalPart = k === n - 1 ? balance : Math.min(balance, Math.max(0, level - interest))
    else principalPart = k === n - 1 ? balance : 0 // interest-only and 随借随还: principal at the end
    balance -= principalPart
    out.principal.push(principalPart)
    out.interest.push(interest)
    out.payment.push(principalPart + interest + fee)
  }
  return out
}

/** Totals of a list of periods plus an up-front fee. */
export function scheduleOf(periods: SchedulePeriod[], upfrontFee: Fen, estimate: boolean): Schedule {
  let totalPrincipal = 0
  let totalInterest = 0
  let fees = 0
  for (const p of periods) {
    totalPrincipal += p.principal
    totalInterest += p.interest
    fees += p.fee
  }
  const totalFees = fees + upfrontFee
  return { periods, totalPrincipal, totalInterest, totalFees, totalPayment: totalPrincipal + totalInterest + totalFees, estimate }
}

/** Whether a method/rate pair's schedule is an estimate of an unpublished lender algorithm. */
export function isEstimate(method: RepaymentMethod, rateUnit: RateUnit): boolean {
  return method === 'equalInstalment' && rateUnit === 'daily'
}

/** The schedule of a (checked) offer. */
export function buildSchedule(offer: Offer): Schedule {
  const periods = planPeriods({
    principal: offer.principal,
    method: offer.method,
    rateUnit: offer.rateUnit,
    rate: offer.rate,
    startDate: offer.startDate,
    dueDates: dueDatesOf(offer)
  })
  return scheduleOf(periods, offer.upfrontFee ?? 0, isEstimate(offer.method, offer.rateUnit))
}
