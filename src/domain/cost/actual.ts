// Owns what draws and orders actually cost from their recorded repayments: paid, accrued, overdue with penalty, projected to payoff, the real APR so far, and early payoff.
//
// Rounding rule: interest and penalty accrue in fractional fen and are rounded half away from
// zero (roundFen) when a repayment pays them and once more for what is still accrued on the
// as-of day, exactly as owed.ts does; projected interest and fees are rounded per period by the
// schedule rules (schedule.ts); an instalment order's fees paid are its repaid share, rounded.
//
// The model, and why:
// - Interest follows owed.ts drawBalance: it accrues by the day on the principal still out (the
//   draw day accrues, the repayment day does not) and a repayment pays interest first, then
//   principal. Rates charged per month (annual / 12 for instalment loans) are spread over the
//   days of their period, so a full period at a constant balance costs exactly its schedule
//   interest, and a repayment part-way through pays only for the days elapsed.
// - Penalty interest (罚息) is paid only by money beyond the interest and principal (or, for 分期,
//   beyond the fee schedule): the ledger's owed (owed.ts), which caps what a repayment may be,
//   knows no penalty, so a lender's "penalty first" would leave principal the ledger says is paid.
//   owedToday is therefore always drawBalance's owed plus the penalty not yet paid.
// - What is due follows the schedule. The amount in arrears on a day is the schedule's payments
//   due so far less what was repaid towards them, never more than is actually owed (repaying
//   faster than the schedule, or a lender that rounds differently, is never "overdue"). It accrues
//   penalty at the contract daily rate x the account's multiplier (a monthly fee has no daily
//   rate: the overdue rate option is used) for each day after the due date up to the day it is
//   paid: paying on the due date costs nothing, one day late costs one day. Contract interest
//   keeps running beside it, the conservative reading: some lenders replace it instead.
// - 随借随还 is due in full at the end of its term (the last due date); its monthly interest is
//   not policed, as many such products collect it automatically and most draws are repaid early.
// - 分期 (a monthly fee) follows owed.ts: the whole fee schedule is owed, and each repayment covers
//   fees and principal in proportion; paying off early does not waive the fees still to come.
// - Pay-later orders: the balance from owed.ts orderBalances; an unpaid amount past its due date
//   (or an instalment past its own) accrues penalty at overdueDailyRate x the multiplier for the
//   days since, on what is owed today (statement payments are pooled, so their dates are not
//   known per order).
import { addMonths, dayNumber, dayNumberAddMonths, type IsoDate } from '../dates'
import { roundFen, type Fen } from '../money'
import type { OrderBalance } from '../owed'
import type { Account, Draw, Order, Repayment } from '../records'
import { aprOfSchedule, xirrOfDays } from './apr'
import {
  accruesByDay,
  buildSchedule,
  isEstimate,
  monthlyDueDates,
  monthlyDueDays,
  naiveRate,
  perDayRate,
  perPeriodRate,
  planAmounts,
  planPeriods,
  scheduleOf,
  type PlanAmounts
} from './schedule'
import { instalmentDueDates } from '../dues/cycles'
import type { DrawCost, EarlyPayoff, Offer, OrderCost, SchedulePeriod } from './types'

/** The common 花呗-style overdue figure: 0.05% a day. Used where the contract has no daily rate. */
export const DEFAULT_OVERDUE_DAILY_RATE = 0.0005
/** DOMAIN.md: penalty interest is usually 1.3x-1.5x the contract rate; used when no account is given. */
export const DEFAULT_PENALTY_MULTIPLIER = 1.5

export interface CostOptions {
  /** Daily penalty rate where the contract has none (分期 fees, pay-later orders). Default 0.0005. */
  overdueDailyRate?: number
}

/**
 * Where the walk reports on which days cost arises and principal moves, so ledger-cost.ts can
 * bucket them by month. Days are day numbers (dates.ts dayNumber); spans are half-open.
 */
export interface CostSink {
  interest(from: number, to: number, perDay: number): void
  penalty(from: number, to: number, perDay: number): void
  fee(day: number, amount: Fen): void
  principal(day: number, delta: Fen): void
}

