// Owns what one draw owes and costs, walked through its history: the contract schedule, each repayment applied in the account's order, penalty on overdue periods, prepayment and payoff, and the schedule rows, due items and late periods that follow.
//
// The model, and why (DOMAIN.md "Repayment methods", "Statement credit" on the repayment order):
// - An instalment loan (等额本息, 等额本金, 先息后本, 分期) owes its contract schedule: each period's
//   fee, interest and principal are fixed when the loan is drawn. A period not paid in full by the
//   end of its due date is overdue: its unpaid fee, interest and principal accrue penalty interest
//   (罚息) at the contract's daily rate x the account's multiplier (a 分期 fee has no daily rate:
//   the overdue rate option, 0.05% a day), from the due date to the day it is paid. The penalty
//   replaces contract interest on what is overdue (REG: PBoC 银发〔2003〕251号 sets 罚息 as the
//   contract rate plus 30%-50%, charged on overdue principal, with 复利 on unpaid interest), so the
//   periods still to come keep their contract amounts.
// - A repayment on day X goes, in the account's order (records.ts REPAYMENT_ORDERS), to the
//   periods already overdue: costsFirst takes every overdue fee, then the penalty, then the interest,
//   then the principal, oldest period first within each; oldestFirst clears the oldest period (fee,
//   penalty, interest, principal) before the next. What is left pays the current period (the first
//   due on or after X) as it stands in the schedule, as a lender's autopay takes the instalment;
//   beyond that it is a prepayment of principal: the lender keeps the term and lowers the payments
//   still to come (减少月供), re-planned on what is left. A 分期 fee is on the original amount and
//   never shrinks, so a 分期 prepayment pays the next periods whole instead.
// - Paying everything off on day X (提前结清) costs what is overdue with its penalty, the current
//   period's interest for the days elapsed (the draw day accrues, the repayment day does not), and
//   the principal left; interest of later periods is not owed. A 分期 payoff still owes every fee
//   (the fee is on the original amount). A repayment of at least that amount clears the draw; more
//   than that is an overpayment, which the store refuses (`overpaid`).
// - 随借随还 accrues interest by the day on the principal out and is due in full at the end of its
//   term (the last due date). A repayment pays the penalty, then interest, then principal. Past
//   the end of term, what is owed accrues penalty instead of interest.
// - What clears an item is exact: paying the overdue item's amount clears every overdue period and
//   its penalty to the fen, and the next instalment is then its contract amount.
//
// Rounding: penalty accrues in fractional fen per period and is rounded (roundFen) when paid and
// on the as-of day; the current period's elapsed interest is rounded once; everything else is
// whole fen from the schedule (schedule.ts).
import { addMonths, dayNumber, fromDayNumber, type IsoDate } from '../calendar'
import { roundFen, type Fen } from '../money'
import type { Account, Draw, Repayment, RepaymentOrder } from '../records'
import { xirrOfDays } from './apr'
import { buildSchedule, isEstimate, naiveRate, perDayRate, planAmounts } from './schedule'
import type { AprResult, CostSink, DatedFlows, DrawCost, EarlyPayoff, LateEvent, Offer, PeriodRow, RepaymentSplit } from './types'

/** The common 花呗-style overdue figure: 0.05% a day. Used where the contract has no daily rate. */
export const DEFAULT_OVERDUE_DAILY_RATE = 0.0005
/** DOMAIN.md: penalty interest is usually 1.3x-1.5x the contract rate; used when no account is given. */
export const DEFAULT_PENALTY_MULTIPLIER = 1.5

export interface CostOptions {
  /** Daily penalty rate where the contract has none (分期 fees, pay-later orders). Default 0.0005. */
  overdueDailyRate?: number
}

/** The account fields a draw's figures depend on. */
export type LoanAccount = Pick<Account, 'penaltyMultiplier'> & Partial<Pick<Account, 'repaymentOrder'>>

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

