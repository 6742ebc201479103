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
import { addMonths, dayNumber, type IsoDate } from '../dates'
import { roundFen, type Fen } from '../money'
import type { OrderBalance } from '../owed'
import type { Account, Draw, Order, Repayment } from '../records'
import { aprOfSchedule, xirrOfDays } from './apr'
import { accruesByDay, buildSchedule, isEstimate, monthlyDueDates, naiveRate, perDayRate, perPeriodRate, planPeriods, scheduleOf } from './schedule'
import type { DrawCost, EarlyPayoff, Offer, OrderCost } from './types'

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

/** Adds a payment still to come to the flows of the real APR (borrower's view: money out is negative). */
function owe(amounts: number[], days: number[], day: number, amount: Fen): void {
  if (amount === 0) return
  amounts.push(-amount)
  days.push(day)
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
  const reps: Repayment[] = []
  for (const r of repayments) if (r.targetType === 'draw' && r.targetId === draw.id && r.date <= today) reps.push(r)
  reps.sort(byDate)
  const P = draw.principal
  const upfront = draw.upfrontFee
  const startDay = dayNumber(draw.drawDate)
  const todayDay = context.todayDay ?? dayNumber(today)
  const fee = draw.method === 'feeInstalment'
  const flexible = draw.method === 'flexible'
  const d = perDayRate(draw.rateUnit, draw.rate)

  // What falls due when: every period for instalments; 随借随还 owes everything at the end of its term.
  const schedule = flexible ? null : buildSchedule(offerOfDraw(draw))
  const dueDays: number[] = []
  const cumDue: number[] = []
  if (schedule) {
    let day = startDay
    let c = 0
    for (const p of schedule.periods) {
      dueDays.push((day += p.days))
      cumDue.push((c += p.payment))
    }
  } else dueDays.push(dayNumber(addMonths(draw.firstDueDate, draw.termMonths - 1)))
  const n = dueDays.length
  // The last due date makes everything still owed due, whatever the schedule said it would be.
  cumDue[n - 1] = Number.POSITIVE_INFINITY
  const feePerPeriod = schedule?.periods[0]?.fee ?? 0
  const total = fee && schedule ? schedule.totalPayment - upfront : P
  const w: Walk = {
    fee,
    byDay: accruesByDay(draw.method, draw.rateUnit),
    d,
    r: perPeriodRate(draw.rateUnit, draw.rate),
    penaltyRate: (fee ? (options.overdueDailyRate ?? DEFAULT_OVERDUE_DAILY_RATE) : d) * account.penaltyMultiplier,
    startDay,
    dueDays,
    cumDue,
    total,
    principal: P,
    interest: 0,
    penalty: 0,
    penaltyPaid: 0,
    repaidNet: 0,
    kInt: 0,
    kDue: 0,
    feesCharged: 0,
    feeDues: 0,
    sink
  }

  let interestPaid = 0
  let excess = 0
  let last = startDay
  const flowAmounts: number[] = [P - upfront]
  const flowDays: number[] = [startDay]

  sink?.principal(startDay, P)
  if (upfront > 0) sink?.fee(startDay, upfront)
  for (const rep of reps) {
    const day = dayNumber(rep.date)
    flowAmounts.push(-rep.amount)
    flowDays.push(day)
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
    overdue = { since: schedule?.periods[k]?.dueDate ?? addMonths(draw.firstDueDate, draw.termMonths - 1), days: todayDay - dueDays[k]!, penaltyAccrued: penaltyUnpaid }
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
        payments.push(schedule.periods[k]!.payment)
        surplus += schedule.periods[k]!.payment
      }
      for (let i = payments.length - 1; i >= 0 && surplus > 0; i--) {
        const cut = Math.min(surplus, payments[i]!)
        payments[i] = payments[i]! - cut
        surplus -= cut
      }
      owe(flowAmounts, flowDays, todayDay, Math.max(0, -surplus) + penaltyUnpaid)
      for (let i = 0; i < payments.length; i++) owe(flowAmounts, flowDays, dueDays[next + i]!, payments[i]!)
    }
  } else if (!cleared) {
    if (flexible) {
      // "Following the schedule" for 随借随还 means holding the principal to the end of the term.
      if (todayDay < dueDays[0]!) projected = roundFen(principal * d * (dueDays[0]! - todayDay))
      owe(flowAmounts, flowDays, todayDay, owedToday)
    } else if (next >= n || !schedule) owe(flowAmounts, flowDays, todayDay, owedToday)
    else {
      const periodStart = next === 0 ? startDay : dueDays[next - 1]!
      const remaining: IsoDate[] = []
      for (let k = next; k < n; k++) remaining.push(schedule.periods[k]!.dueDate)
      const plan = planPeriods({
        principal,
        method: draw.method,
        rateUnit: draw.rateUnit,
        rate: draw.rate,
        startDate: today,
        dueDates: remaining,
        firstPeriodShare: (dueDays[next]! - todayDay) / (dueDays[next]! - periodStart)
      })
      owe(flowAmounts, flowDays, todayDay, penaltyUnpaid)
      for (let i = 0; i < plan.length; i++) {
        const p = plan[i]!
        projected += p.interest + p.fee
        // The interest accrued before today is paid with the next instalment.
        owe(flowAmounts, flowDays, dueDays[next + i]!, p.payment + (i === 0 ? interestAccrued : 0))
      }
    }
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
      apr: xirrOfDays(flowAmounts, flowDays),
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

/**
 * Paying everything off on `date` against keeping the loan: the schedule followed from that day
 * for instalments, holding to the end of the term for 随借随还. Repayments after `date` are ignored.
 * Both costs count from `date` on (what is already paid is the same either way).
 */
export function earlyPayoff(
  draw: Draw,
  repayments: readonly Repayment[],
  date: IsoDate,
  options: CostOptions & { penaltyMultiplier?: number } = {}
): EarlyPayoff {
  const day = date < draw.drawDate ? draw.drawDate : date
  const { cost } = drawCostDetail(draw, repayments, { penaltyMultiplier: options.penaltyMultiplier ?? DEFAULT_PENALTY_MULTIPLIER }, day, options)
  const costIfPaidOff = cost.owedToday - cost.principalOutstanding
  const costIfKept = cost.accruedUnpaid + cost.projectedCostToPayoff
  return { payoffAmount: cost.owedToday, costIfKept, costIfPaidOff, interestSaved: Math.max(0, costIfKept - costIfPaidOff) }
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
}

/** orderCost with the parts ledger-cost.ts needs; the context's sink hears fees and penalty by day. */
export function orderCostDetail(
  order: Order,
  balance: OrderBalance,
  account: Pick<Account, 'penaltyMultiplier'>,
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
      dueBy
    }
  }

  const plan = planPeriods({
    principal: order.amount,
    method: 'feeInstalment',
    rateUnit: 'monthlyFee',
    rate: order.instalmentFeeRate,
    startDate: order.orderDate,
    dueDates: monthlyDueDates(order.dueDate, order.instalmentCount)
  })
  const apr = aprOfSchedule(order.amount, scheduleOf(plan, 0, false))
  const naive = naiveRate({ rate: order.instalmentFeeRate, rateUnit: 'monthlyFee' })
  if (!billable)
    return { cost: { feesPaid: 0, feesToCome: 0, owed: 0, overdue: null, apr, naiveRate: naive }, feesToDate: 0, penaltyToDate: 0, projected: 0, principalOutstanding: 0, dueBy: 0 }

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
    dueBy: dueBy + penalty
  }
}

/**
 * What one pay-later order costs as of `today`: instalment fees paid and to come, overdue
 * penalty at options.overdueDailyRate (default 0.05% a day) x the account's multiplier, and the
 * real APR of an instalment plan (its 分期 schedule from the order date, first due on its due date).
 */
export function orderCost(order: Order, balance: OrderBalance, account: Pick<Account, 'penaltyMultiplier'>, today: IsoDate, options?: CostOptions): OrderCost {
  return orderCostDetail(order, balance, account, today, options).cost
}