export interface DrawCostDetail {
  cost: DrawCost
  /** Interest paid and accrued to date. */
  interestToDate: Fen
  /** Fees charged to date: the up-front fee, and 分期 fees due or paid. */
  feesToDate: Fen
  penaltyToDate: Fen
  /** With context.dueByDay: what must be paid by the end of that day to be back on schedule (arrears and penalty included), at most what is owed. */
  dueBy: Fen
}

/** What ledger-cost.ts passes along to spare work on every record: day numbers it already has, and the sink. */
export interface DetailContext {
  /** dayNumber(today), when the caller has it. */
  todayDay?: number
  /** A day number: fills DrawCostDetail.dueBy / OrderCostDetail.dueBy for it. */
  dueByDay?: number
  sink?: CostSink
  /** Where a draw's flows are appended (borrower's view; day numbers): what its apr is solved from, which ledger-cost.ts pools into the account's real APR. */
  flows?: { amounts: number[]; days: number[] }
  /** The repayments given are the draw's own (the caller grouped them by target), so only their dates need checking. */
  ownRepayments?: boolean
}

/** A draw read as the offer it was: the schedule it was taken out on. */
export function offerOfDraw(draw: Draw): Offer {
  return {
    principal: draw.principal,
    method: draw.method,
    rateUnit: draw.rateUnit,
    rate: draw.rate,
    termMonths: draw.termMonths,
    startDate: draw.drawDate,
    firstDueDate: draw.firstDueDate,
    upfrontFee: draw.upfrontFee
  }
}

// A stable sort by date alone, as owed.ts does, so same-day repayments are applied in the same order.
function byDate(a: Repayment, b: Repayment): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}

function notYetDrawn(draw: Draw): DrawCostDetail {
  const schedule = buildSchedule(offerOfDraw(draw))
  const projected = schedule.totalInterest + schedule.totalFees
  return {
    cost: {
      interestPaid: 0,
      feesPaid: 0,
      penaltyPaid: 0,
      accruedUnpaid: 0,
      principalOutstanding: 0,
      owedToday: 0,
      projectedCostToPayoff: projected,
      totalCost: projected,
      apr: null,
      naiveRate: naiveRate(draw),
      overdue: null,
      estimate: schedule.estimate,
      cleared: false
    },
    interestToDate: 0,
    feesToDate: 0,
    penaltyToDate: 0,
    dueBy: 0
  }
}


/**
 * The draw's repayments up to `today`, in date order (a stable sort, as owed.ts applies them).
 * When the caller grouped them already (`own`), comparing every target with the id is skipped, and
 * a list that is already in order and all on or before today is used as it is.
 */
function ownRepaymentsByDate(draw: Draw, repayments: readonly Repayment[], today: IsoDate, own: boolean): readonly Repayment[] {
  if (own) {
    let usable = true
    for (let i = 0; i < repayments.length && usable; i++) usable = repayments[i]!.date <= today && (i === 0 || repayments[i - 1]!.date <= repayments[i]!.date)
    if (usable) return repayments
  }
  const reps: Repayment[] = []
  let inOrder = true
  for (let i = 0; i < repayments.length; i++) {
    const r = repayments[i]!
    if ((own || (r.targetType === 'draw' && r.targetId === draw.id)) && r.date <= today) {
      if (reps.length > 0 && r.date < reps[reps.length - 1]!.date) inOrder = false
      reps.push(r)
    }
  }
  if (!inOrder) reps.sort(byDate)
  return reps
}

/** The days of each period from `from` on, the first counted from startDay. */
function periodDays(startDay: number, dueDays: readonly number[], from: number): number[] {
  const days: number[] = []
  let prev = startDay
  for (let k = from; k < dueDays.length; k++) {
    days.push(dueDays[k]! - prev)
    prev = dueDays[k]!
  }
  return days
}

function sumOf(values: readonly number[]): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]!
  return sum
}

/** The terms and running state of one draw's walk through its history (plain data, so a ledger of draws allocates no closures). */
interface Walk {
  fee: boolean
  byDay: boolean
  /** Per-day rate (by-day methods, and per-period methods past their last due date). */
  d: number
  /** Per-period rate. */
  r: number
  penaltyRate: number
  startDay: number
  dueDays: number[]
  /** Cumulative scheduled payment through each due date; the last is infinite, as everything still owed is due then. */
  cumDue: number[]
  /** 分期: principal plus every fee, the owed.ts total. */
  total: Fen
  principal: Fen
  interest: number
  penalty: number
  penaltyPaid: Fen
  repaidNet: Fen
  /** The period interest is accruing in (per-period rates). */
  kInt: number
  /** How many due dates have passed (arrears). */
  kDue: number
  /** 分期 fees reported to the sink so far, and how many due dates have charged theirs. */
  feesCharged: Fen
  feeDues: number
  sink: CostSink | undefined
}

