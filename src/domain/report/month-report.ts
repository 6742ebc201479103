// Owns the monthly report: a month's borrowing, repayments, cost, month-end position and open loans, assembled from the records and the cost engine.
//
// Every figure is the cost engine's (ledger-cost.ts). A month that has ended is read at the end of
// its last day: the engine counts interest for the days before its `today`, so it runs as of the
// next month's first day over the records dated up to the month's last day (a repayment on the 1st
// belongs to the next month). The month still running is read as of today, as the overview does.
// A later repayment never rewrites an earlier month's report.
// - Cost charged in the month (interest, fees, penalty) is the engine's monthly cost, in the
//   month it accrued or was charged (see ledger-cost.ts).
// - Cost paid in the month is what the engine counts as paid at the month's end less what it
//   counted as paid at the end of the month before, per draw and order.
// - Outstanding is the engine's principal out at the month's end; owed adds interest, fees and
//   penalty accrued and unpaid.
// Dues of the next month and the risk flags come from their own features; the report only
// orders them and names their accounts.
import { addDays, addMonthsToMonth, monthBounds, monthOf, type IsoDate } from '../calendar'
import type { Fen } from '../money'
import { HARD_INQUIRY_REASONS, type Account, type AccountKind, type Ledger } from '../records'
import { createCostMemo, ledgerCost, type CostMemo, type LedgerCost } from '../cost/ledger-cost'
import type { BillStatus } from '../cost/statement'
import type { AprResult } from '../cost/types'

/** A payment falling due, as the dues feature lists it. */
export interface ReportDue {
  date: IsoDate
  accountId: string
  /** What is due, already in the report's language (e.g. "第 3/12 期", "11 月账单"). */
  what: string
  amount: Fen
}

/** Where a rule of thumb comes from (DOMAIN.md): the report prints it beside each flag. */
export const FLAG_SOURCES = ['REG', 'BANK', 'PRODUCT', 'FOLK'] as const
export type FlagSource = (typeof FLAG_SOURCES)[number]
/** The app's severity names (the risk page's), most severe first: the report says what the app says. */
export const FLAG_SEVERITIES = ['critical', 'warning', 'info'] as const
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number]

/** An active risk flag, as the risk feature raises it. */
export interface ReportFlag {
  severity: FlagSeverity
  /** Already in the report's language. */
  title: string
  source: FlagSource
}

export interface ReportInputs {
  dues: readonly ReportDue[]
  flags: readonly ReportFlag[]
}

/** The ledger as the report sees it, for the features that supply its dues and flags. */
export interface ReportContext {
  month: string
  /** The records dated up to the report's day. */
  ledger: Ledger
  /** The engine's day: the day after a finished month, or today while the month runs. */
  day: IsoDate
  /** The engine as of `day` (ledgerCost(ledger, day)). */
  cost: LedgerCost
}

/** Dues and flags as fixed lists, or worked out per month from what was known at its end. */
export type ReportInputSource = ReportInputs | ((context: ReportContext) => ReportInputs)

export interface ReportTotals {
  /** Draw principal and order amounts of the month. */
  borrowed: Fen
  /** Every repayment of the month. */
  repaid: Fen
  interestPaid: Fen
  feesPaid: Fen
  penaltyPaid: Fen
  /** interestPaid + feesPaid + penaltyPaid. */
  costPaid: Fen
  interestCharged: Fen
  feesCharged: Fen
  penaltyCharged: Fen
  /** interestCharged + feesCharged + penaltyCharged: the engine's cost of the month. */
  costCharged: Fen
  /** Principal still out at the month's end. */
  principalOutstanding: Fen
  /** What it would take to clear everything at the month's end. */
  owed: Fen
  /** While the month runs: the cash still needed by its end, overdue included (the home page's figure); null for a finished month. */
  dueThisMonth: Fen | null
}

