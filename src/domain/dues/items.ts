// Owns what falls due and when: each draw's instalments (or its end of term), each pay-later order, each statement bill built from its orders, with what clears each one.
//
// The model follows the cost engine (cost/actual.ts) and owed.ts, so a due item and the figures
// elsewhere never disagree:
// - A draw in arrears (the engine's `overdue`) is one overdue item: the arrears plus the penalty
//   accrued, exactly what the engine says must be paid to be back on schedule. Its instalments
//   still to come are the schedule's payments less what was repaid ahead (repayments count
//   towards the earliest payments first, as the engine's arrears do); the last one settles
//   whatever is left (penalty not yet in an overdue item, a short payment, rounding), so the items
//   of a draw always add up to at least what it owes today.
// - 随借随还 is due in full at the end of its term (the engine's model): one item, the amount owed on
//   that day if nothing is paid before, interest to that day included.
// - A pay-later order is due for what owed.ts says it owes, on its due date; an instalment plan
//   (分期) is due period by period, each period's payment less what was repaid towards it.
// - On a statement account (花呗, 分付, 白条, 月付, credit cards) the single-payment orders due on the
//   same day form that cycle's bill; the statement it belongs to comes from the account's
//   statement and due days (cycles.ts). Instalment plans stay their own items, one period on each
//   bill, as they are paid on the order itself: owed.ts gives a bill payment to every single
//   order before any plan, so a bill payment would not reach them.
// - Paid, refunded and cancelled orders, and cleared draws, have nothing due.
// What clears an item (clearAmount) is the item plus anything of the same target due before it,
// since every lender (and owed.ts) applies money to the oldest amount first, and never more than
// the target owes today: the repayment form's cap.
import { addMonths, dayNumber, monthOf, addDays, type IsoDate } from '../dates'
import type { Fen } from '../money'
import { orderBalances as computeOrderBalances, type OrderBalance } from '../owed'
import { type Account, type Draw, type Ledger, type Repayment, type RepaymentTarget } from '../records'
import { DEFAULT_PENALTY_MULTIPLIER, drawCostDetail, offerOfDraw, orderPlan } from '../cost/actual'
import { ledgerCost } from '../cost/ledger-cost'
import { buildSchedule } from '../cost/schedule'
import type { LedgerCost } from '../cost/types'
import { cycleDaysOf, cycleOfDueDate, type CycleDays } from './cycles'

export type DueKind = 'drawInstalment' | 'drawTerm' | 'order' | 'orderInstalment' | 'bill'

export interface DueItem {
  /** Stable while the item is open: what reminders remember and a link opens. */
  key: string
  kind: DueKind
  accountId: string
  /** The draw or order; null for a bill. */
  recordId: string | null
  dueDate: IsoDate
  /** What falls due on dueDate (for an overdue item: what is in arrears now, with any payable penalty). */
  amount: Fen
  /** What a repayment made today must be to clear this item (see the module header). */
  clearAmount: Fen
  /** The repayment that clears it. */
  target: { targetType: RepaymentTarget; targetId: string }
  /** Instalment k of n; null for an amount due whole or for arrears. */
  period: { index: number; count: number } | null
  /** Statement bills only: the statement day (null when the due date is off the account's cycle), whether it has been issued, the orders on it, and the minimum payment while it is not overdue. */
  bill: { statementDate: IsoDate | null; issued: boolean; orderIds: string[]; minimum: Fen | null } | null
  /** Past its due date: for how many days, and the penalty interest (罚息) accrued on it so far. */
  overdue: { days: number; penalty: Fen } | null
  /** Days from today to the due date, negative when overdue. */
  daysLeft: number
}

export interface DueOptions {
  /** The minimum payment of a bill, in percent of it. */
  minimumPercent: number
  /** The ledger's cost as of today, when the caller has it already (ledgerCost(ledger, today)). */
  cost?: LedgerCost
  /** owed.ts orderBalances(orders, repayments, today), when the caller has it already. */
  orderBalances?: ReadonlyMap<string, OrderBalance>
}

const KIND_ORDER: Record<DueKind, number> = { bill: 0, order: 1, orderInstalment: 2, drawInstalment: 3, drawTerm: 4 }

