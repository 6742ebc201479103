// Owns the desktop app's copies of the ledger outside IndexedDB: backup files in the data folder's backups/, written by the main process with fsync.
import type { CopyStore } from '@/db/copies'
import { RECORD_TYPES } from '@/domain/records'
import type { Bridge } from '../../electron/shared/ipc'

export function desktopCopyStore(bridge: Bridge, dir: string): CopyStore {
  return {
    medium: 'folder',
    where: dir,
    async save(kind, text) {
      const result = await bridge.saveSnapshot({ text, kind })
      // Copies before a write are always written; an automatic one may be skipped as unchanged or too soon.
      if (!result.written) throw new Error(`the copy was not written (${result.reason})`)
      return result.name
    },
    read: (ref) => bridge.readSnapshot(ref),
    async list() {
      const { snapshots } = await bridge.listSnapshots()
      return snapshots.map((s) => ({
        ref: s.name,
        kind: s.kind,
        createdAt: s.createdAt,
        checksum: s.checksum,
        counts: s.counts,
        total: RECORD_TYPES.reduce((n, t) => n + s.counts[t], 0),
        from: s.from,
        to: s.to,
        size: s.size,
        encrypted: s.encrypted
      }))
    }
  }
}
