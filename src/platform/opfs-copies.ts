// Owns the browser's copies of the ledger outside IndexedDB: whole backup files in the origin private file system (OPFS), which a browser deleting a damaged IndexedDB leaves alone.
import { COPY_HEADER_CHARS, describeCopy, type CopyInfo, type CopyStore } from '@/db/copies'
import { copyName, newestFirst, parseCopyName, type CopyKind } from '@/domain/backup/copy-names'

export const OPFS_COPY_DIR = 'ledger-copies'

/**
 * How many of each kind the browser keeps: they count against the same quota as the ledger, so
 * fewer than the desktop keeps.
 */
export const KEEP_IN_BROWSER: Record<CopyKind, number> = { auto: 2, preRestore: 2, preWrite: 3 }

/** The private directory, or null where the browser has none (older browsers, some private modes). */
async function copyDirectory(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null
  try {
    const root = await navigator.storage.getDirectory()
    return await root.getDirectoryHandle(OPFS_COPY_DIR, { create: true })
  } catch {
    return null
  }
}

async function names(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const out: string[] = []
  for await (const name of dir.keys()) out.push(name)
  return out
}

/** The OPFS copy store, or null where the browser has no private file system. */
export async function opfsCopyStore(now: () => Date = () => new Date()): Promise<CopyStore | null> {
  const dir = await copyDirectory()
  if (!dir) return null

  const prune = async () => {
    const ours = (await names(dir)).filter((n) => parseCopyName(n) !== null).sort(newestFirst)
    const seen: Record<CopyKind, number> = { auto: 0, preRestore: 0, preWrite: 0 }
    for (const name of ours) {
      const kind = parseCopyName(name)!.kind
      if (++seen[kind] > KEEP_IN_BROWSER[kind]) await dir.removeEntry(name).catch(() => undefined)
    }
  }

  return {
    medium: 'browser',
    where: '',
    async save(kind, text) {
      const all = await names(dir)
      // A file left by a write that failed half-way is not a copy: clear it before counting names.
      for (const stale of all.filter((n) => n.endsWith('.crswap'))) await dir.removeEntry(stale).catch(() => undefined)
      const name = copyName(kind, now(), new Set(all))
      const handle = await dir.getFileHandle(name, { create: true })
      try {
        // The browser writes to a swap file and puts it in place on close(): a copy is whole or absent.
        const writable = await handle.createWritable()
        try {
          await writable.write(text)
          await writable.close()
        } catch (e) {
          await writable.abort().catch(() => undefined)
          throw e
        }
      } catch (e) {
        await dir.removeEntry(name).catch(() => undefined)
        throw e
      }
      await prune()
      return name
    },
    async read(ref) {
      if (parseCopyName(ref) === null) throw new Error('not a copy name')
      const file = await (await dir.getFileHandle(ref)).getFile()
      return file.text()
    },
    async list() {
      const infos: CopyInfo[] = []
      for (const name of (await names(dir)).filter((n) => parseCopyName(n) !== null).sort(newestFirst)) {
        try {
          const file = await (await dir.getFileHandle(name)).getFile()
          const info = describeCopy(name, await file.slice(0, COPY_HEADER_CHARS).text(), file.size)
          if (info) infos.push(info)
        } catch {
          // Gone meanwhile, or unreadable: not listed.
        }
      }
      return infos
    }
  }
}
