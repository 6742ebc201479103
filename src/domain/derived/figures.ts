// Owns every figure derived from the ledger for one day, worked out in one place: the cost engine's walk, the risk flags read from it, and the minimum-only what-if of each open bill the home page shows.
import type { IsoDate } from '../calendar'
import { billWhatIf, type BillWhatIf } from '../cost/bill-what-if'
import { ledgerCost, type CostMemo, type LedgerCost } from '../cost/ledger-cost'
import type { DueItem } from '../cost/due-items'
import type { Ledger, Profile } from '../records'
import { evaluateRules, riskInput } from '../risk'
import type { RiskSettings } from '../risk/settings'
import type { RiskFlag } from '../risk/types'

/** What the figures depend on besides the records. */
export interface FigureContext {
  today: IsoDate
  profile: Profile
  riskSettings: RiskSettings
}

export interface Figures {
  today: IsoDate
  cost: LedgerCost
  /** Every active flag, the most severe first (acknowledged ones included: hiding them is the view's business). */
  flags: RiskFlag[]
  /** Per due item (its key): what paying only the minimum of an issued, still open bill costs by the next bill. */
  minimumOnly: Map<string, BillWhatIf>
}

/** The what-if the home page offers: 6 periods at 0.6% a period, the most common 账单分期 terms. */
export const MINIMUM_ONLY_TERMS = { count: 6, feeRate: 0.006 } as const

/** Issued bills before their due day with a minimum to pay: the ones where paying only the minimum is a choice. */
export function minimumOnlyCosts(ledger: Ledger, dues: readonly DueItem[], today: IsoDate): Map<string, BillWhatIf> {
  const out = new Map<string, BillWhatIf>()
  for (const item of dues) {
    if (!item.bill?.issued || item.overdue || (item.bill.minimum ?? 0) <= 0 || item.bill.view.status !== 'open') continue
    const whatIf = billWhatIf(ledger, item.accountId, item.bill.statementDate, today, MINIMUM_ONLY_TERMS)
    if (whatIf && whatIf.minimum.interest > 0) out.set(item.key, whatIf)
  }
  return out
}

/**
 * Every figure of the ledger for the context's day. A memo held across calls (one per stream of
 * changes, e.g. the figures worker's) lets the engine reuse the walks of records whose inputs are
 * the same objects as last time: a change to one account re-walks that account only.
 */
export function deriveFigures(ledger: Ledger, context: FigureContext, memo?: CostMemo): Figures {
  const { today } = context
  const cost = ledgerCost(ledger, today, {}, memo)
  const flags = evaluateRules(riskInput(ledger, context.profile, context.riskSettings, today, { cost }))
  return { today, cost, flags, minimumOnly: minimumOnlyCosts(ledger, cost.dues, today) }
}
