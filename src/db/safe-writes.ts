// Owns the bulk writes as the features call them, each through guardedBulkWrite: restoring a backup (its undo copy kept outside the database), undoing a restore, restoring a kept copy, replacing the ledger (sample data and its undo).
import { canonicalJson, readBackup, type Backup, type BackupProblem } from '@/domain/backup/backup-file'
import { RECORD_TYPES, type Ledger } from '@/domain/records'
import { preRestoreText, readPreRestore, restorePayload, type PreRestore } from './backup-store'
import { guardedBulkWrite, type BulkWriteDeps, type TakenCopy } from './bulk-write'
import { replaceLedger } from './repo'
import type { LedgerDb } from './schema'

/** A kept copy that no longer reads as a backup: the store or the file was damaged. */
export class CopyUnreadable extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`the kept copy is unreadable (${problem.code})`)
    this.name = 'CopyUnreadable'
  }
}

/**
 * Replaces the ledger with a backup's, after the checks of every bulk write. The copy of the
 * current data is kept outside the database (only its name goes in the store, so the restore
 * does not write the old ledger beside the new one); where there is no copy store its text goes
 * in the store as before. Returns the copy: undoing the restore puts it back.
 */
export async function safeRestore(db: LedgerDb, deps: BulkWriteDeps, backup: Backup): Promise<TakenCopy> {
  const { copy } = await guardedBulkWrite(db, deps, {
    copyKind: 'preRestore',
    incomingChars: canonicalJson(backup.payload).length,
    write: async (taken) => {
      const kept: PreRestore = taken.ref === null ? { createdAt: taken.createdAt, text: taken.text } : { createdAt: taken.createdAt, ref: taken.ref, total: taken.total }
      await restorePayload(db, backup.payload, kept)
    }
  })
  return copy
}

async function readOrThrow(text: string): Promise<Backup> {
  const read = await readBackup(text)
  if (!read.ok) throw new CopyUnreadable(read.problem)
  return read.backup
}

/** Puts back the data from before the last restore, as a bulk write of its own; false when there is none. */
export async function safeUndoRestore(db: LedgerDb, deps: BulkWriteDeps): Promise<boolean> {
  const copies = await deps.copies()
  const text = await preRestoreText(db, copies ? (ref) => copies.read(ref) : undefined)
  if (text === null) return false
  const backup = await readOrThrow(text)
  await guardedBulkWrite(db, deps, { copyKind: 'preWrite', incomingChars: text.length, write: () => restorePayload(db, backup.payload, null) })
  return true
}

/** The record count of the copy kept before the last restore, without reading it whole; null when there is none or it does not say. */
export async function preRestoreCount(db: LedgerDb): Promise<{ createdAt: string; total: number | null } | null> {
  const kept = await readPreRestore(db)
  if (!kept) return null
  if (kept.total !== undefined) return { createdAt: kept.createdAt, total: kept.total }
  if (kept.text === undefined) return { createdAt: kept.createdAt, total: null }
  const read = await readBackup(kept.text)
  return { createdAt: kept.createdAt, total: read.ok ? RECORD_TYPES.reduce((n, t) => n + read.backup.summary.counts[t], 0) : null }
}

/** Restores a copy kept outside the database (after the database was lost, or by choice): read, checked, then restored like a backup. */
export async function restoreCopy(db: LedgerDb, deps: BulkWriteDeps, ref: string): Promise<{ backup: Backup; copy: TakenCopy }> {
  const copies = await deps.copies()
  if (!copies) throw new Error('no copy store on this platform')
  const backup = await readOrThrow(await copies.read(ref))
  return { backup, copy: await safeRestore(db, deps, backup) }
}

/** Replaces every record with `ledger` (sample data, and putting the old ledger back), as a bulk write. */
export async function safeReplaceLedger(db: LedgerDb, deps: BulkWriteDeps, ledger: Ledger): Promise<TakenCopy> {
  const { copy } = await guardedBulkWrite(db, deps, { copyKind: 'preWrite', incomingChars: JSON.stringify(ledger).length, write: () => replaceLedger(db, ledger) })
  return copy
}
