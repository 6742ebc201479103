// Owns the late-payment history toward 连三累六 (BANK): every due date of a reporting draw or order that passed without full payment, and the rule that counts them over 24 months.
//
// What counts as late, and why:
// - A draw's instalment is late when what was repaid by the end of its due date is less than the
//   schedule's payments due so far (never more than was owed that day, so paying ahead or a
//   lender's rounding is never late): the cost engine's own reading of arrears. 随借随还 is due at
//   the end of its term, so it is late only if not cleared by then.
// - A statement account (花呗, 分付, credit card) is late on a due date when everything paid to the
//   account by then is less than everything due by then: bills are paid as a whole, earliest first,
//   as owed.ts spreads them. A per-order product is late order by order.
// - Orders marked paid without repayments are taken as paid on time (their date is unknown).
// - A shortfall of at most lateToleranceYuan (default ¥10) is not late: card issuers forgive small
//   underpayments (容差), and a fen of rounding between the ledger and a lender is not a late payment.
// - Only accounts that may report count (mayReport): 连三累六 is read off the 征信 report.
// - The report marks each account once a month, so lateness is counted in account-months: two
//   late orders on one 花呗 bill are one late month. 连三 is the longest run of consecutive late
//   months on one account; 累六 the number of late account-months in the window.
import { addMonths, monthOf, type IsoDate } from '../dates'
import { drawCost, offerOfDraw, orderPlan } from '../cost/actual'
import { buildSchedule } from '../cost/schedule'
import type { Fen } from '../money'
import { orderTotal } from '../owed'
import { STATEMENT_KINDS, type Account, type Order, type Repayment } from '../records'
import { leavesMonthsWindowOn, mayReport } from './context'
import { bi, listOf, money, names, nOf } from './text'
import type { RecordRef, RiskFlag, RiskInput } from './types'

export interface LateEvent {
  accountId: string
  dueDate: IsoDate
  /** What was still unpaid at the end of the due date. */
  shortfall: Fen
  records: RecordRef[]
}

function byDate(a: { date: IsoDate }, b: { date: IsoDate }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}

/** The due dates and amounts of an order: one payment, or its 分期 plan (the cost engine's). */
function orderDues(order: Order, account: Account | undefined): { date: IsoDate; amount: Fen }[] {
  if (order.instalmentCount <= 1) return [{ date: order.dueDate, amount: orderTotal(order) }]
  return orderPlan(order, account).map((p) => ({ date: p.dueDate, amount: p.payment }))
}

type Input = Pick<RiskInput, 'ledger' | 'accountById' | 'today' | 'cost'> & { settings: Pick<RiskInput['settings'], 'lateToleranceYuan'> }

function drawEvents(input: Input, from: IsoDate, out: LateEvent[]): void {
  const { today } = input
  const reps = new Map<string, Repayment[]>()
  for (const r of input.ledger.repayments) {
    if (r.targetType !== 'draw' || r.date > today) continue
    const list = reps.get(r.targetId)
    if (list) list.push(r)
    else reps.set(r.targetId, [r])
  }
  for (const draw of input.ledger.draws) {
    const account = input.accountById.get(draw.accountId)
    if (!account || !mayReport(account) || draw.drawDate > today) continue
    const lastDue = addMonths(draw.firstDueDate, draw.termMonths - 1)
    if (lastDue < from || draw.firstDueDate >= today) continue
    const own = (reps.get(draw.id) ?? []).sort(byDate)
    const ref: RecordRef[] = [{ type: 'draw', id: draw.id }]
    if (draw.method === 'flexible') {
      if (lastDue >= today) continue
      // Cleared, with every repayment made by the due date: paid on time, no need to recompute.
      if (input.cost.draws.get(draw.id)?.cleared && own.every((r) => r.date <= lastDue)) continue
      const owed = drawCost(draw, own, account, lastDue).owedToday
      if (owed > 0) out.push({ accountId: draw.accountId, dueDate: lastDue, shortfall: owed, records: ref })
      continue
    }
    const periods = buildSchedule(offerOfDraw(draw)).periods
    let due = 0
    let paid = 0
    let j = 0
    for (const period of periods) {
      if (period.dueDate >= today) break
      due += period.payment
      while (j < own.length && own[j]!.date <= period.dueDate) paid += own[j++]!.amount
      if (period.dueDate < from || paid >= due) continue
      const owed = drawCost(draw, own, account, period.dueDate).owedToday
      const shortfall = Math.min(due - paid, owed)
      if (shortfall > 0) out.push({ accountId: draw.accountId, dueDate: period.dueDate, shortfall, records: ref })
    }
  }
}