/**
 * The one walk drawCostDetail fills in for each draw: reused rather than made per draw, as a ledger
 * walks tens of thousands (drawCostDetail never runs inside itself, so one is enough). Its rates
 * start as fractions so their fields hold decimals from the start.
 */
const WALK: Walk = {
  fee: false,
  byDay: false,
  d: 0.5,
  r: 0.5,
  penaltyRate: 0.5,
  startDay: 0,
  dueDays: [],
  cumDue: [],
  total: 0,
  principal: 0,
  interest: 0.5,
  penalty: 0.5,
  penaltyPaid: 0,
  repaidNet: 0,
  kInt: 0,
  kDue: 0,
  feesCharged: 0,
  feeDues: 0,
  sink: undefined
}

function owedNow(w: Walk): Fen {
  return w.fee ? Math.max(0, w.total - w.repaidNet) : w.principal + roundFen(w.interest)
}

function accrueInterest(w: Walk, from: number, to: number): void {
  if (w.fee || to <= from) return
  if (w.byDay) {
    // One product per span, as drawBalance computes it, so the two agree to the fen.
    w.interest += w.principal * w.d * (to - from)
    w.sink?.interest(from, to, w.principal * w.d)
    return
  }
  const n = w.dueDays.length
  let x = from
  while (x < to) {
    while (w.kInt < n && w.dueDays[w.kInt]! <= x) w.kInt++
    if (w.kInt >= n) {
      // Past the last due date a per-period rate has no period left: it runs on by the day.
      w.interest += w.principal * w.d * (to - x)
      w.sink?.interest(x, to, w.principal * w.d)
      return
    }
    const start = w.kInt === 0 ? w.startDay : w.dueDays[w.kInt - 1]!
    const due = w.dueDays[w.kInt]!
    const end = Math.min(to, due)
    const piece = x === start && end === due ? w.principal * w.r : (w.principal * w.r * (end - x)) / (due - start)
    w.interest += piece
    w.sink?.interest(x, end, piece / (end - x))
    x = end
  }
}

/**
 * Penalty over [from, to), before the span's interest is added: the stretch is cut at each due
 * date, and the base of each piece is its arrears on the piece's first day, at most what was owed
 * then (the contract interest up to that day counted by the day, which for annual rates is close
 * enough for a penalty base).
 */
function accruePenalty(w: Walk, from: number, to: number): void {
  if (w.penaltyRate <= 0) return
  const n = w.dueDays.length
  let x = from
  while (x < to) {
    while (w.kDue < n && w.dueDays[w.kDue]! <= x) w.kDue++
    const y = w.kDue < n ? Math.min(to, w.dueDays[w.kDue]!) : to
    if (w.kDue === 0) {
      x = y
      continue
    }
    const owed = w.fee ? owedNow(w) : w.principal + roundFen(w.interest + w.principal * w.d * (x - from))
    const arrears = Math.max(0, Math.min(w.cumDue[w.kDue - 1]! - w.repaidNet, owed))
    if (arrears > 0) {
      w.penalty += arrears * w.penaltyRate * (y - x)
      w.sink?.penalty(x, y, arrears * w.penaltyRate)
    }
    x = y
  }
}

/**
 * The flows of the draw being costed (borrower's view: money out is negative), in arrays reused
 * draw after draw, as a ledger costs tens of thousands: n says how many are this draw's.
 * drawCostDetail never runs inside itself, so one set is enough.
 */
const FLOWS = { amounts: [0], days: [0], n: 0 }

function addFlow(day: number, amount: number): void {
  FLOWS.amounts[FLOWS.n] = amount
  FLOWS.days[FLOWS.n] = day
  FLOWS.n++
}

/** Adds a payment still to come to the flows of the real APR. */
function owe(day: number, amount: Fen): void {
  if (amount !== 0) addFlow(day, -amount)
}