/** One period as the walk keeps it. */
interface Period {
  start: number
  due: number
  dueDate: IsoDate
  fee: Fen
  interest: Fen
  principal: Fen
  paidFee: Fen
  paidInterest: Fen
  paidPrincipal: Fen
  /** Penalty accrued and unpaid, in fractional fen. */
  penalty: number
  penaltyPaid: Fen
  /** The day the fee was paid, or -1: a fee paid before its due date is charged that day. */
  feePaidDay: number
  /** The day the period was paid in full, or -1. */
  paidDay: number
  /** Whether its due date has been passed by the walk (late or not is decided then). */
  passed: boolean
}

const unpaidOf = (p: Period): Fen => p.fee - p.paidFee + p.interest - p.paidInterest + p.principal - p.paidPrincipal

/** The due items of one draw as of the walk's day; the dues module turns them into DueItems. */
export interface LoanDue {
  kind: 'overdue' | 'period' | 'term'
  dueDate: IsoDate
  amount: Fen
  /** What a repayment today must be to clear it exactly, or null where no single repayment today does (a period after the next). */
  clearAmount: Fen | null
  period: { index: number; count: number } | null
  overdue: { days: number; penalty: Fen } | null
}

export interface LoanWalk {
  cost: DrawCost
  /** Interest paid and accrued to date. */
  interestToDate: Fen
  /** Fees charged to date: the up-front fee, and 分期 fees due or paid. */
  feesToDate: Fen
  penaltyToDate: Fen
  /** With context.detail: every period as it now stands (contract, or re-planned after a prepayment), with what was paid and its status. */
  rows: PeriodRow[]
  /** With context.detail: principal prepaid beyond the schedule, by day. */
  prepayments: { date: IsoDate; amount: Fen }[]
  /** With context.detail: how each repayment was applied. */
  splits: RepaymentSplit[]
  dues: LoanDue[]
  /** Periods (or the end of term) not paid in full by the end of their due date, up to the as-of day. */
  late: LateEvent[]
  /** The first repayment that paid more than was owed on its day, or null. */
  overpaid: Repayment | null
  /** The draw's cash flows for the real APR (borrower's view; day numbers): received, repaid, and what is still to pay. */
  flows: DatedFlows
  /** Day number of its last due date (the end of term): past it, a cleared draw's figures no longer change with the as-of day. */
  finalDueDay: number
}

export interface WalkContext {
  sink?: CostSink
  /**
   * Also build the schedule rows, prepayments and each repayment's split (a detail view, the
   * early-payoff what-if); the whole-ledger figures leave them out, as a ten-year ledger has tens
   * of thousands of draws.
   */
  detail?: boolean
  /** Where the draw's cash flows are appended (the account's flows, for its pooled real APR); the draw's own APR is solved from them too. */
  flows?: DatedFlows
}

function byDate(a: Repayment, b: Repayment): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}

/** The draw's own repayments up to the as-of day, in date order (stable: same-day ones in the order given). */
function ownRepayments(draw: Draw, repayments: readonly Repayment[], asOf: IsoDate): Repayment[] {
  const out: Repayment[] = []
  let sorted = true
  for (const r of repayments) {
    if (r.targetType !== 'draw' || r.targetId !== draw.id || r.date > asOf) continue
    if (out.length > 0 && r.date < out[out.length - 1]!.date) sorted = false
    out.push(r)
  }
  if (!sorted) out.sort(byDate)
  return out
}

/** The walk's running state. */
interface State {
  draw: Draw
  order: RepaymentOrder
  flexible: boolean
  fee: boolean
  /** Per-day contract rate (随借随还) and penalty rate. */
  d: number
  penaltyRate: number
  periods: Period[]
  /** 随借随还: interest accrued and unpaid, in fractional fen. */
  accrued: number
  repaid: Fen
  interestPaid: Fen
  feesPaid: Fen
  penaltyPaid: Fen
  prepaid: { day: number; amount: Fen }[]
  late: LateEvent[]
  /** The day up to which penalty and interest have been accrued (exclusive). */
  at: number
  sink: CostSink | undefined
}

