// Owns what a statement account (credit card, 花呗, 分付, 白条, 月付) owes and costs, walked bill by bill: purchases and 分期 periods on each bill, the minimum payment, revolving interest, 违约金, 账单分期, and repayments applied in the account's order.
//
// The model (DOMAIN.md "Statement credit"; every figure a per-account setting, records.ts StatementTerms):
// - The account's history is a list of LINES, each on one bill: a purchase (a single-payment
//   order, posted on its order day, on the bill of its cycle), a 分期 period's principal and fee
//   (on the bill of that period's due date), interest (posted on a statement day) and 违约金
//   (charged the day after the grace ends, on the next bill). A bill is issued on its statement day
//   with its own lines and everything still unpaid from earlier bills (carried over).
// - The minimum payment of a bill: 100% of fees and interest, 100% of the 分期 periods on it, any
//   minimum left unpaid from earlier bills, 100% of what is over the limit, and minimumPercent of the
//   rest; never more than the bill. A minimum typed from the lender's printed bill (BillFigure) wins.
// - A bill is judged at the end of its grace (due day + graceDays): paid in full, nothing more;
//   otherwise everything of it still unpaid bears revolving interest from the day after the due day,
//   and the bill's purchases also bear interest for the days before it by the account's method
//   (fullFromPosting: each purchase from its posting day until paid; unpaidFromPosting: what is
//   unpaid from its posting day; unpaidFromDueNext: nothing before). Interest posts on the next
//   statement day and bears interest itself once that bill is past due (monthly 复利).
// - Cash paid from the statement day to the end of the grace of at least the minimum is ON TIME:
//   no overdue, no 违约金, no late month. Less is overdue: a 违约金 of lateFeePercent of the unpaid
//   minimum, a late month on the report where the account reports, and the bill is overdue until
//   the cash paid since its statement day reaches its minimum.
// - A repayment goes to the bill it names (Repayment.bill) first, or for an order-targeted one to
//   that order's lines (paying 分期 periods ahead settles the plan early; its fees stay owed, as the
//   fee is on the original amount); the rest by the account's order: costsFirst takes the fees and
//   interest of every issued bill, then principal from the oldest bill (分期 periods before
//   purchases within a bill); oldestFirst takes the oldest bill whole first. Then purchases not yet
//   billed, then interest accrued and not yet posted. More than all of that is an overpayment.
// - 账单分期 (BillInstalment): on its day, its amount leaves the bill's purchases (they stop being
//   revolving debt) and one period of principal + fee lands on each following bill.
// - An order marked paid without repayments was paid outside the ledger: what of it is unpaid is
//   taken as paid on its bill's due day (or the as-of day if sooner).
// Rounding: interest accrues in fractional fen and posts rounded (the fraction carries on); the
// minimum's percentage part is rounded up to the fen; 违约金 rounded half away from zero.
import { dayNumber, fromDayNumber, type IsoDate } from '../calendar'
import { billIndexOfDueDate, billIndexOfOrder, dueDateForStatement, statementDateOfIndex, type CycleCalendar } from '../due-dates'
import { roundFen, splitFen, type Fen } from '../money'
import type { Account, BillFigure, BillInstalment, Order, Repayment, StatementTerms } from '../records'
import type { CostSink, DatedFlows, LateEvent, PeriodRow } from './types'

export type StatementAccount = Pick<Account, 'id' | 'statementDay' | 'dueDay' | 'creditLimit' | 'repaymentOrder'> & { statementTerms: StatementTerms }

type LineKind = 'purchase' | 'principal' | 'fee' | 'interest' | 'lateFee'

interface Line {
  kind: LineKind
  /** The order or 账单分期 it belongs to (index into the walk's owners), or -1. */
  owner: number
  bill: number
  /** The day it can first be paid: a purchase on its order day, a 分期 period on its bill's statement day, a 违约金 the day it is charged. */
  post: number
  amount: Fen
  paid: Fen
  /** Turned into a 账单分期 plan: gone from this line without being paid. */
  converted: Fen
  bearing: boolean
  /** Payments and conversions as [day, amount, ...], kept until the line's bill is judged (revolving interest before the due day needs them). */
  chunks: number[] | null
}

const outstandingOf = (l: Line): Fen => l.amount - l.paid - l.converted

export type BillStatus = 'upcoming' | 'open' | 'paidInFull' | 'minimumPaid' | 'belowMinimum'

/** One bill as the account's walk leaves it. */
export interface Bill {
  statementDate: IsoDate
  dueDate: IsoDate
  /** The last day that still counts as on time (due day + grace days). */
  graceEnd: IsoDate
  issued: boolean
  /** What it held on its statement day (upcoming: so far): each part outstanding then. */
  carried: Fen
  purchases: Fen
  /** 分期 periods on this bill, principal and fee. */
  periods: Fen
  interest: Fen
  fees: Fen
  /** Of its purchases, paid before the statement day. */
  paidBeforeStatement: Fen
  /** Turned into 账单分期 since. */
  converted: Fen
  /** carried + purchases + periods + interest + fees - converted. */
  total: Fen
  /** The minimum by the account's rule, and the one typed from the printed bill (which wins). */
  minimumRule: Fen
  minimumPrinted: Fen | null
  minimum: Fen
  /** Cash paid from the statement day to the end of the grace; and on an open bill, paid so far (a judged one: the same as paidInWindow). */
  paidInWindow: Fen
  paidSinceStatement: Fen
  /** What still clears this bill and every earlier one, as of the walk's day. */
  outstanding: Fen
  status: BillStatus
  /** Below its minimum and not yet made good: what is still short of the minimum. */
  pastDue: Fen
  lateFee: Fen
  /** Revolving interest posted on the next bill because this one was not paid in full. */
  revolvingInterest: Fen
  orderIds: string[]
}

