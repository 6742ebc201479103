// Owns the utilisation rule (BANK): a line or card using more than 70% of its limit.
import type { Fen } from '../money'
import type { Account } from '../records'
import { money, msg, percent } from './text'
import type { RiskFlag, RiskInput } from './types'

export interface Utilisation {
  account: Account
  used: Fen
  limit: Fen
  /** The most that keeps it at or below the threshold. */
  cap: Fen
  percent: number
}

/** Share of a credit limit in use, in percent with one decimal; null where there is no limit. */
export function utilisationPercent(used: Fen, limit: Fen | null): number | null {
  return limit !== null && limit > 0 ? Math.round((used / limit) * 1000) / 10 : null
}

/** Every account with a limit, with what is used of it (principal out, as the accounts list shows it). */
export function utilisations(input: Pick<RiskInput, 'ledger' | 'balances' | 'settings'>): Utilisation[] {
  const pct = input.settings.utilisationPercent
  const out: Utilisation[] = []
  for (const account of input.ledger.accounts) {
    const limit = account.creditLimit
    if (limit === null || limit <= 0) continue
    const used = input.balances.get(account.id)?.principalOutstanding ?? 0
    out.push({ account, used, limit, cap: Math.floor((limit * pct) / 100), percent: (used / limit) * 100 })
  }
  return out
}

/** Over the threshold, compared exactly in fen (71% fires, 70% does not). */
export function isOverUtilised(u: Utilisation, pct: number): boolean {
  return u.used * 100 > u.limit * pct
}

export function utilisationRule(input: RiskInput): RiskFlag[] {
  const pct = input.settings.utilisationPercent
  return utilisations(input)
    .filter((u) => isOverUtilised(u, pct))
    .map((u): RiskFlag => ({
      id: `utilisation:${u.account.id}`,
      rule: 'utilisation',
      severity: 'warning',
      source: 'BANK',
      measure: Math.floor(u.percent),
      unit: 'percent',
      accountIds: [u.account.id],
      records: [],
      explanation: msg('riskText.utilisation.explanation', { account: u.account.name, used: money(u.used), limit: money(u.limit), percent: percent(u.percent), max: percent(pct) }),
      action: msg('riskText.utilisation.action', { payDown: money(u.used - u.cap), account: u.account.name, cap: money(u.cap) })
    }))
}