function periodsOf(draw: Draw): Period[] {
  if (draw.method === 'flexible') {
    const endDate = addMonths(draw.firstDueDate, draw.termMonths - 1)
    return [newPeriod(dayNumber(draw.drawDate), dayNumber(endDate), endDate, 0, 0, draw.principal)]
  }
  const schedule = buildSchedule(offerOfDraw(draw))
  const out: Period[] = []
  let start = dayNumber(draw.drawDate)
  for (const p of schedule.periods) {
    const due = start + p.days
    out.push(newPeriod(start, due, p.dueDate, p.fee, p.interest, p.principal))
    start = due
  }
  return out
}

function newPeriod(start: number, due: number, dueDate: IsoDate, fee: Fen, interest: Fen, principal: Fen): Period {
  return { start, due, dueDate, fee, interest, principal, paidFee: 0, paidInterest: 0, paidPrincipal: 0, penalty: 0, penaltyPaid: 0, feePaidDay: -1, paidDay: -1, passed: false }
}

/** The penalty base of an overdue period: everything of it still unpaid (随借随还: principal and the interest accrued by the end of term). */
function penaltyBase(s: State, p: Period): Fen {
  return s.flexible ? p.principal - p.paidPrincipal + roundFen(s.accrued) : unpaidOf(p)
}

/** Accrues interest (随借随还) and penalty over [s.at, to), and decides lateness of every due date passed. */
function advance(s: State, to: number): void {
  const from = s.at
  if (to <= from) return
  const periods = s.periods
  if (s.flexible) {
    const p = periods[0]!
    const out = p.principal - p.paidPrincipal
    const end = Math.min(to, p.due)
    if (end > from && out > 0) {
      s.accrued += out * s.d * (end - from)
      s.sink?.interest(from, end, out * s.d)
    }
  }
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k]!
    if (p.due >= to) break
    // Lateness is read at the end of the due date, before anything paid on a later day.
    if (!p.passed) {
      p.passed = true
      const unpaid = s.flexible ? p.principal - p.paidPrincipal + roundFen(s.accrued) : unpaidOf(p)
      if (unpaid > 0) s.late.push({ accountId: s.draw.accountId, dueDate: p.dueDate, shortfall: unpaid, records: [{ type: 'draw', id: s.draw.id }] })
    }
    const start = Math.max(from, p.due)
    const base = penaltyBase(s, p)
    if (base > 0 && s.penaltyRate > 0 && to > start) {
      p.penalty += base * s.penaltyRate * (to - start)
      s.sink?.penalty(start, to, base * s.penaltyRate)
    }
  }
  s.at = to
}

/** The first period due on or after `day` (the current one), or the number of periods when all are due before it. */
function currentIndex(periods: readonly Period[], day: number): number {
  let k = 0
  while (k < periods.length && periods[k]!.due < day) k++
  return k
}

/** The interest of period `p` for the days elapsed by `day`, unpaid, rounded. */
function elapsedInterest(p: Period, day: number): Fen {
  if (day <= p.start) return Math.max(0, -p.paidInterest)
  const share = day >= p.due ? 1 : (day - p.start) / (p.due - p.start)
  return Math.max(0, roundFen(p.interest * share) - p.paidInterest)
}

/** What clears the draw on `day` (the walk has been advanced to it). */
function payoff(s: State, day: number): Fen {
  const periods = s.periods
  if (s.flexible) {
    const p = periods[0]!
    return p.principal - p.paidPrincipal + roundFen(s.accrued) + Math.max(0, roundFen(p.penalty))
  }
  const cur = currentIndex(periods, day)
  let total = 0
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k]!
    total += Math.max(0, roundFen(p.penalty)) + p.principal - p.paidPrincipal
    if (k < cur || s.fee) total += p.fee - p.paidFee + p.interest - p.paidInterest
    else if (k === cur) total += elapsedInterest(p, day)
  }
  return total
}

interface Split {
  principal: Fen
  interest: Fen
  fees: Fen
  penalty: Fen
}

function payFee(s: State, p: Period, money: Fen, day: number, split: Split): Fen {
  const part = Math.min(money, p.fee - p.paidFee)
  if (part <= 0) return money
  p.paidFee += part
  if (p.feePaidDay < 0 && p.paidFee === p.fee) p.feePaidDay = day
  s.feesPaid += part
  split.fees += part
  return money - part
}

