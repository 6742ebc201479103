// Tests bulk writes on a storage that fills up (fake-indexeddb with a quota): refused before writing when the room is short, nothing written when the copy cannot be kept, the truth after a failed write (read back, never assumed), and recovery from the copy after the database is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readBackup, RECOVERY_DISMISSED_KEY } from '@/domain/backup/backup-file'
import { RECORD_TYPES, type Ledger } from '@/domain/records'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { profile } from '@/testing/fixtures'
import { readBackupPayload, readPreRestore } from './backup-store'
import { guardedBulkWrite, isBulkWriteError, utf8Length, type BulkWriteDeps, type BulkWriteError } from './bulk-write'
import { memoryCopyStore } from './copies'
import { ValidationError } from '@/domain/validation-error'
import { limitStorage, storageUsed } from '@/testing/quota-test-kit'
import { addLedger, readLedger, saveProfile } from './repo'
import { restoreCopy, safeReplaceLedger, safeRestore, safeUndoRestore } from './safe-writes'
import { openLedgerDb, type LedgerDb } from './schema'
import { readSetting } from './settings'
import { WRITE_MARGIN_BYTES } from './storage-guard'

const small = generateSampleLedger({ today: '2026-11-21', months: 2 })
const large = generateSampleLedger({ today: '2026-11-21', months: 12, scale: 3 })
const MB = 1024 * 1024

let db: LedgerDb
let name: string
beforeEach(async () => {
  name = `bulk-${crypto.randomUUID()}`
  db = openLedgerDb(name)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))
const sorted = (l: Ledger): Ledger => ({
  accounts: byId(l.accounts),
  draws: byId(l.draws),
  orders: byId(l.orders),
  repayments: byId(l.repayments),
  inquiries: byId(l.inquiries),
  billInstalments: byId(l.billInstalments),
  billFigures: byId(l.billFigures)
})
const count = (l: Ledger) => RECORD_TYPES.reduce((n, t) => n + l[t].length, 0)

/** A copy store whose clock moves a second per copy, as time passes between writes. */
function tickingCopies() {
  let second = 0
  return memoryCopyStore(() => new Date(2026, 10, 21, 9, 0, second++))
}

function deps(room: BulkWriteDeps['room'], copies = tickingCopies()) {
  return { deps: { room, copies: async () => copies.store, appVersion: '0.1.0', now: () => new Date('2026-11-21T01:00:00.000Z') } satisfies BulkWriteDeps, copies }
}
const plenty = async () => ({ quotaLeft: 1024 * MB, diskFree: null })

async function failureOf(write: () => Promise<unknown>): Promise<BulkWriteError> {
  const error = await write().then(
    () => null,
    (e: unknown) => e
  )
  expect(isBulkWriteError(error)).toBe(true)
  return error as BulkWriteError
}

describe('guardedBulkWrite', () => {
  beforeEach(async () => {
    await addLedger(db, small)
    await saveProfile(db, profile)
  })

  it('refuses before writing anything when the room is short, naming the bytes needed and available', async () => {
    const { deps: d, copies } = deps(async () => ({ quotaLeft: 20 * MB, diskFree: 12 * MB }))
    const incomingChars = JSON.stringify(large).length
    const error = await failureOf(() => safeReplaceLedger(db, d, large))
    expect(error.failure).toMatchObject({ stage: 'noRoom', available: 12 * MB, limitedBy: 'disk' })
    if (error.failure.stage !== 'noRoom') throw new Error('unreachable')
    expect(error.failure.needed).toBeGreaterThan(incomingChars * 3 + WRITE_MARGIN_BYTES)
    // Nothing written: no copy either, and the ledger as it was.
    expect(copies.files.size).toBe(0)
    expect(sorted(await readLedger(db))).toEqual(sorted(small))
  })

  it('writes nothing when the copy cannot be kept, and says why (a full disk)', async () => {
    const { deps: d, copies } = deps(plenty)
    copies.failWith(new Error("Error invoking remote method 'snapshots:save': Error: ENOSPC: no space left on device, write"))
    const error = await failureOf(() => safeReplaceLedger(db, d, large))
    expect(error.failure).toMatchObject({ stage: 'copy', failure: { kind: 'disk' } })
    expect(sorted(await readLedger(db))).toEqual(sorted(small))
  })

  it('keeps a readable copy of the ledger before it writes', async () => {
    const { deps: d, copies } = deps(plenty)
    const copy = await safeReplaceLedger(db, d, large)
    expect(copy.ref).toBe('pre-write-2026-11-21-090000.json')
    expect(copy.total).toBe(count(small))
    const read = await readBackup(copies.files.get(copy.ref!)!)
    expect(read.ok && sorted(read.backup.payload.ledger)).toEqual(sorted(small))
    expect(sorted(await readLedger(db))).toEqual(sorted(large))
  })

  it('when the storage fills during the write: reports the quota and that the ledger was read back unchanged', async () => {
    // The room check is told there is plenty (estimates can be wrong); the database's real quota is far less.
    const quota = limitStorage(name, 0)
    quota.setLimit(JSON.stringify(large).length / 2)
    const { deps: d, copies } = deps(plenty)
    const error = await failureOf(() => safeReplaceLedger(db, d, large))
    expect(error.failure).toMatchObject({ stage: 'write', failure: { kind: 'quota' }, state: 'unchanged' })
    expect(sorted(await readLedger(db))).toEqual(sorted(small))
    // The copy is there all the same.
    expect([...copies.files.keys()]).toEqual(['pre-write-2026-11-21-090000.json'])
    quota.setLimit(Number.MAX_SAFE_INTEGER)
  })

  it('says "changed" only when the store reads back different, and "unknown" when it cannot be read', async () => {
    const { deps: d } = deps(plenty)
    const changed = await failureOf(() =>
      guardedBulkWrite(db, d, {
        copyKind: 'preWrite',
        incomingChars: 10,
        write: async () => {
          await db.inquiries.clear()
          throw new Error('half-way')
        }
      })
    )
    expect(changed.failure).toMatchObject({ stage: 'write', state: 'changed', failure: { kind: 'unknown' } })
    const gone = await failureOf(() =>
      guardedBulkWrite(db, d, {
        copyKind: 'preWrite',
        incomingChars: 10,
        write: async () => {
          // As Chromium did on a full disk: the whole database deleted under the app.
          db.close()
          throw new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError')
        }
      })
    )
    expect(gone.failure).toMatchObject({ stage: 'write', state: 'unknown', failure: { kind: 'aborted' } })
  })

  it('notes the copy as declined when the write leaves the ledger empty on purpose, so it is not offered back', async () => {
    const { deps: d } = deps(plenty)
    const copy = await safeReplaceLedger(db, d, { accounts: [], draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] })
    expect(await readSetting(db, RECOVERY_DISMISSED_KEY, z.object({ createdAt: z.string() }).nullable(), null)).toEqual({ createdAt: copy.createdAt })
  })

  it('passes a refused record through as a validation failure, read back unchanged', async () => {
    const { deps: d } = deps(plenty)
    const bad: Ledger = { ...large, draws: [{ ...large.draws[0]!, principal: -1 }] }
    const error = await failureOf(() => safeReplaceLedger(db, d, bad))
    expect(error.failure).toMatchObject({ stage: 'write', failure: { kind: 'validation' }, state: 'unchanged' })
    expect(error.error).toBeInstanceOf(ValidationError)
  })
})