/** Pays penalty out of `money` (what a repayment has left over), rounding what is due to the fen as interest is; returns what it took. */
function payPenalty(w: Walk, money: Fen): Fen {
  const due = roundFen(w.penalty)
  const paid = Math.min(money, due)
  w.penalty = due - paid === 0 ? 0 : w.penalty - paid
  w.penaltyPaid += paid
  return paid
}

/** Tells the sink about 分期 fees falling due up to `day`: each due date charges one period's fee, unless paying ahead already charged it. */
function chargeFeesUpTo(w: Walk, day: number, feePerPeriod: Fen): void {
  if (!w.fee || !w.sink) return
  while (w.feeDues < w.dueDays.length && w.dueDays[w.feeDues]! <= day) {
    w.feeDues++
    const due = w.feeDues * feePerPeriod
    if (due > w.feesCharged) w.sink.fee(w.dueDays[w.feeDues - 1]!, due - w.feesCharged)
    w.feesCharged = Math.max(w.feesCharged, due)
  }
}

/** drawCost with the parts ledger-cost.ts needs as well; the context's sink, when given, hears every cost and principal movement. */
export function drawCostDetail(
  draw: Draw,
  repayments: readonly Repayment[],
  account: Pick<Account, 'penaltyMultiplier'>,
  today: IsoDate,
  options: CostOptions = {},
  context: DetailContext = {}
): DrawCostDetail {
  if (today < draw.drawDate) return notYetDrawn(draw)
  const sink = context.sink
  const reps = ownRepaymentsByDate(draw, repayments, today, context.ownRepayments === true)
  const P = draw.principal
  const upfront = draw.upfrontFee
  const startDay = dayNumber(draw.drawDate)
  const todayDay = context.todayDay ?? dayNumber(today)
  const fee = draw.method === 'feeInstalment'
  const flexible = draw.method === 'flexible'
  const d = perDayRate(draw.rateUnit, draw.rate)

  // What falls due when: every period for instalments; 随借随还 owes everything at the end of its term.
  // The schedule is buildSchedule(offerOfDraw(draw)) worked out by day numbers and amounts only:
  // building its dates and period objects cost more than the rest of an instalment draw's walk.
  let schedule: PlanAmounts | null = null
  let dueDays: number[]
  let cumDue: number[]
  if (!flexible) {
    dueDays = monthlyDueDays(draw.firstDueDate, draw.termMonths)
    schedule = planAmounts(draw, periodDays(startDay, dueDays, 0))
    cumDue = []
    let c = 0
    for (let k = 0; k < schedule.payment.length; k++) cumDue.push((c += schedule.payment[k]!))
  } else {
    // Arrays of exactly one, not grown by push: most draws of a ledger take this path.
    dueDays = [dayNumberAddMonths(draw.firstDueDate, draw.termMonths - 1)]
    cumDue = [0]
  }
  const n = dueDays.length
  // The last due date makes everything still owed due, whatever the schedule said it would be.
  cumDue[n - 1] = Number.POSITIVE_INFINITY
  const feePerPeriod = schedule?.fee ?? 0
  const total = fee && schedule ? sumOf(schedule.payment) : P
  const w = WALK
  w.fee = fee
  w.byDay = accruesByDay(draw.method, draw.rateUnit)
  w.d = d
  w.r = perPeriodRate(draw.rateUnit, draw.rate)
  w.penaltyRate = (fee ? (options.overdueDailyRate ?? DEFAULT_OVERDUE_DAILY_RATE) : d) * account.penaltyMultiplier
  w.startDay = startDay
  w.dueDays = dueDays
  w.cumDue = cumDue
  w.total = total
  w.principal = P
  w.interest = 0
  w.penalty = 0
  w.penaltyPaid = 0
  w.repaidNet = 0
  w.kInt = 0
  w.kDue = 0
  w.feesCharged = 0
  w.feeDues = 0
  w.sink = sink

  let interestPaid = 0
  let excess = 0
  let last = startDay
  FLOWS.n = 0
  addFlow(startDay, P - upfront)

  sink?.principal(startDay, P)
  if (upfront > 0) sink?.fee(startDay, upfront)
  // Indexed loops in the per-draw code: a for-of allocated an iterator per draw.
  for (let i = 0; i < reps.length; i++) {
    const rep = reps[i]!
    const day = dayNumber(rep.date)
    addFlow(day, -rep.amount)
    if (day > last) {
      accruePenalty(w, last, day)
      accrueInterest(w, last, day)
      last = day
    }
    chargeFeesUpTo(w, day, feePerPeriod)
    if (fee) {
      w.repaidNet += rep.amount - payPenalty(w, rep.amount - Math.min(rep.amount, Math.max(0, total - w.repaidNet)))
      // owed.ts: each repayment covers fees and principal in proportion.
      const after = total > 0 ? Math.min(P, roundFen((Math.max(0, total - w.repaidNet) * P) / total)) : 0
      if (sink) {
        sink.principal(day, after - w.principal)
        const feesPaidNow = w.repaidNet - (P - after)
        if (feesPaidNow > w.feesCharged) sink.fee(day, feesPaidNow - w.feesCharged)
        w.feesCharged = Math.max(w.feesCharged, feesPaidNow)
      }
      w.principal = after
      continue
    }
    const interestDue = roundFen(w.interest)
    const toInterest = Math.min(rep.amount, interestDue)
    w.interest = Math.max(0, w.interest - toInterest)
    if (interestDue - toInterest === 0) w.interest = 0
    interestPaid += toInterest
    const toPrincipal = Math.min(w.principal, rep.amount - toInterest)
    w.principal -= toPrincipal
    const toPenalty = payPenalty(w, rep.amount - toInterest - toPrincipal)
    excess += rep.amount - toInterest - toPrincipal - toPenalty
    w.repaidNet += rep.amount - toPenalty
    if (toPrincipal > 0) sink?.principal(day, -toPrincipal)
  }
  if (todayDay > last) {
    accruePenalty(w, last, todayDay)
    if (w.principal > 0) accrueInterest(w, last, todayDay)
  }
  chargeFeesUpTo(w, todayDay, feePerPeriod)
  // An overpayment (which the store refuses) is money given beyond principal: count it as cost so
  // what was repaid always equals principal repaid plus cost paid.
  interestPaid += excess

  const principal = w.principal
  const repaidNet = w.repaidNet
  const penaltyPaid = w.penaltyPaid
  const interestAccrued = fee ? 0 : principal > 0 || w.interest > 0 ? roundFen(w.interest) : 0
  const penaltyUnpaid = Math.max(0, roundFen(w.penalty))
  const owedBase = fee ? Math.max(0, total - repaidNet) : principal + interestAccrued
  const owedToday = owedBase + penaltyUnpaid
  const cleared = owedToday === 0

  // Overdue now: the oldest due date (before today) whose cumulative payment is not yet covered.
  let kOver = 0
  while (kOver < n && dueDays[kOver]! < todayDay) kOver++
  const arrearsNow = kOver > 0 ? Math.max(0, Math.min(cumDue[kOver - 1]! - repaidNet, owedBase)) : 0
  let overdue: DrawCost['overdue'] = null
  if (arrearsNow > 0) {
    let k = 0
    while (k < kOver - 1 && cumDue[k]! <= repaidNet) k++
    const since = schedule ? monthlyDueDates(draw.firstDueDate, k + 1)[k]! : addMonths(draw.firstDueDate, draw.termMonths - 1)
    overdue = { since, days: todayDay - dueDays[k]!, penaltyAccrued: penaltyUnpaid }
  }

  // Cost paid, accrued and still to come, and the payments still to come for the real APR.
  let feesPaidInstalments = 0
  let accruedFees = 0
  let projected = 0
  let next = 0
  while (next < n && dueDays[next]! <= todayDay) next++
  if (fee) {
    feesPaidInstalments = Math.max(0, repaidNet - (P - principal))
    const nF = total - P
    accruedFees = Math.max(0, Math.min(nF, next * feePerPeriod) - feesPaidInstalments)
    projected = Math.max(0, nF - feesPaidInstalments - accruedFees)
    if (!cleared && schedule) {
      // The payments still scheduled, trimmed from the end if some were paid ahead; the rest is due now.
      const payments: Fen[] = []
      let surplus = -owedBase
      for (let k = next; k < n; k++) {
        payments.push(schedule.payment[k]!)
        surplus += schedule.payment[k]!
      }
      for (let i = payments.length - 1; i >= 0 && surplus > 0; i--) {
        const cut = Math.min(surplus, payments[i]!)
        payments[i] = payments[i]! - cut
        surplus -= cut
      }
      owe(todayDay, Math.max(0, -surplus) + penaltyUnpaid)
      for (let i = 0; i < payments.length; i++) owe(dueDays[next + i]!, payments[i]!)
    }
  } else if (!cleared) {
    if (flexible) {
      // "Following the schedule" for 随借随还 means holding the principal to the end of the term.
      if (todayDay < dueDays[0]!) projected = roundFen(principal * d * (dueDays[0]! - todayDay))
      owe(todayDay, owedToday)
    } else if (next >= n || !schedule) owe(todayDay, owedToday)
    else {
      const periodStart = next === 0 ? startDay : dueDays[next - 1]!
      // What is left, planned from today over the remaining due dates.
      const plan = planAmounts(
        { principal, method: draw.method, rateUnit: draw.rateUnit, rate: draw.rate, firstPeriodShare: (dueDays[next]! - todayDay) / (dueDays[next]! - periodStart) },
        periodDays(todayDay, dueDays, next)
      )
      owe(todayDay, penaltyUnpaid)
      for (let i = 0; i < plan.payment.length; i++) {
        projected += plan.interest[i]! + plan.fee
        // The interest accrued before today is paid with the next instalment.
        owe(dueDays[next + i]!, plan.payment[i]! + (i === 0 ? interestAccrued : 0))
      }
    }
  }

  const out = context.flows
  if (out)
    for (let i = 0; i < FLOWS.n; i++) {
      out.amounts.push(FLOWS.amounts[i]!)
      out.days.push(FLOWS.days[i]!)
    }
  const feesPaid = upfront + feesPaidInstalments
  const accruedUnpaid = interestAccrued + accruedFees + penaltyUnpaid
  const costToDate = interestPaid + feesPaid + penaltyPaid + accruedUnpaid
  let dueBy = 0
  if (context.dueByDay !== undefined && !cleared) {
    let k = 0
    while (k < n && dueDays[k]! <= context.dueByDay) k++
    dueBy = (k > 0 ? Math.max(0, Math.min(cumDue[k - 1]! - repaidNet, owedBase)) : 0) + penaltyUnpaid
  }
  return {
    cost: {
      interestPaid,
      feesPaid,
      penaltyPaid,
      accruedUnpaid,
      principalOutstanding: principal,
      owedToday,
      projectedCostToPayoff: projected,
      totalCost: costToDate + projected,
      apr: xirrOfDays(FLOWS.amounts, FLOWS.days, FLOWS.n),
      naiveRate: naiveRate(draw),
      overdue,
      estimate: isEstimate(draw.method, draw.rateUnit),
      cleared
    },
    interestToDate: interestPaid + interestAccrued,
    feesToDate: feesPaid + accruedFees,
    penaltyToDate: penaltyPaid + penaltyUnpaid,
    dueBy
  }
}

