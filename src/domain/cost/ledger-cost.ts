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
//
// Shape: each draw, pay-later order and statement account is one walk unit (walkDrawUnit,
// walkOrderUnit, walkStatementUnit) whose share (a WalkUnit: totals, months settled in absolute
// months, principal moves, flows, dues, late events) the combine step (combineUnits) adds up in
// walk order. A CostMemo (createCostMemo) keeps the units between runs; see "The memo" below.
import { dayNumber, monthIndexOf, monthKey, monthOf, monthStartDay, type IsoDate } from '../calendar'
import { roundFen, type Fen } from '../money'
import { STATEMENT_KINDS, type Account, type BillFigure, type BillInstalment, type Draw, type Ledger, type Order, type Repayment } from '../records'
import { defaultStatementTerms } from '../account-terms'
import { aprOfSchedule, xirrOfDays } from './apr'
import { naiveRate, scheduleOf } from './schedule'
import { billDueItems, cashByMonth, compareDueItems, loanDueItems, payLaterDueItems, type DueItem } from './due-items'
import { DEFAULT_PENALTY_MULTIPLIER, walkLoan, type CostOptions } from './loan'
import { orderPlan, walkPayLater, type OrderAccount } from './pay-later'
import { walkStatement, type StatementWalk } from './statement'
import type { AccountCost, AprResult, CostSink, DatedFlows, DrawCost, LateEvent, MonthlyBalance, MonthlyCost, OrderCost } from './types'

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

interface MonthBuckets {
  reset(): void
  add(day: number, amount: number): void
  /** Spreads perDay over the days [from, to), month by month. */
  spread(from: number, to: number, perDay: number): void
  /**
   * Whole fen per month, adding up exactly to `target`, pushed onto `out` as [month, fen] pairs
   * (month as the grid counts them, from 0). Returns whether an amount with no day went to `fallback`.
   */
  settle(target: Fen, out: number[], fallback: number): boolean
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
      if (touched.length === 0 && target === 0) return false
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
        if (whole !== 0) out.push(m, whole)
        if (Math.abs(whole) > largestValue) {
          largestValue = Math.abs(whole)
          largest = m
        }
      }
      if (target !== settled) out.push(largest, target - settled)
      const usedFallback = touched.length === 0
      reset()
      return usedFallback
    }
  }
}

function addAt(list: number[], index: number, amount: number): void {
  list[index] = (list[index] ?? 0) + amount
}


/** The months of one run: from the first counted record's to today's, and which month a day number falls in. */
interface MonthGrid {
  /** Whether any draw or open order is dated up to today (no months are listed otherwise). */
  anyRecord: boolean
  /** year * 12 + month - 1 of the first and of today's month. */
  firstMonth: number
  lastMonth: number
  count: number
  /** Day number of the first day of each month, and of the month after today's. */
  starts: number[]
  firstDay: number
  /** The first day after today's month. */
  endDay: number
  /** The grid's month (from 0) of a day; a day before the first month counts in it, a day after today's month in that. */
  monthOfDay(day: number): number
}

function monthGridOf(ledger: Ledger, today: IsoDate): MonthGrid {
  // Nothing dated after today is counted.
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
  const count = lastMonth - firstMonth + 1
  const starts: number[] = []
  for (let i = 0; i <= count; i++) {
    const index = firstMonth + i
    starts.push(monthStartDay(index))
  }
  const firstDay = starts[0]!
  const endDay = starts[count]!
  const monthByDay = new Uint16Array(endDay - firstDay)
  for (let i = 0; i < count; i++) monthByDay.fill(i, starts[i]! - firstDay, starts[i + 1]! - firstDay)
  const monthOfDay = (day: number): number => {
    const offset = day - firstDay
    if (offset < 0) return 0
    return offset < monthByDay.length ? monthByDay[offset]! : count - 1
  }
  return { anyRecord, firstMonth, lastMonth, count, starts, firstDay, endDay, monthOfDay }
}

/** A walk's cost settled into whole fen by month, in absolute months (year * 12 + month - 1), so it outlives the run's grid. */
interface SettledMonths {
  /** [month, fen] pairs; a month may appear twice (the rounding difference), and adds up. */
  interest: number[]
  fees: number[]
  penalty: number[]
  /** The first and last day any cost landed on (minDay > maxDay when none did). */
  minDay: number
  maxDay: number
  /** The grid it was settled on, and whether it leaned on that grid: a day outside it was clamped into its first or last month, or an amount with no day went to its last month. */
  firstMonth: number
  lastMonth: number
  gridBound: boolean
}

