// Owns the whole-ledger figures: every draw's, order's and statement account's walk as of one day, and from them what is owed and due (the dues every page shows), what it cost by month and by account, the real APR per account, and the late due dates 征信 would see.
//
// This is the one source of every owed / paid / accrued / due figure (issue 10): balances, the
// dues list, the repayment form's cap, risk rules, readiness, reports and exports all read it, so a
// figure shown on two pages for the same day is the same number. The walks own the rules:
// loan.ts (draws), statement.ts (bills of statement accounts), pay-later.ts (orders on accounts
// without bills).
//
// Months: interest and penalty are put in the month they ACCRUE (day by day, so a draw held from
// 20 January to 10 February costs in both months, whenever it is paid); fees in the month they
// are CHARGED (an up-front fee on the draw day, an instalment fee on its due date or its bill's
// statement day, fees paid ahead on the day they are paid, a 违约金 on the day it is charged).
//
// Rounding rule: per draw, order and statement account, the fractional amounts of each month are
// rounded cumulatively (each month gets round(sum so far) - round(sum before)), and the last
// rounding difference against its exact cost to date goes to its largest month, so the months
// always add up to the cost to date to the fen.
//
// Balances: principal still out at each month end, moved on the days principal is borrowed and repaid.
import { dayNumber, makeIsoDate, monthOf, type IsoDate } from '../dates'
import { roundFen, type Fen } from '../money'
import { STATEMENT_KINDS, type Account, type Ledger, type Order, type Repayment } from '../records'
import { defaultStatementTerms } from '../account-terms'
import { aprOfSchedule, xirrOfDays } from './apr'
import { naiveRate, scheduleOf } from './schedule'
import { billDueItems, cashByMonth, compareDueItems, loanDueItems, payLaterDueItems, type DueItem } from './due-items'
import { DEFAULT_PENALTY_MULTIPLIER, walkLoan, type CostOptions } from './loan'
import { orderPlan, walkPayLater, type OrderAccount } from './pay-later'
import { walkStatement, type StatementWalk } from './statement'
import type { AccountCost, CostSink, DatedFlows, DrawCost, LateEvent, MonthlyBalance, MonthlyCost, OrderCost } from './types'

export interface LedgerCost {
  draws: Map<string, DrawCost>
  orders: Map<string, OrderCost>
  /** Statement accounts (credit cards, 花呗, 分付...): their bills, what is payable now, revolving. */
  statements: Map<string, StatementWalk>
  /** Per account: cost to date (paid + accrued), projected, owed today, principal out, repaid, and the real APR. */
  accounts: Map<string, AccountCost>
  monthly: MonthlyCost[]
  balances: MonthlyBalance[]
  /** Totals for the month of `today`: cost charged, repaid, borrowed, and the cash due (overdue included), as the home page counts it. */
  thisMonth: { month: string; cost: Fen; repaid: Fen; borrowed: Fen; due: Fen }
  /** Every open due item, in due order. */
  dues: DueItem[]
  /** Every due date up to today that passed without the payment it needed, on any account (the risk rules pick those that report to 征信). */
  late: LateEvent[]
}

/** The statement account as the walk needs it: an account of a statement kind with its cycle, or null (its orders are then pay-later orders). */
export function statementAccountOf(account: Account | undefined): (Account & { statementTerms: NonNullable<Account['statementTerms']> }) | null {
  if (!account || !STATEMENT_KINDS.includes(account.kind) || account.statementDay === null || account.dueDay === null) return null
  const terms = account.statementTerms ?? defaultStatementTerms(account.kind)
  return terms ? { ...account, statementTerms: terms } : null
}

interface AccountMonths {
  interest: number[]
  fees: number[]
  penalty: number[]
  principal: number[]
  /** Every flow of the account's counted records (borrower's view; day numbers), for its real APR. */
  flows: { amounts: number[]; days: number[] }
}

function monthKey(index: number): string {
  const y = Math.floor(index / 12)
  return `${y.toString().padStart(4, '0')}-${((index % 12) + 1).toString().padStart(2, '0')}`
}

/** year * 12 + month - 1 of a (validated) date, read by character codes: it runs for every record. */
function monthIndexOf(date: IsoDate): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48)
  return year * 12 + (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1
}

interface MonthBuckets {
  reset(): void
  add(day: number, amount: number): void
  /** Spreads perDay over the days [from, to), month by month. */
  spread(from: number, to: number, perDay: number): void
  /** Adds whole fen per month into `out`, adding up exactly to `target`. */
  settle(target: Fen, out: number[], fallback: number): void
}

/**
 * Fractional amounts of one record by month, settled into whole fen that add up to the record's
 * exact figure. A table per month and a list of the months touched, reused record after record:
 * a map per record cost more than the figures themselves.
 */