export interface ReportAccountRow {
  accountId: string
  name: string
  kind: AccountKind
  borrowed: Fen
  repaid: Fen
  costCharged: Fen
  principalOutstanding: Fen
  owed: Fen
  /** The engine's real APR of all the account's flows; null when it cannot be solved. */
  apr: AprResult | null
}

/** A loan still open at the month's end: a draw, or an order on an instalment plan. */
export interface ReportLoanRow {
  id: string
  type: 'draw' | 'order'
  accountId: string
  accountName: string
  date: IsoDate
  /** The draw's principal or the order's amount. */
  principal: Fen
  principalOutstanding: Fen
  owed: Fen
  apr: AprResult | null
  /** The rate as advertised, annualised naively. */
  naiveRate: number | null
  estimate: boolean
  overdueDays: number | null
}

/** A bill issued in the month (a card, 花呗...): what it held, its minimum, what was paid on it and how it ended. */
export interface ReportBillRow {
  accountId: string
  accountName: string
  statementDate: IsoDate
  dueDate: IsoDate
  total: Fen
  minimum: Fen
  /** Cash paid from its statement day to the end of its grace (or to the report's day). */
  paid: Fen
  /** Turned into 账单分期. */
  converted: Fen
  status: BillStatus
  /** Revolving interest it caused, on the next bill (0 until that bill is issued). */
  revolvingInterest: Fen
}

export interface ReportDueRow extends ReportDue {
  accountName: string
}

export interface ReportChartMonth {
  month: string
  interest: Fen
  fees: Fen
  penalty: Fen
  principalOutstanding: Fen
}

export interface MonthReport {
  month: string
  /** First and last day of the month. */
  from: IsoDate
  to: IsoDate
  /** The day the figures are read on: the month's last day, or today while the month runs. */
  asOf: IsoDate
  /** False while the month is still running. */
  complete: boolean
  totals: ReportTotals
  accounts: ReportAccountRow[]
  loans: ReportLoanRow[]
  /** Bills issued in the month, by account and date. */
  bills: ReportBillRow[]
  nextMonth: string
  dues: ReportDueRow[]
  flags: ReportFlag[]
  /** Up to twelve months ending with this one, for the cost and balance charts. */
  chart: ReportChartMonth[]
  /** The month's cost charged per account, largest first (zeros left out). */
  costShare: { accountId: string; name: string; cost: Fen }[]
  counts: { draws: number; orders: number; repayments: number; inquiries: number; hardInquiries: number }
}

export const CHART_MONTHS = 12

/** Every month from the first dated record to today's, oldest first: the months a report can be made for. */
export function reportableMonths(ledger: Ledger, today: IsoDate): string[] {
  let first = monthOf(today)
  const consider = (date: IsoDate) => {
    if (date <= today && monthOf(date) < first) first = monthOf(date)
  }
  for (const d of ledger.draws) consider(d.drawDate)
  for (const o of ledger.orders) consider(o.orderDate)
  for (const r of ledger.repayments) consider(r.date)
  for (const i of ledger.inquiries) consider(i.date)
  const months: string[] = []
  for (let m = first; m <= monthOf(today); m = addMonthsToMonth(m, 1)) months.push(m)
  return months
}

/** Interest, fees and penalty the engine counts as paid between two of its runs: at less before, per draw, statement account and order. */
interface PaidBetween {
  interest: Fen
  fees: Fen
  penalty: Fen
}

/**
 * A statement account's interest and fees are paid on its bills, counted once for the account;
 * orders on other accounts count their own fees. Read straight from the runs' maps: building keyed
 * copies of them for every month of a ten-year export cost more than the rest of its report. A walk
 * the memo kept from one run to the next is the same object in both, and paid nothing in between.
 */
