// Tests backup and restore against the store: the sample round trip, rejected files leaving the data as it was, one transaction, and undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FIRED_REMINDERS_KEY } from '@/domain/dues/settings'
import { createBackup, BACKUP_SCHEMA_VERSION, BACKUP_STATE_KEY, PRE_RESTORE_KEY, readBackup, sha256Hex, canonicalJson, type BackupPayload } from '@/domain/backup/backup-file'
import { INITIAL_BACKUP_STATE } from '@/domain/backup/reminder'
import type { Ledger } from '@/domain/records'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { profile } from '@/testing/fixtures'
import { readBackupPayload, readBackupState, readPreRestore, restorePayload, restoreWithUndo, undoRestore, writeBackupState } from './backup-store'
import { ValidationError } from '@/domain/validation-error'
import { addLedger, clearLedger, readLedger, saveProfile } from './repo'
import { openLedgerDb, SCHEMA_VERSIONS, type LedgerDb } from './schema'

const sample = generateSampleLedger({ today: '2026-11-21' })
const context = { appVersion: '0.1.0', now: '2026-11-21T08:00:00.000Z' }

let db: LedgerDb
beforeEach(async () => {
  db = openLedgerDb(`backup-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))
const sorted = (l: Ledger) => ({ accounts: byId(l.accounts), draws: byId(l.draws), orders: byId(l.orders), repayments: byId(l.repayments), inquiries: byId(l.inquiries) })

async function seed() {
  await addLedger(db, sample)
  await saveProfile(db, profile)
  await db.meta.put({ key: 'dues.leadDays', value: { days: [3, 1] } })
}

/** Everything the store holds, for "nothing changed" comparisons. */
async function snapshot() {
  return { ledger: sorted(await readLedger(db)), meta: await db.meta.toArray() }
}

describe('backup and restore through the store', () => {
  it('sample data -> backup -> wipe -> restore gives identical records, profile and settings', async () => {
    await seed()
    const made = await createBackup({ payload: await readBackupPayload(db), appVersion: '0.1.0', createdAt: context.now })
    await clearLedger(db)
    await db.meta.clear()
    expect((await readLedger(db)).draws).toEqual([])
    const read = await readBackup(made.text)
    if (!read.ok) throw new Error(read.problem.code)
    await restoreWithUndo(db, read.backup, context)
    expect(sorted(await readLedger(db))).toEqual(sorted(sample))
    const after = await readBackupPayload(db)
    expect(after.meta).toEqual({ profile, settings: { 'dues.leadDays': { days: [3, 1] } } })
  })

  it('keeps the data as it was when a file is truncated, has a wrong checksum, a negative amount or a newer schema', async () => {
    await seed()
    const before = await snapshot()
    const made = await createBackup({ payload: { ledger: { ...sample, inquiries: [] }, meta: { profile: null, settings: {} } }, appVersion: '0.1.0', createdAt: context.now })
    const file = JSON.parse(made.text) as { payload: BackupPayload; checksum: { value: string } }
    file.payload.ledger.orders[0]!.amount = -1
    const wrongChecksum = JSON.stringify(file)
    file.checksum.value = await sha256Hex(canonicalJson(file.payload))
    const negative = JSON.stringify(file)
    const cases: [string, string][] = [
      ['truncated', made.text.slice(0, 5000)],
      ['checksum', wrongChecksum],
      ['badRecord', negative],
      ['newer', made.text.replace(`"schemaVersion":${BACKUP_SCHEMA_VERSION}`, `"schemaVersion":${BACKUP_SCHEMA_VERSION + 1}`)]
    ]
    for (const [code, text] of cases) {
      const read = await readBackup(text)
      expect(read.ok ? 'accepted' : read.problem.code).toBe(code)
      expect(await snapshot()).toEqual(before)
    }
  })

  it('writes nothing when the records fail the store\'s own checks inside the transaction', async () => {
    await seed()
    const before = await snapshot()
    // Handed straight to the store, past readBackup: the store validates again and rolls everything back.
    const bad: BackupPayload = { ledger: { ...sample, draws: sample.draws.map((d, i) => (i === 3 ? { ...d, principal: -5 } : d)) }, meta: { profile: null, settings: { other: 1 } } }
    await expect(restorePayload(db, bad, { createdAt: context.now, text: 'x' })).rejects.toBeInstanceOf(ValidationError)
    expect(await snapshot()).toEqual(before)
  })

  it('can undo a restore, and keeps the backup reminder\'s state through both', async () => {
    await seed()
    const state = { ...INITIAL_BACKUP_STATE, lastBackupAt: '2026-11-01T00:00:00.000Z', lastBackupChecksum: 'abc' }
    await writeBackupState(db, state)
    const before = await snapshot()
    const other = await createBackup({ payload: { ledger: { ...sample, orders: [], repayments: sample.repayments.filter((r) => r.targetType === 'draw'), billInstalments: [] }, meta: { profile: null, settings: {} } }, appVersion: '0.1.0', createdAt: context.now })
    const read = await readBackup(other.text)
    if (!read.ok) throw new Error(read.problem.code)
    await restoreWithUndo(db, read.backup, context)
    expect((await readLedger(db)).orders).toEqual([])
    expect((await readBackupPayload(db)).meta).toEqual({ profile: null, settings: {} })
    expect(await readBackupState(db)).toEqual(state)
    expect((await readPreRestore(db))?.createdAt).toBe(context.now)

    expect(await undoRestore(db)).toBe(true)
    const after = await snapshot()
    expect(after.ledger).toEqual(before.ledger)
    expect(after.meta.filter((m) => m.key !== PRE_RESTORE_KEY)).toEqual(before.meta)
    expect(await readPreRestore(db)).toBeNull()
    expect(await readBackupState(db)).toEqual(state)
    expect(await undoRestore(db)).toBe(false)
  })

  it('leaves this installation\'s documents out of a backup', async () => {
    await seed()
    await writeBackupState(db, INITIAL_BACKUP_STATE)
    await db.meta.put({ key: PRE_RESTORE_KEY, value: { createdAt: context.now, text: '{}' } })
    await db.meta.put({ key: FIRED_REMINDERS_KEY, value: ['2026-12-10|bill:huabei:2026-12-10|3'] })
    const payload = await readBackupPayload(db)
    expect(Object.keys(payload.meta.settings)).toEqual(['dues.leadDays'])
    expect(payload.meta.settings[BACKUP_STATE_KEY]).toBeUndefined()
  })

  it('keeps the reminders already shown through a restore, so none repeats', async () => {
    await seed()
    const made = await createBackup({ payload: await readBackupPayload(db), appVersion: '0.1.0', createdAt: context.now })
    const shown = ['2026-12-10|bill:huabei:2026-12-10|3', '2026-12-10|bill:huabei:2026-12-10|1']
    await db.meta.put({ key: FIRED_REMINDERS_KEY, value: shown })
    const read = await readBackup(made.text)
    if (!read.ok) throw new Error(read.problem.code)
    await restoreWithUndo(db, read.backup, context)
    expect((await db.meta.get(FIRED_REMINDERS_KEY))?.value).toEqual(shown)
  })

  it('follows the last store version that changed records (version 3 added only the sync cells, which no backup holds)', () => {
    const recordVersions = SCHEMA_VERSIONS.filter((v) => Object.keys(v.stores).some((table) => table !== 'syncCells'))
    expect(BACKUP_SCHEMA_VERSION).toBe(recordVersions.at(-1)!.version)
    expect(SCHEMA_VERSIONS.at(-1)!.version).toBe(3)
  })
})
