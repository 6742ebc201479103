// Owns the overdue rule: any draw or order past its due date, even by a day, from the cost engine's arrears.
import type { Account } from '../records'
import { mayReport } from './context'
import { bi, drawLabel, money, nOf, orderLabel } from './text'
import type { Bilingual, RiskFlag, RiskInput, SourceCategory } from './types'

/** The 征信 report shows overdue status by month (1-30 days is M1, 31-60 M2...): a flag gets worse when it moves up a month. */
export function overdueMonths(days: number): number {
  return Math.max(1, Math.ceil(days / 30))
}

function consequence(account: Account | undefined): { source: SourceCategory; text: Bilingual } {
  if (mayReport(account))
    return {
      source: 'REG',
      text: bi(
        '逾期会报送征信，还清后不良记录仍保留 5 年（《征信业管理条例》）。',
        'Overdue payments are reported to the credit report, and the record stays 5 years after it is paid (Credit Reporting Regulation).'
      )
    }
  const name = account?.name ?? '—'
  return {
    source: 'PRODUCT',
    text: bi(`${name}不上征信，但逾期会影响它的信用分，并可能收费。`, `${name} does not report to the credit report, but overdue hurts its own credit score and may cost a fee.`)
  }
}

/** Every draw and order in arrears for at least `overdueMinDays` days (default 1: even one day). */
export function overdueRule(input: RiskInput): RiskFlag[] {
  const min = input.settings.overdueMinDays
  const flags: RiskFlag[] = []
  for (const draw of input.ledger.draws) {
    const cost = input.cost.draws.get(draw.id)
    const overdue = cost?.overdue
    if (!cost || !overdue || overdue.days < min) continue
    const account = input.accountById.get(draw.accountId)
    const { source, text } = consequence(account)
    const label = drawLabel(account, draw)
    flags.push({
      id: `overdue:draw:${draw.id}`,
      rule: 'overdue',
      severity: 'critical',
      source,
      measure: overdueMonths(overdue.days),
      unit: 'months',
      accountIds: [draw.accountId],
      records: [{ type: 'draw', id: draw.id }],
      explanation: bi(
        `借款 ${label.zh} 自 ${overdue.since} 的还款日起已逾期 ${overdue.days} 天，罚息 ${money(overdue.penaltyAccrued)}，现欠 ${money(cost.owedToday)}。${text.zh}`,
        `The draw ${label.en} has been overdue ${nOf(overdue.days, 'day')} since its ${overdue.since} due date, with ${money(overdue.penaltyAccrued)} penalty; ${money(cost.owedToday)} is owed. ${text.en}`
      ),
      action: bi(`今天就还上逾期的部分（连同罚息）；全部还清需 ${money(cost.owedToday)}。`, `Pay the overdue part with its penalty today; clearing it all takes ${money(cost.owedToday)}.`)
    })
  }
  for (const order of input.ledger.orders) {
    const cost = input.cost.orders.get(order.id)
    const overdue = cost?.overdue
    if (!cost || !overdue || overdue.days < min) continue
    const account = input.accountById.get(order.accountId)
    const { source, text } = consequence(account)
    const label = orderLabel(account, order)
    flags.push({
      id: `overdue:order:${order.id}`,
      rule: 'overdue',
      severity: 'critical',
      source,
      measure: overdueMonths(overdue.days),
      unit: 'months',
      accountIds: [order.accountId],
      records: [{ type: 'order', id: order.id }],
      explanation: bi(
        `订单 ${label.zh} 应在 ${overdue.since} 还，已逾期 ${overdue.days} 天，罚息 ${money(overdue.penaltyAccrued)}，现欠 ${money(cost.owed)}。${text.zh}`,
        `The order ${label.en} was due on ${overdue.since} and is ${nOf(overdue.days, 'day')} overdue, with ${money(overdue.penaltyAccrued)} penalty; ${money(cost.owed)} is owed. ${text.en}`
      ),
      action: bi(`今天就还清 ${money(cost.owed)}。`, `Pay the ${money(cost.owed)} today.`)
    })
  }
  return flags
}