export function compareDueItems(a: DueItem, b: DueItem): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

type ItemFields = Pick<DueItem, 'key' | 'kind' | 'dueDate' | 'amount' | 'period' | 'overdue'> & { bill?: DueItem['bill'] }

/** Collects one target's items in due order, giving each the running total that clears it (at most `cap`). */
function targetItems(out: DueItem[], todayDay: number, common: Pick<DueItem, 'accountId' | 'recordId' | 'target'>, cap: Fen): (fields: ItemFields) => void {
  let running = 0
  return (fields) => {
    if (fields.amount <= 0) return
    running += fields.amount
    out.push({ ...common, bill: null, ...fields, clearAmount: Math.min(running, cap), daysLeft: dayNumber(fields.dueDate) - todayDay })
  }
}

function drawDues(out: DueItem[], draw: Draw, reps: readonly Repayment[], account: Pick<Account, 'penaltyMultiplier'>, today: IsoDate, todayDay: number): void {
  // dueBy for yesterday: the arrears of every due date before today, with the penalty on them.
  const detail = drawCostDetail(draw, reps, account, today, {}, { todayDay, dueByDay: todayDay - 1 })
  const c = detail.cost
  if (c.cleared) return
  const owed = c.owedToday
  const penaltyUnpaid = Math.max(0, detail.penaltyToDate - c.penaltyPaid)
  const add = targetItems(out, todayDay, { accountId: draw.accountId, recordId: draw.id, target: { targetType: 'draw', targetId: draw.id } }, owed)
  const key = (suffix: string) => `draw:${draw.id}:${suffix}`

  if (draw.method === 'flexible') {
    const end = addMonths(draw.firstDueDate, draw.termMonths - 1)
    if (end >= today) {
      // Owed on the day itself: the interest runs until then if nothing is paid first.
      const atEnd = end === today ? owed : drawCostDetail(draw, reps, account, end).cost.owedToday
      add({ key: key('end'), kind: 'drawTerm', dueDate: end, amount: atEnd, period: null, overdue: null })
    } else add({ key: key('overdue'), kind: 'drawTerm', dueDate: end, amount: owed, period: null, overdue: { days: todayDay - dayNumber(end), penalty: penaltyUnpaid } })
    return
  }

  const periods = buildSchedule(offerOfDraw(draw)).periods
  const n = periods.length
  let repaid = 0
  for (const r of reps) repaid += r.amount
  // The engine's repaidNet: what went to the schedule, penalty paid left out.
  const repaidNet = repaid - c.penaltyPaid
  let inOverdue = 0
  if (c.overdue) {
    inOverdue = detail.dueBy
    add({ key: key('overdue'), kind: 'drawInstalment', dueDate: c.overdue.since, amount: inOverdue, period: null, overdue: { days: c.overdue.days, penalty: c.overdue.penaltyAccrued } })
  }
  const future: { index: number; dueDate: IsoDate; amount: Fen }[] = []
  let scheduled = 0
  for (let k = 0; k < n; k++) {
    const p = periods[k]!
    scheduled += p.payment
    if (p.dueDate < today) continue
    future.push({ index: k + 1, dueDate: p.dueDate, amount: Math.max(0, Math.min(p.payment, scheduled - repaidNet)) })
  }
  if (future.length === 0) {
    // Every due date has passed and the arrears are paid, but the engine takes penalty last: it is still owed.
    if (!c.overdue) add({ key: key('overdue'), kind: 'drawInstalment', dueDate: periods[n - 1]!.dueDate, amount: owed, period: null, overdue: { days: todayDay - dayNumber(periods[n - 1]!.dueDate), penalty: penaltyUnpaid } })
    return
  }
  const last = future[future.length - 1]!
  const others = inOverdue + future.slice(0, -1).reduce((s, f) => s + f.amount, 0)
  last.amount = Math.max(last.amount + (c.overdue ? 0 : penaltyUnpaid), owed - others)
  for (const f of future) add({ key: key(String(f.index)), kind: 'drawInstalment', dueDate: f.dueDate, amount: f.amount, period: { index: f.index, count: n }, overdue: null })
}


