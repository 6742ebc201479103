// Owns the high-cost rule (REG, for context): an open loan whose real APR is above 4x the one-year LPR, above 24%, or above 36%.
import type { AprResult } from '../cost/types'
import { bi, drawLabel, orderLabel, percent } from './text'
import type { Bilingual, RecordRef, RiskFlag, RiskInput, Severity } from './types'

/** The hard line of the older private-lending rules: interest above 36% a year was void. */
export const VOID_APR_PERCENT = 36

interface Level {
  severity: Severity
  line: number
  text: Bilingual
}

/** Which line a real APR crosses, the highest first; null when it is under all of them. */
export function highCostLevel(aprPercent: number, settings: RiskInput['settings']): Level | null {
  const lprLine = settings.lprPercent * settings.lprMultiple
  if (aprPercent > VOID_APR_PERCENT)
    return {
      severity: 'critical',
      line: VOID_APR_PERCENT,
      text: bi('高于 36%：旧的民间借贷规则下超过这一部分的利息无效。', 'above 36%: under the older private-lending rules interest above this line was void.')
    }
  if (aprPercent > settings.highCostAprPercent)
    return {
      severity: 'warning',
      line: settings.highCostAprPercent,
      text: bi(
        `高于 ${percent(settings.highCostAprPercent)}：普遍被视为高成本借款。`,
        `above ${percent(settings.highCostAprPercent)}: widely treated as high-cost credit.`
      )
    }
  if (aprPercent > lprLine)
    return {
      severity: 'info',
      line: lprLine,
      text: bi(
        `高于 ${settings.lprMultiple} 倍一年期 LPR（${percent(lprLine)}）：民间借贷超过这一水平的利息法院不予保护；持牌机构不受这一上限约束，但这是贵的钱。`,
        `above ${settings.lprMultiple}x the one-year LPR (${percent(lprLine)}): courts do not protect private-lending interest above it; licensed lenders are not bound by it, but this is expensive money.`
      )
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
  what: Bilingual
  action: Bilingual
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
      what: bi(`借款 ${label.zh} 的真实年化利率约 ${percent(apr)}（IRR，单利）`, `The draw ${label.en} costs a real ${percent(apr)} a year (IRR, simple)`),
      action: bi(`有余钱时优先提前还这笔；借新款前先用“试算”比较真实年化。`, `Repay this one first when you have spare money; compare real rates in the calculator before borrowing again.`)
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
      what: bi(
        `分期订单 ${label.zh} 的真实年化利率约 ${percent(apr)}（手续费按原始本金收取）`,
        `The instalment order ${label.en} costs a real ${percent(apr)} a year (the fee is charged on the original amount)`
      ),
      action: bi(`下次大额消费尽量不分期，或比较分期手续费的真实年化。`, `Avoid instalments on the next large purchase, or compare the real rate of the fee first.`)
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
      explanation: bi(`${loan.what.zh}，${level.text.zh}`, `${loan.what.en}, ${level.text.en}`),
      action: loan.action
    })
  }
  return flags
}
