// Owns what a bulk write will need on disk against what the storage allows, and what a failed write really was (quota, disk, aborted, closed...).
import { isValidationError } from '@/domain/validation-error'

/** What the storage allows now; null where the platform does not say. */
export interface StorageRoom {
  /** Bytes the browser still lets this app use (quota minus usage, navigator.storage.estimate()). */
  quotaLeft: number | null
  /** Free bytes on the disk that holds the data folder (desktop only). */
  diskFree: number | null
}

/**
 * IndexedDB keeps each record structured-cloned in LevelDB with its indexes, and writes it first to
 * a log that is compacted later: measured in Chromium, a ledger takes about 2.2 bytes per character
 * of its JSON while the write is in flight. Three gives room for what was not measured.
 */
export const BYTES_PER_JSON_CHAR = 3
/** Kept free beyond any estimate: the browser, the copy's own bookkeeping, and other writes meanwhile. */
export const WRITE_MARGIN_BYTES = 16 * 1024 * 1024

export interface WriteEstimate {
  /** Characters of the JSON of what will be written (records and settings). */
  incomingChars: number
  /** Bytes of the copy of the current ledger taken first, where it shares the storage (0 otherwise). */
  copyBytes: number
}

/** Bytes the write and the copy before it need, margin included. */
export function bytesNeeded({ incomingChars, copyBytes }: WriteEstimate): number {
  return Math.ceil(incomingChars * BYTES_PER_JSON_CHAR) + copyBytes + WRITE_MARGIN_BYTES
}

export type RoomCheck =
  | { ok: true; available: number | null }
  | { ok: false; needed: number; available: number; limitedBy: 'quota' | 'disk' }

/** Whether `needed` bytes fit in what the browser's quota and the disk allow; unknown room lets the write try. */
export function checkRoom(needed: number, room: StorageRoom): RoomCheck {
  const quota = room.quotaLeft === null ? null : Math.max(0, room.quotaLeft)
  const disk = room.diskFree === null ? null : Math.max(0, room.diskFree)
  if (quota === null && disk === null) return { ok: true, available: null }
  const limitedBy = disk !== null && (quota === null || disk < quota) ? 'disk' : 'quota'
  const available = limitedBy === 'disk' ? disk! : quota!
  return needed <= available ? { ok: true, available } : { ok: false, needed, available, limitedBy }
}

/**
 * What went wrong with a write, as far as the error says: the browser's quota, a full or failing
 * disk, the write being aborted, the database closed or deleted under it, a record refused by the
 * store's rules, or something else.
 */
export type WriteFailureKind = 'quota' | 'disk' | 'denied' | 'storage' | 'aborted' | 'closed' | 'validation' | 'unknown'

export interface WriteFailure {
  kind: WriteFailureKind
  /** The error's own words ("QuotaExceededError: …"), for the message and the log. */
  detail: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** The error and what it wraps: Dexie's `inner`, an Error's `cause`, a bulk error's `failures`. */
function errorChain(error: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  const visit = (e: unknown, depth: number) => {
    if (!isObject(e) || depth > 4 || out.includes(e)) return
    out.push(e)
    visit(e.inner, depth + 1)
    visit(e.cause, depth + 1)
    if (Array.isArray(e.failures)) for (const f of e.failures.slice(0, 3)) visit(f, depth + 1)
  }
  visit(error, 0)
  return out
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

export function classifyWriteError(error: unknown): WriteFailure {
  const chain = errorChain(error)
  const names = chain.map((e) => text(e.name))
  const messages = chain.map((e) => text(e.message))
  // The innermost error with words of its own: wrappers (Dexie's) repeat it in theirs.
  const root = [...chain].reverse().find((e) => text(e.message) !== '') ?? chain[0]
  const detail = (root ? `${text(root.name) || 'Error'}: ${text(root.message)}` : String(error)).slice(0, 300)
  if (isValidationError(error)) return { kind: 'validation', detail }
  const all = messages.join(' | ')
  if (names.includes('QuotaExceededError') || /quota/i.test(all)) return { kind: 'quota', detail }
  if (/ENOSPC|EDQUOT|no space|disk (is )?full|FILE_ERROR_NO_SPACE/i.test(all)) return { kind: 'disk', detail }
  if (/EACCES|EPERM|EROFS|read-only file system|permission denied/i.test(all)) return { kind: 'denied', detail }
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError' || n === 'VersionChangeError' || n === 'NotFoundError')) return { kind: 'closed', detail }
  if (names.includes('UnknownError') || /IO error|backing store|Internal error/i.test(all)) return { kind: 'storage', detail }
  if (names.some((n) => n === 'AbortError' || n === 'TransactionInactiveError')) return { kind: 'aborted', detail }
  return { kind: 'unknown', detail }
}
