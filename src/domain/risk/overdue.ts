// Owns the overdue rule: any draw, order or bill past its due date (a bill: below its minimum after the grace days), even by a day, from the cost engine's arrears.
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
  record: RecordRef & { type: 'draw' | 'order' | 'bill' }
  accountId: string
  account: Account | undefined
  /** 网商贷 2026-10-01 ¥1,000.00, or the order's merchant and date. */
  label: Bilingual
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
        label: bi(`${name} ${due.bill.statementDate} 账单`, `${name} bill of ${due.bill.statementDate}`),
        since: due.dueDate,
        days: due.overdue.days,
        penalty: due.overdue.penalty,
        owed: due.amount,
        total: due.amount
      })
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
      `借款 ${r.label.zh} 自 ${r.since} 的还款日起已逾期 ${r.days} 天，逾期部分连同罚息 ${facts.penalty} 共 ${facts.owed}。${tail.zh}`,
      `The draw ${r.label.en} has been overdue ${nOf(r.days, 'day')} since its ${r.since} due date: ${facts.owed} in arrears, ${facts.penalty} of it penalty. ${tail.en}`
    )
  if (r.record.type === 'bill')
    return bi(
      `${r.label.zh}到 ${r.since}（含宽限期）还款不足最低还款额，已逾期 ${r.days} 天，还差 ${facts.owed}${r.penalty > 0 ? `，违约金 ${facts.penalty} 计入下期账单` : ''}。${tail.zh}`,
      `The ${r.label.en} was paid below its minimum by ${r.since} (grace days included) and is ${nOf(r.days, 'day')} overdue: ${facts.owed} short${r.penalty > 0 ? `, with a ${facts.penalty} late fee on the next bill` : ''}. ${tail.en}`
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
          ? bi(`今天就还上逾期的 ${money(r.owed)}（含罚息）；全部还清需 ${money(r.total)}。`, `Pay the ${money(r.owed)} in arrears (penalty included) today; clearing it all takes ${money(r.total)}.`)
          : r.record.type === 'bill'
            ? bi(`今天就补足最低还款额，还 ${money(r.owed)}；其余可以下期再还（会计循环利息）。`, `Pay the ${money(r.owed)} short of the minimum today; the rest can wait for the next bill (it bears revolving interest).`)
            : bi(`今天就还清 ${money(r.owed)}，罚息以平台账单为准。`, `Pay the ${money(r.owed)} today; any penalty is on the platform's bill.`)
    }
  })
}
