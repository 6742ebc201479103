// Owns the revolving rule (BANK/PRODUCT, informational): a statement account carrying a balance after paying at least the minimum, on time, with what it costs by the next bill.
import { bi, money, ratePercent } from './text'
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
      explanation: bi(
        `${name}自 ${r.since} 到期的账单起在循环：${money(r.amount)} 按每天 ${ratePercent(r.dailyRate)} 计息，到 ${r.nextStatementDate} 出账时约 ${money(r.byNextStatement)} 利息。按时还了最低还款额不算逾期，征信上也不是逾期记录。`,
        `${name} has revolved since the bill due ${r.since}: ${money(r.amount)} bears interest at ${ratePercent(r.dailyRate)} a day, about ${money(r.byNextStatement)} by the ${r.nextStatementDate} statement. Paying the minimum on time is not overdue and is no late payment on the credit report.`
      ),
      action: bi(
        `能全额还就全额还：循环利息折合年化约 ${ratePercent(r.dailyRate * 365)}（单利），比多数分期和借款都贵。`,
        `Pay it in full when you can: revolving interest comes to about ${ratePercent(r.dailyRate * 365)} a year (simple), dearer than most instalments and loans.`
      )
    })
  }
  return out
}
