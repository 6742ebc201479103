// Owns writing a file so that it is whole or absent, and on disk when we say so: a temporary name beside it, written and fsynced, renamed over the target, the folder fsynced; on any failure the temporary file is removed and whatever was there before is untouched.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The file operations a durable write uses; nodeDurableFs() is the real one, tests pass a fake. */
export interface DurableFs {
  /** Opens for writing (created or truncated), or a folder for reading (to fsync it). */
  open(path: string, flags: 'w' | 'r'): Promise<DurableHandle>
  rename(from: string, to: string): Promise<void>
  remove(path: string): Promise<void>
  makeDir(path: string): Promise<void>
  readdir(dir: string): Promise<string[]>
}

export interface DurableHandle {
  writeFile(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export function nodeDurableFs(): DurableFs {
  return {
    open: async (path, flags) => {
      const handle = await open(path, flags)
      return {
        writeFile: (data) => (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data)),
        sync: () => handle.sync(),
        close: () => handle.close()
      }
    },
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { force: true }),
    makeDir: async (path) => void (await mkdir(path, { recursive: true })),
    readdir: readdirOrEmpty
  }
}

/** A folder's names; none when the folder does not exist yet. */
export async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** The suffix of every temporary file a durable write makes; a leftover one is a write that never finished. */
export const PARTIAL_SUFFIX = '.partial'

/** A temporary name beside `path` that no other write uses at the same time. */
export function partialPathFor(path: string, token: string = randomBytes(4).toString('hex')): string {
  return join(dirname(path), `.${basename(path)}.${token}${PARTIAL_SUFFIX}`)
}

/**
 * Fsyncs a folder so that a rename inside it survives a power cut. Windows cannot open a folder
 * for this (and commits renames itself); elsewhere a refusal is passed on.
 */
export async function syncFolder(fs: DurableFs, dir: string, platform: string): Promise<void> {
  if (platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export interface DurableWriteOptions {
  platform: string
  /** Creates the folder first (the snapshots folder); a file the user chose goes into a folder that exists. */
  makeDir?: boolean
  /** The temporary name; by default a random one beside the target. */
  partialPath?: string
}

/**
 * Writes `data` to `path` so that `path` holds either its old content or all of the new, never a
 * part: the data goes to a temporary file that is fsynced, then renamed over `path`, then the
 * folder is fsynced. A full disk (ENOSPC) or any other failure removes the temporary file and
 * rejects with the system's error; the file that was at `path` stays as it was.
 */
export async function writeDurably(fs: DurableFs, path: string, data: string | Uint8Array, options: DurableWriteOptions): Promise<void> {
  const dir = dirname(path)
  if (options.makeDir) await fs.makeDir(dir)
  const partial = options.partialPath ?? partialPathFor(path)
  let handle: DurableHandle | null = null
  try {
    handle = await fs.open(partial, 'w')
    await handle.writeFile(data)
    await handle.sync()
    const closing = handle
    handle = null
    await closing.close()
    await fs.rename(partial, path)
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined)
    await fs.remove(partial).catch(() => undefined)
    throw error
  }
  await syncFolder(fs, dir, options.platform)
}

/** Removes what writes that never finished left in `dir` (names ending in PARTIAL_SUFFIX); returns their names. */
export async function removePartials(fs: DurableFs, dir: string): Promise<string[]> {
  const stale = (await fs.readdir(dir)).filter((name) => name.endsWith(PARTIAL_SUFFIX))
  for (const name of stale) await fs.remove(join(dir, name))
  return stale
}
