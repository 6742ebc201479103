// Owns when the web build reminds the user to download a backup: after a week of changes not yet in a downloaded backup.
//
// The desktop app snapshots on its own; a browser cannot write a file unasked, so it remembers when
// the data last matched a downloaded backup (by the payload's checksum) and since when it has not.
import { z } from 'zod'

export const REMINDER_AFTER_MS = 7 * 24 * 60 * 60 * 1000
/** "Later" puts the reminder off for a day. */
export const SNOOZE_MS = 24 * 60 * 60 * 1000

const timestamp = z.string().refine((v) => !Number.isNaN(Date.parse(v)))

export const backupStateSchema = z.object({
  /** When a backup was last downloaded or saved (ISO 8601), and the checksum of what it held. */
  lastBackupAt: timestamp.nullable(),
  lastBackupChecksum: z.string().nullable(),
  /** Since when the data has differed from the last backup; null while it matches. */
  changedSince: timestamp.nullable(),
  /** No reminder before this time. */
  snoozedUntil: timestamp.nullable()
})
export type BackupState = z.infer<typeof backupStateSchema>

export const INITIAL_BACKUP_STATE: BackupState = { lastBackupAt: null, lastBackupChecksum: null, changedSince: null, snoozedUntil: null }

/**
 * What the state becomes once the data has been looked at: the first sight of data not in the last
 * backup starts the week. `checksum` may be null when there is no backup to compare it with (the
 * caller need not hash a ledger that can only differ).
 */
export function observeData(state: BackupState, checksum: string | null, empty: boolean, now: string): BackupState {
  // An empty ledger has nothing to lose; a ledger that matches the last backup has nothing new.
  if (empty || (checksum !== null && checksum === state.lastBackupChecksum)) return state.changedSince === null ? state : { ...state, changedSince: null }
  return state.changedSince === null ? { ...state, changedSince: now } : state
}

export function recordBackup(state: BackupState, checksum: string, now: string): BackupState {
  return { ...state, lastBackupAt: now, lastBackupChecksum: checksum, changedSince: null, snoozedUntil: null }
}

export function snooze(state: BackupState, now: string): BackupState {
  return { ...state, snoozedUntil: new Date(Date.parse(now) + SNOOZE_MS).toISOString() }
}

export function reminderDue(state: BackupState, now: string): boolean {
  if (state.changedSince === null) return false
  const at = Date.parse(now)
  if (state.snoozedUntil !== null && Date.parse(state.snoozedUntil) > at) return false
  return at - Date.parse(state.changedSince) >= REMINDER_AFTER_MS
}
