// Owns what every rule shares: the risk input built from a ledger, which accounts may report to 征信, which count as online lenders, and the date windows.
import { addDays, addMonths, type IsoDate } from '../calendar'
import { ledgerCost, type LedgerCost } from '../cost/ledger-cost'
import type { Account, AccountKind, Draw, Ledger, Profile } from '../records'
import type { RiskSettings } from './settings'
import type { RiskText } from './messages'
import type { RiskFlag, RiskInput, RuleId, Severity } from './types'

/** What the caller may already have worked out for the same ledger and day (the app's live view has it). */
export interface Derived {
  cost?: LedgerCost
}

export function riskInput(ledger: Ledger, profile: Profile, settings: RiskSettings, today: IsoDate, derived: Derived = {}): RiskInput {
  const cost = derived.cost ?? ledgerCost(ledger, today)
  return { ledger, profile, settings, today, cost, balances: cost.accounts, accountById: new Map(ledger.accounts.map((a) => [a.id, a])) }
}

/**
 * Whether an account's records may appear on the 征信 report. 'unknown' counts: whether a BNPL
 * product reports varies and changes (DOMAIN.md), and a warning that turns out unnecessary costs
 * less than a rejected mortgage. Only accounts marked 'no' are left out.
 */
export function mayReport(account: Pick<Account, 'reportsToCredit'> | undefined): boolean {
  return account !== undefined && account.reportsToCredit !== 'no'
}

/**
 * The kinds that count as online lenders (网贷) in the uncleared-lender count: revolving cash
 * loan lines (网商贷, 借呗, 微粒贷, 金条, 度小满) and pay-later products (花呗, 分付, 白条, 月付,
 * 先用后付), which report under consumer-finance companies and small-loan firms, as long as they
 * may report. Bank credit cards and term loans (a bank's consumer or car loan) are bank credit,
 * not 网贷; 'other' is left out as it says nothing about the lender.
 */
export const ONLINE_LENDER_KINDS: readonly AccountKind[] = ['cashLoanLine', 'bnplStatement', 'payLaterOrder']

/** By its kind, unless the account says otherwise (its onlineLender setting); only accounts that may report count. */
export function isOnlineLender(account: Account): boolean {
  return (account.onlineLender ?? ONLINE_LENDER_KINDS.includes(account.kind)) && mayReport(account)
}

/**
 * The lender an account reports under: its name on the report where given (花呗 and 借呗 are
 * both 重庆蚂蚁消费金融有限公司, one lender), otherwise the account's own name.
 */
export function lenderOf(account: Account): string {
  return account.reportName.trim() || account.name
}

/** Draws dated from `from` to `to` (both included) on the accounts `accept` takes, by account, oldest first. */
export function drawsByAccount(input: Pick<RiskInput, 'ledger' | 'accountById'>, from: IsoDate, to: IsoDate, accept: (account: Account) => boolean): Map<Account, Draw[]> {
  const out = new Map<Account, Draw[]>()
  for (const draw of input.ledger.draws) {
    if (draw.drawDate < from || draw.drawDate > to) continue
    const account = input.accountById.get(draw.accountId)
    if (!account || !accept(account)) continue
    const list = out.get(account)
    if (list) list.push(draw)
    else out.set(account, [draw])
  }
  for (const list of out.values()) list.sort((a, b) => (a.drawDate < b.drawDate ? -1 : a.drawDate > b.drawDate ? 1 : 0))
  return out
}

/** A FOLK flag about some draws on one account, measured by how many there are (more draws, worse). */
export function drawCountFlag(rule: RuleId, severity: Severity, account: Account, draws: readonly Draw[], explanation: RiskText, action: RiskText): RiskFlag {
  return {
    id: `${rule}:${account.id}`,
    rule,
    severity,
    source: 'FOLK',
    measure: draws.length,
    unit: 'count',
    accountIds: [account.id],
    records: draws.map((d) => ({ type: 'draw', id: d.id })),
    explanation,
    action
  }
}

/** The first day of the `days`-day window that ends on (and includes) `end`. */
export function windowStart(end: IsoDate, days: number): IsoDate {
  return addDays(end, 1 - days)
}

/**
 * Month windows (inquiries, late payments) count a day when it lies within `months` calendar
 * months of `end`, both ends included: on 2026-11-21 the last month runs from 2026-10-21.
 */
export function inMonthsWindow(date: IsoDate, end: IsoDate, months: number): boolean {
  return date <= end && date >= addMonths(end, -months)
}

/** The first day on which `date` is no longer within the last `months` months (month ends clamp, so this is searched, not assumed). */
export function leavesMonthsWindowOn(date: IsoDate, months: number): IsoDate {
  let end = addMonths(date, months)
  while (addMonths(end, -months) <= date) end = addDays(end, 1)
  return end
}