export interface StatementOrder {
  owed: Fen
  paid: Fen
  principalOutstanding: Fen
  feesPaid: Fen
  feesToCome: Fen
}

export interface StatementDue {
  kind: 'bill'
  bill: Bill
  dueDate: IsoDate
  amount: Fen
  clearAmount: Fen | null
  overdue: { days: number; penalty: Fen } | null
}

export interface Revolving {
  /** The bill whose unpaid part started revolving. */
  since: IsoDate
  /** Bearing interest now. */
  amount: Fen
  dailyRate: number
  /** Interest accrued and not yet on a bill. */
  accrued: Fen
  nextStatementDate: IsoDate
  /** accrued + what the same balance runs up until the next statement day. */
  byNextStatement: Fen
}

export interface StatementWalk {
  accountId: string
  /** Every issued bill, oldest first, then the next one if anything is on it yet. */
  bills: Bill[]
  /** What a statement repayment may be today: everything issued, purchases not yet billed, fees charged and interest accrued (分期 periods still to come excluded). */
  payableNow: Fen
  /** Everything owed, the 分期 periods still to come included. */
  owed: Fen
  principalOutstanding: Fen
  interestPaid: Fen
  feesPaid: Fen
  /** Interest charged or accrued to date; fees (分期 fees on issued bills, 违约金) charged to date. */
  interestToDate: Fen
  feesToDate: Fen
  lateFeesToDate: Fen
  /** 分期 fees on bills not yet issued. */
  projected: Fen
  orders: Map<string, StatementOrder>
  /** With context.detail: each 分期 plan (an order's, or a 账单分期's by its id) period by period, dated by its bill. */
  plans: Map<string, PeriodRow[]>
  dues: StatementDue[]
  revolving: Revolving | null
  late: LateEvent[]
  overpaid: Repayment | null
  /** A 账单分期 that does not fit its bill (larger than its purchases, outside its window, or on no bill of the account). */
  badInstalment: { record: BillInstalment; message: string } | null
  flows: DatedFlows
}

interface Owner {
  order: Order | null
  plan: BillInstalment | null
  lines: Line[]
}

interface BillState {
  index: number
  s: number
  d: number
  e: number
  statementDate: IsoDate
  dueDate: IsoDate
  costs: Line[]
  periods: Line[]
  purchases: Line[]
  posted: boolean
  judged: boolean
  view: Bill
  /** What is still unpaid of its lines (kept as they are paid: every walk step reads it). */
  outstanding: Fen
  /** The minimum's parts, kept so a 账单分期 can lower it. */
  parts: { costs: Fen; periods: Fen; pastDue: Fen; overLimit: Fen; ordinary: Fen } | null
  cashSince: Fen
}

interface Walk {
  account: StatementAccount
  terms: StatementTerms
  cal: CycleCalendar
  base: number
  bills: BillState[]
  owners: Owner[]
  /** Interest accrued and not yet posted, fractional fen. */
  accrued: number
  bearingOut: Fen
  lastPosted: number
  firstOpen: number
  interestPaid: Fen
  feesPaid: Fen
  interestCharged: number
  feesCharged: Fen
  lateFees: Fen
  late: LateEvent[]
  sink: CostSink | undefined
  at: number
  flows: DatedFlows
  printed: Map<string, Fen | null>
}

function billAt(w: Walk, index: number): BillState {
  const offset = index - w.base
  let b = w.bills[offset]
  if (b) return b
  // Bills are made in order as far as asked for.
  for (let i = w.bills.length; i <= offset; i++) {
    const idx = w.base + i
    const statementDate = statementDateOfIndex(idx, w.cal)
    const dueDate = dueDateForStatement(statementDate, w.cal.statementDay, w.cal.dueDay)
    const d = dayNumber(dueDate)
    const e = d + w.terms.graceDays + 1
    const view: Bill = {
      statementDate,
      dueDate,
      graceEnd: fromDayNumber(e - 1),
      issued: false,
      carried: 0,
      purchases: 0,
      periods: 0,
      interest: 0,
      fees: 0,
      paidBeforeStatement: 0,
      converted: 0,
      total: 0,
      minimumRule: 0,
      minimumPrinted: null,
      minimum: 0,
      paidInWindow: 0,
      paidSinceStatement: 0,
      outstanding: 0,
      status: 'upcoming',
      pastDue: 0,
      lateFee: 0,
      revolvingInterest: 0,
      orderIds: []
    }
    w.bills.push({ index: idx, s: dayNumber(statementDate), d, e, statementDate, dueDate, costs: [], periods: [], purchases: [], posted: false, judged: false, view, parts: null, cashSince: 0, outstanding: 0 })
  }
  b = w.bills[offset]!
  return b
}

function addLine(w: Walk, kind: LineKind, owner: number, bill: number, post: number, amount: Fen): Line {
  const line: Line = { kind, owner, bill, post, amount, paid: 0, converted: 0, bearing: false, chunks: null }
  const b = billAt(w, bill)
  b.outstanding += amount
  if (kind === 'purchase') b.purchases.push(line)
  else if (kind === 'principal') b.periods.push(line)
  else b.costs.push(line)
  if (owner >= 0) w.owners[owner]!.lines.push(line)
  return line
}

