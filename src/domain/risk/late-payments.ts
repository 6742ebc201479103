// Owns the late-payment history toward 连三累六 (BANK): every due date of a reporting account that passed without the payment it needed, and the rule that counts them over 24 months.
//
// What counts as late is the cost engine's reading (ledger-cost.ts `late`), the same model that says
// what is overdue:
// - a draw's period not paid in full by the end of its due date (随借随还: not cleared by the end
//   of its term);
// - a statement bill (花呗, 分付, credit card) whose minimum was not paid by the end of its grace
//   days: paying at least the minimum is ON TIME, the rest revolves (DOMAIN.md "Statement credit");
// - a pay-later order not paid by its due date.
// - A shortfall of at most lateToleranceYuan (default ¥10) is not late: card issuers forgive small
//   underpayments (容差), and a fen of rounding between the ledger and a lender is not a late payment.
// - Only accounts that may report count (mayReport): 连三累六 is read off the 征信 report.
// - The report marks each account once a month, so lateness is counted in account-months: two
//   late orders on one 花呗 bill are one late month. 连三 is the longest run of consecutive late
//   months on one account; 累六 the number of late account-months in the window.
import { addMonths, monthIndexOf, monthOf, type IsoDate } from '../calendar'
import type { LateEvent } from '../cost/types'
import { leavesMonthsWindowOn, mayReport } from './context'
import { listOf, money, msg, names } from './text'
import type { RiskFlag, RiskInput } from './types'

export type { LateEvent } from '../cost/types'

type Input = Pick<RiskInput, 'accountById' | 'cost'> & { settings: Pick<RiskInput['settings'], 'lateToleranceYuan'> }

/** Every late due date from `from` on, up to the engine's day, on accounts that may report, oldest first. */
export function lateEvents(input: Input, from: IsoDate): LateEvent[] {
  const tolerance = input.settings.lateToleranceYuan * 100
  return input.cost.late.filter((e) => e.dueDate >= from && e.shortfall > tolerance && mayReport(input.accountById.get(e.accountId)))
}

export interface LateSummary {
  events: LateEvent[]
  /** Late account-months in the window (累六 counts these). */
  total: number
  /** The longest run of consecutive late months on one account (连三 looks at this). */
  longest: { accountId: string; months: string[] } | null
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
      run = run.length > 0 && monthIndexOf(m) === monthIndexOf(run[run.length - 1]!) + 1 ? [...run, m] : [m]
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
  const list = listOf(summary.events.map((e) => msg('riskText.late.event', { account: name(e.accountId), date: e.dueDate, amount: money(e.shortfall) })))
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
      explanation: msg('riskText.late.explanation', {
        window,
        total: summary.total,
        accounts: names(accounts.map(name)),
        list,
        run: run.months.length,
        runAccount: name(run.accountId),
        consecutive: lateConsecutive,
        lateTotal
      }),
      action: critical ? msg('riskText.late.actionCritical', { leaves, window }) : msg('riskText.late.action', { room, lateTotal, leaves })
    }
  ]
}