function statementEvents(account: Account, orders: readonly Order[], repayments: readonly Repayment[], from: IsoDate, today: IsoDate, out: LateEvent[]): void {
  const dues: { date: IsoDate; amount: Fen; id: string }[] = []
  for (const o of orders) if (o.status === 'unpaid' && o.orderDate <= today) for (const d of orderDues(o, account)) if (d.date < today) dues.push({ ...d, id: o.id })
  if (dues.length === 0) return
  dues.sort(byDate)
  const open = new Set(orders.filter((o) => o.status === 'unpaid').map((o) => o.id))
  // Every payment to the account's bill, or to one of its open orders directly.
  const paid = repayments.filter((r) => r.date < today && (r.targetType === 'statement' || (r.targetType === 'order' && open.has(r.targetId)))).sort(byDate)
  let owedSoFar = 0
  let paidSoFar = 0
  let j = 0
  for (let i = 0; i < dues.length; ) {
    const date = dues[i]!.date
    const refs: RecordRef[] = []
    for (; i < dues.length && dues[i]!.date === date; i++) {
      owedSoFar += dues[i]!.amount
      refs.push({ type: 'order', id: dues[i]!.id })
    }
    while (j < paid.length && paid[j]!.date <= date) paidSoFar += paid[j++]!.amount
    if (date >= from && owedSoFar > paidSoFar) out.push({ accountId: account.id, dueDate: date, shortfall: owedSoFar - paidSoFar, records: refs })
  }
}

function perOrderEvents(account: Account, orders: readonly Order[], repayments: readonly Repayment[], from: IsoDate, today: IsoDate, out: LateEvent[]): void {
  const reps = new Map<string, Repayment[]>()
  for (const r of repayments) {
    if (r.targetType !== 'order' || r.date > today) continue
    const list = reps.get(r.targetId)
    if (list) list.push(r)
    else reps.set(r.targetId, [r])
  }
  for (const o of orders) {
    if (o.status !== 'unpaid' || o.orderDate > today || o.dueDate >= today) continue
    const own = (reps.get(o.id) ?? []).sort(byDate)
    let due = 0
    let paid = 0
    let j = 0
    for (const d of orderDues(o, account)) {
      if (d.date >= today) break
      due += d.amount
      while (j < own.length && own[j]!.date <= d.date) paid += own[j++]!.amount
      if (d.date >= from && paid < due) out.push({ accountId: o.accountId, dueDate: d.date, shortfall: due - paid, records: [{ type: 'order', id: o.id }] })
    }
  }
}

/** Every late due date from `from` up to yesterday on accounts that may report, oldest first. */
export function lateEvents(input: Input, from: IsoDate): LateEvent[] {
  const out: LateEvent[] = []
  drawEvents(input, from, out)
  const ordersBy = new Map<string, Order[]>()
  for (const o of input.ledger.orders) {
    const list = ordersBy.get(o.accountId)
    if (list) list.push(o)
    else ordersBy.set(o.accountId, [o])
  }
  const repaymentsBy = new Map<string, Repayment[]>()
  for (const r of input.ledger.repayments) {
    if (r.targetType === 'draw') continue
    const list = repaymentsBy.get(r.accountId)
    if (list) list.push(r)
    else repaymentsBy.set(r.accountId, [r])
  }
  for (const [accountId, orders] of ordersBy) {
    const account = input.accountById.get(accountId)
    if (!account || !mayReport(account)) continue
    const repayments = repaymentsBy.get(accountId) ?? []
    if (STATEMENT_KINDS.includes(account.kind)) statementEvents(account, orders, repayments, from, input.today, out)
    else perOrderEvents(account, orders, repayments, from, input.today, out)
  }
  const tolerance = input.settings.lateToleranceYuan * 100
  return out.filter((e) => e.shortfall > tolerance).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
}

export interface LateSummary {
  events: LateEvent[]
  /** Late account-months in the window (累六 counts these). */
  total: number
  /** The longest run of consecutive late months on one account (连三 looks at this). */
  longest: { accountId: string; months: string[] } | null
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
}