/** What one draw costs as of `today`, from its actual repayments (the module header states the model). */
export function drawCost(
  draw: Draw,
  repayments: readonly Repayment[],
  account: Pick<Account, 'penaltyMultiplier'>,
  today: IsoDate,
  options?: CostOptions
): DrawCost {
  return drawCostDetail(draw, repayments, account, today, options).cost
}

export interface EarlyPayoffOptions extends CostOptions {
  /** The account's penalty multiplier; DEFAULT_PENALTY_MULTIPLIER when not given. */
  penaltyMultiplier?: number
  /** What is paid on `date`; below the payoff amount it is a partial prepayment. Everything when not given. */
  amount?: Fen
}

/**
 * Paying early on `date` against keeping the loan: the schedule followed from that day for
 * instalments, holding to the end of the term for 随借随还. Repayments after `date` are ignored.
 * Both costs count from `date` on (what is already paid is the same either way).
 *
 * With options.amount below the payoff amount it is a partial prepayment, applied as a lender
 * applies one: interest and penalty accrued to that day first, then principal. What it saves:
 * - 随借随还: the interest the prepaid principal would have run up to the end of the term.
 * - 等额本息, 等额本金, 先息后本: the lender keeps the term and lowers the payments still to come
 *   (减少月供, the option Chinese lenders most often offer beside 缩短期限, which would save more
 *   on a level-payment loan). The saving is the interest of the remaining plan (the projection of
 *   drawCost) less that of the same plan on the principal left. Before rounding, every period's
 *   interest and principal part of that plan is proportional to the principal it starts from, so
 *   the difference is the prepaid share of the remaining interest, rounded once: re-planning in
 *   whole fen instead would let a fen of per-period rounding make a larger prepayment save less.
 * - 分期: nothing. The fee is charged on the original amount and stays owed (owed.ts), so paying
 *   ahead only moves money earlier; lenders that waive fees do so by their own rules.
 * Past the last due date nothing is left to save: everything is due already.
 */
