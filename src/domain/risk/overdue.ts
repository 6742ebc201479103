// Owns the overdue rule: any draw, order or bill past its due date (a bill: below its minimum after the grace days), even by a day, from the cost engine's arrears.
import type { IsoDate } from '../calendar'
import type { Fen } from '../money'
import type { Account } from '../records'
import { mayReport } from './context'
import type { RiskParam, RiskText } from './messages'
import { drawLabel, money, msg, orderLabel } from './text'
import type { RecordRef, RiskFlag, RiskInput, SourceCategory } from './types'

/** The 征信 report shows overdue status by month (1-30 days is M1, 31-60 M2...): a flag gets worse when it moves up a month. */
export function overdueMonths(days: number): number {
  return Math.max(1, Math.ceil(days / 30))
}

export interface OverdueRecord {
  record: RecordRef & { type: 'draw' | 'order' | 'bill' }
  accountId: string
  account: Account | undefined
  /** 网商贷 2026-10-01 ¥1,000.00, or the order's merchant and date. */
  label: RiskParam
  since: IsoDate
  days: number
  penalty: Fen
  /**
   * What makes it good today: a draw's arrears with their penalty (the engine and the store agree
   * on it); an order's unpaid amount, its penalty apart as an estimate (the platform decides); a
   * bill's shortfall below its minimum (its 违约金 comes on the next bill).
   */
  owed: Fen
  /** Everything the draw owes (draws only), for "clearing it all takes …". */
  total: Fen
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
    out.push({ record: { type: 'draw', id: draw.id }, accountId: draw.accountId, account, label: drawLabel(account, draw), since: o.since, days: o.days, penalty: o.penaltyAccrued, owed: o.amount, total: cost.owedToday })
  }
  for (const order of input.ledger.orders) {
    const cost = input.cost.orders.get(order.id)
    const o = cost?.overdue
    if (!cost || !o || o.days < min) continue
    const account = input.accountById.get(order.accountId)
    out.push({ record: { type: 'order', id: order.id }, accountId: order.accountId, account, label: orderLabel(account, order), since: o.since, days: o.days, penalty: o.penaltyAccrued, owed: cost.owed, total: cost.owed })
  }
  for (const [accountId, walk] of input.cost.statements)
    for (const due of walk.dues) {
      if (!due.overdue || due.overdue.days < min) continue
      const account = input.accountById.get(accountId)
      const name = account?.name ?? '—'
      out.push({
        record: { type: 'bill', id: `${accountId}:${due.bill.statementDate}` },
        accountId,
        account,
        label: msg('riskText.label.bill', { name, date: due.bill.statementDate }),
        since: due.dueDate,
        days: due.overdue.days,
        penalty: due.overdue.penalty,
        owed: due.amount,
        total: due.amount
      })
    }
  return out
}

function consequence(account: Account | undefined): { source: SourceCategory; text: RiskText } {
  if (mayReport(account)) return { source: 'REG', text: msg('riskText.overdue.reported') }
  return { source: 'PRODUCT', text: msg('riskText.overdue.notReported', { name: account?.name ?? '—' }) }
}

function explain(r: OverdueRecord, tail: RiskText): RiskText {
  const facts = { label: r.label, since: r.since, days: r.days, penalty: money(r.penalty), owed: money(r.owed), tail }
  if (r.record.type === 'draw') return msg('riskText.overdue.draw', facts)
  if (r.record.type === 'bill') return msg('riskText.overdue.bill', { ...facts, fee: r.penalty > 0 ? msg('riskText.overdue.billFee', { penalty: facts.penalty }) : '' })
  return msg('riskText.overdue.order', facts)
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
          ? msg('riskText.overdue.drawAction', { owed: money(r.owed), total: money(r.total) })
          : r.record.type === 'bill'
            ? msg('riskText.overdue.billAction', { owed: money(r.owed) })
            : msg('riskText.overdue.orderAction', { owed: money(r.owed) })
    }
  })
}