/** Accrues revolving interest on what bears it over [w.at, to). */
function advance(w: Walk, to: number): void {
  if (to <= w.at) return
  if (w.bearingOut > 0 && w.terms.revolvingDailyRate > 0) {
    const perDay = w.bearingOut * w.terms.revolvingDailyRate
    w.accrued += perDay * (to - w.at)
    w.interestCharged += perDay * (to - w.at)
    w.sink?.interest(w.at, to, perDay)
  }
  w.at = to
}

/** Keeps a payment's day on a line whose bill is not judged yet (revolving interest before the due day reads it). */
function record(w: Walk, line: Line, day: number, amount: Fen): void {
  if (billAt(w, line.bill).judged) return
  if (line.chunks) line.chunks.push(day, amount)
  else line.chunks = [day, amount]
}

/** Pays up to `money` on one line; returns what is left. */
function payLine(w: Walk, line: Line, money: Fen, day: number): Fen {
  const part = Math.min(money, outstandingOf(line))
  if (part <= 0) return money
  line.paid += part
  billAt(w, line.bill).outstanding -= part
  record(w, line, day, part)
  if (line.bearing) w.bearingOut -= part
  if (line.kind === 'interest') w.interestPaid += part
  else if (line.kind === 'fee' || line.kind === 'lateFee') {
    w.feesPaid += part
    // A 分期 fee paid before its bill is issued (a plan settled early) is charged when paid.
    if (line.kind === 'fee' && line.bill > w.lastPosted) w.sink?.fee(day, part)
  } else w.sink?.principal(day, -part)
  return money - part
}

function payLines(w: Walk, lines: readonly Line[], money: Fen, day: number): Fen {
  for (let i = 0; i < lines.length && money > 0; i++) {
    const l = lines[i]!
    if (l.post <= day) money = payLine(w, l, money, day)
  }
  return money
}

function payBill(w: Walk, b: BillState, money: Fen, day: number, part: 'costs' | 'principal' | 'all'): Fen {
  if (part !== 'principal') money = payLines(w, b.costs, money, day)
  if (part !== 'costs') {
    money = payLines(w, b.periods, money, day)
    money = payLines(w, b.purchases, money, day)
  }
  return money
}

function billOutstanding(b: BillState): Fen {
  return b.outstanding
}

/** Moves firstOpen past bills with nothing left. */
function skipPaid(w: Walk): void {
  while (w.firstOpen <= w.lastPosted && billOutstanding(billAt(w, w.firstOpen)) === 0) w.firstOpen++
}

/** Pays interest accrued and not yet posted. */
function payAccrued(w: Walk, money: Fen): Fen {
  const due = roundFen(w.accrued)
  if (due <= 0 || money <= 0) return money
  const part = Math.min(money, due)
  w.accrued = part === due ? 0 : w.accrued - part
  w.interestPaid += part
  return money - part
}

/** Applies money by the account's order: issued bills, then what is not yet billed, then accrued interest. Returns what is left. */
function payByOrder(w: Walk, money: Fen, day: number): Fen {
  skipPaid(w)
  if (w.account.repaymentOrder === 'oldestFirst') {
    for (let i = w.firstOpen; i <= w.lastPosted && money > 0; i++) money = payBill(w, billAt(w, i), money, day, 'all')
  } else {
    for (let i = w.firstOpen; i <= w.lastPosted && money > 0; i++) money = payBill(w, billAt(w, i), money, day, 'costs')
    for (let i = w.firstOpen; i <= w.lastPosted && money > 0; i++) money = payBill(w, billAt(w, i), money, day, 'principal')
  }
  // Not yet on an issued bill: 违约金 charged, purchases made (the next two bills at most hold them).
  for (let i = w.lastPosted + 1; i <= w.lastPosted + 2 && i - w.base < w.bills.length && money > 0; i++) {
    const b = billAt(w, i)
    money = payLines(w, b.costs.filter((l) => l.kind === 'lateFee'), money, day)
    money = payLines(w, b.purchases, money, day)
  }
  return payAccrued(w, money)
}

/** Cash paid on `day`: counted towards every issued bill's window and minimum, then applied. Returns what could not be applied. */
function payCash(w: Walk, amount: Fen, day: number, ownerIndex: number, namedBill: number | null): Fen {
  countCash(w, amount, day)
  let money = amount
  if (ownerIndex >= 0) {
    // An order's own lines, 分期 periods still to come included (settling the plan early).
    for (const l of w.owners[ownerIndex]!.lines) if (money > 0) money = payLine(w, l, money, day)
    return money
  }
  if (namedBill !== null) {
    // The named bill's balance (its own lines and what it carried), costs first.
    skipPaid(w)
    const to = Math.min(namedBill, w.base + w.bills.length - 1)
    for (let i = w.firstOpen; i <= to && money > 0; i++) money = payBill(w, billAt(w, i), money, day, 'costs')
    for (let i = w.firstOpen; i <= to && money > 0; i++) money = payBill(w, billAt(w, i), money, day, 'principal')
  }
  return money > 0 ? payByOrder(w, money, day) : 0
}

/** Cash counts towards the minimum of every bill issued so far (paid within its grace, or since its statement day). */
function countCash(w: Walk, amount: Fen, day: number): void {
  w.flows.amounts.push(-amount)
  w.flows.days.push(day)
  for (let i = 0; i <= w.lastPosted - w.base; i++) {
    const b = w.bills[i]!
    b.cashSince += amount
    if (day < b.e) b.view.paidInWindow += amount
  }
}