export function earlyPayoff(draw: Draw, repayments: readonly Repayment[], date: IsoDate, options: EarlyPayoffOptions = {}): EarlyPayoff {
  const day = date < draw.drawDate ? draw.drawDate : date
  const { cost } = drawCostDetail(draw, repayments, { penaltyMultiplier: options.penaltyMultiplier ?? DEFAULT_PENALTY_MULTIPLIER }, day, options)
  const payoffAmount = cost.owedToday
  const costIfKept = cost.accruedUnpaid + cost.projectedCostToPayoff
  if (options.amount === undefined || options.amount >= payoffAmount) {
    const costIfPaidOff = payoffAmount - cost.principalOutstanding
    return { payoffAmount, amountApplied: payoffAmount, costIfKept, costIfPaidOff, interestSaved: Math.max(0, costIfKept - costIfPaidOff) }
  }
  const amountApplied = Math.max(0, options.amount)
  let saved = 0
  if (draw.method !== 'feeInstalment') {
    // What is owed beyond principal (interest and penalty accrued) is paid first.
    const principalPaid = Math.max(0, amountApplied - (payoffAmount - cost.principalOutstanding))
    if (draw.method === 'flexible') {
      const endDay = dayNumberAddMonths(draw.firstDueDate, draw.termMonths - 1)
      const days = endDay - dayNumber(day)
      if (days > 0) saved = roundFen(principalPaid * perDayRate(draw.rateUnit, draw.rate) * days)
    } else if (cost.principalOutstanding > 0) saved = roundFen((cost.projectedCostToPayoff * principalPaid) / cost.principalOutstanding)
  }
  return { payoffAmount, amountApplied, costIfKept, costIfPaidOff: costIfKept - saved, interestSaved: saved }
}