function monthBuckets(monthOfDay: (day: number) => number, starts: readonly number[], monthCount: number): MonthBuckets {
  const sums = new Float64Array(monthCount)
  // Whether a month was touched, even by a zero: settle's fallback month depends on it.
  const seen = new Uint8Array(monthCount)
  const touched: number[] = []
  const addTo = (m: number, amount: number) => {
    if (seen[m] === 0) {
      seen[m] = 1
      touched.push(m)
    }
    sums[m] = sums[m]! + amount
  }
  const reset = () => {
    // Most records touch nothing, and setting an array's length is a call into the runtime.
    if (touched.length === 0) return
    for (let i = 0; i < touched.length; i++) {
      const m = touched[i]!
      sums[m] = 0
      seen[m] = 0
    }
    touched.length = 0
  }
  return {
    reset,
    add: (day, amount) => addTo(monthOfDay(day), amount),
    spread(from, to, perDay) {
      let x = from
      while (x < to) {
        const m = monthOfDay(x)
        const end = Math.min(to, starts[m + 1] ?? to)
        addTo(m, perDay * (end - x))
        x = end
      }
    },
    settle(target, out, fallback) {
      if (touched.length === 0 && target === 0) return
      // An insertion sort: there are only ever a few months, and Array.prototype.sort allocates on every call.
      for (let i = 1; i < touched.length; i++) {
        const m = touched[i]!
        let j = i - 1
        while (j >= 0 && touched[j]! > m) {
          touched[j + 1] = touched[j]!
          j--
        }
        touched[j + 1] = m
      }
      let sum = 0
      let settled = 0
      let largest = fallback
      let largestValue = -1
      for (let i = 0; i < touched.length; i++) {
        const m = touched[i]!
        sum += sums[m]!
        const whole = roundFen(sum) - settled
        settled += whole
        addAt(out, m, whole)
        if (Math.abs(whole) > largestValue) {
          largestValue = Math.abs(whole)
          largest = m
        }
      }
      if (target !== settled) addAt(out, largest, target - settled)
      reset()
    }
  }
}

function addAt(list: number[], index: number, amount: number): void {
  list[index] = (list[index] ?? 0) + amount
}

function pushFlows(to: DatedFlows, from: DatedFlows): void {
  for (let i = 0; i < from.amounts.length; i++) {
    to.amounts.push(from.amounts[i]!)
    to.days.push(from.days[i]!)
  }
}

/** Repayments grouped once: by draw, by order, and by account (for statement accounts). */
function groupRepayments(repayments: readonly Repayment[]): { byDraw: Map<string, Repayment[]>; byOrder: Map<string, Repayment[]>; byAccount: Map<string, Repayment[]> } {
  const byDraw = new Map<string, Repayment[]>()
  const byOrder = new Map<string, Repayment[]>()
  const byAccount = new Map<string, Repayment[]>()
  const add = (map: Map<string, Repayment[]>, key: string, r: Repayment) => {
    const list = map.get(key)
    if (list) list.push(r)
    else map.set(key, [r])
  }
  for (const r of repayments) {
    if (r.targetType === 'draw') add(byDraw, r.targetId, r)
    else {
      if (r.targetType === 'order') add(byOrder, r.targetId, r)
      add(byAccount, r.accountId, r)
    }
  }
  return { byDraw, byOrder, byAccount }
}

const NONE: readonly Repayment[] = []

