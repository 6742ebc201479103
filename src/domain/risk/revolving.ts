// Owns the revolving rule (BANK/PRODUCT, informational): a statement account carrying a balance after paying at least the minimum, on time, with what it costs by the next bill.
import { money, msg, ratePercent } from './text'
import type { RiskFlag, RiskInput } from './types'

/**
 * Paying the minimum is on time (DOMAIN.md "Statement credit"): no overdue, no late month. The rest
 * revolves and bears interest, which is worth knowing, so this flag is only informational.
 */
export function revolvingRule(input: RiskInput): RiskFlag[] {
  const out: RiskFlag[] = []
  for (const [accountId, walk] of input.cost.statements) {
    const r = walk.revolving
    if (!r || r.amount <= 0) continue
    const account = input.accountById.get(accountId)
    const name = account?.name ?? '—'
    out.push({
      id: `revolving:${accountId}`,
      rule: 'revolving',
      severity: 'info',
      source: account?.kind === 'creditCard' ? 'BANK' : 'PRODUCT',
      measure: r.amount,
      unit: 'fen',
      accountIds: [accountId],
      records: [],
      explanation: msg('riskText.revolving.explanation', {
        account: name,
        since: r.since,
        amount: money(r.amount),
        dailyRate: ratePercent(r.dailyRate),
        interest: money(r.byNextStatement),
        next: r.nextStatementDate
      }),
      action: msg('riskText.revolving.action', { yearRate: ratePercent(r.dailyRate * 365) })
    })
  }
  return out
}