export function summariseLate(events: readonly LateEvent[]): LateSummary {
  const monthsBy = new Map<string, Set<string>>()
  for (const e of events) {
    const set = monthsBy.get(e.accountId) ?? new Set<string>()
    set.add(monthOf(e.dueDate))
    monthsBy.set(e.accountId, set)
  }
  let total = 0
  let longest: LateSummary['longest'] = null
  for (const [accountId, set] of monthsBy) {
    total += set.size
    const months = [...set].sort()
    let run: string[] = []
    for (const m of months) {
      run = run.length > 0 && monthIndex(m) === monthIndex(run[run.length - 1]!) + 1 ? [...run, m] : [m]
      if (!longest || run.length > longest.months.length) longest = { accountId, months: run }
    }
  }
  return { events: [...events], total, longest }
}

/** The late history as the report would show it on `end`: the `months` months before it. */
export function lateSummaryAt(input: Input, end: IsoDate, months: number): LateSummary {
  const from = addMonths(end, -months)
  return summariseLate(lateEvents(input, from).filter((e) => e.dueDate >= from && e.dueDate < end))
}

/**
 * The first day on which late history `events` (all in the past) is back under both lines: fewer
 * than `total` late months and no run of `consecutive`, assuming nothing else goes late. Each
 * event leaves the window on a known day, so only those days need checking.
 */
export function lateClearsOn(events: readonly LateEvent[], months: number, consecutive: number, total: number): IsoDate | null {
  const days = [...new Set(events.map((e) => leavesMonthsWindowOn(e.dueDate, months)))].sort()
  for (const day of days) {
    const from = addMonths(day, -months)
    const s = summariseLate(events.filter((e) => e.dueDate >= from))
    if (s.total < total && (s.longest?.months.length ?? 0) < consecutive) return day
  }
  return null
}

/**
 * Late payments in the last `lateWindowMonths` months (default 24): a warning from the first, and
 * critical at `lateConsecutive` consecutive months on one account or `lateTotal` in all (连三累六).
 */
export function latePaymentsRule(input: RiskInput): RiskFlag[] {
  const { lateWindowMonths: window, lateConsecutive, lateTotal } = input.settings
  const summary = lateSummaryAt(input, input.today, window)
  if (summary.total === 0) return []
  const name = (id: string) => input.accountById.get(id)?.name ?? '—'
  const run = summary.longest!
  const critical = run.months.length >= lateConsecutive || summary.total >= lateTotal
  const list = listOf(summary.events.map((e) => bi(`${name(e.accountId)} ${e.dueDate} 少还 ${money(e.shortfall)}`, `${name(e.accountId)} ${e.dueDate}, ${money(e.shortfall)} short`)))
  const oldest = summary.events[0]!
  const leaves = leavesMonthsWindowOn(oldest.dueDate, window)
  const accounts = [...new Set(summary.events.map((e) => e.accountId))]
  const room = lateTotal - summary.total
  return [
    {
      id: 'latePayments',
      rule: 'latePayments',
      severity: critical ? 'critical' : 'warning',
      source: 'BANK',
      measure: summary.total,
      unit: 'count',
      accountIds: accounts,
      records: summary.events.flatMap((e) => e.records),
      explanation: bi(
        `最近 ${window} 个月有 ${summary.total} 个月份晚还（${names(accounts.map(name)).zh}）：${list.zh}。最长连续 ${run.months.length} 个月（${name(run.accountId)}）。银行常说的“连三累六”——连续 ${lateConsecutive} 个月或累计 ${lateTotal} 次逾期——通常意味着房贷被拒。`,
        `${nOf(summary.total, 'late month')} in the last ${window} months (${names(accounts.map(name)).en}): ${list.en}. Longest run: ${nOf(run.months.length, 'consecutive month')} on ${name(run.accountId)}. Banks' "3 in a row or 6 in total" (连三累六) usually means a mortgage is refused.`
      ),
      action: critical
        ? bi(
            `已达到“连三累六”。每笔都按时还；最早的一次在 ${leaves} 移出 ${window} 个月的窗口。`,
            `This reaches "3 in a row or 6 in total". Pay everything on time; the oldest late payment leaves the ${window}-month window on ${leaves}.`
          )
        : bi(
            `之后每笔都按时还：再晚还 ${room} 次就到 ${lateTotal} 次；最早的一次在 ${leaves} 移出窗口。`,
            `Pay every due on time from now on: ${nOf(room, 'more late month')} would reach ${lateTotal}; the oldest leaves the window on ${leaves}.`
          )
    }
  ]
}