function payPenalty(s: State, p: Period, money: Fen, split: Split): Fen {
  const due = roundFen(p.penalty)
  if (due <= 0 || money <= 0) return money
  const part = Math.min(money, due)
  p.penalty = part === due ? 0 : p.penalty - part
  p.penaltyPaid += part
  s.penaltyPaid += part
  split.penalty += part
  return money - part
}

function payInterest(s: State, p: Period, money: Fen, split: Split): Fen {
  const part = Math.min(money, p.interest - p.paidInterest)
  if (part <= 0) return money
  p.paidInterest += part
  s.interestPaid += part
  split.interest += part
  return money - part
}

function payPrincipal(s: State, p: Period, money: Fen, day: number, split: Split): Fen {
  const part = Math.min(money, p.principal - p.paidPrincipal)
  if (part <= 0) return money
  p.paidPrincipal += part
  split.principal += part
  s.sink?.principal(day, -part)
  return money - part
}

function markPaid(p: Period, day: number): void {
  if (p.paidDay < 0 && unpaidOf(p) === 0 && roundFen(p.penalty) <= 0) p.paidDay = day
}

/** Clears everything on `day`: overdue with penalty, the current period's elapsed interest, all principal (分期: every fee). */
function settle(s: State, day: number, split: Split): void {
  const periods = s.periods
  if (s.flexible) {
    const p = periods[0]!
    payPenalty(s, p, Number.MAX_SAFE_INTEGER, split)
    const interest = roundFen(s.accrued)
    s.accrued = 0
    p.interest = p.paidInterest + interest
    payInterest(s, p, interest, split)
    payPrincipal(s, p, p.principal - p.paidPrincipal, day, split)
    markPaid(p, day)
    return
  }
  const cur = currentIndex(periods, day)
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k]!
    payPenalty(s, p, Number.MAX_SAFE_INTEGER, split)
    if (!s.fee && k >= cur) {
      // Interest of the current period for the days elapsed; none for later periods.
      p.interest = k === cur ? p.paidInterest + elapsedInterest(p, day) : p.paidInterest
    }
    payFee(s, p, p.fee - p.paidFee, day, split)
    payInterest(s, p, p.interest - p.paidInterest, split)
    payPrincipal(s, p, p.principal - p.paidPrincipal, day, split)
    markPaid(p, day)
  }
}

/** Applies `amount` paid on `day` (the walk advanced to it); returns what could not be applied (an overpayment). */
function apply(s: State, amount: Fen, day: number, split: Split): Fen {
  const owed = payoff(s, day)
  if (amount >= owed) {
    settle(s, day, split)
    return amount - owed
  }
  let money = amount
  const periods = s.periods
  if (s.flexible) {
    const p = periods[0]!
    money = payPenalty(s, p, money, split)
    const interestDue = roundFen(s.accrued)
    const toInterest = Math.min(money, interestDue)
    if (toInterest > 0) {
      p.interest += toInterest
      payInterest(s, p, toInterest, split)
      s.accrued = toInterest === interestDue ? 0 : s.accrued - toInterest
      money -= toInterest
    }
    money = payPrincipal(s, p, money, day, split)
    return money
  }
  const cur = currentIndex(periods, day)
  // The overdue periods, in the account's order.
  if (s.order === 'oldestFirst') {
    for (let k = 0; k < cur && money > 0; k++) {
      const p = periods[k]!
      money = payFee(s, p, money, day, split)
      money = payPenalty(s, p, money, split)
      money = payInterest(s, p, money, split)
      money = payPrincipal(s, p, money, day, split)
      markPaid(p, day)
    }
  } else {
    for (let k = 0; k < cur && money > 0; k++) money = payFee(s, periods[k]!, money, day, split)
    for (let k = 0; k < cur && money > 0; k++) money = payPenalty(s, periods[k]!, money, split)
    for (let k = 0; k < cur && money > 0; k++) money = payInterest(s, periods[k]!, money, split)
    for (let k = 0; k < cur && money > 0; k++) {
      money = payPrincipal(s, periods[k]!, money, day, split)
      markPaid(periods[k]!, day)
    }
  }
  if (money <= 0 || cur >= periods.length) return money
  // The current period as scheduled.
  const p = periods[cur]!
  money = payFee(s, p, money, day, split)
  money = payInterest(s, p, money, split)
  money = payPrincipal(s, p, money, day, split)
  markPaid(p, day)
  if (money <= 0) return 0
  if (s.fee) {
    // 分期: the fee stays owed, so paying ahead pays the next periods whole.
    for (let k = cur + 1; k < periods.length && money > 0; k++) {
      const q = periods[k]!
      money = payFee(s, q, money, day, split)
      money = payPrincipal(s, q, money, day, split)
      markPaid(q, day)
    }
    return money
  }
  return prepay(s, cur + 1, money, day, split)
}

