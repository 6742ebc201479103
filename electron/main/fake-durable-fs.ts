// Owns an in-memory file system for the durable-write tests: it logs every operation in order, keeps files only once closed, and can run out of space.
import type { DurableFs } from './durable-write'

export interface FakeDurableFs extends DurableFs {
  files: Map<string, string | Uint8Array>
  log: string[]
  /** The next write of a file whose path matches fails as a full disk does. */
  failWritesTo(pattern: RegExp | null): void
  /** The next rename fails. */
  failRename(error: Error | null): void
}

function enospc(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, write '${path}'`)
  error.code = 'ENOSPC'
  return error
}

/** `dirs` are the folders that exist; a file's folder is the part of its path before the last slash. */
export function fakeDurableFs(dirs: string[] = []): FakeDurableFs {
  const files = new Map<string, string | Uint8Array>()
  const folders = new Set(dirs)
  const log: string[] = []
  let failWrites: RegExp | null = null
  let renameError: Error | null = null
  const parent = (path: string) => path.slice(0, path.lastIndexOf('/'))
  return {
    files,
    log,
    failWritesTo: (pattern) => void (failWrites = pattern),
    failRename: (error) => void (renameError = error),
    async open(path, flags) {
      log.push(`open ${flags} ${path}`)
      if (flags === 'r') {
        if (!folders.has(path) && !files.has(path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
      } else {
        if (!folders.has(parent(path))) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
        // Created empty on open, as O_CREAT|O_TRUNC does.
        files.set(path, '')
      }
      return {
        writeFile: async (data) => {
          log.push(`write ${path}`)
          if (failWrites?.test(path)) {
            failWrites = null
            // Part of it is there, as a full disk leaves it.
            files.set(path, typeof data === 'string' ? data.slice(0, 3) : data.slice(0, 3))
            throw enospc(path)
          }
          files.set(path, data)
        },
        sync: async () => void log.push(`sync ${path}`),
        close: async () => void log.push(`close ${path}`)
      }
    },
    async rename(from, to) {
      log.push(`rename ${from} -> ${to}`)
      if (renameError) {
        const error = renameError
        renameError = null
        throw error
      }
      const data = files.get(from)
      if (data === undefined) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' })
      files.delete(from)
      files.set(to, data)
    },
    async remove(path) {
      log.push(`remove ${path}`)
      files.delete(path)
    },
    async makeDir(path) {
      log.push(`mkdir ${path}`)
      folders.add(path)
    },
    async readdir(dir) {
      return [...files.keys()].filter((p) => parent(p) === dir).map((p) => p.slice(dir.length + 1))
    }
  }
}
