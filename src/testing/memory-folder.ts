// Owns a sync folder held in memory that keeps the transport contract exactly (list direct children, read, create never overwriting, remove), for the sync engine's unit tests; the WebDAV client is tested against a real server elsewhere. It can cut the connection on a chosen call.
import { SyncTransportError, type SyncTransport } from '@/domain/sync/transport'

export class MemoryFolder {
  readonly files = new Map<string, string>()
  /** The next call of this kind fails as a dropped connection would (after `after` calls of it succeed). */
  private cut: { op: 'list' | 'read' | 'create' | 'remove'; after: number } | null = null

  cutNext(op: 'list' | 'read' | 'create' | 'remove', after = 0): void {
    this.cut = { op, after }
  }

  private maybeCut(op: 'list' | 'read' | 'create' | 'remove'): void {
    if (this.cut?.op !== op) return
    if (this.cut.after > 0) {
      this.cut.after--
      return
    }
    this.cut = null
    throw new SyncTransportError('network', 'connection reset')
  }

  transport(): SyncTransport {
    return {
      list: async (folder) => {
        this.maybeCut('list')
        const prefix = `${folder}/`
        const names = new Set<string>()
        for (const path of this.files.keys()) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]!)
        return [...names]
      },
      read: async (path) => {
        this.maybeCut('read')
        return this.files.get(path) ?? null
      },
      create: async (path, text) => {
        this.maybeCut('create')
        if (this.files.has(path)) throw new SyncTransportError('exists', path)
        this.files.set(path, text)
      },
      remove: async (path) => {
        this.maybeCut('remove')
        this.files.delete(path)
      }
    }
  }
}