/** A prepayment of principal: the periods from `from` on are re-planned over the same due dates on what is left. Returns what it could not take. */
function prepay(s: State, from: number, money: Fen, day: number, split: Split): Fen {
  const periods = s.periods
  let left = 0
  for (let k = from; k < periods.length; k++) left += periods[k]!.principal - periods[k]!.paidPrincipal
  // Paying all of it is a payoff, which apply() handles before it gets here.
  if (money >= left) return money
  const principal = left - money
  split.principal += money
  s.sink?.principal(day, -money)
  s.prepaid.push({ day, amount: money })
  const days: number[] = []
  for (let k = from; k < periods.length; k++) days.push(periods[k]!.due - periods[k]!.start)
  const plan = planAmounts({ principal, method: s.draw.method, rateUnit: s.draw.rateUnit, rate: s.draw.rate }, days)
  for (let k = from; k < periods.length; k++) {
    const p = periods[k]!
    p.principal = plan.principal[k - from]!
    p.interest = plan.interest[k - from]!
  }
  return 0
}

function emptySplit(): Split {
  return { principal: 0, interest: 0, fees: 0, penalty: 0 }
}

/**
 * Walks one draw's history to `asOf`: its repayments (any list; the draw's own are picked out)
 * applied in the account's order, penalty on what is overdue, and everything the screens show.
 */
export function walkLoan(draw: Draw, repayments: readonly Repayment[], account: LoanAccount, asOf: IsoDate, options: CostOptions = {}, context: WalkContext = {}): LoanWalk {
  const sink = context.sink
  const drawDay = dayNumber(draw.drawDate)
  const asOfDay = dayNumber(asOf)
  const flexible = draw.method === 'flexible'
  const fee = draw.method === 'feeInstalment'
  const d = perDayRate(draw.rateUnit, draw.rate)
  const s: State = {
    draw,
    order: account.repaymentOrder ?? 'costsFirst',
    flexible,
    fee,
    d,
    penaltyRate: (fee ? (options.overdueDailyRate ?? DEFAULT_OVERDUE_DAILY_RATE) : d) * account.penaltyMultiplier,
    periods: periodsOf(draw),
    accrued: 0,
    repaid: 0,
    interestPaid: 0,
    feesPaid: draw.upfrontFee,
    penaltyPaid: 0,
    prepaid: [],
    late: [],
    at: drawDay,
    sink
  }
  const flows: DatedFlows = { amounts: [], days: [] }
  const splits: RepaymentSplit[] = []
  const detail = context.detail === true
  let overpaid: Repayment | null = null

  if (asOfDay < drawDay) return notYetDrawn(draw, s, context.detail === true)

  flows.amounts.push(draw.principal - draw.upfrontFee)
  flows.days.push(drawDay)
  sink?.principal(drawDay, draw.principal)
  if (draw.upfrontFee > 0) sink?.fee(drawDay, draw.upfrontFee)

  for (const rep of ownRepayments(draw, repayments, asOf)) {
    const day = dayNumber(rep.date)
    advance(s, day)
    const split = emptySplit()
    s.repaid += rep.amount
    const left = apply(s, rep.amount, day, split)
    if (left > 0 && overpaid === null) overpaid = rep
    // What the store refuses still counts as money paid, so repaid always equals principal plus cost paid.
    s.interestPaid += left
    split.interest += left
    if (detail) splits.push({ repaymentId: rep.id, ...split })
    flows.amounts.push(-rep.amount)
    flows.days.push(day)
  }
  advance(s, asOfDay)
  const walk = summarise(s, asOfDay, flows, splits, overpaid, detail)
  const target = context.flows
  if (target)
    for (let i = 0; i < flows.amounts.length; i++) {
      target.amounts.push(flows.amounts[i]!)
      target.days.push(flows.days[i]!)
    }
  return walk
}

