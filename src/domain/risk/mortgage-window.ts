// Owns the mortgage-window rules: draws on reporting products inside the clean-up window before the planned mortgage (FOLK), and loans still open on its date (BANK).
import { addDays, addMonths, monthlyDueDates, type IsoDate } from '../calendar'
import type { Fen } from '../money'
import type { Account, Draw } from '../records'
import { drawCountFlag, drawsByAccount, isOnlineLender, mayReport } from './context'
import type { RiskParam } from './messages'
import { drawShort, listOf, money, msg, orderShort } from './text'
import type { RecordRef, RiskFlag, RiskInput } from './types'

/** The first day of the clean-up window: `cleanupMonths` (default 3, at most 6) before the mortgage date. */
export function cleanupStart(mortgageDate: IsoDate, settings: RiskInput['settings']): IsoDate {
  return addMonths(mortgageDate, -settings.cleanupMonths)
}

/**
 * The day to have a loan settled by: `settleLeadDays` (default 30) before the mortgage date, as
 * lenders report about monthly and the report should show it cleared; today if that has passed.
 */
export function settleBy(mortgageDate: IsoDate, today: IsoDate, settings: RiskInput['settings']): IsoDate {
  const day = addDays(mortgageDate, -settings.settleLeadDays)
  return day < today ? today : day
}

/** Draws on accounts that may report, dated from the clean-up window's start up to the day before the mortgage, by account. */
export function drawsInCleanup(input: Pick<RiskInput, 'ledger' | 'accountById' | 'settings'>, mortgageDate: IsoDate): Map<Account, Draw[]> {
  return drawsByAccount(input, cleanupStart(mortgageDate, input.settings), addDays(mortgageDate, -1), mayReport)
}

export interface OpenLoan {
  account: Account
  record: RecordRef
  label: RiskParam
  /** Its last due date: on or after the mortgage date, so it is still open then unless settled. */
  endDate: IsoDate
  owed: Fen
  principalOutstanding: Fen
}

/** Open draws and 分期 orders on reporting accounts whose term runs to the mortgage date or past it. */
export function openOnDate(input: Pick<RiskInput, 'ledger' | 'accountById' | 'cost'>, mortgageDate: IsoDate): OpenLoan[] {
  const out: OpenLoan[] = []
  for (const draw of input.ledger.draws) {
    const cost = input.cost.draws.get(draw.id)
    const account = input.accountById.get(draw.accountId)
    if (!cost || cost.owedToday <= 0 || !account || !mayReport(account)) continue
    const endDate = addMonths(draw.firstDueDate, draw.termMonths - 1)
    if (endDate < mortgageDate) continue
    out.push({ account, record: { type: 'draw', id: draw.id }, label: drawShort(draw), endDate, owed: cost.owedToday, principalOutstanding: cost.principalOutstanding })
  }
  for (const order of input.ledger.orders) {
    const cost = input.cost.orders.get(order.id)
    const account = input.accountById.get(order.accountId)
    if (!cost || cost.owed <= 0 || order.instalmentCount <= 1 || !account || !mayReport(account)) continue
    const endDate = monthlyDueDates(order.dueDate, order.instalmentCount)[order.instalmentCount - 1]!
    if (endDate < mortgageDate) continue
    out.push({
      account,
      record: { type: 'order', id: order.id },
      label: orderShort(order),
      endDate,
      owed: cost.owed,
      principalOutstanding: Math.min(cost.owed, order.amount)
    })
  }
  return out
}

/** The planned date, if it is set and still ahead. */
function plannedDate(input: RiskInput): IsoDate | null {
  const date = input.profile.mortgageDate
  return date !== null && date > input.today ? date : null
}

export function mortgageDrawsRule(input: RiskInput): RiskFlag[] {
  const date = plannedDate(input)
  if (!date) return []
  const start = cleanupStart(date, input.settings)
  const months = input.settings.cleanupMonths
  const flags: RiskFlag[] = []
  for (const [account, draws] of drawsInCleanup(input, date)) {
    const list = listOf([...draws].reverse().map(drawShort), 8)
    const unsure = account.reportsToCredit === 'unknown' ? msg('riskText.mortgageDraws.unsure') : ''
    const from = start > input.today ? start : input.today
    flags.push(
      drawCountFlag(
        'mortgageDraws',
        'warning',
        account,
        draws,
        msg('riskText.mortgageDraws.explanation', { date, months, start, account: account.name, unsure, count: draws.length, list }),
        msg('riskText.mortgageDraws.action', {
          from: from === input.today ? msg('riskText.mortgageDraws.fromNow') : msg('riskText.mortgageDraws.fromDate', { date: from }),
          account: account.name,
          settleBy: settleBy(date, input.today, input.settings)
        })
      )
    )
  }
  return flags
}

export function openAtMortgageRule(input: RiskInput): RiskFlag[] {
  const date = plannedDate(input)
  if (!date) return []
  const by = new Map<Account, OpenLoan[]>()
  for (const loan of openOnDate(input, date)) by.set(loan.account, [...(by.get(loan.account) ?? []), loan])
  const deadline = settleBy(date, input.today, input.settings)
  const flags: RiskFlag[] = []
  for (const [account, loans] of by) {
    const owed = loans.reduce((s, l) => s + l.owed, 0)
    const principal = loans.reduce((s, l) => s + l.principalOutstanding, 0)
    const list = listOf(loans.map((l) => msg('riskText.openAtMortgage.loan', { label: l.label, end: l.endDate, owed: money(l.owed) })))
    const online = isOnlineLender(account)
    flags.push({
      id: `openAtMortgage:${account.id}`,
      rule: 'openAtMortgage',
      severity: online ? 'warning' : 'info',
      source: 'BANK',
      measure: principal,
      unit: 'fen',
      accountIds: [account.id],
      records: loans.map((l) => l.record),
      explanation: msg(online ? 'riskText.openAtMortgage.explanationOnline' : 'riskText.openAtMortgage.explanationBank', { date, account: account.name, count: loans.length, list }),
      action: online
        ? msg('riskText.openAtMortgage.actionOnline', { deadline, account: account.name, owed: money(owed) })
        : msg('riskText.openAtMortgage.actionBank', { owed: money(owed), deadline })
    })
  }
  return flags
}