describe('restore and its undo, with the copy outside the database', () => {
  it('keeps only the copy\'s name in the store, undoes from the copy, and recovers after the database is lost', async () => {
    await addLedger(db, small)
    const { deps: d, copies } = deps(plenty)
    const made = await readBackup((await guardedBulkWrite(db, d, { copyKind: 'preWrite', incomingChars: 0, write: async () => null })).copy.text)
    if (!made.ok) throw new Error(made.problem.code)
    await addLedger(db, { ...large, accounts: [], draws: [], orders: [], repayments: [], billInstalments: [], billFigures: [], inquiries: large.inquiries.map((i) => ({ ...i, id: `x-${i.id}` })) })
    const before = sorted(await readLedger(db))

    // Restore the earlier backup: the old ledger goes to the copy store, only its name to the database.
    const copy = await safeRestore(db, d, made.backup)
    expect(await readPreRestore(db)).toEqual({ createdAt: copy.createdAt, ref: copy.ref, total: count(before) })
    expect(sorted(await readLedger(db))).toEqual(sorted(small))

    // Undo reads the copy back from the store.
    expect(await safeUndoRestore(db, d)).toBe(true)
    expect(sorted(await readLedger(db))).toEqual(before)

    // The database is deleted (a full disk in Chromium): a fresh one is empty, and the copy restores it.
    db.close()
    await db.delete()
    db = openLedgerDb(name)
    await db.open()
    expect(count(await readLedger(db))).toBe(0)
    // Newest first: the copy taken before the undo, the one taken before the restore, the first one.
    const kept = await copies.store.list()
    expect(kept.map((c) => [c.kind, c.total])).toEqual([
      ['preWrite', count(small)],
      ['preRestore', count(before)],
      ['preWrite', count(small)]
    ])
    await restoreCopy(db, d, kept[1]!.ref)
    expect(sorted(await readLedger(db))).toEqual(before)
  })
})

describe('on a storage that really fills (fake quota), end to end', () => {
  it('an import-sized write past the quota aborts whole; the next one that fits goes through', async () => {
    await addLedger(db, small)
    const used = storageUsed(name)
    const quota = limitStorage(name, used + 100)
    const { deps: d } = deps(async () => {
      const e = quota.estimate()
      return { quotaLeft: e.quota - e.usage, diskFree: null }
    })
    // The room check refuses first: the estimate shows how little is left.
    const refused = await failureOf(() => safeReplaceLedger(db, d, large))
    expect(refused.failure.stage).toBe('noRoom')
    // With room, it is written.
    quota.setLimit(used + 100 * MB)
    await safeReplaceLedger(db, d, large)
    expect(count(await readLedger(db))).toBe(count(large))
    expect((await readBackupPayload(db)).ledger.draws).toHaveLength(large.draws.length)
    quota.setLimit(Number.MAX_SAFE_INTEGER)
  })
})

describe('utf8Length', () => {
  it('counts bytes as TextEncoder does', () => {
    for (const text of ['', 'abc', '花呗 ¥1,299.00', '😀 ok', JSON.stringify(small).slice(0, 5000)]) expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
  })
})