/** Whether months settled on one grid are exactly what settling on `grid` would give. */
function fitsGrid(m: SettledMonths, grid: MonthGrid): boolean {
  if (m.firstMonth === grid.firstMonth && m.lastMonth === grid.lastMonth) return true
  return !m.gridBound && (m.minDay > m.maxDay || (m.minDay >= grid.firstDay && m.maxDay < grid.endDay))
}

/** One walk's share of the ledger's figures: what the combine step adds up, kept whole by the memo. */
interface WalkUnit {
  accountId: string
  /** Its months, balance moves and flows count in its account's chart and APR: dated up to today (a statement account: always). */
  charted: boolean
  costToDate: Fen
  projected: Fen
  owed: Fen
  principalOutstanding: Fen
  /** Null when not charted. */
  months: SettledMonths | null
  /** Principal moves as [day number, delta] pairs; those after today are left out when combined. */
  principal: readonly number[]
  /** Its cash flows for the account's real APR; null when not charted. */
  flows: DatedFlows | null
  dues: DueItem[]
  late: readonly LateEvent[]
}

/** The sink the walks report to, and the settling of one walk's cost into a WalkUnit's months. */
interface UnitCollector {
  sink: CostSink
  begin(): void
  settle(interestTotal: Fen, feesTotal: Fen, penaltyTotal: Fen): { months: SettledMonths; principal: number[] }
}

/** Buckets reused walk after walk: a table per walk cost more than the figures themselves. */
function unitCollector(grid: MonthGrid): UnitCollector {
  const interest = monthBuckets(grid.monthOfDay, grid.starts, grid.count)
  const fees = monthBuckets(grid.monthOfDay, grid.starts, grid.count)
  const penalty = monthBuckets(grid.monthOfDay, grid.starts, grid.count)
  let principal: number[] = []
  let minDay = Number.POSITIVE_INFINITY
  let maxDay = Number.NEGATIVE_INFINITY
  const touch = (from: number, last: number) => {
    if (from < minDay) minDay = from
    if (last > maxDay) maxDay = last
  }
  const sink: CostSink = {
    interest: (from, to, perDay) => {
      if (from < to) touch(from, to - 1)
      interest.spread(from, to, perDay)
    },
    penalty: (from, to, perDay) => {
      if (from < to) touch(from, to - 1)
      penalty.spread(from, to, perDay)
    },
    fee: (day, amount) => {
      touch(day, day)
      fees.add(day, amount)
    },
    principal: (day, delta) => {
      principal.push(day, delta)
    }
  }
  const absolute = (pairs: number[]) => {
    for (let i = 0; i < pairs.length; i += 2) pairs[i] = pairs[i]! + grid.firstMonth
    return pairs
  }
  return {
    sink,
    begin() {
      interest.reset()
      fees.reset()
      penalty.reset()
      principal = []
      minDay = Number.POSITIVE_INFINITY
      maxDay = Number.NEGATIVE_INFINITY
    },
    settle(interestTotal, feesTotal, penaltyTotal) {
      const i: number[] = []
      const f: number[] = []
      const p: number[] = []
      const last = grid.count - 1
      let fallback = interest.settle(interestTotal, i, last)
      fallback = fees.settle(feesTotal, f, last) || fallback
      fallback = penalty.settle(penaltyTotal, p, last) || fallback
      const clamped = minDay <= maxDay && (minDay < grid.firstDay || maxDay >= grid.endDay)
      const months: SettledMonths = {
        interest: absolute(i),
        fees: absolute(f),
        penalty: absolute(p),
        minDay,
        maxDay,
        firstMonth: grid.firstMonth,
        lastMonth: grid.lastMonth,
        gridBound: fallback || clamped
      }
      return { months, principal }
    }
  }
}

/** Repayments grouped once: by draw, by order, and by account (for statement accounts). */
function groupRepayments(repayments: readonly Repayment[]): { byDraw: Map<string, Repayment[]>; byOrder: Map<string, Repayment[]>; byAccount: Map<string, Repayment[]> } {
  const byDraw = new Map<string, Repayment[]>()
  const byOrder = new Map<string, Repayment[]>()
  const byAccount = new Map<string, Repayment[]>()
  for (const r of repayments) {
    if (r.targetType === 'draw') addTo(byDraw, r.targetId, r)
    else {
      if (r.targetType === 'order') addTo(byOrder, r.targetId, r)
      addTo(byAccount, r.accountId, r)
    }
  }
  return { byDraw, byOrder, byAccount }
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) addTo(map, keyOf(item), item)
  return map
}