/** The figures of a whole ledger as of `today` (the module header states what they are). */
export function ledgerCost(ledger: Ledger, today: IsoDate, options: CostOptions = {}): LedgerCost {
  const todayDay = dayNumber(today)
  const accountById = new Map<string, Account>(ledger.accounts.map((a) => [a.id, a]))
  const fallbackAccount: OrderAccount = { penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER, kind: 'other', statementDay: null, dueDay: null }
  const { byDraw, byOrder, byAccount } = groupRepayments(ledger.repayments)

  // The months from the first record to today's; nothing dated after today is counted.
  let first = today
  let anyRecord = false
  for (const d of ledger.draws)
    if (d.drawDate <= today) {
      anyRecord = true
      if (d.drawDate < first) first = d.drawDate
    }
  for (const o of ledger.orders)
    if (o.orderDate <= today && (o.status === 'unpaid' || o.status === 'paid')) {
      anyRecord = true
      if (o.orderDate < first) first = o.orderDate
    }
  const lastMonth = monthIndexOf(today)
  const firstMonth = monthIndexOf(first)
  const monthCount = lastMonth - firstMonth + 1
  const starts: number[] = []
  for (let i = 0; i <= monthCount; i++) {
    const index = firstMonth + i
    starts.push(dayNumber(makeIsoDate(Math.floor(index / 12), (index % 12) + 1, 1)))
  }
  const firstDay = starts[0]!
  const monthByDay = new Uint16Array(starts[monthCount]! - firstDay)
  for (let i = 0; i < monthCount; i++) monthByDay.fill(i, starts[i]! - firstDay, starts[i + 1]! - firstDay)
  const monthOfDay = (day: number): number => {
    const offset = day - firstDay
    if (offset < 0) return 0
    return offset < monthByDay.length ? monthByDay[offset]! : monthCount - 1
  }

  const perAccount = new Map<string, AccountMonths>()
  const monthsOf = (accountId: string): AccountMonths => {
    let m = perAccount.get(accountId)
    if (!m) {
      const zeros = () => new Array<number>(monthCount).fill(0)
      m = { interest: zeros(), fees: zeros(), penalty: zeros(), principal: zeros(), flows: { amounts: [], days: [] } }
      perAccount.set(accountId, m)
    }
    return m
  }
  const interest = monthBuckets(monthOfDay, starts, monthCount)
  const fees = monthBuckets(monthOfDay, starts, monthCount)
  const penalty = monthBuckets(monthOfDay, starts, monthCount)
  let principalOut: number[] = []
  const sink: CostSink = {
    interest: (from, to, perDay) => interest.spread(from, to, perDay),
    penalty: (from, to, perDay) => penalty.spread(from, to, perDay),
    fee: (day, amount) => fees.add(day, amount),
    principal: (day, delta) => {
      if (day <= todayDay) addAt(principalOut, monthOfDay(day), delta)
    }
  }
  const begin = (accountId: string): AccountMonths => {
    interest.reset()
    fees.reset()
    penalty.reset()
    const months = monthsOf(accountId)
    principalOut = months.principal
    return months
  }
  const settle = (months: AccountMonths, i: Fen, f: Fen, p: Fen) => {
    interest.settle(i, months.interest, monthCount - 1)
    fees.settle(f, months.fees, monthCount - 1)
    penalty.settle(p, months.penalty, monthCount - 1)
  }

  const totals = new Map<string, AccountCost>()
  const totalsOf = (accountId: string): AccountCost => {
    let t = totals.get(accountId)
    if (!t) {
      t = { costToDate: 0, projected: 0, owed: 0, principalOutstanding: 0, repaid: 0, apr: null }
      totals.set(accountId, t)
    }
    return t
  }
  for (const a of ledger.accounts) totalsOf(a.id)
  const dues: DueItem[] = []
  const late: LateEvent[] = []
  const thisMonthKey = monthOf(today)
  let borrowedThisMonth = 0

  const draws = new Map<string, DrawCost>()
  for (const draw of ledger.draws) {
    const account = accountById.get(draw.accountId) ?? fallbackAccount
    const counted = draw.drawDate <= today
    const months = counted ? begin(draw.accountId) : null
    const walk = walkLoan(draw, byDraw.get(draw.id) ?? NONE, account, today, options, months ? { sink, flows: months.flows } : {})
    draws.set(draw.id, walk.cost)
    const t = totalsOf(draw.accountId)
    t.projected += walk.cost.projectedCostToPayoff
    t.owed += walk.cost.owedToday
    t.principalOutstanding += walk.cost.principalOutstanding
    if (!months) continue
    t.costToDate += walk.interestToDate + walk.feesToDate + walk.penaltyToDate
    settle(months, walk.interestToDate, walk.feesToDate, walk.penaltyToDate)
    loanDueItems(dues, draw, walk.dues, todayDay)
    for (const e of walk.late) late.push(e)
    if (draw.drawDate.startsWith(thisMonthKey)) borrowedThisMonth += draw.principal
  }

  // Statement accounts, one walk each over all their orders, bills and repayments.
  const statements = new Map<string, StatementWalk>()
  const ordersByAccount = new Map<string, Order[]>()
  for (const o of ledger.orders) {
    const list = ordersByAccount.get(o.accountId)
    if (list) list.push(o)
    else ordersByAccount.set(o.accountId, [o])
  }
  const orders = new Map<string, OrderCost>()
  for (const [accountId, list] of ordersByAccount) {
    const account = accountById.get(accountId)
    const statement = statementAccountOf(account)
    if (statement) {
      const months = begin(accountId)
      const walk = walkStatement(
        { account: statement, orders: list, repayments: byAccount.get(accountId) ?? NONE, billInstalments: ledger.billInstalments, billFigures: ledger.billFigures },
        today,
        { sink }
      )
      statements.set(accountId, walk)
      const t = totalsOf(accountId)
      t.owed += walk.owed
      t.principalOutstanding += walk.principalOutstanding
      t.projected += walk.projected
      t.costToDate += walk.interestToDate + walk.feesToDate
      settle(months, walk.interestToDate, walk.feesToDate, 0)
      pushFlows(months.flows, walk.flows)
      billDueItems(dues, accountId, walk.dues, todayDay)
      for (const e of walk.late) late.push(e)
      for (const o of list) {
        const s = walk.orders.get(o.id)
        const closed = o.status === 'refunded' || o.status === 'cancelled'
        const owed = s?.owed ?? 0
        const paid = s?.paid ?? 0
        orders.set(o.id, {
          feesPaid: s?.feesPaid ?? 0,
          feesToCome: s?.feesToCome ?? 0,
          owed,
          paid,
          principalOutstanding: s?.principalOutstanding ?? 0,
          status: closed ? o.status : owed === 0 && o.orderDate <= today ? 'paid' : paid > 0 ? 'partlyPaid' : 'unpaid',
          overdue: null,
          // A 分期 plan's real APR, as any 分期 (its fee on the original amount, one period on each bill).
          apr: o.instalmentCount > 1 ? aprOfSchedule(o.amount, scheduleOf(orderPlan(o, account), 0, false)) : null,
          naiveRate: o.instalmentCount > 1 ? naiveRate({ rate: o.instalmentFeeRate, rateUnit: 'monthlyFee' }) : null
        })
        if (!closed && o.orderDate <= today && o.orderDate.startsWith(thisMonthKey)) borrowedThisMonth += o.amount
      }
      continue
    }
    for (const o of list) {
      const counted = o.orderDate <= today && (o.status === 'unpaid' || o.status === 'paid')
      const months = counted ? begin(accountId) : null
      const walk = walkPayLater(o, byOrder.get(o.id) ?? NONE, account ?? fallbackAccount, today, options, months ? { sink } : {})
      const closed = o.status === 'refunded' || o.status === 'cancelled'
      orders.set(o.id, { ...walk.cost, status: closed ? o.status : o.orderDate > today ? 'unpaid' : walk.cost.status })
      const t = totalsOf(accountId)
      t.owed += walk.cost.owed
      t.principalOutstanding += walk.principalOutstanding
      t.projected += walk.projected
      if (!months) continue
      t.costToDate += walk.feesToDate + walk.penaltyToDate
      settle(months, 0, walk.feesToDate, walk.penaltyToDate)
      pushFlows(months.flows, walk.flows)
      payLaterDueItems(dues, o, walk.dues, todayDay)
      for (const e of walk.late) late.push(e)
      if (o.orderDate.startsWith(thisMonthKey)) borrowedThisMonth += o.amount
    }
  }

  let repaidThisMonth = 0
  for (const r of ledger.repayments) {
    if (r.date > today) continue
    totalsOf(r.accountId).repaid += r.amount
    if (r.date.startsWith(thisMonthKey)) repaidThisMonth += r.amount
  }
  for (const [id, t] of totals) {
    const m = perAccount.get(id)
    t.apr = m && m.flows.amounts.length > 1 ? xirrOfDays(m.flows.amounts, m.flows.days) : null
  }

  const chartAccounts = [...ledger.accounts.map((a) => a.id).filter((id) => perAccount.has(id)), ...[...perAccount.keys()].filter((id) => !accountById.has(id))]
  const monthly: MonthlyCost[] = []
  const balances: MonthlyBalance[] = []
  if (anyRecord) {
    const running = new Map<string, number>()
    for (let i = 0; i < monthCount; i++) {
      const byAccountCost: MonthlyCost['byAccount'] = {}
      const balanceBy: MonthlyBalance['byAccount'] = {}
      let total = 0
      let balanceTotal = 0
      for (const id of chartAccounts) {
        const m = perAccount.get(id)!
        const c = { interest: m.interest[i]!, fees: m.fees[i]!, penalty: m.penalty[i]! }
        byAccountCost[id] = c
        total += c.interest + c.fees + c.penalty
        const out = (running.get(id) ?? 0) + m.principal[i]!
        running.set(id, out)
        balanceBy[id] = out
        balanceTotal += out
      }
      monthly.push({ month: monthKey(firstMonth + i), byAccount: byAccountCost, total })
      balances.push({ month: monthKey(firstMonth + i), byAccount: balanceBy, total: balanceTotal })
    }
  }
  dues.sort(compareDueItems)
  late.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
  return {
    draws,
    orders,
    statements,
    accounts: totals,
    monthly,
    balances,
    thisMonth: {
      month: thisMonthKey,
      cost: monthly.length > 0 ? monthly[monthly.length - 1]!.total : 0,
      repaid: repaidThisMonth,
      borrowed: borrowedThisMonth,
      due: cashByMonth(dues, today).thisMonth
    },
    dues,
    late
  }
}
