// Owns what a pay-later order on an account without bills (芝麻先用后付, 京东先享后付, and orders on 'other' accounts) owes and costs: paid on the order itself, one payment or a 分期 plan, with an estimated overdue penalty.
//
// The model, and why:
// - The order owes its amount (a 分期 plan: each period's principal plus the fee on the original
//   amount) on its due date(s). Its own repayments pay the periods oldest first, fee before
//   principal; more than the whole plan is an overpayment, which the store refuses.
// - Past a due date, what is unpaid accrues a penalty at overdueDailyRate (0.05% a day) x the
//   account's multiplier. The platform decides its own fee (PRODUCT: "late payment hurts 芝麻分
//   and may cost a fee"), so the penalty is an ESTIMATE shown beside what is owed, never part of
//   what the ledger takes to clear the order.
// - A due date that passed without full payment is a late event, as for any loan.
import { dayNumber, fromDayNumber, monthlyDueDates, type IsoDate } from '../calendar'
import { billIndexOfDueDate, billIndexOfOrder, dueDateForStatement, statementDateOfIndex } from '../due-dates'
import { roundFen, type Fen } from '../money'
import { STATEMENT_KINDS, type Account, type Order, type Repayment } from '../records'
import { aprOfSchedule } from './apr'
import { DEFAULT_OVERDUE_DAILY_RATE, type CostOptions } from './loan'
import { naiveRate, planPeriods, scheduleOf } from './schedule'
import type { CostSink, DatedFlows, LateEvent, OrderCost, PeriodRow, SchedulePeriod } from './types'

/** The account fields an order's plan and penalty depend on. */
export type OrderAccount = Pick<Account, 'penaltyMultiplier' | 'kind' | 'statementDay' | 'dueDay'>

/**
 * The due dates of an order's instalments: on a statement account one period on each bill from the
 * order's own (each the bill's due date, so a due day of 31 is February's last day in February and
 * the 31st again in March); elsewhere the same day each month from its due date.
 */
export function instalmentDueDates(order: Pick<Order, 'orderDate' | 'dueDate' | 'instalmentCount'>, account: Pick<Account, 'kind' | 'statementDay' | 'dueDay'> | undefined): IsoDate[] {
  if (account && STATEMENT_KINDS.includes(account.kind) && account.statementDay !== null && account.dueDay !== null) {
    const cal = { statementDay: account.statementDay, dueDay: account.dueDay }
    const first = billIndexOfDueDate(order.dueDate, cal) ?? billIndexOfOrder(order.orderDate, cal)
    return Array.from({ length: order.instalmentCount }, (_, k) => dueDateForStatement(statementDateOfIndex(first + k, cal), cal.statementDay, cal.dueDay))
  }
  return monthlyDueDates(order.dueDate, order.instalmentCount)
}

/** An instalment order's 分期 plan: its schedule from the order date, the fee on the original amount, dated by instalmentDueDates. */
export function orderPlan(order: Pick<Order, 'amount' | 'instalmentFeeRate' | 'orderDate' | 'dueDate' | 'instalmentCount'>, account: Pick<Account, 'kind' | 'statementDay' | 'dueDay'> | undefined): SchedulePeriod[] {
  return planPeriods({
    principal: order.amount,
    method: 'feeInstalment',
    rateUnit: 'monthlyFee',
    rate: order.instalmentFeeRate,
    startDate: order.orderDate,
    dueDates: instalmentDueDates(order, account)
  })
}

/** The order's total: its amount, plus every 分期 fee. */
export function orderTotal(order: Pick<Order, 'amount' | 'instalmentCount' | 'instalmentFeeRate'>): Fen {
  if (order.instalmentCount <= 1) return order.amount
  return order.amount + roundFen(order.amount * order.instalmentFeeRate) * order.instalmentCount
}

export interface PayLaterDue {
  kind: 'order' | 'orderInstalment'
  dueDate: IsoDate
  amount: Fen
  clearAmount: Fen | null
  period: { index: number; count: number } | null
  overdue: { days: number; penalty: Fen } | null
}

export interface PayLaterWalk {
  cost: OrderCost
  repaid: Fen
  feesToDate: Fen
  penaltyToDate: Fen
  projected: Fen
  principalOutstanding: Fen
  rows: PeriodRow[]
  dues: PayLaterDue[]
  late: LateEvent[]
  overpaid: Repayment | null
  flows: DatedFlows
  /** Day number of its last due date: past it, a paid order's figures no longer change with the as-of day. */
  finalDueDay: number
}

