// Owns the import's one write: the reviewed change and the remembered product accounts, in one transaction after the checks of every bulk write, and taking it back.
import { guardedBulkWrite, type BulkWriteDeps } from '@/db/bulk-write'
import { applyImport, revertImport, type ImportWrite } from '@/db/repo'
import type { LedgerDb } from '@/db/schema'
import { readSetting, writeSetting } from '@/db/settings'
import { PRODUCT_ACCOUNTS_KEY, productAccountsSchema, type ProductAccounts } from '@/domain/import/product-choices'
import type { ImportChange } from '@/domain/import/review'

export function loadProductAccounts(db: LedgerDb): Promise<ProductAccounts> {
  return readSetting(db, PRODUCT_ACCOUNTS_KEY, productAccountsSchema, {})
}

/** An import as written, with the product accounts known before it: an undo puts them back too. */
export type CommittedImport = ImportWrite & { previousChoices: ProductAccounts }

/**
 * Writes the change and remembers which account each product went to; all of it or none. The
 * room is checked and the ledger copied outside the database first; a failure is a BulkWriteError
 * saying what reading the store back found.
 */
export async function commitImport(db: LedgerDb, change: ImportChange, remember: ProductAccounts, deps: BulkWriteDeps): Promise<CommittedImport> {
  let previousChoices: ProductAccounts = {}
  const { result } = await guardedBulkWrite(db, deps, {
    copyKind: 'preWrite',
    incomingChars: JSON.stringify(change).length,
    write: () =>
      applyImport(db, change, async () => {
        previousChoices = await loadProductAccounts(db)
        await writeSetting(db, PRODUCT_ACCOUNTS_KEY, productAccountsSchema, { ...previousChoices, ...remember })
      })
  })
  return { ...result, previousChoices }
}

/** Takes the import back with the choices it remembered, in one transaction. */
export function undoImport(db: LedgerDb, committed: CommittedImport): Promise<void> {
  return revertImport(db, committed, () => writeSetting(db, PRODUCT_ACCOUNTS_KEY, productAccountsSchema, committed.previousChoices))
}