/** What a statement repayment may be on `day`: everything issued, not-yet-billed purchases and charges, and accrued interest. */
function payable(w: Walk, day: number): Fen {
  let sum = 0
  for (let i = Math.max(w.firstOpen, w.base); i <= w.lastPosted; i++) sum += billOutstanding(billAt(w, i))
  for (let i = w.lastPosted + 1; i <= w.lastPosted + 2 && i - w.base < w.bills.length; i++) {
    const b = billAt(w, i)
    for (const l of b.costs) if (l.kind === 'lateFee' && l.post <= day) sum += outstandingOf(l)
    for (const l of b.purchases) if (l.post <= day) sum += outstandingOf(l)
  }
  return sum + Math.max(0, roundFen(w.accrued))
}

/** Issues bill `b` on its statement day: posts the interest accrued, and works out its parts and minimum. */
function post(w: Walk, b: BillState): void {
  advance(w, b.s)
  const interest = roundFen(w.accrued)
  if (interest > 0) {
    addLine(w, 'interest', -1, b.index, b.s, interest)
    w.accrued -= interest
    // The bill it revolves from, for the bill's own view.
    const prev = w.bills[b.index - w.base - 1]
    if (prev && prev.judged && prev.view.status !== 'paidInFull') prev.view.revolvingInterest += interest
  }
  b.posted = true
  w.lastPosted = b.index
  skipPaid(w)
  const v = b.view
  v.issued = true
  let carried = 0
  let carriedCosts = 0
  let principalOut = 0
  for (let i = Math.max(w.firstOpen, w.base); i < b.index; i++) {
    const older = billAt(w, i)
    for (const l of older.costs) carriedCosts += outstandingOf(l)
    for (const l of older.periods) principalOut += outstandingOf(l)
    for (const l of older.purchases) principalOut += outstandingOf(l)
  }
  carried = carriedCosts + principalOut
  let costs = 0
  for (const l of b.costs) {
    if (l.kind === 'interest') v.interest += outstandingOf(l)
    else if (l.kind === 'fee') {
      v.periods += outstandingOf(l)
      // A 分期 fee is charged when its bill is issued (what was paid ahead was charged when paid).
      if (l.amount - l.paid > 0) w.sink?.fee(b.s, l.amount - l.paid)
    } else v.fees += outstandingOf(l)
    costs += outstandingOf(l)
  }
  let periods = 0
  for (const l of b.periods) periods += outstandingOf(l)
  v.periods += periods
  let purchases = 0
  for (const l of b.purchases) {
    purchases += outstandingOf(l)
    v.paidBeforeStatement += l.paid
  }
  v.purchases = purchases
  v.carried = carried
  v.total = carried + costs + periods + purchases
  principalOut += periods + purchases
  const allCosts = carriedCosts + costs
  // Any minimum left unpaid from the last judged bill (its own minimum already holds earlier ones).
  let pastDue = 0
  for (let i = b.index - 1; i >= w.base; i--) {
    const prev = w.bills[i - w.base]!
    if (!prev.judged) continue
    if (prev.view.status === 'belowMinimum') pastDue = Math.max(0, prev.view.minimum - prev.cashSince)
    break
  }
  const pastDuePrincipal = Math.min(Math.max(0, pastDue - carriedCosts), principalOut - periods)
  const limit = w.account.creditLimit
  const overLimit = limit !== null ? Math.min(Math.max(0, principalOut - limit), principalOut - periods - pastDuePrincipal) : 0
  const ordinary = principalOut - periods - pastDuePrincipal - overLimit
  b.parts = { costs: allCosts, periods, pastDue: pastDuePrincipal, overLimit, ordinary }
  v.minimumPrinted = w.printed.get(b.statementDate) ?? null
  setMinimum(w, b)
}

function setMinimum(w: Walk, b: BillState): void {
  const p = b.parts!
  const v = b.view
  v.minimumRule = Math.min(v.total, p.costs + p.periods + p.pastDue + p.overLimit + Math.ceil((Math.max(0, p.ordinary) * w.terms.minimumPercent) / 100))
  v.minimum = Math.min(v.total, v.minimumPrinted ?? v.minimumRule)
}

/**
 * The interest at `rate` over days [from, to) on what was outstanding on a line each day (a payment
 * on a day counts from that day), told to the sink span by span so it lands in the months it covers.
 */
function interestOver(w: Walk, line: Line, from: number, to: number, rate: number): number {
  if (to <= from) return 0
  let out = line.amount
  const chunks = line.chunks ?? []
  let total = 0
  let day = from
  const span = (a: number, b: number, base: number) => {
    if (b <= a || base <= 0) return
    total += base * rate * (b - a)
    w.sink?.interest(a, b, base * rate)
  }
  for (let i = 0; i < chunks.length; i += 2) {
    const cDay = chunks[i]!
    const amount = chunks[i + 1]!
    // Paid on or before `from`: that day's interest is not owed.
    if (cDay <= from) {
      out -= amount
      continue
    }
    if (cDay >= to) break
    span(day, cDay, out)
    day = cDay
    out -= amount
  }
  span(day, to, out)
  return total
}

