// Owns the high-cost rule (REG, for context): an open loan whose real APR is above 4x the one-year LPR, above 24%, or above 36%.
import type { AprResult } from '../cost/types'
import type { RiskText } from './messages'
import { drawLabel, msg, orderLabel, percent } from './text'
import type { RecordRef, RiskFlag, RiskInput, Severity } from './types'

/** The hard line of the older private-lending rules: interest above 36% a year was void. */
export const VOID_APR_PERCENT = 36

interface Level {
  severity: Severity
  line: number
  text: RiskText
}

/** Which line a real APR crosses, the highest first; null when it is under all of them. */
export function highCostLevel(aprPercent: number, settings: RiskInput['settings']): Level | null {
  const lprLine = settings.lprPercent * settings.lprMultiple
  if (aprPercent > VOID_APR_PERCENT)
    return {
      severity: 'critical',
      line: VOID_APR_PERCENT,
      text: msg('riskText.highCost.void')
    }
  if (aprPercent > settings.highCostAprPercent)
    return {
      severity: 'warning',
      line: settings.highCostAprPercent,
      text: msg('riskText.highCost.high', { line: percent(settings.highCostAprPercent) })
    }
  if (aprPercent > lprLine)
    return {
      severity: 'info',
      line: lprLine,
      text: msg('riskText.highCost.lpr', { multiple: settings.lprMultiple, line: percent(lprLine) })
    }
  return null
}

function aprPercent(apr: AprResult | null): number | null {
  return apr === null || !Number.isFinite(apr.aprSimple) ? null : apr.aprSimple * 100
}

interface Costly {
  record: RecordRef
  accountId: string
  apr: number
  /** What it is: "the draw 网商贷 …", "the instalment order 花呗 「…」 … (the fee is charged on the original amount)". */
  what: RiskText
  action: RiskText
}

/** Open draws, and open 分期 orders, with a real APR the engine could solve. */
function openLoansWithApr(input: RiskInput): Costly[] {
  const out: Costly[] = []
  for (const draw of input.ledger.draws) {
    const cost = input.cost.draws.get(draw.id)
    const apr = cost && cost.owedToday > 0 ? aprPercent(cost.apr) : null
    if (apr === null) continue
    const label = drawLabel(input.accountById.get(draw.accountId), draw)
    out.push({
      record: { type: 'draw', id: draw.id },
      accountId: draw.accountId,
      apr,
      what: msg('riskText.highCost.draw', { label, apr: percent(apr) }),
      action: msg('riskText.highCost.drawAction')
    })
  }
  for (const order of input.ledger.orders) {
    const cost = input.cost.orders.get(order.id)
    const apr = cost && cost.owed > 0 && order.instalmentCount > 1 ? aprPercent(cost.apr) : null
    if (apr === null) continue
    const label = orderLabel(input.accountById.get(order.accountId), order)
    out.push({
      record: { type: 'order', id: order.id },
      accountId: order.accountId,
      apr,
      what: msg('riskText.highCost.order', { label, apr: percent(apr) }),
      action: msg('riskText.highCost.orderAction')
    })
  }
  return out
}

export function highCostRule(input: RiskInput): RiskFlag[] {
  const flags: RiskFlag[] = []
  for (const loan of openLoansWithApr(input)) {
    const level = highCostLevel(loan.apr, input.settings)
    if (!level) continue
    flags.push({
      id: `highCost:${loan.record.type}:${loan.record.id}`,
      rule: 'highCost',
      severity: level.severity,
      source: 'REG',
      measure: Math.floor(loan.apr),
      unit: 'percent',
      accountIds: [loan.accountId],
      records: [loan.record],
      explanation: msg('riskText.highCost.explanation', { what: loan.what, level: level.text }),
      action: loan.action
    })
  }
  return flags
}
