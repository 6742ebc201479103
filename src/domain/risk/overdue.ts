// Owns the overdue rule: any draw or order past its due date, even by a day, from the cost engine's arrears.
import type { IsoDate } from '../dates'
import type { Fen } from '../money'
import type { Account } from '../records'
import { mayReport } from './context'
import { bi, drawLabel, money, nOf, orderLabel } from './text'
import type { Bilingual, RecordRef, RiskFlag, RiskInput, SourceCategory } from './types'

/** The 征信 report shows overdue status by month (1-30 days is M1, 31-60 M2...): a flag gets worse when it moves up a month. */
export function overdueMonths(days: number): number {
  return Math.max(1, Math.ceil(days / 30))
}

export interface OverdueRecord {
  record: RecordRef & { type: 'draw' | 'order' }
  accountId: string
  account: Account | undefined
  /** 网商贷 2026-10-01 ¥1,000.00, or the order's merchant and date. */
  label: Bilingual
  since: IsoDate
  days: number
  penalty: Fen
  /**
   * What the ledger takes to clear it today: for a draw the penalty is included (the engine and the
   * store agree on it); for an order it is not, as the platform decides its own fee, so the
   * penalty is named beside it as an estimate.
   */
  owed: Fen
}

/** Every draw and order in arrears for at least `overdueMinDays` days, draws first, in the ledger's order. */
export function overdueRecords(input: Pick<RiskInput, 'ledger' | 'cost' | 'accountById' | 'settings'>): OverdueRecord[] {
  const min = input.settings.overdueMinDays
  const out: OverdueRecord[] = []
  for (const draw of input.ledger.draws) {
    const cost = input.cost.draws.get(draw.id)
    const o = cost?.overdue
    if (!cost || !o || o.days < min) continue
    const account = input.accountById.get(draw.accountId)
    out.push({ record: { type: 'draw', id: draw.id }, accountId: draw.accountId, account, label: drawLabel(account, draw), since: o.since, days: o.days, penalty: o.penaltyAccrued, owed: cost.owedToday })
  }
  for (const order of input.ledger.orders) {
    const cost = input.cost.orders.get(order.id)
    const o = cost?.overdue
    if (!cost || !o || o.days < min) continue
    const account = input.accountById.get(order.accountId)
    out.push({ record: { type: 'order', id: order.id }, accountId: order.accountId, account, label: orderLabel(account, order), since: o.since, days: o.days, penalty: o.penaltyAccrued, owed: cost.owed - o.penaltyAccrued })
  }
  return out
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

function explain(r: OverdueRecord, tail: Bilingual): Bilingual {
  const facts = { penalty: money(r.penalty), owed: money(r.owed) }
  if (r.record.type === 'draw')
    return bi(
      `借款 ${r.label.zh} 自 ${r.since} 的还款日起已逾期 ${r.days} 天，罚息 ${facts.penalty}，现欠 ${facts.owed}。${tail.zh}`,
      `The draw ${r.label.en} has been overdue ${nOf(r.days, 'day')} since its ${r.since} due date, with ${facts.penalty} penalty; ${facts.owed} is owed. ${tail.en}`
    )
  return bi(
    `订单 ${r.label.zh} 应在 ${r.since} 还，已逾期 ${r.days} 天，未还 ${facts.owed}，另有罚息约 ${facts.penalty}（以平台为准）。${tail.zh}`,
    `The order ${r.label.en} was due on ${r.since} and is ${nOf(r.days, 'day')} overdue: ${facts.owed} unpaid, plus about ${facts.penalty} penalty (the platform decides). ${tail.en}`
  )
}

/** Every draw and order in arrears for at least `overdueMinDays` days (default 1: even one day). */
export function overdueRule(input: RiskInput): RiskFlag[] {
  return overdueRecords(input).map((r): RiskFlag => {
    const { source, text } = consequence(r.account)
    return {
      id: `overdue:${r.record.type}:${r.record.id}`,
      rule: 'overdue',
      severity: 'critical',
      source,
      measure: overdueMonths(r.days),
      unit: 'months',
      accountIds: [r.accountId],
      records: [r.record],
      explanation: explain(r, text),
      action:
        r.record.type === 'draw'
          ? bi(`今天就还上逾期的部分（连同罚息）；全部还清需 ${money(r.owed)}。`, `Pay the overdue part with its penalty today; clearing it all takes ${money(r.owed)}.`)
          : bi(`今天就还清 ${money(r.owed)}，罚息以平台账单为准。`, `Pay the ${money(r.owed)} today; any penalty is on the platform's bill.`)
    }
  })
}
