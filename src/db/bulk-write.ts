// Owns every bulk write (an import, a restore, sample data, undoing a restore): the room it needs checked first, a copy of the ledger kept outside the database, the write, and on failure the truth about what happened to the data.
//
// A browser that runs out of space in the middle of a large IndexedDB write may abort it, or may
// delete the site's whole database. So: refuse what cannot fit, keep a copy where the database's
// fate cannot reach it, and after a failure read the store back before saying anything about it.
import { z } from 'zod'
import { createBackup, payloadChecksum, RECOVERY_DISMISSED_KEY } from '@/domain/backup/backup-file'
import { RECORD_TYPES } from '@/domain/records'
import { readBackupPayload } from './backup-store'
import type { CopyKind, CopyStore } from './copies'
import { recordTables } from './record-ids'
import type { LedgerDb } from './schema'
import { writeSetting } from './settings'
import { bytesNeeded, checkRoom, classifyWriteError, type StorageRoom, type WriteFailure } from './storage-guard'

export interface BulkWriteDeps {
  /** What the storage allows now. */
  room(): Promise<StorageRoom>
  /** Where copies are kept; null where the platform has no such place. */
  copies(): Promise<CopyStore | null>
  appVersion: string
  now(): Date
}

/** The copy of the ledger taken just before a bulk write. */
export interface TakenCopy {
  text: string
  /** The payload checksum: the ledger is unchanged exactly when it still has this one. */
  checksum: string
  createdAt: string
  /** Records in it. */
  total: number
  /** Its name in the copy store, or null when there is no store (it then lives only in memory). */
  ref: string | null
  medium: CopyStore['medium'] | null
  where: string
}

/**
 * Why a bulk write did not happen, or how it failed:
 * - noRoom: refused before anything was written, with the bytes it needs and has;
 * - copy: the copy could not be kept, so nothing was written;
 * - write: the write itself failed; `state` is what reading the store back showed: the same ledger
 *   as before ('unchanged'), a different one ('changed'), or nothing readable ('unknown').
 */
export type BulkFailure =
  | { stage: 'noRoom'; needed: number; available: number; limitedBy: 'quota' | 'disk' }
  | { stage: 'copy'; failure: WriteFailure }
  | { stage: 'write'; failure: WriteFailure; state: 'unchanged' | 'changed' | 'unknown'; copy: TakenCopy }

export class BulkWriteError extends Error {
  readonly failure: BulkFailure
  readonly error: unknown

  constructor(failure: BulkFailure, error?: unknown) {
    super(
      failure.stage === 'noRoom'
        ? `not enough room: needs ${failure.needed} bytes, ${failure.available} available (${failure.limitedBy})`
        : `${failure.stage} failed (${failure.failure.kind}): ${failure.failure.detail}`
    )
    this.name = 'BulkWriteError'
    this.failure = failure
    this.error = error
  }
}

export function isBulkWriteError(e: unknown): e is BulkWriteError {
  return e instanceof BulkWriteError
}

/** UTF-8 bytes of a text, counted without encoding it (a copy can be tens of megabytes). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

export interface BulkWriteRequest<T> {
  /** The kind the copy is kept under. */
  copyKind: CopyKind
  /** Characters of the JSON of what will be written: the estimate's base. */
  incomingChars: number
  /** The write; it is handed the copy (a restore keeps its name for undo). */
  write: (copy: TakenCopy) => Promise<T>
}

/**
 * Runs a bulk write safely: checks the room (refusing with BulkWriteError 'noRoom' before anything
 * is written), keeps a copy of the current ledger outside the database (refusing with 'copy' when
 * it cannot), writes, and when the write fails reads the store back and says what it found
 * ('write'). Returns the write's result and the copy.
 */
export async function guardedBulkWrite<T>(db: LedgerDb, deps: BulkWriteDeps, request: BulkWriteRequest<T>): Promise<{ result: T; copy: TakenCopy }> {
  const createdAt = deps.now().toISOString()
  const payload = await readBackupPayload(db)
  const made = await createBackup({ payload, appVersion: deps.appVersion, createdAt })
  const total = RECORD_TYPES.reduce((n, t) => n + payload.ledger[t].length, 0)
  const copies = await deps.copies()
  const copyBytes = copies ? utf8Length(made.text) : 0

  const room = checkRoom(bytesNeeded({ incomingChars: request.incomingChars, copyBytes }), await deps.room())
  if (!room.ok) throw new BulkWriteError({ stage: 'noRoom', needed: room.needed, available: room.available, limitedBy: room.limitedBy })

  let ref: string | null = null
  if (copies) {
    try {
      ref = await copies.save(request.copyKind, made.text)
    } catch (e) {
      throw new BulkWriteError({ stage: 'copy', failure: classifyWriteError(e) }, e)
    }
  }
  const copy: TakenCopy = { text: made.text, checksum: made.checksum, createdAt, total, ref, medium: copies?.medium ?? null, where: copies?.where ?? '' }

  let result: T
  try {
    result = await request.write(copy)
  } catch (e) {
    throw new BulkWriteError({ stage: 'write', failure: classifyWriteError(e), state: await stateAfterFailure(db, made.checksum), copy }, e)
  }
  // Emptied on purpose (an undo back to nothing): the copy taken just before is no loss to offer back.
  if (total > 0 && (await ledgerIsEmpty(db))) await writeSetting(db, RECOVERY_DISMISSED_KEY, z.object({ createdAt: z.string() }), { createdAt }).catch(() => undefined)
  return { result, copy }
}

async function ledgerIsEmpty(db: LedgerDb): Promise<boolean> {
  for (const table of recordTables(db)) if ((await table.count()) > 0) return false
  return true
}

/** Reads the store back after a failed write: the same ledger as the copy, another one, or nothing readable. */
async function stateAfterFailure(db: LedgerDb, checksum: string): Promise<'unchanged' | 'changed' | 'unknown'> {
  try {
    return (await payloadChecksum(await readBackupPayload(db))) === checksum ? 'unchanged' : 'changed'
  } catch {
    return 'unknown'
  }
}