interface BillDraft {
  accountId: string
  dueDate: IsoDate
  amount: Fen
  penalty: Fen
  orderIds: string[]
  cycle: CycleDays
}

/** Every open due item of the ledger as of `today`, in due order. */
export function dueItems(ledger: Ledger, today: IsoDate, options: DueOptions): DueItem[] {
  const cost = options.cost ?? ledgerCost(ledger, today)
  const balances = options.orderBalances ?? computeOrderBalances(ledger.orders, ledger.repayments, today)
  const accountById = new Map(ledger.accounts.map((a) => [a.id, a]))
  const todayDay = dayNumber(today)
  const out: DueItem[] = []

  // Draws: only open ones are walked again, with their own repayments.
  const open = new Map<string, Repayment[]>()
  for (const d of ledger.draws) if (d.drawDate <= today && cost.draws.get(d.id)?.cleared !== true) open.set(d.id, [])
  if (open.size > 0)
    for (const r of ledger.repayments) {
      if (r.targetType !== 'draw' || r.date > today) continue
      open.get(r.targetId)?.push(r)
    }
  for (const d of ledger.draws) {
    const reps = open.get(d.id)
    if (!reps) continue
    reps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    drawDues(out, d, reps, accountById.get(d.accountId) ?? { penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER }, today, todayDay)
  }

  const bills = new Map<string, BillDraft>()
  for (const o of ledger.orders) {
    if (o.status !== 'unpaid' || o.orderDate > today) continue
    const balance = balances.get(o.id)
    if (!balance || balance.owed <= 0) continue
    const cycle = cycleDaysOf(accountById.get(o.accountId))
    const penalty = cost.orders.get(o.id)?.overdue?.penaltyAccrued ?? 0
    if (o.instalmentCount <= 1) {
      if (cycle) {
        const billKey = `${o.accountId}:${o.dueDate}`
        const bill = bills.get(billKey) ?? { accountId: o.accountId, dueDate: o.dueDate, amount: 0, penalty: 0, orderIds: [], cycle }
        bill.amount += balance.owed
        bill.penalty += penalty
        bill.orderIds.push(o.id)
        bills.set(billKey, bill)
        continue
      }
      const add = targetItems(out, todayDay, { accountId: o.accountId, recordId: o.id, target: { targetType: 'order', targetId: o.id } }, balance.owed)
      add({ key: `order:${o.id}`, kind: 'order', dueDate: o.dueDate, amount: balance.owed, period: null, overdue: o.dueDate < today ? { days: todayDay - dayNumber(o.dueDate), penalty } : null })
      continue
    }
    // An instalment plan: the cost engine's periods (their amounts do not depend on the dates).
    const n = o.instalmentCount
    const plan = orderPlan(o, accountById.get(o.accountId))
    const dates = plan.map((p) => p.dueDate)
    const add = targetItems(out, todayDay, { accountId: o.accountId, recordId: o.id, target: { targetType: 'order', targetId: o.id } }, balance.owed)
    let cum = 0
    let arrears = 0
    let since: IsoDate | null = null
    const future: { index: number; dueDate: IsoDate; amount: Fen }[] = []
    for (let k = 0; k < n; k++) {
      const payment = plan[k]!.payment
      cum += payment
      const remaining = Math.max(0, Math.min(payment, cum - balance.repaid))
      if (remaining === 0) continue
      if (dates[k]! < today) {
        arrears += remaining
        since ??= dates[k]!
      } else future.push({ index: k + 1, dueDate: dates[k]!, amount: remaining })
    }
    if (since !== null) add({ key: `order:${o.id}:overdue`, kind: 'orderInstalment', dueDate: since, amount: arrears, period: null, overdue: { days: todayDay - dayNumber(since), penalty } })
    for (const f of future) add({ key: `order:${o.id}:${f.index}`, kind: 'orderInstalment', dueDate: f.dueDate, amount: f.amount, period: { index: f.index, count: n }, overdue: null })
  }

  // Bills, oldest first per account: a bill payment clears the oldest bill first (owed.ts).
  const drafts = [...bills.values()].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
  let addBill: ((fields: ItemFields) => void) | null = null
  let currentAccount = ''
  for (const b of drafts) {
    if (addBill === null || b.accountId !== currentAccount) {
      currentAccount = b.accountId
      let owedOnBills = 0
      for (const other of drafts) if (other.accountId === b.accountId) owedOnBills += other.amount
      addBill = targetItems(out, todayDay, { accountId: b.accountId, recordId: null, target: { targetType: 'statement', targetId: b.accountId } }, owedOnBills)
    }
    const cycle = cycleOfDueDate(b.dueDate, b.cycle)
    const overdue = b.dueDate < today
    addBill({
      key: `bill:${b.accountId}:${b.dueDate}`,
      kind: 'bill',
      dueDate: b.dueDate,
      amount: b.amount,
      period: null,
      overdue: overdue ? { days: todayDay - dayNumber(b.dueDate), penalty: b.penalty } : null,
      bill: {
        statementDate: cycle?.statementDate ?? null,
        issued: cycle === null || cycle.statementDate <= today,
        orderIds: b.orderIds,
        minimum: overdue ? null : Math.min(b.amount, Math.ceil((b.amount * options.minimumPercent) / 100))
      }
    })
  }
  return out.sort(compareDueItems)
}

