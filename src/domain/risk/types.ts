// Owns the risk engine's contract: flags, their severity and source category, the records they name, and what a rule is given.
import type { IsoDate } from '../calendar'
import type { LedgerCost } from '../cost/ledger-cost'
import type { AccountCost } from '../cost/types'
import type { Account, Ledger, Profile } from '../records'
import type { RiskText } from './messages'
import type { RiskSettings } from './settings'
import type { Severity } from './severity'

/**
 * Where a rule of thumb comes from (DOMAIN.md): REG a regulation or official rule, BANK common
 * bank practice (not law; varies by bank), PRODUCT a product's own terms, FOLK advice that
 * circulates among users. Shown next to every flag so nobody mistakes folk advice for law.
 */
export const SOURCE_CATEGORIES = ['REG', 'BANK', 'PRODUCT', 'FOLK'] as const
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number]

export { SEVERITIES, type Severity } from './severity'

export const RULE_IDS = [
  'frequentDraws',
  'smallDraws',
  'overdue',
  'latePayments',
  'hardInquiries',
  'onlineLenders',
  'utilisation',
  'debtToIncome',
  'highCost',
  'mortgageDraws',
  'openAtMortgage',
  'revolving'
] as const
export type RuleId = (typeof RULE_IDS)[number]

/** A sentence by catalogue key: flags are data the monthly report prints too, in its own language, not just screen labels. */
export type { RiskText } from './messages'

export interface RecordRef {
  /** A bill's id is its account id and statement date, `card:2026-11-05`. */
  type: 'draw' | 'order' | 'inquiry' | 'bill'
  id: string
}

/**
 * What the size of a flag's problem is measured in. Acknowledging a flag stores its measure; the
 * flag comes back when the measure grows (more draws, a higher percent, a larger amount).
 */
export type MeasureUnit = 'count' | 'percent' | 'fen' | 'months'

export interface RiskFlag {
  /** Stable across recomputations: rule, then what it is about (an account, a record, a window). */
  id: string
  rule: RuleId
  severity: Severity
  source: SourceCategory
  /** How bad it is now, in `unit`; larger is worse. Whole numbers, so a stored one compares exactly. */
  measure: number
  unit: MeasureUnit
  /** The accounts it concerns (shown on each account's page and in the accounts list). */
  accountIds: string[]
  /** The draws, orders and inquiries it concerns (shown on their rows). */
  records: RecordRef[]
  /** What is wrong, naming the records (account names, dates, amounts). */
  explanation: RiskText
  /** What to do about it. */
  action: RiskText
}

/** Everything a rule reads: the records, the profile, the settings, the day, and what the cost engine derived from them. */
export interface RiskInput {
  ledger: Ledger
  profile: Profile
  settings: RiskSettings
  today: IsoDate
  cost: LedgerCost
  /** What each account owes and has out today, with the cost engine's figures for draws (as every screen shows them). */
  balances: Map<string, AccountCost>
  accountById: Map<string, Account>
}

export type Rule = (input: RiskInput) => RiskFlag[]