export interface OrderCostDetail {
  cost: OrderCost
  /** Instalment fees charged to date: those due so far, or more if more was paid. */
  feesToDate: Fen
  penaltyToDate: Fen
  /** Fees not yet charged. */
  projected: Fen
  principalOutstanding: Fen
  /** With context.dueByDay: what must be paid by the end of that day (arrears and penalty included), at most what is owed. */
  dueBy: Fen
  /** An instalment plan's periods from the order date (its payments pool into the account's real APR); null for a single payment. */
  plan: readonly SchedulePeriod[] | null
}

/** The account fields an order's costs depend on: its penalty multiplier, and its cycle for the dates of a 分期 plan. */
export type OrderAccount = Pick<Account, 'penaltyMultiplier' | 'kind' | 'statementDay' | 'dueDay'>

/**
 * An instalment order's 分期 plan: its schedule from the order date, first due on its due date, one
 * period on each bill of a statement account (instalmentDueDates), the fee on the original amount.
 */
export function orderPlan(
  order: Pick<Order, 'amount' | 'instalmentFeeRate' | 'orderDate' | 'dueDate' | 'instalmentCount'>,
  account: Pick<Account, 'kind' | 'statementDay' | 'dueDay'> | undefined
): SchedulePeriod[] {
  return planPeriods({
    principal: order.amount,
    method: 'feeInstalment',
    rateUnit: 'monthlyFee',
    rate: order.instalmentFeeRate,
    startDate: order.orderDate,
    dueDates: instalmentDueDates(order, account)
  })
}