/** The ledger's records as the walks take them: each walk's inputs are one of these groups. */
interface WalkInputs {
  accountById: Map<string, Account>
  byDraw: Map<string, Repayment[]>
  byOrder: Map<string, Repayment[]>
  byAccount: Map<string, Repayment[]>
  ordersByAccount: Map<string, Order[]>
  instalmentsByAccount: Map<string, BillInstalment[]>
  figuresByAccount: Map<string, BillFigure[]>
}

function walkInputsOf(ledger: Ledger): WalkInputs {
  return {
    accountById: new Map<string, Account>(ledger.accounts.map((a) => [a.id, a])),
    ...groupRepayments(ledger.repayments),
    ordersByAccount: groupBy(ledger.orders, (o) => o.accountId),
    // walkStatement reads only its own account's; handing it just those is the same walk, and keys the memo.
    instalmentsByAccount: groupBy(ledger.billInstalments, (b) => b.accountId),
    figuresByAccount: groupBy(ledger.billFigures, (b) => b.accountId)
  }
}

const NONE: readonly never[] = []
/** The account of records whose account is not in the list; one object, so a memo sees the same input. */
const FALLBACK_ACCOUNT: OrderAccount = Object.freeze({ penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER, kind: 'other', statementDay: null, dueDay: null })

/** What one run is: its day, options and grid, the sink's collector, and its mark in the memo. */
interface Run {
  /** Set on the memo's entries this run meets (0 without a memo). */
  stamp: number
  today: IsoDate
  todayDay: number
  options: CostOptions
  grid: MonthGrid
  collector: UnitCollector
}

interface Walked<T> {
  unit: WalkUnit
  value: T
  /** Its figures are the same for any later day, as long as its inputs stay the same (see the memo). */
  finished: boolean
}

function datedUpTo(records: readonly { date: IsoDate }[], today: IsoDate): boolean {
  for (const r of records) if (r.date > today) return false
  return true
}

/** One draw's walk as its share of the ledger's figures. */
function walkDrawUnit(run: Run, draw: Draw, repayments: readonly Repayment[], account: OrderAccount): Walked<DrawCost> {
  const { today, todayDay, collector } = run
  const counted = draw.drawDate <= today
  if (counted) collector.begin()
  const walk = walkLoan(draw, repayments, account, today, run.options, counted ? { sink: collector.sink } : {})
  const unit: WalkUnit = {
    accountId: draw.accountId,
    charted: counted,
    costToDate: 0,
    projected: walk.cost.projectedCostToPayoff,
    owed: walk.cost.owedToday,
    principalOutstanding: walk.cost.principalOutstanding,
    months: null,
    principal: NONE,
    flows: null,
    dues: [],
    late: NONE
  }
  if (counted) {
    unit.costToDate = walk.interestToDate + walk.feesToDate + walk.penaltyToDate
    const settled = collector.settle(walk.interestToDate, walk.feesToDate, walk.penaltyToDate)
    unit.months = settled.months
    unit.principal = settled.principal
    unit.flows = walk.flows
    loanDueItems(unit.dues, draw, walk.dues, todayDay)
    unit.late = walk.late
  }
  // Cleared, past its last due date and nothing dated after today: every figure of the walk is
  // fixed (no period is current, nothing accrues, the fee and interest days are all behind).
  const finished = counted && walk.cost.cleared && walk.dues.length === 0 && todayDay > walk.finalDueDay && datedUpTo(repayments, today)
  return { unit, value: walk.cost, finished }
}

/** One pay-later order's walk (an account without bills) as its share of the ledger's figures. */
function walkOrderUnit(run: Run, order: Order, repayments: readonly Repayment[], account: OrderAccount): Walked<OrderCost> {
  const { today, todayDay, collector } = run
  const open = order.status === 'unpaid' || order.status === 'paid'
  const counted = open && order.orderDate <= today
  if (counted) collector.begin()
  const walk = walkPayLater(order, repayments, account, today, run.options, counted ? { sink: collector.sink } : {})
  const cost: OrderCost = { ...walk.cost, status: !open ? order.status : order.orderDate > today ? 'unpaid' : walk.cost.status }
  const unit: WalkUnit = {
    accountId: order.accountId,
    charted: counted,
    costToDate: 0,
    projected: walk.projected,
    owed: walk.cost.owed,
    principalOutstanding: walk.principalOutstanding,
    months: null,
    principal: NONE,
    flows: null,
    dues: [],
    late: NONE
  }
  if (counted) {
    unit.costToDate = walk.feesToDate + walk.penaltyToDate
    const settled = collector.settle(0, walk.feesToDate, walk.penaltyToDate)
    unit.months = settled.months
    unit.principal = settled.principal
    unit.flows = walk.flows
    payLaterDueItems(unit.dues, order, walk.dues, todayDay)
    unit.late = walk.late
  }
  // Refunded or cancelled: never walked. Paid, past its last due date, nothing dated after today:
  // no penalty, no fee or flow moves with the day any more.
  const finished = !open || (counted && walk.cost.owed === 0 && walk.dues.length === 0 && todayDay > walk.finalDueDay && datedUpTo(repayments, today))
  return { unit, value: cost, finished }
}

