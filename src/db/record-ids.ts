// Owns the store's side of "one id, one record": which tables hold records, and the check each single-record write makes against the other tables.
import type Dexie from 'dexie'
import type { Table } from 'dexie'
import { ValidationError } from '@/domain/validation-error'

/**
 * The tables that hold records: every table keyed by `id` (meta is keyed by `key`). A record table
 * added in a later schema version is included without a change here.
 */
export function recordTables(db: Dexie): Table[] {
  return db.tables.filter((t) => t.schema.primKey.keyPath === 'id')
}

/**
 * Refuses (ValidationError on `id`) when a record of another table already has this id. Run it
 * inside the write's transaction, which must include recordTables(db), so nothing can slip in
 * between the check and the write.
 */
export async function assertIdFree(db: Dexie, ownTable: string, id: string, recordType: string): Promise<void> {
  for (const table of recordTables(db)) {
    if (table.name === ownTable) continue
    if ((await table.where(':id').equals(id).count()) > 0)
      throw new ValidationError(recordType, [{ path: 'id', message: 'validation.idUsedByOtherType' }])
  }
}