export type Urgency = 'overdue' | 'today' | 'soon' | 'week' | 'later'

/** How pressing an item is: overdue, due today, within 3 days, within 7, or later. */
export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'overdue'
  if (daysLeft === 0) return 'today'
  if (daysLeft <= 3) return 'soon'
  if (daysLeft <= 7) return 'week'
  return 'later'
}

export interface DueSummary {
  overdue: DueItem[]
  today: DueItem[]
  /** Due in the next 7 days, today excluded. */
  week: DueItem[]
  /** Due later this month, after the next 7 days. */
  restOfMonth: DueItem[]
  overdueTotal: Fen
  penaltyTotal: Fen
  /** Cash needed by the end of this month: overdue, today and the rest of the month. */
  cashThisMonth: Fen
  cashNextMonth: Fen
  /** Overdue and due today: the count on the badge. */
  attention: number
}

function nextMonthOf(today: IsoDate): string {
  return monthOf(addMonths(`${monthOf(today)}-01`, 1))
}

export function summariseDues(items: readonly DueItem[], today: IsoDate): DueSummary {
  const month = monthOf(today)
  const nextMonth = nextMonthOf(today)
  const weekEnd = addDays(today, 7)
  const s: DueSummary = { overdue: [], today: [], week: [], restOfMonth: [], overdueTotal: 0, penaltyTotal: 0, cashThisMonth: 0, cashNextMonth: 0, attention: 0 }
  for (const item of items) {
    const itemMonth = monthOf(item.dueDate)
    if (item.overdue) {
      s.overdue.push(item)
      s.overdueTotal += item.amount
      s.penaltyTotal += item.overdue.penalty
    } else if (item.dueDate === today) s.today.push(item)
    else if (item.dueDate <= weekEnd) s.week.push(item)
    else if (itemMonth === month) s.restOfMonth.push(item)
    if (item.overdue || itemMonth === month) s.cashThisMonth += item.amount
    else if (itemMonth === nextMonth) s.cashNextMonth += item.amount
  }
  s.attention = s.overdue.length + s.today.length
  return s
}

export interface DueDay {
  date: IsoDate
  total: Fen
  items: DueItem[]
  /** The most pressing urgency among its items. */
  urgency: Urgency
}

const URGENCY_RANK: Record<Urgency, number> = { overdue: 0, today: 1, soon: 2, week: 3, later: 4 }

/** The items of each day that has any, for the calendar. */
export function duesByDay(items: readonly DueItem[]): Map<IsoDate, DueDay> {
  const out = new Map<IsoDate, DueDay>()
  for (const item of items) {
    let day = out.get(item.dueDate)
    if (!day) {
      day = { date: item.dueDate, total: 0, items: [], urgency: 'later' }
      out.set(item.dueDate, day)
    }
    day.total += item.amount
    day.items.push(item)
    const u = urgencyOf(item.daysLeft)
    if (URGENCY_RANK[u] < URGENCY_RANK[day.urgency]) day.urgency = u
  }
  return out
}
