// Owns the automatic backups on disk: the data folder's backups/ holds whole backup files; this lists them from their headers, writes one when it is due, prunes, and reads one back.
import { open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { headerFromStart, payloadTextOf, sha256Hex } from '../../src/domain/backup/backup-file'
import { COPY_NAME, copyName, kindOfPrefix, localStamp, parseCopyName } from '../../src/domain/backup/copy-names'
import type { SaveSnapshotRequest, SaveSnapshotResult, SnapshotInfo } from '../shared/ipc'
import { snapshotDue } from '../../src/domain/backup/snapshot-due'
import { encryptedHeaderFromStart, isEncryptedBackup } from '../../src/domain/backup/encrypted'
import { nodeDurableFs, readdirOrEmpty, removePartials, writeDurably } from './durable-write'
import { snapshotsToDelete } from './snapshot-retention'

export { localStamp }
export const SNAPSHOT_DIR_NAME = 'backups'
/** The header is a few hundred bytes; this much always holds it. */
const HEADER_BYTES = 16 * 1024
/** A file name this store wrote: its kind and the local date and time, and a counter if two share a second. */
export const SNAPSHOT_NAME = COPY_NAME

export interface SnapshotFs {
  /** The names in a folder; none when it does not exist. */
  readdir(dir: string): Promise<string[]>
  readStart(path: string, bytes: number): Promise<string>
  readText(path: string): Promise<string>
  /**
   * Writes so that a crash never leaves half a file under the final name, and the file is on disk
   * (fsynced, and its folder) before it resolves; creates the folder. Rejects with the system's
   * error (ENOSPC on a full disk) and leaves nothing behind.
   */
  writeText(path: string, text: string): Promise<void>
  remove(path: string): Promise<void>
  size(path: string): Promise<number>
  /** Removes the temporary files of writes that never finished (a crash, a power cut); returns their names. */
  removePartials(dir: string): Promise<string[]>
}

export function nodeSnapshotFs(platform: string = process.platform): SnapshotFs {
  return {
    readdir: readdirOrEmpty,
    readStart: async (path, bytes) => {
      const file = await open(path, 'r')
      try {
        const buffer = Buffer.alloc(bytes)
        const { bytesRead } = await file.read(buffer, 0, bytes, 0)
        return buffer.subarray(0, bytesRead).toString('utf8')
      } finally {
        await file.close()
      }
    },
    readText: (path) => readFile(path, 'utf8'),
    writeText: (path, text) => writeDurably(nodeDurableFs(), path, text, { platform, makeDir: true }),
    remove: (path) => rm(path, { force: true }),
    size: async (path) => (await stat(path)).size,
    removePartials: (dir) => removePartials(nodeDurableFs(), dir)
  }
}

const kindOf = kindOfPrefix

/** The local time a name carries, as ISO 8601 (a protected file's header has no time of its own). */
function timeOfName(match: RegExpExecArray): string {
  const [, , day = '', time = ''] = match
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d!, Number(time.slice(0, 2)), Number(time.slice(2, 4)), Number(time.slice(4, 6))).toISOString()
}

/** A name's time, as text that sorts in time order whatever its kind. */
function stampOf(name: string): string {
  return parseCopyName(name)?.stamp ?? ''
}

export interface SnapshotStoreDeps {
  dir: string
  fs: SnapshotFs
  now: () => Date
}

export interface SnapshotStore {
  dir: string
  /** Newest first; files that are not readable backups are left alone and not listed. */
  list(): Promise<SnapshotInfo[]>
  needed(checksum: string): Promise<boolean>
  save(request: SaveSnapshotRequest): Promise<SaveSnapshotResult>
  read(name: string): Promise<string>
}

