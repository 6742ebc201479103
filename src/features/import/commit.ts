// Owns the import's one write: the reviewed change and the remembered product accounts, in one transaction, and taking it back.
import { applyImport, revertImport, type ImportWrite } from '@/db/repo'
import type { LedgerDb } from '@/db/schema'
import { readSetting, writeSetting } from '@/db/settings'
import { PRODUCT_ACCOUNTS_KEY, productAccountsSchema, type ProductAccounts } from '@/domain/import/product-choices'
import type { ImportChange } from '@/domain/import/review'

export function loadProductAccounts(db: LedgerDb): Promise<ProductAccounts> {
  return readSetting(db, PRODUCT_ACCOUNTS_KEY, productAccountsSchema, {})
}

/** Writes the change and remembers which account each product went to; all of it or none. */
export function commitImport(db: LedgerDb, change: ImportChange, remember: ProductAccounts): Promise<ImportWrite> {
  return applyImport(db, change, async () => {
    const known = await loadProductAccounts(db)
    await writeSetting(db, PRODUCT_ACCOUNTS_KEY, productAccountsSchema, { ...known, ...remember })
  })
}

export function undoImport(db: LedgerDb, write: ImportWrite): Promise<void> {
  return revertImport(db, write)
}
