// Tests the snapshot store against an in-memory folder and a real temporary one: listing from headers, writing when due, pruning, refusing bad files and names.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackup, type BackupPayload } from '../../src/domain/backup/backup-file'
import { addDays } from '../../src/domain/calendar'
import { decryptBackupText, deriveSealingKey, sealWithKey, snapshotFingerprint } from '../../src/domain/backup/encrypted'
import { createSnapshotStore, localStamp, nodeSnapshotFs, type SnapshotFs } from './snapshots'

const empty = { accounts: [], draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }
const inquiry = (id: string, date: string) => ({ id, date, institution: '招商银行', reason: 'cardApproval' as const, notes: '' })

async function backupOf(inquiries: ReturnType<typeof inquiry>[], createdAt: string): Promise<string> {
  const payload: BackupPayload = { ledger: { ...empty, inquiries }, meta: { profile: null, settings: {} } }
  return (await createBackup({ payload, appVersion: '0.1.0', createdAt })).text
}

function memoryFs() {
  const files = new Map<string, string>()
  const fs: SnapshotFs = {
    readdir: async (dir) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1)),
    readStart: async (path, bytes) => (files.get(path) ?? '').slice(0, bytes),
    readText: async (path) => {
      const text = files.get(path)
      if (text === undefined) throw new Error(`ENOENT ${path}`)
      return text
    },
    writeText: async (path, text) => void files.set(path, text),
    remove: async (path) => void files.delete(path),
    size: async (path) => (files.get(path) ?? '').length,
    removePartials: async (dir) => {
      const stale = [...files.keys()].filter((p) => p.startsWith(`${dir}/`) && p.endsWith('.partial'))
      for (const p of stale) files.delete(p)
      return stale.map((p) => p.slice(dir.length + 1))
    }
  }
  return { files, fs }
}

/** A store whose clock the test moves; the backup's createdAt follows the same clock. */
function setup() {
  const { files, fs } = memoryFs()
  let now = new Date(2026, 11, 1, 8, 0, 0)
  const store = createSnapshotStore({ dir: '/data/backups', fs, now: () => now })
  return {
    files,
    store,
    setNow: (d: Date) => {
      now = d
    },
    text: (inquiries: ReturnType<typeof inquiry>[]) => backupOf(inquiries, now.toISOString())
  }
}