function notYetDrawn(draw: Draw, s: State, detail: boolean): LoanWalk {
  const schedule = buildSchedule(offerOfDraw(draw))
  const projected = schedule.totalInterest + schedule.totalFees
  return {
    cost: {
      repaid: 0,
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
    rows: detail ? s.periods.map((p, k) => row(s, p, k, Number.NEGATIVE_INFINITY)) : [],
    prepayments: [],
    splits: [],
    dues: [],
    late: [],
    overpaid: null,
    flows: { amounts: [], days: [] },
    finalDueDay: s.periods[s.periods.length - 1]!.due
  }
}

function row(s: State, p: Period, k: number, asOfDay: number): PeriodRow {
  const interest = s.flexible ? p.paidInterest + roundFen(s.accrued) : p.interest
  const payment = p.fee + interest + p.principal
  const paid = p.paidFee + p.paidInterest + p.paidPrincipal
  const penalty = Math.max(0, roundFen(p.penalty))
  const status: PeriodRow['status'] =
    paid >= payment && penalty === 0 ? 'paid' : p.due < asOfDay ? 'overdue' : p.due === asOfDay ? 'due' : paid > 0 ? 'partlyPaid' : 'upcoming'
  return {
    index: k + 1,
    dueDate: p.dueDate,
    principal: p.principal,
    interest,
    fee: p.fee,
    payment,
    paid,
    penalty,
    penaltyPaid: p.penaltyPaid,
    status,
    paidOn: p.paidDay >= 0 ? fromDayNumber(p.paidDay) : null
  }
}

function summarise(s: State, asOfDay: number, flows: DatedFlows, splits: RepaymentSplit[], overpaid: Repayment | null, detail: boolean): LoanWalk {
  const { draw, periods, sink } = s
  const n = periods.length
  const cur = currentIndex(periods, asOfDay)
  let principalOutstanding = 0
  let penaltyUnpaid = 0
  let overdueAmount = 0
  let overdueSince = -1
  let overdueDate: IsoDate | null = null
  let accruedInterest = 0
  let accruedFees = 0
  let projected = 0
  let feesCharged = 0
  for (let k = 0; k < n; k++) {
    const p = periods[k]!
    principalOutstanding += p.principal - p.paidPrincipal
    const penalty = Math.max(0, roundFen(p.penalty))
    penaltyUnpaid += penalty
    if (s.flexible) continue
    // A fee is charged on its due date, or as far as it was paid if sooner.
    const charged = p.due <= asOfDay ? p.fee : p.paidFee
    feesCharged += charged
    accruedFees += charged - p.paidFee
    projected += p.fee - charged
    if (k < cur) {
      const unpaid = unpaidOf(p)
      if (unpaid > 0 || penalty > 0) {
        overdueAmount += unpaid + penalty
        if (overdueSince < 0) {
          overdueSince = p.due
          overdueDate = p.dueDate
        }
      }
      accruedInterest += p.interest - p.paidInterest
    } else if (k === cur) {
      const elapsed = elapsedInterest(p, asOfDay)
      accruedInterest += elapsed
      projected += p.interest - p.paidInterest - elapsed
    } else projected += p.interest - p.paidInterest
  }
  if (s.flexible) {
    const p = periods[0]!
    accruedInterest = roundFen(s.accrued)
    if (asOfDay < p.due && principalOutstanding > 0) projected = roundFen(principalOutstanding * s.d * (p.due - asOfDay))
    if (asOfDay > p.due && (principalOutstanding > 0 || accruedInterest > 0 || penaltyUnpaid > 0)) {
      overdueSince = p.due
      overdueDate = p.dueDate
    }
  }
  const owedToday = payoff(s, asOfDay)
  const cleared = owedToday === 0
  const feesPaid = s.feesPaid
  const accruedUnpaid = accruedInterest + accruedFees + penaltyUnpaid
  const costToDate = s.interestPaid + feesPaid + s.penaltyPaid + accruedUnpaid
  const overdue: DrawCost['overdue'] =
    overdueSince >= 0 && overdueDate !== null ? { since: overdueDate, days: asOfDay - overdueSince, penaltyAccrued: penaltyUnpaid, amount: s.flexible ? owedToday : overdueAmount } : null

  // Still to pay, for the real APR: what is overdue today, and each later period on its due date.
  if (!cleared) {
    if (s.flexible) {
      // 随借随还 is read as if cleared today, the rate of holding it so far: projecting a single
      // payment a year out would compound the daily rate and show less than it costs.
      flows.amounts.push(-owedToday)
      flows.days.push(asOfDay)
    } else {
      if (overdueAmount > 0) {
        flows.amounts.push(-overdueAmount)
        flows.days.push(asOfDay)
      }
      for (let k = cur; k < n; k++) {
        const unpaid = unpaidOf(periods[k]!) + Math.max(0, roundFen(periods[k]!.penalty))
        if (unpaid <= 0) continue
        flows.amounts.push(-unpaid)
        flows.days.push(periods[k]!.due)
      }
    }
  }
  const apr: AprResult | null = flows.amounts.length > 1 ? xirrOfDays(flows.amounts, flows.days) : null

  // Interest by the days it covers, and fees on the day they are charged, for the monthly chart.
  if (sink && !s.flexible) {
    for (let k = 0; k < n; k++) {
      const p = periods[k]!
      if (p.start >= asOfDay) break
      if (p.interest > 0) {
        // A period paid in full: all its interest over the days it ran; one due: over its days;
        // the current one: its share of the days so far.
        const end = p.paidDay >= 0 ? Math.max(p.start + 1, Math.min(p.due, p.paidDay)) : p.due <= asOfDay ? p.due : asOfDay
        const perDay = p.paidDay >= 0 || p.due <= asOfDay ? p.interest / (end - p.start) : p.interest / (p.due - p.start)
        if (end > p.start) sink.interest(p.start, end, perDay)
      }
      const charged = p.due <= asOfDay ? p.fee : p.paidFee
      if (charged > 0) sink.fee(p.due <= asOfDay ? (p.feePaidDay >= 0 && p.feePaidDay < p.due ? p.feePaidDay : p.due) : Math.max(p.start, p.feePaidDay), charged)
    }
  }

  const dues = cleared ? [] : loanDues(s, asOfDay, cur, owedToday, overdueAmount, overdue, projected)
  return {
    cost: {
      repaid: s.repaid,
      interestPaid: s.interestPaid,
      feesPaid,
      penaltyPaid: s.penaltyPaid,
      accruedUnpaid,
      principalOutstanding,
      owedToday,
      projectedCostToPayoff: projected,
      totalCost: costToDate + projected,
      apr,
      naiveRate: naiveRate(draw),
      overdue,
      estimate: isEstimate(draw.method, draw.rateUnit),
      cleared
    },
    interestToDate: s.interestPaid + accruedInterest,
    feesToDate: draw.upfrontFee + feesCharged,
    penaltyToDate: s.penaltyPaid + penaltyUnpaid,
    rows: detail ? periods.map((p, k) => row(s, p, k, asOfDay)) : [],
    prepayments: detail ? s.prepaid.map((x) => ({ date: fromDayNumber(x.day), amount: x.amount })) : [],
    splits,
    dues,
    late: s.late,
    overpaid,
    flows,
    finalDueDay: periods[n - 1]!.due
  }
}

function loanDues(s: State, asOfDay: number, cur: number, owedToday: Fen, overdueAmount: Fen, overdue: DrawCost['overdue'], projected: Fen): LoanDue[] {
  const periods = s.periods
  const out: LoanDue[] = []
  if (s.flexible) {
    const p = periods[0]!
    if (asOfDay <= p.due) out.push({ kind: 'term', dueDate: p.dueDate, amount: owedToday + projected, clearAmount: owedToday, period: null, overdue: null })
    else out.push({ kind: 'overdue', dueDate: p.dueDate, amount: owedToday, clearAmount: owedToday, period: null, overdue: { days: asOfDay - p.due, penalty: overdue?.penaltyAccrued ?? 0 } })
    return out
  }
  if (overdue && overdueAmount > 0) out.push({ kind: 'overdue', dueDate: overdue.since, amount: overdueAmount, clearAmount: overdueAmount, period: null, overdue: { days: overdue.days, penalty: overdue.penaltyAccrued } })
  for (let k = cur; k < periods.length; k++) {
    const p = periods[k]!
    const unpaid = unpaidOf(p)
    if (unpaid <= 0) continue
    // Only the current period (the one running today) is cleared by paying it now: money beyond it
    // is a prepayment of principal (apply()). On the last one, clearing the draw costs only the
    // interest so far, which may be less than the period as scheduled.
    const clearAmount = k === cur ? Math.min(overdueAmount + unpaid, owedToday) : null
    out.push({ kind: 'period', dueDate: p.dueDate, amount: unpaid, clearAmount, period: { index: k + 1, count: periods.length }, overdue: null })
  }
  return out
}

/** What one draw costs as of `asOf`, from its actual repayments (the module header states the model). */
export function drawCost(draw: Draw, repayments: readonly Repayment[], account: LoanAccount, asOf: IsoDate, options?: CostOptions): DrawCost {
  return walkLoan(draw, repayments, account, asOf, options).cost
}

export interface EarlyPayoffOptions extends CostOptions {
  /** The account's penalty multiplier; DEFAULT_PENALTY_MULTIPLIER when not given. */
  penaltyMultiplier?: number
  repaymentOrder?: RepaymentOrder
  /** What is paid on `date`; below the payoff amount it is a partial prepayment. Everything when not given. */
  amount?: Fen
}

/**
 * Paying early on `date` against keeping the loan. Both costs count from `date` on: keeping it
 * costs the interest and fees accrued and still to come; paying `amount` then costs what of it is
 * not principal plus what is accrued and still to come afterwards (walkLoan applies it as any
 * repayment: overdue first, the current period, then principal with the term kept). Repayments
 * after `date` are ignored.
 */
export function earlyPayoff(draw: Draw, repayments: readonly Repayment[], date: IsoDate, options: EarlyPayoffOptions = {}): EarlyPayoff {
  const day = date < draw.drawDate ? draw.drawDate : date
  const account: LoanAccount = { penaltyMultiplier: options.penaltyMultiplier ?? DEFAULT_PENALTY_MULTIPLIER, repaymentOrder: options.repaymentOrder ?? 'costsFirst' }
  const before = walkLoan(draw, repayments, account, day, options).cost
  const payoffAmount = before.owedToday
  const costIfKept = before.accruedUnpaid + before.projectedCostToPayoff
  const amountApplied = options.amount === undefined ? payoffAmount : Math.max(0, Math.min(options.amount, payoffAmount))
  if (amountApplied >= payoffAmount) {
    const costIfPaidOff = payoffAmount - before.principalOutstanding
    return { payoffAmount, amountApplied: payoffAmount, costIfKept, costIfPaidOff, interestSaved: Math.max(0, costIfKept - costIfPaidOff) }
  }
  if (amountApplied === 0) return { payoffAmount, amountApplied: 0, costIfKept, costIfPaidOff: costIfKept, interestSaved: 0 }
  const what: Repayment = { id: '\u0000what-if', accountId: draw.accountId, targetType: 'draw', targetId: draw.id, date: day, amount: amountApplied, note: '' }
  const after = walkLoan(draw, [...repayments.filter((r) => r.date <= day), what], account, day, options, { detail: true })
  const split = after.splits.find((x) => x.repaymentId === what.id)
  const paidAsCost = split ? split.interest + split.fees + split.penalty : 0
  const costIfPaidOff = Math.min(costIfKept, paidAsCost + after.cost.accruedUnpaid + after.cost.projectedCostToPayoff)
  return { payoffAmount, amountApplied, costIfKept, costIfPaidOff, interestSaved: costIfKept - costIfPaidOff }
}