function paidBetween(before: LedgerCost, at: LedgerCost, ledger: Ledger): PaidBetween {
  let interest = 0
  let fees = 0
  let penalty = 0
  for (const [id, c] of at.draws) {
    const b = before.draws.get(id)
    if (b === c) continue
    interest += c.interestPaid - (b?.interestPaid ?? 0)
    fees += c.feesPaid - (b?.feesPaid ?? 0)
    penalty += c.penaltyPaid - (b?.penaltyPaid ?? 0)
  }
  for (const [id, s] of at.statements) {
    const b = before.statements.get(id)
    if (b === s) continue
    interest += s.interestPaid - (b?.interestPaid ?? 0)
    fees += s.feesPaid - (b?.feesPaid ?? 0)
  }
  // Fees paid to date on each order not on a statement account, at less before (an order each run
  // has not walked, or walked on a statement account, counts nothing on that side).
  for (const o of ledger.orders) {
    const c = at.statements.has(o.accountId) ? undefined : at.orders.get(o.id)
    if (!c) continue
    const b = before.statements.has(o.accountId) ? undefined : before.orders.get(o.id)
    if (b !== c) fees += c.feesPaid - (b?.feesPaid ?? 0)
  }
  return { interest, fees, penalty }
}

/** The records dated up to `day` (accounts all kept): the ledger as it stood at the end of that day. */
export function ledgerUpTo(ledger: Ledger, day: IsoDate): Ledger {
  return {
    accounts: ledger.accounts,
    draws: ledger.draws.filter((d) => d.drawDate <= day),
    orders: ledger.orders.filter((o) => o.orderDate <= day),
    repayments: ledger.repayments.filter((r) => r.date <= day),
    inquiries: ledger.inquiries.filter((i) => i.date <= day),
    billInstalments: ledger.billInstalments.filter((b) => b.date <= day),
    billFigures: ledger.billFigures.filter((b) => b.statementDate <= day)
  }
}

/** The records of `ledger` up to a day, as ledgerUpTo gives them. */
export type LedgerCut = (day: IsoDate) => Ledger

/**
 * ledgerUpTo for many days of one ledger: a list already in date order (as records usually are)
 * is cut at the first record after the day rather than filtered record by record. Same lists,
 * same order as ledgerUpTo.
 */
export function ledgerCutter(ledger: Ledger): LedgerCut {
  const cutOf = <T>(list: readonly T[], dateOf: (x: T) => IsoDate): ((day: IsoDate) => T[]) => {
    for (let i = 1; i < list.length; i++) if (dateOf(list[i - 1]!) > dateOf(list[i]!)) return (day) => list.filter((x) => dateOf(x) <= day)
    return (day) => {
      let lo = 0
      let hi = list.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (dateOf(list[mid]!) <= day) lo = mid + 1
        else hi = mid
      }
      return list.slice(0, lo)
    }
  }
  const draws = cutOf(ledger.draws, (d) => d.drawDate)
  const orders = cutOf(ledger.orders, (o) => o.orderDate)
  const repayments = cutOf(ledger.repayments, (r) => r.date)
  const inquiries = cutOf(ledger.inquiries, (i) => i.date)
  const billInstalments = cutOf(ledger.billInstalments, (b) => b.date)
  const billFigures = cutOf(ledger.billFigures, (b) => b.statementDate)
  return (day) => ({
    accounts: ledger.accounts,
    draws: draws(day),
    orders: orders(day),
    repayments: repayments(day),
    inquiries: inquiries(day),
    billInstalments: billInstalments(day),
    billFigures: billFigures(day)
  })
}

/** The engine at the end of `day`: its last day's interest counted, nothing of the next day's records. A memo carries walks over from the caller's earlier runs. */
export function costAtEndOf(ledger: Ledger, day: IsoDate, memo?: CostMemo, cut: LedgerCut = (d) => ledgerUpTo(ledger, d)): LedgerCost {
  return ledgerCost(cut(day), addDays(day, 1), {}, memo)
}

/** The engine's runs a report reads: at the month's end (or today, while it runs) and at the end of the month before. */
export interface MonthCosts {
  asOf: IsoDate
  complete: boolean
  at: LedgerCost
  before: LedgerCost
}