export function createSnapshotStore({ dir, fs, now }: SnapshotStoreDeps): SnapshotStore {
  // Once per run, before anything else reads the folder: a write cut short by a crash left its temporary file.
  let cleaned: Promise<void> | undefined
  const clean = () =>
    (cleaned ??= fs.removePartials(dir).then(
      (gone) => void (gone.length > 0 && console.warn('Removed unfinished snapshot files:', gone)),
      (error: unknown) => console.warn('Could not remove unfinished snapshot files:', error)
    ))
  const names = async () => {
    await clean()
    return (await fs.readdir(dir)).filter((n) => SNAPSHOT_NAME.test(n))
  }

  const list = async (): Promise<SnapshotInfo[]> => {
    const infos: SnapshotInfo[] = []
    for (const name of await names()) {
      const match = SNAPSHOT_NAME.exec(name)
      const start = await fs.readStart(join(dir, name), HEADER_BYTES)
      if (!match) continue
      if (isEncryptedBackup(start)) {
        // Listed without the key: what the name and the size say, and that it is protected.
        const sealed = encryptedHeaderFromStart(start)
        if (!sealed) continue
        infos.push({
          name,
          kind: kindOf(match[1]!),
          encrypted: true,
          createdAt: timeOfName(match),
          appVersion: '',
          schemaVersion: 0,
          checksum: sealed.fingerprint ?? '',
          counts: { accounts: 0, draws: 0, orders: 0, repayments: 0, inquiries: 0, billInstalments: 0, billFigures: 0 },
          from: null,
          to: null,
          size: await fs.size(join(dir, name))
        })
        continue
      }
      const header = headerFromStart(start)
      if (!header) continue
      infos.push({
        name,
        kind: kindOf(match[1]!),
        encrypted: false,
        createdAt: header.createdAt,
        appVersion: header.appVersion,
        schemaVersion: header.schemaVersion,
        checksum: header.checksum.value,
        counts: header.summary.counts,
        from: header.summary.from,
        to: header.summary.to,
        size: await fs.size(join(dir, name))
      })
    }
    return infos.sort((a, b) => (stampOf(a.name) < stampOf(b.name) ? 1 : -1))
  }

  const latestAuto = async () => {
    const latest = (await list()).find((s) => s.kind === 'auto')
    return latest ? { createdAtMs: Date.parse(latest.createdAt), checksum: latest.checksum } : null
  }

  const prune = async () => {
    const entries = (await names()).map((name) => {
      const [, prefix = '', day = ''] = SNAPSHOT_NAME.exec(name) ?? []
      return { name, kind: kindOf(prefix), day, stamp: stampOf(name) }
    })
    for (const name of snapshotsToDelete(entries)) await fs.remove(join(dir, name))
  }

  return {
    dir,
    list,
    needed: async (checksum) => snapshotDue(await latestAuto(), checksum, now().getTime()).due,
    async save({ text, kind }) {
      let checksum: string
      if (isEncryptedBackup(text)) {
        // A protected file cannot be checked inside without the key; its envelope must be whole (the
        // cipher's tag checks the rest when it is opened). Its fingerprint stands for the checksum.
        const sealed = encryptedHeaderFromStart(text.slice(0, HEADER_BYTES))
        if (!sealed || !/"\}\s*$/.test(text)) throw new Error('snapshots:save: the text is not a protected backup file')
        checksum = sealed.fingerprint ?? ''
      } else {
        // Only a whole, self-consistent backup goes on disk: a snapshot must restore when it is needed.
        const header = headerFromStart(text.slice(0, HEADER_BYTES))
        const payload = payloadTextOf(text)
        if (!header || payload === null) throw new Error('snapshots:save: the text is not a backup file')
        if ((await sha256Hex(payload)) !== header.checksum.value) throw new Error('snapshots:save: the checksum does not match the payload')
        checksum = header.checksum.value
      }
      const at = now()
      if (kind === 'auto') {
        const decision = snapshotDue(await latestAuto(), checksum, at.getTime())
        if (!decision.due) return { written: false, reason: decision.reason }
      }
      const name = copyName(kind, at, new Set(await names()))
      await fs.writeText(join(dir, name), text)
      await prune()
      return { written: true, name }
    },
    async read(name) {
      if (!SNAPSHOT_NAME.test(name)) throw new Error('snapshots:read: not a snapshot name')
      return fs.readText(join(dir, name))
    }
  }
}
