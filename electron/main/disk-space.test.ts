// Tests the data disk's room as the page gets it: free bytes for the user, the total, and null when the system cannot say.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diskSpaceOf } from './disk-space'

describe('diskSpaceOf', () => {
  it('multiplies the blocks available to the user by the block size', async () => {
    expect(await diskSpaceOf('/data', async () => ({ bavail: 10, bsize: 4096, blocks: 100 }))).toEqual({ free: 40_960, total: 409_600 })
    expect(await diskSpaceOf('/data', async () => ({ bavail: 10n, bsize: 4096n, blocks: 100n }))).toEqual({ free: 40_960, total: 409_600 })
  })

  it('says nothing rather than something wrong', async () => {
    expect(await diskSpaceOf('/data', async () => Promise.reject(new Error('ENOENT')))).toBeNull()
    expect(await diskSpaceOf('/data', async () => ({ bavail: 200, bsize: 1, blocks: 100 }))).toBeNull()
  })

  it('reads a real folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credit-ledger-disk-'))
    try {
      const space = await diskSpaceOf(dir)
      expect(space).not.toBeNull()
      expect(space!.total).toBeGreaterThan(0)
      expect(space!.free).toBeLessThanOrEqual(space!.total)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
