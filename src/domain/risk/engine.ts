// Owns running the rules: every rule in order, the active flags of a ledger on a day, and which of them an acknowledgement hides.
import type { IsoDate } from '../calendar'
import type { Ledger, Profile } from '../records'
import { riskInput, type Derived } from './context'
import { debtToIncomeRule } from './debt-to-income'
import { frequentDrawsRule, smallDrawsRule } from './draw-habits'
import { highCostRule } from './high-cost'
import { hardInquiriesRule } from './inquiries'
import { latePaymentsRule } from './late-payments'
import { mortgageDrawsRule, openAtMortgageRule } from './mortgage-window'
import { onlineLendersRule } from './online-lenders'
import { overdueRule } from './overdue'
import { revolvingRule } from './revolving'
import type { Acknowledgements, RiskSettings } from './settings'
import { RULE_IDS, SEVERITIES, type RiskFlag, type RiskInput, type Rule, type RuleId } from './types'
import { utilisationRule } from './utilisation'

export const RULES: Record<RuleId, Rule> = {
  frequentDraws: frequentDrawsRule,
  smallDraws: smallDrawsRule,
  overdue: overdueRule,
  latePayments: latePaymentsRule,
  hardInquiries: hardInquiriesRule,
  onlineLenders: onlineLendersRule,
  utilisation: utilisationRule,
  debtToIncome: debtToIncomeRule,
  highCost: highCostRule,
  mortgageDraws: mortgageDrawsRule,
  openAtMortgage: openAtMortgageRule,
  revolving: revolvingRule
}

/** Every rule's flags, the most severe first, then in the rules' order. */
export function evaluateRules(input: RiskInput): RiskFlag[] {
  const flags = RULE_IDS.flatMap((id) => RULES[id](input))
  const rank = (f: RiskFlag) => SEVERITIES.indexOf(f.severity)
  // Array.prototype.sort is stable: within a severity the rules' order (and each rule's own) is kept.
  return flags.sort((a, b) => rank(b) - rank(a))
}

/**
 * The active flags of a ledger on a day: the plain entry point for anything outside the UI (the
 * monthly report). Pass what is already derived for the same ledger and day to spare the work.
 */
export function activeFlags(ledger: Ledger, profile: Profile, settings: RiskSettings, today: IsoDate, derived?: Derived): RiskFlag[] {
  return evaluateRules(riskInput(ledger, profile, settings, today, derived))
}

/**
 * Hidden while no worse than when it was acknowledged: a larger measure, or a higher severity with
 * the same measure (three late months that became three in a row), brings it back.
 */
export function isAcknowledged(flag: RiskFlag, acknowledgements: Acknowledgements): boolean {
  const ack = acknowledgements[flag.id]
  if (ack === undefined || flag.measure > ack.measure) return false
  return ack.severity === undefined || SEVERITIES.indexOf(flag.severity) <= SEVERITIES.indexOf(ack.severity)
}

export function splitAcknowledged(flags: readonly RiskFlag[], acknowledgements: Acknowledgements): { shown: RiskFlag[]; hidden: RiskFlag[] } {
  const shown: RiskFlag[] = []
  const hidden: RiskFlag[] = []
  for (const f of flags) (isAcknowledged(f, acknowledgements) ? hidden : shown).push(f)
  return { shown, hidden }
}

/** Flags as the screens show them: shown and acknowledged, and the shown ones by the accounts and records they concern. */
export interface FlagView {
  shown: RiskFlag[]
  hidden: RiskFlag[]
  byAccount: Map<string, RiskFlag[]>
  byRecord: Map<string, RiskFlag[]>
}

function groupFlags(flags: readonly RiskFlag[], keys: (f: RiskFlag) => Iterable<string>): Map<string, RiskFlag[]> {
  const out = new Map<string, RiskFlag[]>()
  for (const f of flags)
    for (const k of new Set(keys(f))) {
      const list = out.get(k)
      if (list) list.push(f)
      else out.set(k, [f])
    }
  return out
}

export function flagView(flags: readonly RiskFlag[], acknowledgements: Acknowledgements): FlagView {
  const { shown, hidden } = splitAcknowledged(flags, acknowledgements)
  return { shown, hidden, byAccount: groupFlags(shown, (f) => f.accountIds), byRecord: groupFlags(shown, (f) => f.records.map((r) => r.id)) }
}

export function acknowledge(acknowledgements: Acknowledgements, flag: Pick<RiskFlag, 'id' | 'measure' | 'severity'>, today: IsoDate): Acknowledgements {
  return { ...acknowledgements, [flag.id]: { measure: flag.measure, severity: flag.severity, date: today } }
}

export function unacknowledge(acknowledgements: Acknowledgements, flagId: string): Acknowledgements {
  const { [flagId]: _removed, ...rest } = acknowledgements
  return rest
}

/**
 * Acknowledgements of flags that are no longer active: once a condition clears, its next
 * occurrence is a new one and shows again even if it is milder than the one acknowledged.
 */
export function staleAcknowledgements(acknowledgements: Acknowledgements, flags: readonly Pick<RiskFlag, 'id'>[]): string[] {
  const active = new Set(flags.map((f) => f.id))
  return Object.keys(acknowledgements).filter((id) => !active.has(id))
}