/** orderCost with the parts ledger-cost.ts needs; the context's sink hears fees and penalty by day. */
export function orderCostDetail(
  order: Order,
  balance: OrderBalance,
  account: OrderAccount,
  today: IsoDate,
  options: CostOptions = {},
  context: DetailContext = {}
): OrderCostDetail {
  const sink = context.sink
  const instalment = order.instalmentCount > 1
  const billable = (order.status === 'unpaid' || order.status === 'paid') && today >= order.orderDate
  const owedBase = billable && order.status === 'unpaid' ? balance.owed : 0
  const rate = (options.overdueDailyRate ?? DEFAULT_OVERDUE_DAILY_RATE) * account.penaltyMultiplier

  if (!instalment) {
    // Most orders: one payment, no fee. Only an unpaid one past its due date needs a date parsed.
    let overdue: OrderCost['overdue'] = null
    let penalty = 0
    if (owedBase > 0 && order.dueDate < today) {
      const dueDay = dayNumber(order.dueDate)
      const todayDay = context.todayDay ?? dayNumber(today)
      penalty = roundFen(owedBase * rate * (todayDay - dueDay))
      if (rate > 0) sink?.penalty(dueDay, todayDay, owedBase * rate)
      overdue = { since: order.dueDate, days: todayDay - dueDay, penaltyAccrued: penalty }
    }
    const dueBy = context.dueByDay !== undefined && owedBase > 0 && dayNumber(order.dueDate) <= context.dueByDay ? owedBase + penalty : penalty
    return {
      cost: { feesPaid: 0, feesToCome: 0, owed: owedBase + penalty, overdue, apr: null, naiveRate: null },
      feesToDate: 0,
      penaltyToDate: penalty,
      projected: 0,
      principalOutstanding: Math.min(order.amount, owedBase),
      dueBy,
      plan: null
    }
  }

  const plan = orderPlan(order, account)
  const apr = aprOfSchedule(order.amount, scheduleOf(plan, 0, false))
  const naive = naiveRate({ rate: order.instalmentFeeRate, rateUnit: 'monthlyFee' })
  if (!billable)
    return {
      cost: { feesPaid: 0, feesToCome: 0, owed: 0, overdue: null, apr, naiveRate: naive },
      feesToDate: 0,
      penaltyToDate: 0,
      projected: 0,
      principalOutstanding: 0,
      dueBy: 0,
      plan
    }

  const feePerPeriod = plan[0]?.fee ?? 0
  const nF = feePerPeriod * plan.length
  const total = order.amount + nF
  const repaid = order.status === 'paid' ? total : Math.min(total, balance.repaid)
  const feesPaid = total > 0 ? roundFen((repaid * nF) / total) : 0
  const todayDay = context.todayDay ?? dayNumber(today)

  let day = dayNumber(order.orderDate)
  let charged = 0
  let cum = 0
  let penaltyFraction = 0
  let since = -1
  let sinceDay = 0
  let dueBy = 0
  for (let k = 0; k < plan.length; k++) {
    const p = plan[k]!
    day += p.days
    cum += p.payment
    if (context.dueByDay !== undefined && day <= context.dueByDay) dueBy = Math.max(0, Math.min(cum - repaid, owedBase))
    if (day <= todayDay) {
      charged += feePerPeriod
      if (feePerPeriod > 0) sink?.fee(day, feePerPeriod)
    }
    if (day >= todayDay || owedBase === 0) continue
    const unpaid = Math.max(0, Math.min(p.payment, cum - repaid))
    if (unpaid === 0) continue
    if (since < 0) {
      since = k
      sinceDay = day
    }
    penaltyFraction += unpaid * rate * (todayDay - day)
    if (rate > 0) sink?.penalty(day, todayDay, unpaid * rate)
  }
  if (feesPaid > charged) sink?.fee(todayDay, feesPaid - charged)
  const feesToDate = Math.max(charged, feesPaid)
  const penalty = roundFen(penaltyFraction)
  const overdue = since >= 0 ? { since: plan[since]!.dueDate, days: todayDay - sinceDay, penaltyAccrued: penalty } : null
  return {
    cost: { feesPaid, feesToCome: nF - feesPaid, owed: owedBase + penalty, overdue, apr, naiveRate: naive },
    feesToDate,
    penaltyToDate: penalty,
    projected: nF - feesToDate,
    principalOutstanding: total > 0 ? Math.min(order.amount, roundFen((owedBase * order.amount) / total)) : 0,
    dueBy: dueBy + penalty,
    plan
  }
}

/**
 * What one pay-later order costs as of `today`: instalment fees paid and to come, overdue
 * penalty at options.overdueDailyRate (default 0.05% a day) x the account's multiplier, and the
 * real APR of an instalment plan (its 分期 schedule from the order date, first due on its due date).
 */
export function orderCost(order: Order, balance: OrderBalance, account: OrderAccount, today: IsoDate, options?: CostOptions): OrderCost {
  return orderCostDetail(order, balance, account, today, options).cost
}
