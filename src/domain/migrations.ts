// Owns how records written by an older schema become current ones: the same upgrade for the store (db/schema.ts) and for a backup file of an older version (backup-file.ts).
import { defaultStatementTerms, DEFAULT_REPAYMENT_ORDER } from './account-terms'
import type { Account, AccountKind } from './records'

/** The version of the records this code writes (the store's schema version that last changed them; version 3 added only sync's own table). */
export const CURRENT_SCHEMA_VERSION = 2

/**
 * Version 1 -> 2 (2026-12-04, issue 10): an account gains its repayment order and, for statement
 * kinds, the terms of its bills, from the preset of its kind; nothing else changes (a repayment's
 * `bill` is optional, and the two new record types start empty).
 */
export function upgradeAccountV1(old: Record<string, unknown>): Record<string, unknown> {
  const kind = old.kind as AccountKind
  return {
    ...old,
    repaymentOrder: old.repaymentOrder ?? DEFAULT_REPAYMENT_ORDER,
    statementTerms: old.statementTerms === undefined ? defaultStatementTerms(kind) : old.statementTerms
  } satisfies Record<string, unknown> as Record<string, unknown> & Partial<Account>
}
