// Owns when the app offers to restore a copy kept outside the database: the ledger is empty (or its database was lost) while a copy with records exists that the user has not already turned down.

export interface RecoverableCopy {
  /** ISO 8601. */
  createdAt: string
  /** Records in the copy. */
  total: number
}

/**
 * The copy to offer, or null. Offered: the newest copy holding records, when the ledger is empty
 * and that copy is newer than the last one the user declined (`dismissedAt`, its createdAt). A
 * database the browser deleted comes back empty and without the mark, so any such copy is offered.
 */
export function recoveryCandidate<T extends RecoverableCopy>(ledgerEmpty: boolean, copies: readonly T[], dismissedAt: string | null): T | null {
  if (!ledgerEmpty) return null
  let newest: T | null = null
  for (const c of copies) if (c.total > 0 && (newest === null || Date.parse(c.createdAt) > Date.parse(newest.createdAt))) newest = c
  if (newest === null) return null
  if (dismissedAt !== null && Date.parse(newest.createdAt) <= Date.parse(dismissedAt)) return null
  return newest
}