/**
 * Runs the engine for a month; a range of months passes each run on as the next month's `before`,
 * and one memo through all its runs, so a month walks again only the records that changed or still run.
 */
export function monthCosts(ledger: Ledger, month: string, today: IsoDate, before?: LedgerCost, memo?: CostMemo, cut?: LedgerCut): MonthCosts {
  const { from, to } = monthBounds(month)
  if (from > today) throw new RangeError(`the month ${month} has not begun on ${today}`)
  const complete = to < today
  return {
    asOf: complete ? to : today,
    complete,
    // The month before first, so a memo sees the days in order.
    before: before ?? costAtEndOf(ledger, addDays(from, -1), memo, cut),
    at: complete ? costAtEndOf(ledger, to, memo, cut) : ledgerCost(ledger, today, {}, memo)
  }
}

/** Records dated in one month (in ledger order): a report of a range of months reads its month's, not the whole ledger's. */
interface MonthRecords {
  draws: Ledger['draws']
  orders: Ledger['orders']
  repayments: Ledger['repayments']
  inquiries: Ledger['inquiries']
}

/** The records of a ledger by month, bucketed once for a range of reports. */
function recordsByMonth(ledger: Ledger): Map<string, MonthRecords> {
  const months = new Map<string, MonthRecords>()
  const of = (date: IsoDate) => {
    const key = monthOf(date)
    let m = months.get(key)
    if (!m) {
      m = { draws: [], orders: [], repayments: [], inquiries: [] }
      months.set(key, m)
    }
    return m
  }
  for (const d of ledger.draws) of(d.drawDate).draws.push(d)
  for (const o of ledger.orders) of(o.orderDate).orders.push(o)
  for (const r of ledger.repayments) of(r.date).repayments.push(r)
  for (const i of ledger.inquiries) of(i.date).inquiries.push(i)
  return months
}

const NO_RECORDS: MonthRecords = { draws: [], orders: [], repayments: [], inquiries: [] }

/** What a range of reports works out once for all its months. */
interface RangeShared {
  cut: LedgerCut
  byMonth: Map<string, MonthRecords>
}

/** Assembles the report of `month` as of its last day (or `today`, while it runs). */
export function assembleMonthReport(ledger: Ledger, month: string, today: IsoDate, source: ReportInputSource, costs?: MonthCosts): MonthReport {
  return assembleReport(ledger, month, today, source, costs ?? monthCosts(ledger, month, today), null)
}