/** Walks one pay-later order on an account without bills to `asOf` (the module header states the model). */
export function walkPayLater(order: Order, repayments: readonly Repayment[], account: OrderAccount, asOf: IsoDate, options: CostOptions = {}, context: { sink?: CostSink } = {}): PayLaterWalk {
  const sink = context.sink
  const asOfDay = dayNumber(asOf)
  const open = order.status === 'unpaid' || order.status === 'paid'
  const instalment = order.instalmentCount > 1
  const plan: SchedulePeriod[] = instalment
    ? orderPlan(order, account)
    : [{ index: 1, dueDate: order.dueDate, days: 0, principal: order.amount, interest: 0, fee: 0, payment: order.amount, balanceAfter: 0 }]
  const apr = instalment ? aprOfSchedule(order.amount, scheduleOf(plan, 0, false)) : null
  const naive = instalment ? naiveRate({ rate: order.instalmentFeeRate, rateUnit: 'monthlyFee' }) : null
  const flows: DatedFlows = { amounts: [], days: [] }
  let finalDueDay = Number.NEGATIVE_INFINITY
  for (const p of plan) finalDueDay = Math.max(finalDueDay, dayNumber(p.dueDate))
  const empty: PayLaterWalk = {
    cost: { feesPaid: 0, feesToCome: 0, owed: 0, paid: 0, principalOutstanding: 0, status: open ? 'unpaid' : order.status, overdue: null, apr, naiveRate: naive },
    repaid: 0,
    feesToDate: 0,
    penaltyToDate: 0,
    projected: 0,
    principalOutstanding: 0,
    rows: [],
    dues: [],
    late: [],
    overpaid: null,
    flows,
    finalDueDay
  }
  if (!open || order.orderDate > asOf) return empty

  const orderDay = dayNumber(order.orderDate)
  const dueDays = plan.map((p) => dayNumber(p.dueDate))
  const paidFee = plan.map(() => 0)
  const paidPrincipal = plan.map(() => 0)
  const paidDay = plan.map(() => -1)
  // Fees paid before their due date are charged when paid; the rest on the due date.
  const paidAhead = plan.map(() => 0)
  const rate = (options.overdueDailyRate ?? DEFAULT_OVERDUE_DAILY_RATE) * account.penaltyMultiplier
  const late: LateEvent[] = []
  const passed = plan.map(() => false)
  let penalty = 0
  // The penalty is an estimate of what is still unpaid: once the order is paid it is not counted,
  // so its spans reach the monthly chart only if something is still owed at the end.
  const penaltySpans: number[] = []
  let at = orderDay
  let repaid = 0
  let overpaid: Repayment | null = null
  flows.amounts.push(order.amount)
  flows.days.push(orderDay)
  sink?.principal(orderDay, order.amount)

  const unpaid = (k: number) => plan[k]!.fee - paidFee[k]! + plan[k]!.principal - paidPrincipal[k]!
  const advance = (to: number) => {
    for (let k = 0; k < plan.length; k++) {
      const due = dueDays[k]!
      if (due >= to) break
      if (!passed[k]) {
        passed[k] = true
        if (unpaid(k) > 0) late.push({ accountId: order.accountId, dueDate: plan[k]!.dueDate, shortfall: unpaid(k), records: [{ type: 'order', id: order.id }] })
      }
      const start = Math.max(at, due)
      if (to > start && unpaid(k) > 0 && rate > 0) {
        penalty += unpaid(k) * rate * (to - start)
        penaltySpans.push(start, to, unpaid(k) * rate)
      }
    }
    at = Math.max(at, to)
  }

  const own = repayments.filter((r) => r.targetType === 'order' && r.targetId === order.id && r.date <= asOf)
  own.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  for (const r of own) {
    const day = dayNumber(r.date)
    advance(day)
    flows.amounts.push(-r.amount)
    flows.days.push(day)
    let money = r.amount
    for (let k = 0; k < plan.length && money > 0; k++) {
      const fee = Math.min(money, plan[k]!.fee - paidFee[k]!)
      if (fee > 0) {
        paidFee[k] = paidFee[k]! + fee
        money -= fee
        // A fee paid ahead of its due date is charged when paid.
        if (dueDays[k]! > day) {
          paidAhead[k] = paidAhead[k]! + fee
          sink?.fee(day, fee)
        }
      }
      const principal = Math.min(money, plan[k]!.principal - paidPrincipal[k]!)
      if (principal > 0) {
        paidPrincipal[k] = paidPrincipal[k]! + principal
        money -= principal
        sink?.principal(day, -principal)
      }
      if (paidDay[k]! < 0 && unpaid(k) === 0) paidDay[k] = day
    }
    repaid += r.amount - money
    if (money > 0 && overpaid === null) overpaid = r
  }
  advance(asOfDay)
  // Marked paid: whatever is unpaid was paid outside the ledger, on its due date (or today if sooner).
  if (order.status === 'paid')
    for (let k = 0; k < plan.length; k++) {
      const rest = unpaid(k)
      if (rest <= 0) continue
      const day = Math.min(dueDays[k]!, asOfDay)
      flows.amounts.push(-rest)
      flows.days.push(day)
      if (dueDays[k]! > asOfDay) {
        paidAhead[k] = paidAhead[k]! + plan[k]!.fee - paidFee[k]!
        sink?.fee(day, plan[k]!.fee - paidFee[k]!)
      }
      sink?.principal(day, -(plan[k]!.principal - paidPrincipal[k]!))
      paidFee[k] = plan[k]!.fee
      paidPrincipal[k] = plan[k]!.principal
      paidDay[k] = day
    }

  let owed = 0
  let feesPaid = 0
  let feesToCome = 0
  let feesToDate = 0
  let principalOutstanding = 0
  let since = -1
  let arrears = 0
  const rows: PeriodRow[] = []
  for (let k = 0; k < plan.length; k++) {
    const p = plan[k]!
    owed += unpaid(k)
    feesPaid += paidFee[k]!
    feesToCome += p.fee - paidFee[k]!
    const charged = dueDays[k]! <= asOfDay ? p.fee : paidFee[k]!
    feesToDate += charged
    if (dueDays[k]! <= asOfDay && p.fee > paidAhead[k]!) sink?.fee(dueDays[k]!, p.fee - paidAhead[k]!)
    principalOutstanding += p.principal - paidPrincipal[k]!
    if (dueDays[k]! < asOfDay && unpaid(k) > 0) {
      arrears += unpaid(k)
      if (since < 0) since = k
    }
    const paid = paidFee[k]! + paidPrincipal[k]!
    rows.push({
      index: k + 1,
      dueDate: p.dueDate,
      principal: p.principal,
      interest: 0,
      fee: p.fee,
      payment: p.payment,
      paid,
      penalty: 0,
      penaltyPaid: 0,
      status: paid >= p.payment ? 'paid' : dueDays[k]! < asOfDay ? 'overdue' : dueDays[k]! === asOfDay ? 'due' : paid > 0 ? 'partlyPaid' : 'upcoming',
      paidOn: paidDay[k]! >= 0 ? fromDayNumber(paidDay[k]!) : null
    })
  }
  const penaltyFen = owed > 0 ? roundFen(penalty) : 0
  if (penaltyFen > 0 && sink) for (let i = 0; i < penaltySpans.length; i += 3) sink.penalty(penaltySpans[i]!, penaltySpans[i + 1]!, penaltySpans[i + 2]!)
  const overdue = since >= 0 ? { since: plan[since]!.dueDate, days: asOfDay - dueDays[since]!, penaltyAccrued: penaltyFen } : null
  if (owed > 0) {
    // Still to pay: what is overdue today, the rest on its due dates.
    if (arrears > 0) {
      flows.amounts.push(-(arrears + penaltyFen))
      flows.days.push(asOfDay)
    }
    for (let k = 0; k < plan.length; k++)
      if (dueDays[k]! >= asOfDay && unpaid(k) > 0) {
        flows.amounts.push(-unpaid(k))
        flows.days.push(dueDays[k]!)
      }
  }
  const dues: PayLaterDue[] = []
  if (owed > 0) {
    if (!instalment) dues.push({ kind: 'order', dueDate: order.dueDate, amount: owed, clearAmount: owed, period: null, overdue: overdue ? { days: overdue.days, penalty: penaltyFen } : null })
    else {
      if (overdue) dues.push({ kind: 'orderInstalment', dueDate: overdue.since, amount: arrears, clearAmount: arrears, period: null, overdue: { days: overdue.days, penalty: penaltyFen } })
      let running = arrears
      for (let k = 0; k < plan.length; k++) {
        if (dueDays[k]! < asOfDay || unpaid(k) <= 0) continue
        running += unpaid(k)
        dues.push({ kind: 'orderInstalment', dueDate: plan[k]!.dueDate, amount: unpaid(k), clearAmount: running, period: { index: k + 1, count: plan.length }, overdue: null })
      }
    }
  }
  return {
    cost: { feesPaid, feesToCome, owed, paid: repaid, principalOutstanding, status: owed === 0 ? 'paid' : repaid > 0 ? 'partlyPaid' : 'unpaid', overdue, apr, naiveRate: naive },
    repaid,
    feesToDate,
    penaltyToDate: penaltyFen,
    projected: feesToCome - (feesToDate - feesPaid),
    principalOutstanding,
    rows: instalment ? rows : [],
    dues,
    late,
    overpaid,
    flows,
    finalDueDay
  }
}