/** Judges bill `b` at the end of its grace: paid in full, minimum paid (revolving), or below the minimum (overdue). */
function judge(w: Walk, b: BillState): void {
  advance(w, b.e)
  b.judged = true
  skipPaid(w)
  const v = b.view
  let left = 0
  for (let i = Math.max(w.firstOpen, w.base); i <= b.index; i++) left += billOutstanding(billAt(w, i))
  const r = w.terms.revolvingDailyRate
  if (left === 0 || v.total === 0) {
    v.status = 'paidInFull'
    dropChunks(b)
    return
  }
  // Revolving: what was unpaid after the due day bears interest from the day after it (the grace
  // days included, now that the bill was not paid in full), and the purchases for the days before
  // by the account's method.
  let retro = 0
  const dueNext = b.d + 1
  const lines = [...b.costs, ...b.periods, ...b.purchases]
  for (const l of lines) {
    if (l.bearing) continue
    retro += interestOver(w, l, dueNext, b.e, r)
    if (l.kind === 'purchase') {
      if (w.terms.revolvingMethod === 'fullFromPosting') retro += interestOver(w, l, l.post, dueNext, r)
      else if (w.terms.revolvingMethod === 'unpaidFromPosting' && outstandingOf(l) > 0 && dueNext > l.post) {
        retro += outstandingOf(l) * (dueNext - l.post) * r
        w.sink?.interest(l.post, dueNext, outstandingOf(l) * r)
      }
    }
    const out = outstandingOf(l)
    if (out > 0) {
      l.bearing = true
      w.bearingOut += out
    }
  }
  for (let i = Math.max(w.firstOpen, w.base); i < b.index; i++) {
    const older = billAt(w, i)
    for (const l of [...older.costs, ...older.periods, ...older.purchases]) {
      if (l.bearing || outstandingOf(l) === 0) continue
      // Unpaid lines of an earlier bill that was paid in full cannot exist; this covers bills judged in the same walk step.
      l.bearing = true
      w.bearingOut += outstandingOf(l)
    }
  }
  if (retro > 0) {
    w.accrued += retro
    w.interestCharged += retro
  }
  dropChunks(b)
  if (v.paidInWindow >= v.minimum) {
    v.status = 'minimumPaid'
    return
  }
  v.status = 'belowMinimum'
  const short = v.minimum - v.paidInWindow
  const fee = roundFen((short * w.terms.lateFeePercent) / 100)
  if (fee > 0) {
    v.lateFee = fee
    w.lateFees += fee
    w.feesCharged += fee
    w.sink?.fee(b.e, fee)
    addLine(w, 'lateFee', -1, Math.max(billIndexOfOrder(fromDayNumber(b.e), w.cal), w.lastPosted + 1), b.e, fee)
  }
  w.late.push({ accountId: w.account.id, dueDate: b.dueDate, shortfall: short, records: orderRefs(w, b) })
}

function dropChunks(b: BillState): void {
  for (const l of b.costs) l.chunks = null
  for (const l of b.periods) l.chunks = null
  for (const l of b.purchases) l.chunks = null
}

function orderRefs(w: Walk, b: BillState): { type: 'order'; id: string }[] {
  const ids = new Set<string>()
  for (const l of [...b.periods, ...b.purchases, ...b.costs]) {
    const owner = l.owner >= 0 ? w.owners[l.owner] : undefined
    if (owner?.order) ids.add(owner.order.id)
  }
  return [...ids].map((id) => ({ type: 'order', id }))
}

/** Turns part of a bill's purchases into a 账单分期 plan. Returns an i18n key when it does not fit. */
function convert(w: Walk, plan: BillInstalment, ownerIndex: number, day: number): string | null {
  const p = dayNumber(plan.statementDate)
  const index = billIndexOfOrder(plan.statementDate, w.cal) - 1
  if (index < w.base || statementDateOfIndex(index, w.cal) !== plan.statementDate) return 'validation.billInstalment.noSuchBill'
  const b = billAt(w, index)
  if (!b.posted || day < p || day >= b.e) return 'validation.billInstalment.window'
  let room = 0
  for (const l of b.purchases) room += outstandingOf(l)
  if (plan.amount > room) return 'validation.billInstalment.tooLarge'
  let left = plan.amount
  for (const l of b.purchases) {
    if (left <= 0) break
    const part = Math.min(left, outstandingOf(l))
    l.converted += part
    b.outstanding -= part
    // Gone from the start, as far as revolving interest is concerned.
    if (l.chunks) l.chunks.unshift(l.post, part)
    else l.chunks = [l.post, part]
    left -= part
  }
  b.view.converted += plan.amount
  b.view.total -= plan.amount
  if (b.parts) {
    b.parts.ordinary -= plan.amount
    setMinimum(w, b)
  }
  const principal = splitFen(plan.amount, plan.count)
  const fee = roundFen(plan.amount * plan.feeRate)
  for (let k = 0; k < plan.count; k++) {
    const target = billAt(w, index + 1 + k)
    if (fee > 0) addLine(w, 'fee', ownerIndex, target.index, target.s, fee)
    addLine(w, 'principal', ownerIndex, target.index, target.s, principal[k]!)
  }
  return null
}

/** The bill number each 分期 period of an order lands on: one period on each bill from the order's own. */
export function planBillIndices(order: Pick<Order, 'orderDate' | 'dueDate' | 'instalmentCount'>, cal: CycleCalendar): number[] {
  const first = billIndexOfDueDate(order.dueDate, cal) ?? billIndexOfOrder(order.orderDate, cal)
  return Array.from({ length: order.instalmentCount }, (_, k) => first + k)
}

export interface StatementInput {
  account: StatementAccount
  /** The account's orders (others are skipped). */
  orders: readonly Order[]
  /** The account's repayments, statement and order-targeted (others are skipped). */
  repayments: readonly Repayment[]
  billInstalments: readonly BillInstalment[]
  billFigures: readonly BillFigure[]
}

