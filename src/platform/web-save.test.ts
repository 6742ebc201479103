// A browser backup counts as saved only when the browser confirmed it (issue 11): the save picker's
// answers, a write that fails half-way, a browser without a picker, and the pending download that
// only the user's word turns into a recorded backup.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readBackupState } from '@/db/backup-store'
import { openLedgerDb, type LedgerDb } from '@/db/schema'
import { confirmPending, dropPending, startPending } from '@/features/backup/pending-download'
import { saveWithConfirmation, type SaveRequest } from './web-save'

const request = (text = '{"backup":1}'): SaveRequest => ({
  suggestedName: 'ledger.json',
  type: { description: 'Backup', mime: 'application/json', extension: '.json' },
  produce: async () => text
})

function domError(name: string): Error {
  const e = new Error(name)
  e.name = name
  return e
}

/** A file handle that keeps what is written, or fails its write with the given error. */
function handle(failWith: Error | null = null) {
  const written: string[] = []
  const calls: string[] = []
  const h = {
    name: 'picked.json',
    createWritable: async () => ({
      write: async (data: string | Uint8Array) => {
        calls.push('write')
        if (failWith) throw failWith
        written.push(typeof data === 'string' ? data : new TextDecoder().decode(data))
      },
      close: async () => void calls.push('close'),
      abort: async () => void calls.push('abort')
    })
  }
  return { h: h as unknown as FileSystemFileHandle, written, calls }
}

describe('saveWithConfirmation', () => {
  it('says saved only after the picked file was written and closed, with the name the user picked', async () => {
    const { h, written, calls } = handle()
    const outcome = await saveWithConfirmation(request('abc'), { showSaveFilePicker: async () => h })
    expect(outcome).toEqual({ kind: 'saved', name: 'picked.json' })
    expect(written).toEqual(['abc'])
    expect(calls).toEqual(['write', 'close'])
  })

  it('calls a closed picker cancelled and never produces the file', async () => {
    const produce = vi.fn(async () => 'x')
    const outcome = await saveWithConfirmation({ ...request(), produce }, {
      showSaveFilePicker: async () => {
        throw domError('AbortError')
      }
    })
    expect(outcome).toEqual({ kind: 'cancelled' })
    expect(produce).not.toHaveBeenCalled()
  })

  it('passes a full disk on through as a failure and aborts the half-written file, never "saved"', async () => {
    const { h, calls } = handle(domError('QuotaExceededError'))
    await expect(saveWithConfirmation(request(), { showSaveFilePicker: async () => h })).rejects.toMatchObject({ name: 'QuotaExceededError' })
    expect(calls).toEqual(['write', 'abort'])
  })

  describe('without a usable picker', () => {
    const clicked: string[] = []
    beforeEach(() => {
      clicked.length = 0
      // The smallest DOM a download needs: an anchor that records its click.
      vi.stubGlobal('document', {
        createElement: () => {
          const a = { href: '', download: '', click: () => void clicked.push(a.download), remove: () => undefined }
          return a
        },
        body: { append: () => undefined }
      })
      vi.stubGlobal('URL', { createObjectURL: () => 'blob:1', revokeObjectURL: () => undefined })
    })
    afterEach(() => void vi.unstubAllGlobals())

    it('starts a download and says only that it started, for a browser with no picker', async () => {
      expect(await saveWithConfirmation(request(), {})).toEqual({ kind: 'downloadStarted', name: 'ledger.json' })
      expect(clicked).toEqual(['ledger.json'])
    })

    it('falls back to a download when the browser refuses to show the picker', async () => {
      const outcome = await saveWithConfirmation(request(), {
        showSaveFilePicker: async () => {
          throw domError('SecurityError')
        }
      })
      expect(outcome).toEqual({ kind: 'downloadStarted', name: 'ledger.json' })
      expect(clicked).toEqual(['ledger.json'])
    })
  })
})

describe('a started download waits for the user', () => {
  let db: LedgerDb
  beforeEach(async () => {
    db = openLedgerDb(`web-save-${crypto.randomUUID()}`)
    await db.open()
  })
  afterEach(async () => {
    dropPending()
    db.close()
    await db.delete()
  })

  it('records the backup (and so ends the reminder) only when the user confirms it', async () => {
    const before = await readBackupState(db)
    startPending({ name: 'ledger.json', checksum: 'c1', at: '2026-12-05T10:00:00.000Z' })
    // Nothing recorded while the download is only started.
    expect(await readBackupState(db)).toEqual(before)
    expect(await confirmPending(db)).toMatchObject({ checksum: 'c1' })
    expect(await readBackupState(db)).toMatchObject({ lastBackupAt: '2026-12-05T10:00:00.000Z', lastBackupChecksum: 'c1', changedSince: null })
  })

  it('records nothing when the user says the file did not land', async () => {
    const before = await readBackupState(db)
    startPending({ name: 'ledger.json', checksum: 'c2', at: '2026-12-05T10:00:00.000Z' })
    dropPending()
    expect(await confirmPending(db)).toBeNull()
    expect(await readBackupState(db)).toEqual(before)
  })
})
