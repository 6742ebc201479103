// Owns the backup download the browser started but nobody has confirmed yet: the reminder and the backup page both wait for the user's word before it counts.
import { useSyncExternalStore } from 'react'
import { readBackupState, writeBackupState } from '@/db/backup-store'
import type { LedgerDb } from '@/db/schema'
import { recordBackup } from '@/domain/backup/reminder'

export interface PendingDownload {
  name: string
  /** The payload checksum of the downloaded file, and when it was made (ISO 8601). */
  checksum: string
  at: string
}

let pending: PendingDownload | null = null
const listeners = new Set<() => void>()

function set(next: PendingDownload | null): void {
  pending = next
  for (const l of listeners) l()
}

export function startPending(download: PendingDownload): void {
  set(download)
}

/** The user says the file is saved: only now does the backup count (and the reminder end). */
export async function confirmPending(db: LedgerDb): Promise<PendingDownload | null> {
  const download = pending
  if (!download) return null
  await writeBackupState(db, recordBackup(await readBackupState(db), download.checksum, download.at))
  set(null)
  return download
}

/** The user says it was not saved: nothing is recorded. */
export function dropPending(): void {
  set(null)
}

export function usePendingDownload(): PendingDownload | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    () => pending
  )
}
