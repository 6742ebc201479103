// Owns the default terms of an account by kind: its repayment order and, for statement accounts, the bill terms (minimum, revolving interest, grace, 违约金), with where each figure comes from.
import type { AccountKind, RepaymentOrder, StatementTerms } from './records'
import { STATEMENT_KINDS } from './records'

/**
 * Credit cards (BANK, DOMAIN.md "Statement credit"): minimum 10% of the ordinary balance; revolving
 * interest 0.05% a day on the whole bill from each purchase's posting date (全额计息, the traditional
 * practice many issuers keep); 3 grace days; 违约金 5% of the unpaid minimum.
 */
export const CREDIT_CARD_TERMS: StatementTerms = {
  minimumPercent: 10,
  revolvingDailyRate: 0.0005,
  revolvingMethod: 'fullFromPosting',
  graceDays: 3,
  lateFeePercent: 5
}

/**
 * 花呗, 分付, 白条, 月付 (PRODUCT, as commonly described): minimum 10%; 0.05% a day on the unpaid
 * part from the day after the due day, which is also what they charge when overdue; no grace days
 * and no one-off fee.
 */
export const BNPL_STATEMENT_TERMS: StatementTerms = {
  minimumPercent: 10,
  revolvingDailyRate: 0.0005,
  revolvingMethod: 'unpaidFromDueNext',
  graceDays: 0,
  lateFeePercent: 0
}

/** The bill terms a new account of this kind starts with, or null for a kind without bills. */
export function defaultStatementTerms(kind: AccountKind): StatementTerms | null {
  if (!STATEMENT_KINDS.includes(kind)) return null
  return { ...(kind === 'creditCard' ? CREDIT_CARD_TERMS : BNPL_STATEMENT_TERMS) }
}

/**
 * Loans (PRODUCT): fees, penalty interest, interest, principal, oldest overdue period first; card
 * issuers state their order in the contract (REG) and commonly take fees and interest before the
 * oldest bill (BANK). Both are costsFirst.
 */
export const DEFAULT_REPAYMENT_ORDER: RepaymentOrder = 'costsFirst'

/** Where the default repayment order of a kind comes from, for the label beside the setting. */
export function repaymentOrderSource(kind: AccountKind): 'PRODUCT' | 'BANK' {
  return STATEMENT_KINDS.includes(kind) ? 'BANK' : 'PRODUCT'
}