function assembleReport(ledger: Ledger, month: string, today: IsoDate, source: ReportInputSource, costs: MonthCosts, shared: RangeShared | null): MonthReport {
  const { from, to } = monthBounds(month)
  const { asOf, complete, at, before } = costs
  const inputs =
    typeof source === 'function'
      ? source(complete ? { month, ledger: shared ? shared.cut(to) : ledgerUpTo(ledger, to), day: addDays(to, 1), cost: at } : { month, ledger, day: today, cost: at })
      : source
  // The month's records: from the range's buckets, or the whole ledger's (inMonth picks the month's either way).
  const own: MonthRecords = shared ? (shared.byMonth.get(month) ?? NO_RECORDS) : ledger
  const names = new Map<string, Account>(ledger.accounts.map((a) => [a.id, a]))
  const nameOf = (id: string) => names.get(id)?.name ?? id
  const inMonth = (date: IsoDate) => date >= from && date <= asOf

  // The engine's months run from the first record to its today: this month may be missing (no
  // record yet) and, for a month that has ended, is followed by the next month's first day.
  const index = at.monthly.findIndex((m) => m.month === month)
  const cost = index >= 0 ? at.monthly[index]! : null
  const balance = index >= 0 ? (at.balances[index] ?? null) : null
  let interestCharged = 0
  let feesCharged = 0
  let penaltyCharged = 0
  if (cost)
    for (const c of Object.values(cost.byAccount)) {
      interestCharged += c.interest
      feesCharged += c.fees
      penaltyCharged += c.penalty
    }
  const { interest: interestPaid, fees: feesPaid, penalty: penaltyPaid } = paidBetween(before, at, ledger)
  let owed = 0
  for (const a of at.accounts.values()) owed += a.owed

  // Borrowing and repayments of the month, counted as the engine counts this month's.
  const borrowedBy = new Map<string, Fen>()
  const repaidBy = new Map<string, Fen>()
  const add = (map: Map<string, Fen>, id: string, amount: Fen) => map.set(id, (map.get(id) ?? 0) + amount)
  for (const d of own.draws) if (inMonth(d.drawDate)) add(borrowedBy, d.accountId, d.principal)
  for (const o of own.orders) if (inMonth(o.orderDate) && (o.status === 'unpaid' || o.status === 'paid')) add(borrowedBy, o.accountId, o.amount)
  for (const r of own.repayments) if (inMonth(r.date)) add(repaidBy, r.accountId, r.amount)
  const sum = (map: Map<string, Fen>) => [...map.values()].reduce((s, v) => s + v, 0)

  const totals: ReportTotals = {
    borrowed: sum(borrowedBy),
    repaid: sum(repaidBy),
    interestPaid,
    feesPaid,
    penaltyPaid,
    costPaid: interestPaid + feesPaid + penaltyPaid,
    interestCharged,
    feesCharged,
    penaltyCharged,
    costCharged: cost?.total ?? 0,
    principalOutstanding: balance?.total ?? 0,
    owed,
    dueThisMonth: complete ? null : at.thisMonth.due
  }

  const accounts: ReportAccountRow[] = []
  const accountIds = [...ledger.accounts.map((a) => a.id), ...[...at.accounts.keys()].filter((id) => !names.has(id))]
  for (const id of accountIds) {
    const c = cost?.byAccount[id]
    const row: ReportAccountRow = {
      accountId: id,
      name: nameOf(id),
      kind: names.get(id)?.kind ?? 'other',
      borrowed: borrowedBy.get(id) ?? 0,
      repaid: repaidBy.get(id) ?? 0,
      costCharged: c ? c.interest + c.fees + c.penalty : 0,
      principalOutstanding: balance?.byAccount[id] ?? 0,
      owed: at.accounts.get(id)?.owed ?? 0,
      apr: at.accounts.get(id)?.apr ?? null
    }
    if (row.borrowed || row.repaid || row.costCharged || row.principalOutstanding || row.owed) accounts.push(row)
  }

  const loans: ReportLoanRow[] = []
  for (const d of ledger.draws) {
    const c = at.draws.get(d.id)
    if (!c || d.drawDate > asOf || c.cleared || c.owedToday === 0) continue
    loans.push({
      id: d.id,
      type: 'draw',
      accountId: d.accountId,
      accountName: nameOf(d.accountId),
      date: d.drawDate,
      principal: d.principal,
      principalOutstanding: c.principalOutstanding,
      owed: c.owedToday,
      apr: c.apr,
      naiveRate: c.naiveRate,
      estimate: c.estimate,
      overdueDays: c.overdue?.days ?? null
    })
  }
  for (const o of ledger.orders) {
    const c = at.orders.get(o.id)
    if (!c || o.instalmentCount === 1 || o.orderDate > asOf || c.owed === 0 || (o.status !== 'unpaid' && o.status !== 'paid')) continue
    loans.push({
      id: o.id,
      type: 'order',
      accountId: o.accountId,
      accountName: nameOf(o.accountId),
      date: o.orderDate,
      principal: o.amount,
      principalOutstanding: c.principalOutstanding,
      owed: c.owed,
      apr: c.apr,
      naiveRate: c.naiveRate,
      estimate: false,
      overdueDays: c.overdue?.days ?? null
    })
  }
  loans.sort((a, b) => (b.apr?.aprSimple ?? -1) - (a.apr?.aprSimple ?? -1) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

  const bills: ReportBillRow[] = []
  for (const [accountId, walk] of at.statements)
    for (const b of walk.bills) {
      if (!b.issued || b.statementDate < from || b.statementDate > asOf) continue
      bills.push({
        accountId,
        accountName: nameOf(accountId),
        statementDate: b.statementDate,
        dueDate: b.dueDate,
        total: b.total,
        minimum: b.minimum,
        paid: b.paidInWindow,
        converted: b.converted,
        status: b.status,
        revolvingInterest: b.revolvingInterest
      })
    }
  bills.sort((a, b) => (a.statementDate < b.statementDate ? -1 : a.statementDate > b.statementDate ? 1 : a.accountName < b.accountName ? -1 : 1))

  const nextMonth = addMonthsToMonth(month, 1)
  const dues = inputs.dues
    .filter((d) => monthOf(d.date) === nextMonth)
    .map((d) => ({ ...d, accountName: nameOf(d.accountId) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const flags = [...inputs.flags].sort((a, b) => FLAG_SEVERITIES.indexOf(a.severity) - FLAG_SEVERITIES.indexOf(b.severity))

  const chart: ReportChartMonth[] = []
  const firstChartMonth = addMonthsToMonth(month, -(CHART_MONTHS - 1))
  at.monthly.forEach((m, i) => {
    if (m.month < firstChartMonth || m.month > month) return
    let interest = 0
    let fees = 0
    let penalty = 0
    for (const c of Object.values(m.byAccount)) {
      interest += c.interest
      fees += c.fees
      penalty += c.penalty
    }
    chart.push({ month: m.month, interest, fees, penalty, principalOutstanding: at.balances[i]?.total ?? 0 })
  })
  const costShare = accounts
    .filter((a) => a.costCharged !== 0)
    .map((a) => ({ accountId: a.accountId, name: a.name, cost: a.costCharged }))
    .sort((a, b) => b.cost - a.cost)

  const inquiries = own.inquiries.filter((i) => inMonth(i.date))
  return {
    month,
    from,
    to,
    asOf,
    complete,
    totals,
    accounts,
    loans,
    bills,
    nextMonth,
    dues,
    flags,
    chart,
    costShare,
    counts: {
      draws: own.draws.filter((d) => inMonth(d.drawDate)).length,
      orders: own.orders.filter((o) => inMonth(o.orderDate)).length,
      repayments: own.repayments.filter((r) => inMonth(r.date)).length,
      inquiries: inquiries.length,
      hardInquiries: inquiries.filter((i) => HARD_INQUIRY_REASONS.includes(i.reason)).length
    }
  }
}

/**
 * The reports of every month from `first` to `last`, one at a time, each engine run shared by two
 * neighbouring months: a caller can let the screen breathe between months of a long range.
 */
export function* monthReports(ledger: Ledger, first: string, last: string, today: IsoDate, inputs: ReportInputSource): Generator<MonthReport, void, undefined> {
  let before: LedgerCost | undefined
  // With fixed inputs no one else reads the runs, so the memo may freeze walks that can no longer
  // change (the runs' draw and order maps then leave those out; see createCostMemo). A per-month
  // source is handed each run whole.
  const memo = typeof inputs === 'function' ? createCostMemo() : createCostMemo(ledger)
  const shared: RangeShared = { cut: ledgerCutter(ledger), byMonth: recordsByMonth(ledger) }
  for (let m = first; m <= last; m = addMonthsToMonth(m, 1)) {
    const costs = monthCosts(ledger, m, today, before, memo, shared.cut)
    yield assembleReport(ledger, m, today, inputs, costs, shared)
    before = costs.at
  }
}

export function assembleMonthReports(ledger: Ledger, first: string, last: string, today: IsoDate, inputs: ReportInputSource): MonthReport[] {
  return [...monthReports(ledger, first, last, today, inputs)]
}
