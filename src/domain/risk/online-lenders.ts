// Owns the online-lender rule (BANK): more uncleared 网贷 lenders than a bank likes to see (default 2).
import type { Fen } from '../money'
import type { Account } from '../records'
import { isOnlineLender, lenderOf } from './context'
import type { RiskText } from './messages'
import { listOf, money, msg, names } from './text'
import type { RiskFlag, RiskInput } from './types'

export interface UnclearedLender {
  lender: string
  accounts: Account[]
  owed: Fen
  /** Some of its accounts are marked "not sure whether it reports". */
  uncertain: boolean
}

/** Online lenders with something still owed, smallest debt first (the quickest to clear). */
export function unclearedLenders(input: Pick<RiskInput, 'ledger' | 'balances'>): UnclearedLender[] {
  const by = new Map<string, UnclearedLender>()
  for (const account of input.ledger.accounts) {
    if (!isOnlineLender(account)) continue
    const owed = input.balances.get(account.id)?.owed ?? 0
    if (owed <= 0) continue
    const lender = lenderOf(account)
    const entry = by.get(lender) ?? { lender, accounts: [], owed: 0, uncertain: false }
    entry.accounts.push(account)
    entry.owed += owed
    entry.uncertain ||= account.reportsToCredit === 'unknown'
    by.set(lender, entry)
  }
  // Accounts by name, so the text is the same whatever order the records were read in.
  for (const entry of by.values()) entry.accounts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
  return [...by.values()].sort((a, b) => a.owed - b.owed || (a.lender < b.lender ? -1 : 1))
}

function lenderText(l: UnclearedLender): RiskText {
  const accounts = l.accounts.map((a) => a.name)
  const own = accounts.length === 1 && accounts[0] === l.lender
  return msg('riskText.onlineLenders.lender', {
    lender: l.lender,
    accounts: own ? '' : msg('riskText.onlineLenders.lenderAccounts', { names: names(accounts) }),
    owed: money(l.owed),
    unsure: l.uncertain ? msg('riskText.onlineLenders.unsure') : ''
  })
}

export function onlineLendersRule(input: RiskInput): RiskFlag[] {
  const max = input.settings.maxOnlineLenders
  const lenders = unclearedLenders(input)
  if (lenders.length <= max) return []
  const toClear = lenders.slice(0, lenders.length - max)
  const all = listOf(lenders.map(lenderText), 8)
  const clear = listOf(toClear.map(lenderText), 8)
  return [
    {
      id: 'onlineLenders',
      rule: 'onlineLenders',
      severity: 'warning',
      source: 'BANK',
      measure: lenders.length,
      unit: 'count',
      accountIds: lenders.flatMap((l) => l.accounts.map((a) => a.id)),
      records: [],
      explanation: msg('riskText.onlineLenders.explanation', { count: lenders.length, list: all, max }),
      action: msg('riskText.onlineLenders.action', { count: toClear.length, list: clear })
    }
  ]
}