interface Action {
  day: number
  /** 0 a 账单分期, 1 a repayment: plans set up on a day come before that day's payments. */
  rank: number
  seq: number
  rep?: Repayment
  plan?: BillInstalment
  owner?: number
}

/** Walks a statement account's history to `asOf` (the module header states the model). */
export function walkStatement(input: StatementInput, asOf: IsoDate, context: { sink?: CostSink; detail?: boolean } = {}): StatementWalk {
  const { account } = input
  const cal: CycleCalendar = { statementDay: account.statementDay!, dueDay: account.dueDay! }
  const asOfDay = dayNumber(asOf)
  const orders = input.orders.filter((o) => o.accountId === account.id && (o.status === 'unpaid' || o.status === 'paid') && o.orderDate <= asOf)
  const plans = input.billInstalments.filter((p) => p.accountId === account.id && p.date <= asOf)
  const reps = input.repayments.filter((r) => r.accountId === account.id && r.date <= asOf && (r.targetType === 'statement' || r.targetType === 'order'))

  // The first bill: the earliest date of anything (dates compare as strings, so only the earliest
  // of each kind is turned into a bill number; a due date's bill is never before its order's).
  let first = asOf
  for (const o of orders) if (o.orderDate < first) first = o.orderDate
  for (const r of reps) if (r.date < first) first = r.date
  let firstDue: IsoDate | null = null
  for (const o of orders) if (firstDue === null || o.dueDate < firstDue) firstDue = o.dueDate
  let base = billIndexOfOrder(first, cal) - 1
  if (firstDue !== null) base = Math.min(base, billIndexOfDueDate(firstDue, cal) ?? base)
  for (const p of plans) base = Math.min(base, billIndexOfOrder(p.statementDate, cal) - 1)
  const printed = new Map<string, Fen | null>()
  for (const f of input.billFigures) if (f.accountId === account.id) printed.set(f.statementDate, f.minimum)

  const w: Walk = {
    account,
    terms: account.statementTerms,
    cal,
    base,
    bills: [],
    owners: [],
    accrued: 0,
    bearingOut: 0,
    lastPosted: base - 1,
    firstOpen: base,
    interestPaid: 0,
    feesPaid: 0,
    interestCharged: 0,
    feesCharged: 0,
    lateFees: 0,
    late: [],
    sink: context.sink,
    at: Number.NEGATIVE_INFINITY,
    flows: { amounts: [], days: [] },
    printed
  }

  // Lines of every order: a purchase on its cycle's bill, or one 分期 period on each bill from its own.
  const ownerOfOrder = new Map<string, number>()
  const marked: Line[] = []
  // Orders share a few hundred dates: each date's day number and bill is worked out once.
  const dayOf = new Map<string, number>()
  const dayNumberOf = (date: IsoDate) => {
    let d = dayOf.get(date)
    if (d === undefined) dayOf.set(date, (d = dayNumber(date)))
    return d
  }
  const billOf = new Map<string, number>()
  const purchaseBill = (o: Order) => {
    const key = `${o.dueDate}|${o.orderDate}`
    let b = billOf.get(key)
    if (b === undefined) billOf.set(key, (b = billIndexOfDueDate(o.dueDate, cal) ?? billIndexOfOrder(o.orderDate, cal)))
    return b
  }
  let sorted = true
  for (let i = 1; i < orders.length && sorted; i++) sorted = orders[i - 1]!.orderDate <= orders[i]!.orderDate
  for (const o of sorted ? orders : [...orders].sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0))) {
    const ownerIndex = w.owners.push({ order: o, plan: null, lines: [] }) - 1
    ownerOfOrder.set(o.id, ownerIndex)
    const postDay = dayNumberOf(o.orderDate)
    w.flows.amounts.push(o.amount)
    w.flows.days.push(postDay)
    w.sink?.principal(postDay, o.amount)
    if (o.instalmentCount <= 1) {
      const bill = purchaseBill(o)
      addLine(w, 'purchase', ownerIndex, bill, postDay, o.amount)
      billAt(w, bill).view.orderIds.push(o.id)
    } else {
      const principal = splitFen(o.amount, o.instalmentCount)
      const fee = roundFen(o.amount * o.instalmentFeeRate)
      const indices = planBillIndices(o, cal)
      for (let k = 0; k < indices.length; k++) {
        const b = billAt(w, indices[k]!)
        if (fee > 0) addLine(w, 'fee', ownerIndex, b.index, b.s, fee)
        addLine(w, 'principal', ownerIndex, b.index, b.s, principal[k]!)
        b.view.orderIds.push(o.id)
      }
    }
    if (o.status === 'paid') for (const l of w.owners[ownerIndex]!.lines) marked.push(l)
  }
  // Bills up to the one after the as-of day exist, so the next bill can be shown.
  billAt(w, billIndexOfOrder(asOf, cal))

  const actions: Action[] = []
  let seq = 0
  for (const p of plans) actions.push({ day: dayNumber(p.date), rank: 0, seq: seq++, plan: p })
  for (const r of reps) actions.push({ day: dayNumber(r.date), rank: 1, seq: seq++, rep: r })
  actions.sort((a, b) => a.day - b.day || a.rank - b.rank || a.seq - b.seq)

  let overpaid: Repayment | null = null
  let badInstalment: StatementWalk['badInstalment'] = null
  let nextPost = base
  let nextJudge = base
  w.at = w.bills[0]?.s ?? asOfDay
  /** Issues and judges every bill whose day comes before `day` (or on it: a bill is issued and judged at the start of its day). */
  const calendarTo = (day: number) => {
    for (;;) {
      const p = nextPost - base < w.bills.length ? billAt(w, nextPost) : null
      const j = nextJudge < nextPost ? billAt(w, nextJudge) : null
      const pDay = p ? p.s : Number.POSITIVE_INFINITY
      const jDay = j ? j.e : Number.POSITIVE_INFINITY
      if (Math.min(pDay, jDay) > day) return
      if (jDay <= pDay) {
        settleMarked(w, marked, j!.d, j!.index)
        judge(w, j!)
        nextJudge++
      } else {
        post(w, p!)
        nextPost++
      }
    }
  }
  for (const a of actions) {
    calendarTo(a.day)
    advance(w, a.day)
    if (a.plan) {
      const ownerIndex = w.owners.push({ order: null, plan: a.plan, lines: [] }) - 1
      const problem = convert(w, a.plan, ownerIndex, a.day)
      if (problem && !badInstalment) badInstalment = { record: a.plan, message: problem }
      continue
    }
    const rep = a.rep!
    const named = rep.targetType === 'statement' && rep.bill !== undefined ? billIndexOfOrder(rep.bill, cal) - 1 : null
    const ownerIndex = rep.targetType === 'order' ? (ownerOfOrder.get(rep.targetId) ?? -2) : -1
    const left = ownerIndex === -2 ? rep.amount : payCash(w, rep.amount, a.day, ownerIndex, named)
    if (left > 0 && overpaid === null) overpaid = rep
  }
  calendarTo(asOfDay)
  advance(w, asOfDay)
  // Orders marked paid: whatever of them is still unpaid was paid outside the ledger, by today.
  settleMarked(w, marked, asOfDay, Number.MAX_SAFE_INTEGER)
  return summarise(w, asOf, asOfDay, ownerOfOrder, overpaid, badInstalment, context.detail === true)
}

