// Owns the contract of the copies of the ledger kept outside the database (desktop: files in the data folder's backups/; browser: its private file system), and an in-memory one for tests.
import { headerFromStart } from '@/domain/backup/backup-file'
import { copyName, newestFirst, parseCopyName, type CopyKind } from '@/domain/backup/copy-names'
import { RECORD_TYPES, type RecordType } from '@/domain/records'

export type { CopyKind }

/** A copy, described from its file's header. */
export interface CopyInfo {
  /** Its name in the store: what read() takes. */
  ref: string
  kind: CopyKind
  /** ISO 8601, from the header. */
  createdAt: string
  /** The payload checksum from the header: equal checksums, equal data. */
  checksum: string
  counts: Record<RecordType, number>
  /** Records in it, all types together. */
  total: number
  from: string | null
  to: string | null
  /** Bytes. */
  size: number
  /** A passphrase-protected copy (desktop automatic snapshots): listed from its name and size only; its counts are zero. */
  encrypted?: boolean
}

export interface CopyStore {
  /** Where the copies live: a folder on disk, or the browser's private file system. */
  medium: 'folder' | 'browser'
  /** The folder (desktop); empty in the browser, which shows no path. */
  where: string
  /** Writes a whole backup file durably and returns its name; throws (with the system's reason) when it could not. */
  save(kind: CopyKind, text: string): Promise<string>
  read(ref: string): Promise<string>
  /** Newest first; files that are not readable copies are left out. */
  list(): Promise<CopyInfo[]>
}

/** The header bytes every store reads to list a copy. */
export const COPY_HEADER_CHARS = 16 * 1024

/** A copy's description from its name, the start of its text and its size; null when it is not one of ours. */
export function describeCopy(ref: string, start: string, size: number): CopyInfo | null {
  const name = parseCopyName(ref)
  const header = headerFromStart(start)
  if (!name || !header) return null
  const counts = header.summary.counts
  return {
    ref,
    kind: name.kind,
    createdAt: header.createdAt,
    checksum: header.checksum.value,
    counts,
    total: RECORD_TYPES.reduce((n, t) => n + counts[t], 0),
    from: header.summary.from,
    to: header.summary.to,
    size
  }
}

/** Copies held in memory: unit tests, and nothing else. `failWith` makes the next saves fail as a full disk would. */
export function memoryCopyStore(now: () => Date = () => new Date()) {
  const files = new Map<string, string>()
  let failure: Error | null = null
  const store: CopyStore = {
    medium: 'browser',
    where: '',
    async save(kind, text) {
      if (failure) throw failure
      const name = copyName(kind, now(), new Set(files.keys()))
      files.set(name, text)
      return name
    },
    async read(ref) {
      const text = files.get(ref)
      if (text === undefined) throw new Error(`no copy named ${ref}`)
      return text
    },
    async list() {
      return [...files.keys()]
        .sort(newestFirst)
        .map((ref) => describeCopy(ref, files.get(ref)!.slice(0, COPY_HEADER_CHARS), files.get(ref)!.length))
        .filter((c): c is CopyInfo => c !== null)
    }
  }
  return {
    store,
    files,
    failWith(error: Error | null) {
      failure = error
    }
  }
}