/** A statement account's walk and the costs of its orders read from it. */
interface StatementValue {
  walk: StatementWalk
  orders: [string, OrderCost][]
}

/** One statement account's walk over all its orders, bills and repayments, as its share of the ledger's figures. */
function walkStatementUnit(
  run: Run,
  account: Account,
  statement: NonNullable<ReturnType<typeof statementAccountOf>>,
  orders: readonly Order[],
  repayments: readonly Repayment[],
  billInstalments: readonly BillInstalment[],
  billFigures: readonly BillFigure[]
): Walked<StatementValue> {
  const { today, todayDay, collector } = run
  collector.begin()
  const walk = walkStatement({ account: statement, orders, repayments, billInstalments, billFigures }, today, { sink: collector.sink })
  const settled = collector.settle(walk.interestToDate, walk.feesToDate, 0)
  const dues: DueItem[] = []
  billDueItems(dues, account.id, walk.dues, todayDay)
  const unit: WalkUnit = {
    accountId: account.id,
    charted: true,
    costToDate: walk.interestToDate + walk.feesToDate,
    projected: walk.projected,
    owed: walk.owed,
    principalOutstanding: walk.principalOutstanding,
    months: settled.months,
    principal: settled.principal,
    flows: walk.flows,
    dues,
    late: walk.late
  }
  const costs: [string, OrderCost][] = []
  for (const o of orders) {
    const s = walk.orders.get(o.id)
    const closed = o.status === 'refunded' || o.status === 'cancelled'
    const owed = s?.owed ?? 0
    const paid = s?.paid ?? 0
    costs.push([
      o.id,
      {
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
      }
    ])
  }
  // A statement account issues a bill every cycle and its figures move with the day: never kept past it.
  return { unit, value: { walk, orders: costs }, finished: false }
}

/** The account's months and flows as the combine step gathers them. */
interface AccountMonths {
  interest: number[]
  fees: number[]
  penalty: number[]
  principal: number[]
  /** The flows of its charted walks, in walk order: the account's real APR is solved from them end to end. */
  flows: DatedFlows[]
}

type Figures = Pick<LedgerCost, 'accounts' | 'monthly' | 'balances' | 'thisMonth' | 'dues' | 'late'>