/** Orders marked paid: their lines on bills up to `upTo` are taken as paid on `day` (cash the ledger was not told about). */
function settleMarked(w: Walk, marked: Line[], day: number, upTo: number): void {
  if (marked.length === 0) return
  let total = 0
  for (const l of marked) if (l.bill <= upTo && l.post <= day) total += Math.max(0, outstandingOf(l))
  if (total <= 0) return
  countCash(w, total, day)
  for (const l of marked) if (l.bill <= upTo && l.post <= day) payLine(w, l, outstandingOf(l), day)
}

function summarise(w: Walk, asOf: IsoDate, asOfDay: number, ownerOfOrder: Map<string, number>, overpaid: Repayment | null, badInstalment: StatementWalk['badInstalment'], detail: boolean): StatementWalk {
  const bills: Bill[] = []
  let principalOutstanding = 0
  let owedLines = 0
  let projected = 0
  let feesCharged = w.feesCharged
  for (const b of w.bills) {
    for (const l of b.costs) {
      owedLines += outstandingOf(l)
      if (l.kind === 'fee') {
        if (b.posted) feesCharged += l.amount
        else projected += l.amount - l.paid
      }
    }
    for (const l of [...b.periods, ...b.purchases]) {
      const out = outstandingOf(l)
      owedLines += out
      principalOutstanding += out
    }
  }
  // Fees paid ahead of their bill count as charged when paid.
  for (const b of w.bills) if (!b.posted) for (const l of b.costs) if (l.kind === 'fee') feesCharged += l.paid
  const accrued = Math.max(0, roundFen(w.accrued))
  const payableNow = payable(w, asOfDay)

  // Each bill's view as of today, and what still clears it.
  let running = 0
  for (let i = 0; i < w.bills.length; i++) {
    const b = w.bills[i]!
    running += billOutstanding(b)
    const v = b.view
    // A judged bill: what was paid in its window (statement day to the end of its grace); an open one: so far.
    v.paidSinceStatement = !b.posted ? 0 : b.judged ? v.paidInWindow : b.cashSince
    if (b.posted) {
      v.outstanding = running
      if (v.status === 'belowMinimum') v.pastDue = Math.max(0, v.minimum - b.cashSince)
      else v.status = b.judged ? v.status : 'open'
      if (v.total > 0 || v.paidInWindow > 0) bills.push(v)
    }
  }
  const next = w.bills.find((b) => !b.posted)
  let nextLater = 0
  let interestToCome = 0
  if (next) {
    const v = next.view
    let purchases = 0
    let periods = 0
    let fees = 0
    for (const l of next.purchases) if (l.post <= asOfDay) purchases += outstandingOf(l)
    for (const l of next.periods) periods += outstandingOf(l)
    for (const l of next.costs) {
      if (l.kind === 'fee') periods += outstandingOf(l)
      else if (l.post <= asOfDay) fees += outstandingOf(l)
    }
    // 分期 periods are not payable before the bill is issued.
    nextLater = periods
    interestToCome = roundFen(w.bearingOut * w.terms.revolvingDailyRate * Math.max(0, next.s - asOfDay))
    // Carried: what revolves from bills already past their grace; a bill not yet due is its own item.
    let carried = 0
    for (const b of w.bills) if (b.posted && b.judged) carried += billOutstanding(b)
    v.purchases = purchases
    v.periods = periods
    v.fees = fees
    v.interest = accrued + interestToCome
    v.carried = carried
    v.total = carried + purchases + periods + fees + v.interest
    v.outstanding = payableNow
    if (v.total > 0) bills.push(v)
  }

  // Dues, one account's items in the order money clears them, each item's amount what it adds:
  // an overdue bill (what is short of its minimum), each issued bill not yet past its grace, and
  // the next bill (an estimate until it is issued). What clears an item is everything up to it.
  const dues: StatementDue[] = []
  const latestJudged = [...w.bills].reverse().find((b) => b.judged)
  let covered = 0
  if (latestJudged && latestJudged.view.status === 'belowMinimum' && latestJudged.view.pastDue > 0) {
    const v = latestJudged.view
    covered = v.pastDue
    dues.push({ kind: 'bill', bill: v, dueDate: v.dueDate, amount: v.pastDue, clearAmount: v.pastDue, overdue: { days: asOfDay - latestJudged.d, penalty: v.lateFee } })
  }
  for (const b of w.bills) {
    if (!b.posted || b.judged) continue
    const v = b.view
    if (v.outstanding <= covered) continue
    dues.push({ kind: 'bill', bill: v, dueDate: v.dueDate, amount: v.outstanding - covered, clearAmount: v.outstanding, overdue: null })
    covered = v.outstanding
  }
  if (next) {
    const amount = payableNow - covered + nextLater + interestToCome
    // Paying everything payable today clears it, unless 分期 periods still to be billed are on it:
    // those cannot be paid before the bill is issued, so nothing today clears it.
    const clearAmount = nextLater === 0 && payableNow > 0 ? payableNow : null
    if (amount > 0) dues.push({ kind: 'bill', bill: next.view, dueDate: next.view.dueDate, amount, clearAmount, overdue: null })
  }

  // Revolving: what bears interest now (since the oldest bill still holding such a line), and what it runs up by the next statement day.
  let revolving: Revolving | null = null
  if (w.bearingOut > 0 && next) {
    const bearing = (lines: readonly Line[]) => lines.some((l) => l.bearing && outstandingOf(l) > 0)
    const since = w.bills.find((b) => b.outstanding > 0 && (bearing(b.costs) || bearing(b.periods) || bearing(b.purchases)))
    revolving = {
      since: since?.dueDate ?? asOf,
      amount: w.bearingOut,
      dailyRate: w.terms.revolvingDailyRate,
      accrued,
      nextStatementDate: next.statementDate,
      byNextStatement: roundFen(w.accrued) + interestToCome
    }
  }

  const orders = new Map<string, StatementOrder>()
  for (const [id, index] of ownerOfOrder) {
    const owner = w.owners[index]!
    let owed = 0
    let paid = 0
    let principal = 0
    let feesPaid = 0
    let feesToCome = 0
    for (const l of owner.lines) {
      owed += outstandingOf(l)
      paid += l.paid
      if (l.kind === 'fee') {
        feesPaid += l.paid
        feesToCome += outstandingOf(l)
      } else principal += outstandingOf(l)
    }
    orders.set(id, { owed, paid, principalOutstanding: principal, feesPaid, feesToCome })
  }
  const plans = new Map<string, PeriodRow[]>()
  for (const owner of detail ? w.owners : []) {
    const id = owner.plan?.id ?? (owner.order && owner.order.instalmentCount > 1 ? owner.order.id : null)
    if (id === null) continue
    const byBill = new Map<number, { fee: Line | null; principal: Line | null }>()
    for (const l of owner.lines) {
      const entry = byBill.get(l.bill) ?? { fee: null, principal: null }
      if (l.kind === 'fee') entry.fee = l
      else entry.principal = l
      byBill.set(l.bill, entry)
    }
    const rows: PeriodRow[] = []
    for (const [index, parts] of [...byBill].sort((a, b) => a[0] - b[0])) {
      const b = billAt(w, index)
      const fee = parts.fee?.amount ?? 0
      const principal = parts.principal?.amount ?? 0
      const paid = (parts.fee?.paid ?? 0) + (parts.principal?.paid ?? 0)
      const payment = fee + principal
      const status: PeriodRow['status'] =
        paid >= payment ? 'paid' : b.judged ? (b.view.status === 'belowMinimum' && b.view.pastDue > 0 ? 'overdue' : paid > 0 ? 'partlyPaid' : 'due') : b.posted ? 'due' : paid > 0 ? 'partlyPaid' : 'upcoming'
      rows.push({ index: rows.length + 1, dueDate: b.dueDate, principal, interest: 0, fee, payment, paid, penalty: 0, penaltyPaid: 0, status, paidOn: null })
    }
    plans.set(id, rows)
  }
  // Still to pay, for the real APR: what is payable now today, 分期 periods on their bills' due days.
  if (payableNow > 0) {
    w.flows.amounts.push(-payableNow)
    w.flows.days.push(asOfDay)
  }
  for (const b of w.bills) {
    if (b.posted) continue
    let later = 0
    for (const l of [...b.costs, ...b.periods]) if (l.post > asOfDay) later += outstandingOf(l)
    if (later > 0) {
      w.flows.amounts.push(-later)
      w.flows.days.push(b.d)
    }
  }
  const interestToDate = roundFen(w.interestCharged)
  return {
    accountId: w.account.id,
    bills,
    payableNow,
    owed: owedLines + accrued,
    principalOutstanding,
    interestPaid: w.interestPaid,
    feesPaid: w.feesPaid,
    interestToDate,
    feesToDate: feesCharged,
    lateFeesToDate: w.lateFees,
    projected,
    orders,
    plans,
    dues,
    revolving,
    late: w.late,
    overpaid,
    badInstalment,
    flows: w.flows
  }
}