describe('the snapshot store', () => {
  it('writes the first one, lists it from its header, and reads it back whole', async () => {
    const { store, text } = setup()
    const file = await text([inquiry('iq-1', '2026-11-20')])
    await expect(store.save({ text: file, kind: 'auto' })).resolves.toEqual({ written: true, name: 'auto-2026-12-01-080000.json' })
    const [info] = await store.list()
    expect(info).toMatchObject({ name: 'auto-2026-12-01-080000.json', kind: 'auto', appVersion: '0.1.0', schemaVersion: 2, from: '2026-11-20', to: '2026-11-20', size: file.length })
    expect(info!.counts.inquiries).toBe(1)
    await expect(store.read('auto-2026-12-01-080000.json')).resolves.toBe(file)
  })

  it('skips unchanged data, waits a day for changed data, then writes', async () => {
    const { store, text, setNow } = setup()
    const first = await text([inquiry('iq-1', '2026-11-20')])
    await store.save({ text: first, kind: 'auto' })
    setNow(new Date(2026, 11, 3, 8, 0, 0))
    await expect(store.save({ text: await text([inquiry('iq-1', '2026-11-20')]), kind: 'auto' })).resolves.toEqual({ written: false, reason: 'unchanged' })
    const changed = await text([inquiry('iq-1', '2026-11-20'), inquiry('iq-2', '2026-12-02')])
    setNow(new Date(2026, 11, 1, 20, 0, 0))
    const checksum = JSON.parse(changed.split('\n')[0]!.replace(/,$/, '}')) as { checksum: { value: string } }
    expect(await store.needed(checksum.checksum.value)).toBe(false)
    await expect(store.save({ text: changed, kind: 'auto' })).resolves.toEqual({ written: false, reason: 'tooSoon' })
    setNow(new Date(2026, 11, 2, 8, 0, 0))
    expect(await store.needed(checksum.checksum.value)).toBe(true)
    await expect(store.save({ text: changed, kind: 'auto' })).resolves.toEqual({ written: true, name: 'auto-2026-12-02-080000.json' })
    expect((await store.list()).map((s) => s.name)).toEqual(['auto-2026-12-02-080000.json', 'auto-2026-12-01-080000.json'])
  })

  it('always writes a copy taken before a restore, under its own name', async () => {
    const { store, text } = setup()
    const file = await text([])
    await store.save({ text: file, kind: 'auto' })
    await expect(store.save({ text: file, kind: 'preRestore' })).resolves.toEqual({ written: true, name: 'pre-restore-2026-12-01-080000.json' })
    await expect(store.save({ text: file, kind: 'preRestore' })).resolves.toEqual({ written: true, name: 'pre-restore-2026-12-01-080000-2.json' })
    expect((await store.list()).map((s) => s.kind).sort()).toEqual(['auto', 'preRestore', 'preRestore'])
  })

  it('prunes to 7 daily and 4 weekly after each write', async () => {
    const { store, text, setNow, files } = setup()
    for (let i = 0; i < 30; i++) {
      setNow(new Date(2026, 10, 1 + i, 8, 0, 0))
      await store.save({ text: await text([inquiry(`iq-${i}`, addDays('2026-10-01', i))]), kind: 'auto' })
    }
    // Days 24-30 November, plus the newest of the weeks of 16 and 9 November (their Sundays).
    expect([...files.keys()].map((p) => p.slice('/data/backups/'.length)).sort()).toEqual(
      ['2026-11-15', '2026-11-22', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'].map((d) => `auto-${d}-080000.json`)
    )
  })

  it('refuses text that is not a whole backup, or whose checksum does not match', async () => {
    const { store, text, files } = setup()
    await expect(store.save({ text: '{"hello":1}', kind: 'auto' })).rejects.toThrow(/not a backup file/)
    const file = await text([inquiry('iq-1', '2026-11-20')])
    await expect(store.save({ text: file.replace('招商银行', '平安银行'), kind: 'auto' })).rejects.toThrow(/checksum/)
    await expect(store.save({ text: file.slice(0, file.length - 40), kind: 'auto' })).rejects.toThrow(/checksum|not a backup/)
    expect(files.size).toBe(0)
  })

  it('reads only its own file names: no other file, no path', async () => {
    const { store } = setup()
    await expect(store.read('../index.json')).rejects.toThrow(/not a snapshot name/)
    await expect(store.read('/etc/passwd')).rejects.toThrow(/not a snapshot name/)
    await expect(store.read('auto-2026-12-01-080000.json/../x')).rejects.toThrow(/not a snapshot name/)
  })

  it('removes what an unfinished write left before it lists or writes', async () => {
    const { store, files, text } = setup()
    files.set('/data/backups/.auto-2026-11-30-080000.json.1a2b.partial', '{"format":"credit-')
    files.set('/data/backups/auto-2026-11-29-080000.json.partial', '')
    expect(await store.list()).toEqual([])
    expect([...files.keys()]).toEqual([])
    await store.save({ text: await text([]), kind: 'preWrite' })
    expect([...files.keys()]).toEqual(['/data/backups/pre-write-2026-12-01-080000.json'])
  })

  it('does not list files that are not backups', async () => {
    const { store, files } = setup()
    files.set('/data/backups/auto-2026-12-01-080000.json', 'garbage')
    files.set('/data/backups/notes.txt', 'x')
    expect(await store.list()).toEqual([])
  })
})

describe('protected (encrypted) automatic snapshots', () => {
  const PASS = 'snapshot passphrase 1'
  const checksumOf = (text: string) => (JSON.parse(text.split('\n')[0]!.replace(/,$/, '}')) as { checksum: { value: string } }).checksum.value

  it('are listed beside plain ones without the key: time from the name, size, marked protected, nothing of the ledger', async () => {
    const { store, text, setNow } = setup()
    const plain = await text([inquiry('iq-1', '2026-11-20')])
    await store.save({ text: plain, kind: 'auto' })
    setNow(new Date(2026, 11, 2, 9, 30, 15))
    const sealing = await deriveSealingKey(PASS)
    const inner = await text([inquiry('iq-1', '2026-11-20'), inquiry('iq-2', '2026-12-02')])
    const fingerprint = await snapshotFingerprint(sealing.key, checksumOf(inner))
    const sealed = await sealWithKey(inner, sealing, fingerprint)
    await expect(store.save({ text: sealed, kind: 'auto' })).resolves.toEqual({ written: true, name: 'auto-2026-12-02-093015.json' })
    const [newest, older] = await store.list()
    expect(newest).toMatchObject({ name: 'auto-2026-12-02-093015.json', kind: 'auto', encrypted: true, checksum: fingerprint, from: null, to: null, size: sealed.length })
    expect(Date.parse(newest!.createdAt)).toBe(new Date(2026, 11, 2, 9, 30, 15).getTime())
    expect(Object.values(newest!.counts).every((n) => n === 0)).toBe(true)
    expect(older).toMatchObject({ name: 'auto-2026-12-01-080000.json', encrypted: false, from: '2026-11-20' })
    expect(older!.counts.inquiries).toBe(1)
    // Read back as written: the restore path opens it with the passphrase.
    const back = await store.read('auto-2026-12-02-093015.json')
    expect(await decryptBackupText(back, PASS)).toEqual({ ok: true, text: inner })
  })

  it('tell unchanged data by the fingerprint, and wait a day like plain ones', async () => {
    const { store, text, setNow } = setup()
    const sealing = await deriveSealingKey(PASS)
    const inner = await text([inquiry('iq-1', '2026-11-20')])
    const fingerprint = await snapshotFingerprint(sealing.key, checksumOf(inner))
    await store.save({ text: await sealWithKey(inner, sealing, fingerprint), kind: 'auto' })
    setNow(new Date(2026, 11, 3, 8, 0, 0))
    expect(await store.needed(fingerprint)).toBe(false)
    await expect(store.save({ text: await sealWithKey(inner, sealing, fingerprint), kind: 'auto' })).resolves.toEqual({ written: false, reason: 'unchanged' })
    setNow(new Date(2026, 11, 1, 20, 0, 0))
    expect(await store.needed('another')).toBe(false)
    setNow(new Date(2026, 11, 3, 8, 0, 0))
    expect(await store.needed('another')).toBe(true)
  })

  it('refuses a protected file cut short', async () => {
    const { store, text, files } = setup()
    const sealed = await sealWithKey(await text([]), await deriveSealingKey(PASS))
    await expect(store.save({ text: sealed.slice(0, sealed.length - 20), kind: 'auto' })).rejects.toThrow(/not a protected backup/)
    await expect(store.save({ text: sealed.slice(0, 200), kind: 'auto' })).rejects.toThrow(/not a protected backup/)
    expect(files.size).toBe(0)
  })
})

describe('on a real folder', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('passes a full disk on as the system reports it, writing nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-snapshots-'))
    const full: SnapshotFs = {
      ...nodeSnapshotFs(),
      writeText: async (path) => Promise.reject(Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' }))
    }
    const store = createSnapshotStore({ dir: join(dir, 'backups'), fs: full, now: () => new Date(2026, 11, 1, 8) })
    await expect(store.save({ text: await backupOf([], new Date(2026, 11, 1, 8).toISOString()), kind: 'preRestore' })).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await store.list()).toEqual([])
  })

  it('creates backups/, writes without leaving a partial file, lists, reads and prunes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-snapshots-'))
    const backups = join(dir, 'backups')
    let now = new Date(2026, 11, 1, 8, 0, 0)
    const store = createSnapshotStore({ dir: backups, fs: nodeSnapshotFs(), now: () => now })
    expect(await store.list()).toEqual([])
    const file = await backupOf([inquiry('iq-1', '2026-11-20')], now.toISOString())
    await store.save({ text: file, kind: 'auto' })
    expect(readdirSync(backups)).toEqual(['auto-2026-12-01-080000.json'])
    writeFileSync(join(backups, 'readme.txt'), 'mine')
    // A write cut short by a crash: the next run removes what it left.
    writeFileSync(join(backups, '.auto-2026-12-01-080000.json.9f9f.partial'), '{"format"')
    now = new Date(2026, 11, 2, 9, 30, 5)
    const next = createSnapshotStore({ dir: backups, fs: nodeSnapshotFs(), now: () => now })
    await next.save({ text: await backupOf([], now.toISOString()), kind: 'auto' })
    expect((await next.list()).map((s) => s.name)).toEqual(['auto-2026-12-02-093005.json', 'auto-2026-12-01-080000.json'])
    expect(await next.read('auto-2026-12-01-080000.json')).toBe(file)
    expect(readdirSync(backups).sort()).toEqual(['auto-2026-12-01-080000.json', 'auto-2026-12-02-093005.json', 'readme.txt'])
  })

  it('stamps names with the local date and time', () => {
    expect(localStamp(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02-030405')
  })
})