/** Adds the walks' shares up, in walk order: months, balances, per-account totals and APR, dues, late events, this month's totals. */
function combineUnits(ledger: Ledger, run: Run, units: readonly WalkUnit[], aprs: AprMemo | null, frozen: { units: Set<WalkUnit>; blocks: Map<string, FrozenBlock> } | null): Figures {
  const { today, todayDay, grid } = run
  const perAccount = new Map<string, AccountMonths>()
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
  for (const unit of units) {
    if (frozen?.units.has(unit)) {
      // Its totals, months and moves are in its account's block; its account, flows and late events keep their place.
      totalsOf(unit.accountId)
      if (!unit.charted) continue
      const m = accountMonthsOf(perAccount, unit.accountId, grid.count)
      if (unit.flows) m.flows.push(unit.flows)
      for (const e of unit.late) late.push(e)
      continue
    }
    const t = totalsOf(unit.accountId)
    t.projected += unit.projected
    t.owed += unit.owed
    t.principalOutstanding += unit.principalOutstanding
    t.costToDate += unit.costToDate
    if (!unit.charted) continue
    const m = accountMonthsOf(perAccount, unit.accountId, grid.count)
    if (unit.months) {
      addMonths(m.interest, unit.months.interest, grid.firstMonth)
      addMonths(m.fees, unit.months.fees, grid.firstMonth)
      addMonths(m.penalty, unit.months.penalty, grid.firstMonth)
    }
    for (let i = 0; i < unit.principal.length; i += 2) {
      const day = unit.principal[i]!
      if (day <= todayDay) addAt(m.principal, grid.monthOfDay(day), unit.principal[i + 1]!)
    }
    if (unit.flows) m.flows.push(unit.flows)
    for (const d of unit.dues) dues.push(d)
    for (const e of unit.late) late.push(e)
  }

  if (frozen)
    for (const [accountId, block] of frozen.blocks) {
      const t = totalsOf(accountId)
      t.projected += block.projected
      t.owed += block.owed
      t.principalOutstanding += block.principalOutstanding
      t.costToDate += block.costToDate
      const m = perAccount.get(accountId)
      // An account met only through walks that were not charted has no months.
      if (!m) continue
      addMonths(m.interest, block.interest, grid.firstMonth)
      addMonths(m.fees, block.fees, grid.firstMonth)
      addMonths(m.penalty, block.penalty, grid.firstMonth)
      for (let i = 0; i < block.principal.length; i += 2) addAt(m.principal, grid.monthOfDay(block.principal[i]!), block.principal[i + 1]!)
    }

  const thisMonthKey = monthOf(today)
  let repaidThisMonth = 0
  for (const r of ledger.repayments) {
    if (r.date > today) continue
    totalsOf(r.accountId).repaid += r.amount
    if (r.date.startsWith(thisMonthKey)) repaidThisMonth += r.amount
  }
  let borrowedThisMonth = 0
  for (const d of ledger.draws) if (d.drawDate <= today && d.drawDate.startsWith(thisMonthKey)) borrowedThisMonth += d.principal
  for (const o of ledger.orders)
    if ((o.status === 'unpaid' || o.status === 'paid') && o.orderDate <= today && o.orderDate.startsWith(thisMonthKey)) borrowedThisMonth += o.amount
  const scratch: DatedFlows = { amounts: [], days: [] }
  for (const [id, t] of totals) t.apr = accountApr(aprs, id, perAccount.get(id)?.flows ?? NONE, scratch)

  const { monthly, balances } = chartMonths(ledger, grid, perAccount)
  dues.sort(compareDueItems)
  late.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
  return {
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

function accountMonthsOf(perAccount: Map<string, AccountMonths>, accountId: string, count: number): AccountMonths {
  let m = perAccount.get(accountId)
  if (!m) {
    const zeros = () => new Array<number>(count).fill(0)
    m = { interest: zeros(), fees: zeros(), penalty: zeros(), principal: zeros(), flows: [] }
    perAccount.set(accountId, m)
  }
  return m
}

/** Adds [absolute month, fen] pairs into a grid's months. */
function addMonths(to: number[], pairs: readonly number[], firstMonth: number): void {
  for (let i = 0; i < pairs.length; i += 2) addAt(to, pairs[i]! - firstMonth, pairs[i + 1]!)
}

/** The APR per account, keyed on the very flows it was solved from, and the run marking what it meets. */
interface AprMemo {
  map: Map<string, AprEntry>
  stamp: number
}

interface AprEntry {
  parts: readonly DatedFlows[]
  apr: AprResult | null
  /** The last run that met it (see sweep). */
  seen: number
}

/** The account's real APR of all its walks' flows together; solved again only when a walk's flows changed. */
function accountApr(aprs: AprMemo | null, accountId: string, parts: readonly DatedFlows[], scratch: DatedFlows): AprResult | null {
  const entry = aprs?.map.get(accountId)
  if (aprs && entry && sameElements(entry.parts, parts)) {
    entry.seen = aprs.stamp
    return entry.apr
  }
  // End to end in arrays reused account after account (xirrOfDays reads only the first `count`).
  let count = 0
  for (const p of parts)
    for (let i = 0; i < p.amounts.length; i++) {
      scratch.amounts[count] = p.amounts[i]!
      scratch.days[count] = p.days[i]!
      count++
    }
  const apr = count > 1 ? xirrOfDays(scratch.amounts, scratch.days, count) : null
  aprs?.map.set(accountId, { parts, apr, seen: aprs.stamp })
  return apr
}

/** The monthly cost and balance lists: listed accounts first, in their order, then any others in the order they were met. */
function chartMonths(ledger: Ledger, grid: MonthGrid, perAccount: Map<string, AccountMonths>): { monthly: MonthlyCost[]; balances: MonthlyBalance[] } {
  const listed = new Set(ledger.accounts.map((a) => a.id))
  const chartAccounts = [...ledger.accounts.map((a) => a.id).filter((id) => perAccount.has(id)), ...[...perAccount.keys()].filter((id) => !listed.has(id))]
  const monthly: MonthlyCost[] = []
  const balances: MonthlyBalance[] = []
  if (!grid.anyRecord) return { monthly, balances }
  const running = new Map<string, number>()
  for (let i = 0; i < grid.count; i++) {
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
    monthly.push({ month: monthKey(grid.firstMonth + i), byAccount: byAccountCost, total })
    balances.push({ month: monthKey(grid.firstMonth + i), byAccount: balanceBy, total: balanceTotal })
  }
  return { monthly, balances }
}

function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

// The memo. A walk's share is kept with the very objects it was walked from (the record, its
// account, its repayments, a statement account's orders, bill instalments and printed figures),
// compared element by element, as a cut-off ledger (report/month-report.ts ledgerUpTo) holds the
// same records in new lists. It is reused when those are the same and either the day is the same
// or the walk was finished on an earlier day (Walked.finished: its figures no longer depend on the
// day), and its months still fall inside the run's months. Each run keeps only the entries it met,
// so deleted records do not linger.

/** A property key nothing outside this module can name: the memo is opaque to its holders. */
const MEMO: unique symbol = Symbol('cost memo')
/** After each list of a walk's inputs, so that lists of different lengths never compare equal. */
const SEPARATOR = Object.freeze({})

interface MemoEntry<T> {
  inputs: readonly unknown[]
  overdueDailyRate: number | undefined
  today: IsoDate
  walked: Walked<T>
  /** The last run that met it (see sweep). */
  seen: number
}

interface MemoState {
  /** Counts the runs: each marks the entries it meets, and drops the others at its end. */
  stamp: number
  draws: Map<string, MemoEntry<DrawCost>>
  orders: Map<string, MemoEntry<OrderCost>>
  statements: Map<string, MemoEntry<StatementValue>>
  aprs: Map<string, AprEntry>
  /** Only for a memo made for the cuts of one ledger (see createCostMemo). */
  frozen: Frozen | null
}

/**
 * Walks that can never change again in a stream of runs over growing cuts of one ledger: finished
 * (Walked.finished), settled on no grid of their own, and with every input the whole ledger holds
 * for them already in the run. Their shares are added up once, per account (the block), and a run
 * meets them only to keep their place in the walk order (the account's APR flows and the late
 * events, which are kept in that order); they are left out of the run's draw and order maps.
 */
interface Frozen {
  /** Repayments the whole ledger holds per draw and per pay-later order: a walk with fewer has inputs still to come. */
  repaymentsOfDraw: Map<string, number>
  repaymentsOfOrder: Map<string, number>
  /** The option the frozen walks were walked with. */
  overdueDailyRate: number | undefined
  /** By the record it was walked from, and the set of them as combineUnits meets them. */
  units: Map<object, WalkUnit>
  unitSet: Set<WalkUnit>
  blocks: Map<string, FrozenBlock>
}

/** The frozen walks of one account, added up: totals, [absolute month, fen] months and [day, delta] principal moves. */
interface FrozenBlock {
  costToDate: Fen
  projected: Fen
  owed: Fen
  principalOutstanding: Fen
  interest: number[]
  fees: number[]
  penalty: number[]
  principal: number[]
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) {
    const key = keyOf(item)
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** Freezes a finished walk when every input the whole ledger holds for it is in this run (see Frozen). */
function freeze(frozen: Frozen, run: Run, record: object, walked: Walked<unknown>, repayments: number, ofWhole: number | undefined): void {
  const { unit } = walked
  if (!walked.finished || repayments !== (ofWhole ?? 0) || (unit.months !== null && unit.months.gridBound) || run.options.overdueDailyRate !== frozen.overdueDailyRate) return
  frozen.units.set(record, unit)
  frozen.unitSet.add(unit)
  let block = frozen.blocks.get(unit.accountId)
  if (!block) {
    block = { costToDate: 0, projected: 0, owed: 0, principalOutstanding: 0, interest: [], fees: [], penalty: [], principal: [] }
    frozen.blocks.set(unit.accountId, block)
  }
  block.costToDate += unit.costToDate
  block.projected += unit.projected
  block.owed += unit.owed
  block.principalOutstanding += unit.principalOutstanding
  if (!unit.charted) return
  if (unit.months) {
    block.interest.push(...unit.months.interest)
    block.fees.push(...unit.months.fees)
    block.penalty.push(...unit.months.penalty)
  }
  block.principal.push(...unit.principal)
}

/**
 * What ledgerCost keeps between runs to walk only what changed. Hold one per stream of runs (a
 * worker's life, an export's months) and pass it to every ledgerCost call of that stream; never
 * read it. Reuse is by object identity: records that arrive as new objects (a structured clone
 * per message) are walked again, so a worker keeps its own records and replaces only the changed
 * ones. Each run keeps only what it met, so two streams sharing one memo undo each other's gains
 * (the figures stay right). Figures of reused walks are the same objects run after run: read them,
 * never change them.
 */
export interface CostMemo {
  [MEMO]: MemoState
}

/**
 * A memo; with `cutsOf`, one for a stream of runs over cuts of that ledger (ledgerUpTo at days that
 * never go back, then perhaps the whole ledger) as of days that never go back, as a range of month
 * reports runs it. Such a memo also freezes walks that can no longer change (see Frozen): the
 * figures are the same, but the runs' `draws` and `orders` maps leave the frozen (cleared, paid,
 * refunded or cancelled, and finished) draws and orders out.
 */
export function createCostMemo(cutsOf?: Ledger, options: CostOptions = {}): CostMemo {
  const frozen: Frozen | null = cutsOf
    ? {
        repaymentsOfDraw: countBy(cutsOf.repayments, (r) => (r.targetType === 'draw' ? r.targetId : null)),
        repaymentsOfOrder: countBy(cutsOf.repayments, (r) => (r.targetType === 'order' ? r.targetId : null)),
        overdueDailyRate: options.overdueDailyRate,
        units: new Map(),
        unitSet: new Set(),
        blocks: new Map()
      }
    : null
  return { [MEMO]: { stamp: 0, draws: new Map(), orders: new Map(), statements: new Map(), aprs: new Map(), frozen } }
}

/**
 * A walk's inputs, compared in place against what the memo kept (a list is built only for a new
 * entry: most walks of a run are reused, and a list per walk per run is what the collector would spend its time on).
 */
interface InputList {
  /** The record (a draw, an order) or the account (a statement account) the walk starts from. */
  head: readonly unknown[]
  lists: readonly (readonly unknown[])[]
}

function inputsMatch(kept: readonly unknown[], inputs: InputList): boolean {
  let length = inputs.head.length + inputs.lists.length
  for (const list of inputs.lists) length += list.length
  if (kept.length !== length) return false
  let i = 0
  for (const x of inputs.head) if (kept[i++] !== x) return false
  for (const list of inputs.lists) {
    for (const x of list) if (kept[i++] !== x) return false
    if (kept[i++] !== SEPARATOR) return false
  }
  return true
}

function flatten(inputs: InputList): unknown[] {
  const out: unknown[] = [...inputs.head]
  for (const list of inputs.lists) {
    for (const x of list) out.push(x)
    out.push(SEPARATOR)
  }
  return out
}

/** Whether an entry walked on another run holds for this one, its inputs aside. */
function reusable<T>(entry: MemoEntry<T>, run: Run): boolean {
  if (entry.overdueDailyRate !== run.options.overdueDailyRate) return false
  if (entry.today !== run.today && !(entry.walked.finished && entry.today < run.today)) return false
  const months = entry.walked.unit.months
  return months === null || fitsGrid(months, run.grid)
}

/** Drops the entries a run did not meet: deleted records do not linger in the memo. */
function sweep(map: Map<string, { seen: number }>, stamp: number): void {
  for (const [id, entry] of map) if (entry.seen !== stamp) map.delete(id)
}

/** A record's (a draw's, a pay-later order's) memo entry if it holds for this run: checked in place, without a list or closure per record. */
function keptRecord<T>(map: Map<string, MemoEntry<T>> | undefined, id: string, run: Run, record: object, account: object, repayments: readonly Repayment[]): MemoEntry<T> | undefined {
  const entry = map?.get(id)
  return entry && reusable(entry, run) && recordInputsMatch(entry.inputs, record, account, repayments) ? entry : undefined
}

/** Keeps a record's walk for the next run: the entry it came from, or a new one. */
function keepRecord<T>(map: Map<string, MemoEntry<T>> | undefined, id: string, run: Run, kept: MemoEntry<T> | undefined, walked: Walked<T>, record: object, account: object, repayments: readonly Repayment[]): void {
  if (!map) return
  if (kept) kept.seen = run.stamp
  else map.set(id, { inputs: [record, account, ...repayments, SEPARATOR], overdueDailyRate: run.options.overdueDailyRate, today: run.today, walked, seen: run.stamp })
}

function recordInputsMatch(kept: readonly unknown[], record: object, account: object, repayments: readonly Repayment[]): boolean {
  if (kept.length !== repayments.length + 3 || kept[0] !== record || kept[1] !== account) return false
  for (let i = 0; i < repayments.length; i++) if (kept[i + 2] !== repayments[i]) return false
  return true
}

/** A walk's share from the memo when it can be reused, else walked (and kept for the next run). */
function memoized<T>(
  map: Map<string, MemoEntry<T>> | undefined,
  id: string,
  run: Run,
  inputs: InputList,
  walk: () => Walked<T>
): Walked<T> {
  if (!map) return walk()
  const entry = map.get(id)
  if (entry && reusable(entry, run) && inputsMatch(entry.inputs, inputs)) {
    entry.seen = run.stamp
    return entry.walked
  }
  const walked = walk()
  map.set(id, { inputs: flatten(inputs), overdueDailyRate: run.options.overdueDailyRate, today: run.today, walked, seen: run.stamp })
  return walked
}

/**
 * The figures of a whole ledger as of `today` (the module header states what they are). With a
 * `memo` (createCostMemo), walks whose inputs did not change since the memo's last run are not
 * walked again; the figures are the same either way.
 */
export function ledgerCost(ledger: Ledger, today: IsoDate, options: CostOptions = {}, memo?: CostMemo): LedgerCost {
  const grid = monthGridOf(ledger, today)
  const run: Run = { today, todayDay: dayNumber(today), options, grid, collector: unitCollector(grid), stamp: 0 }
  const inputs = walkInputsOf(ledger)
  // The memo's tables are updated in place (a new table per run would be tens of thousands of
  // entries to allocate each month of an export); what this run does not meet is dropped at its end.
  const state = memo?.[MEMO]
  if (state) run.stamp = ++state.stamp
  const units: WalkUnit[] = []

  const frozen = state?.frozen ?? null
  const fresh: [object, Walked<unknown>, number, number | undefined][] = []

  const draws = new Map<string, DrawCost>()
  for (const draw of ledger.draws) {
    const frozenUnit = frozen?.units.get(draw)
    if (frozenUnit) {
      units.push(frozenUnit)
      continue
    }
    const account = inputs.accountById.get(draw.accountId) ?? FALLBACK_ACCOUNT
    const repayments = inputs.byDraw.get(draw.id) ?? NONE
    const kept = keptRecord(state?.draws, draw.id, run, draw, account, repayments)
    const walked = kept ? kept.walked : walkDrawUnit(run, draw, repayments, account)
    keepRecord(state?.draws, draw.id, run, kept, walked, draw, account, repayments)
    draws.set(draw.id, walked.value)
    units.push(walked.unit)
    if (frozen && walked.finished) fresh.push([draw, walked, repayments.length, frozen.repaymentsOfDraw.get(draw.id)])
  }

  // Statement accounts, one walk each over all their orders, bills and repayments; other orders one walk each.
  const statements = new Map<string, StatementWalk>()
  const orders = new Map<string, OrderCost>()
  for (const [accountId, list] of inputs.ordersByAccount) {
    const account = inputs.accountById.get(accountId)
    const statement = statementAccountOf(account)
    if (account && statement) {
      const repayments = inputs.byAccount.get(accountId) ?? NONE
      const billInstalments = inputs.instalmentsByAccount.get(accountId) ?? NONE
      const billFigures = inputs.figuresByAccount.get(accountId) ?? NONE
      const walked = memoized(
        state?.statements,
        accountId,
        run,
        { head: [account], lists: [list, repayments, billInstalments, billFigures] },
        () => walkStatementUnit(run, account, statement, list, repayments, billInstalments, billFigures)
      )
      statements.set(accountId, walked.value.walk)
      for (const [id, cost] of walked.value.orders) orders.set(id, cost)
      units.push(walked.unit)
      continue
    }
    const orderAccount = account ?? FALLBACK_ACCOUNT
    for (const o of list) {
      const frozenUnit = frozen?.units.get(o)
      if (frozenUnit) {
        units.push(frozenUnit)
        continue
      }
      const repayments = inputs.byOrder.get(o.id) ?? NONE
      const kept = keptRecord(state?.orders, o.id, run, o, orderAccount, repayments)
      const walked = kept ? kept.walked : walkOrderUnit(run, o, repayments, orderAccount)
      keepRecord(state?.orders, o.id, run, kept, walked, o, orderAccount, repayments)
      orders.set(o.id, walked.value)
      units.push(walked.unit)
      if (frozen && walked.finished) fresh.push([o, walked, repayments.length, frozen.repaymentsOfOrder.get(o.id)])
    }
  }

  const figures = combineUnits(ledger, run, units, state ? { map: state.aprs, stamp: run.stamp } : null, frozen ? { units: frozen.unitSet, blocks: frozen.blocks } : null)
  // Frozen after this run's figures are added up: from the next run on they come from the blocks.
  if (frozen) for (const [record, walked, repayments, ofWhole] of fresh) freeze(frozen, run, record, walked, repayments, ofWhole)
  if (state) {
    sweep(state.draws, run.stamp)
    sweep(state.orders, run.stamp)
    sweep(state.statements, run.stamp)
    sweep(state.aprs, run.stamp)
  }
  return { draws, orders, statements, ...figures }
}
