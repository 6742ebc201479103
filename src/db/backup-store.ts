// Owns the store's side of backup and restore: reading everything at once, replacing everything in one transaction, the copy kept to undo a restore, and the backup reminder's state.
import { z } from 'zod'
import {
  BACKUP_STATE_KEY,
  LOCAL_META_KEYS,
  PRE_RESTORE_KEY,
  PROFILE_KEY,
  createBackup,
  readBackup,
  type Backup,
  type BackupPayload,
  type JsonValue
} from '@/domain/backup/backup-file'
import { backupStateSchema, INITIAL_BACKUP_STATE, type BackupState } from '@/domain/backup/reminder'
import { profileSchema } from '@/domain/records'
import { readLedger, replaceLedger } from './repo'
import type { LedgerDb } from './schema'
import { readSetting, writeSetting } from './settings'

const everything = (db: LedgerDb) => [db.accounts, db.draws, db.orders, db.repayments, db.inquiries, db.billInstalments, db.billFigures, db.meta]

/** The ledger, the profile and every other feature's settings, read in one transaction so they belong together. */
export async function readBackupPayload(db: LedgerDb): Promise<BackupPayload> {
  return db.transaction('r', everything(db), async () => {
    const ledger = await readLedger(db)
    let profile: BackupPayload['meta']['profile'] = null
    const settings: Record<string, JsonValue> = {}
    for (const row of await db.meta.toArray()) {
      if (LOCAL_META_KEYS.includes(row.key)) continue
      if (row.key === PROFILE_KEY) {
        // A stored profile that no longer passes its schema is left out, as loadProfile ignores it too.
        const parsed = profileSchema.safeParse(row.value)
        profile = parsed.success ? parsed.data : null
      } else {
        // Meta rows are written from validated plain objects; a round trip through JSON keeps them as they are.
        const json: unknown = JSON.parse(JSON.stringify(row.value ?? null))
        settings[row.key] = json as JsonValue
      }
    }
    return { ledger, meta: { profile, settings } }
  })
}

/**
 * The copy of the data taken just before a restore, kept (outside any backup) so the restore can be
 * undone: its text, or where a copy store outside the database keeps it (`ref`, with its record
 * count), which spares the restore writing the old ledger into the same database beside the new.
 */
export const preRestoreSchema = z
  .object({ createdAt: z.string(), text: z.string().min(1).optional(), ref: z.string().min(1).optional(), total: z.number().int().min(0).optional() })
  .refine((v) => v.text !== undefined || v.ref !== undefined)
export type PreRestore = z.infer<typeof preRestoreSchema>

/**
 * Replaces the ledger and the meta documents with a backup's, in one transaction: the records are
 * validated again by replaceLedger, and a rejection leaves everything as it was. The local meta
 * documents (backup state) stay; `preRestore`, when given, is stored in the same transaction.
 */
export async function restorePayload(db: LedgerDb, payload: BackupPayload, preRestore: PreRestore | null): Promise<void> {
  const profile = payload.meta.profile === null ? null : profileSchema.parse(payload.meta.profile)
  await db.transaction('rw', everything(db), async () => {
    await replaceLedger(db, payload.ledger)
    const keep = new Set(LOCAL_META_KEYS)
    const stale = (await db.meta.toCollection().primaryKeys()).filter((key) => !keep.has(key))
    await db.meta.bulkDelete(stale)
    if (profile) await db.meta.put({ key: PROFILE_KEY, value: profile })
    const settings = Object.entries(payload.meta.settings).filter(([key]) => key !== PROFILE_KEY && !keep.has(key))
    if (settings.length > 0) await db.meta.bulkPut(settings.map(([key, value]) => ({ key, value })))
    if (preRestore) await db.meta.put({ key: PRE_RESTORE_KEY, value: preRestoreSchema.parse(preRestore) })
    else await db.meta.delete(PRE_RESTORE_KEY)
  })
}

export async function readPreRestore(db: LedgerDb): Promise<PreRestore | null> {
  return readSetting(db, PRE_RESTORE_KEY, preRestoreSchema.nullable(), null)
}

export async function readBackupState(db: LedgerDb): Promise<BackupState> {
  return readSetting(db, BACKUP_STATE_KEY, backupStateSchema, INITIAL_BACKUP_STATE)
}

export async function writeBackupState(db: LedgerDb, state: BackupState): Promise<BackupState> {
  return writeSetting(db, BACKUP_STATE_KEY, backupStateSchema, state)
}

/**
 * Restores a backup that readBackup accepted, first keeping a backup of the current data so the
 * restore can be undone. Returns that copy (the desktop app also writes it to its backups folder).
 */
export async function restoreWithUndo(db: LedgerDb, backup: Backup, context: { appVersion: string; now: string }): Promise<PreRestore> {
  const current = await createBackup({ payload: await readBackupPayload(db), appVersion: context.appVersion, createdAt: context.now })
  const preRestore: PreRestore = { createdAt: context.now, text: current.text }
  await restorePayload(db, backup.payload, preRestore)
  return preRestore
}

/** The text of the copy kept before the last restore (read from the copy store when kept there); null when there is none. */
export async function preRestoreText(db: LedgerDb, readCopy?: (ref: string) => Promise<string>): Promise<string | null> {
  const kept = await readPreRestore(db)
  if (!kept) return null
  if (kept.text !== undefined) return kept.text
  if (!readCopy || kept.ref === undefined) throw new Error('the copy kept before the restore is not reachable here')
  return readCopy(kept.ref)
}

/** Puts back the data from before the last restore and forgets the copy; false when there is none. */
export async function undoRestore(db: LedgerDb, readCopy?: (ref: string) => Promise<string>): Promise<boolean> {
  const text = await preRestoreText(db, readCopy)
  if (text === null) return false
  const read = await readBackup(text)
  // The copy was written by this app a moment before the restore; failing its checks means the store is damaged.
  if (!read.ok) throw new Error(`the copy kept before the restore is unreadable (${read.problem.code})`)
  await restorePayload(db, read.backup.payload, null)
  return true
}
