// Owns telling the page how much room the data folder's disk has, which every bulk write is checked against before it starts.
import { statfs } from 'node:fs/promises'
import type { DiskSpace } from '../shared/ipc'

/** The parts of fs.statfs this reads. */
export type StatFs = (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint; blocks: number | bigint }>

/**
 * Free bytes (for an unprivileged user: bavail, not bfree) and total bytes of the disk holding
 * `dir`; null when the system cannot say (the call fails, or the numbers are not sane).
 */
export async function diskSpaceOf(dir: string, stat: StatFs = statfs): Promise<DiskSpace | null> {
  try {
    const s = await stat(dir)
    const free = Number(s.bavail) * Number(s.bsize)
    const total = Number(s.blocks) * Number(s.bsize)
    return Number.isFinite(free) && Number.isFinite(total) && free >= 0 && total >= free ? { free, total } : null
  } catch {
    return null
  }
}
