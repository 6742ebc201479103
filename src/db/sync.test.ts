import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import type { Ledger } from '@/domain/records'
import { uniqueDbName } from '@/testing/migrate-test-kit'
import { MemoryFolder } from '@/testing/memory-folder'
import type { PassphraseKey } from '@/domain/crypto/passphrase-key'
import { addLedger, readLedger } from './repo'
import { openLedgerDb, type LedgerDb } from './schema'
import { connectSync, readSyncState, syncOnce, SYNC_FOLDER } from './sync'
import { DUES_SETTINGS_KEY, FIRED_REMINDERS_KEY } from '@/domain/dues/settings'

const PASS = '同步口令 2026'
const T = Date.parse('2026-12-05T10:00:00.000Z')
const sample = generateSampleLedger({ today: '2026-12-05', months: 2 })
const opened: LedgerDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) db.close()
})

interface Device {
  db: LedgerDb
  key: PassphraseKey
}

async function device(folder: MemoryFolder, name: string, ledger?: Ledger): Promise<Device> {
  const db = openLedgerDb(uniqueDbName(name))
  opened.push(db)
  await db.open()
  if (ledger) await addLedger(db, ledger)
  const connected = await connectSync(folder.transport(), PASS)
  if (!connected.ok) throw new Error(connected.problem.code)
  return { db, key: connected.key }
}

let clock = T
const now = () => (clock += 1000)
const sync = (d: Device, folder: MemoryFolder) => syncOnce(d.db, folder.transport(), d.key, now)
const sorted = (l: Ledger) => JSON.stringify(Object.fromEntries(Object.entries(l).map(([t, rows]) => [t, [...(rows as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : 1))])))

describe('syncing two devices through one folder', () => {
  it('a new device gets every record of the first, exactly', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'sync-a', sample)
    const b = await device(folder, 'sync-b')
    const sent = await sync(a, folder)
    expect(sent.sent).toBeGreaterThan(0)
    const got = await sync(b, folder)
    expect(got.refused).toEqual([])
    expect(got.invalid).toEqual([])
    expect(sorted(await readLedger(b.db))).toBe(sorted(await readLedger(a.db)))
    // A sync with nothing new sends nothing and changes nothing.
    expect((await sync(a, folder)).sent).toBe(0)
    expect((await sync(b, folder)).sent).toBe(0)
  })

  it('edits made offline on both, to different records and different fields of one record, end the same on both', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'sync-a2', sample)
    const b = await device(folder, 'sync-b2')
    await sync(a, folder)
    await sync(b, folder)
    const [d0, d1] = sample.draws
    await a.db.draws.update(d0!.id, { notes: '电脑上改的' })
    await b.db.draws.update(d0!.id, { channel: d0!.channel === 'app' ? 'other' : 'app' })
    await b.db.draws.delete(d1!.id)
    const order = sample.orders[0]!
    await a.db.orders.put({ ...order, id: 'new-order-a', merchant: '京东' })
    await sync(b, folder)
    await sync(a, folder)
    await sync(b, folder)
    const [la, lb] = [await readLedger(a.db), await readLedger(b.db)]
    expect(sorted(la)).toBe(sorted(lb))
    const merged = la.draws.find((d) => d.id === d0!.id)!
    expect([merged.notes, merged.channel]).toEqual(['电脑上改的', d0!.channel === 'app' ? 'other' : 'app'])
    expect(la.draws.some((d) => d.id === d1!.id)).toBe(false)
    expect(lb.orders.find((o) => o.id === 'new-order-a')?.merchant).toBe('京东')
  })

  it('the same field changed on both: the later change stands on both and the conflict is logged', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'sync-a3', sample)
    const b = await device(folder, 'sync-b3')
    await sync(a, folder)
    await sync(b, folder)
    const id = sample.orders[0]!.id
    await a.db.orders.update(id, { amount: 11_100 })
    await sync(a, folder)
    await b.db.orders.update(id, { amount: 22_200 })
    // b has not seen a's change: its sync sends the later one and logs the conflict.
    const report = await sync(b, folder)
    expect(report.conflicts).toHaveLength(1)
    await sync(a, folder)
    expect((await a.db.orders.get(id))!.amount).toBe(22_200)
    expect((await b.db.orders.get(id))!.amount).toBe(22_200)
    expect((await readSyncState(b.db))!.conflicts[0]).toMatchObject({ table: 'orders', row: id, field: 'amount', kept: { value: 22_200 }, lost: { value: 11_100 } })
  })

  it('a connection cut mid-upload or mid-download loses nothing, and the next sync completes', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'sync-a4', sample)
    const b = await device(folder, 'sync-b4')
    folder.cutNext('create')
    await expect(sync(a, folder)).rejects.toThrow('connection reset')
    // Nothing changed here: no cells, no state.
    expect(await a.db.syncCells.count()).toBe(0)
    expect(await readSyncState(a.db)).toBeNull()
    await sync(a, folder)
    folder.cutNext('read')
    await expect(sync(b, folder)).rejects.toThrow('connection reset')
    expect((await readLedger(b.db)).draws).toHaveLength(0)
    await sync(b, folder)
    expect(sorted(await readLedger(b.db))).toBe(sorted(await readLedger(a.db)))
  })

  it('refuses a wrong passphrase, and a changed or foreign file (named), merging nothing from it', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'sync-a5', sample)
    expect(await connectSync(folder.transport(), 'not the passphrase')).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })
    await sync(a, folder)
    const [path, text] = [...folder.files].find(([p]) => p.endsWith('.msg'))!
    const file = JSON.parse(text) as { data: string }
    folder.files.set(path, JSON.stringify({ ...file, data: (file.data[10] === 'A' ? 'B' : 'A') + file.data.slice(1) }))
    const b = await device(folder, 'sync-b5')
    const report = await sync(b, folder)
    expect(report.refused).toEqual([{ path, problem: { code: 'tampered' } }])
    expect((await readLedger(b.db)).accounts).toHaveLength(0)
    // A stranger's folder beside ours is not read at all; a foreign file in a device folder is refused.
    folder.files.set(`${SYNC_FOLDER}/notes.txt`, 'hello')
    folder.files.set(`${SYNC_FOLDER}/00000000000000ff/00000001.msg`, '{"hello":1}')
    expect((await sync(b, folder)).refused.map((r) => r.path)).toContain(`${SYNC_FOLDER}/00000000000000ff/00000001.msg`)
  })

  it('the folder holds no amount, name or date in the clear', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'sync-a6', sample)
    await sync(a, folder)
    const everything = [...folder.files].map(([p, t]) => `${p}\n${t}`).join('\n')
    for (const account of sample.accounts) expect(everything).not.toContain(account.name)
    for (const d of sample.draws.slice(0, 5)) {
      expect(everything).not.toContain(d.drawDate)
      expect(everything).not.toContain(`"principal":${d.principal}`)
    }
    expect(everything).not.toContain('2026-')
  })
})

describe('what travels besides the records', () => {
  it('a reminder shown on one device is marked shown on the other; reminder settings and old ids stay where they are', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'fired-a', sample)
    const b = await device(folder, 'fired-b')
    // Shown on a: one due 12-10 (kept for 30 days after), and one from 10-01, which b has long let go of.
    await a.db.meta.put({ key: FIRED_REMINDERS_KEY, value: ['2026-12-10|order:x|1', '2026-10-01|order:y|0'] })
    await a.db.meta.put({ key: DUES_SETTINGS_KEY, value: { remindersEnabled: false } })
    await b.db.meta.put({ key: FIRED_REMINDERS_KEY, value: ['2026-12-11|draw:z|3'] })
    await sync(a, folder)
    await sync(b, folder)
    await sync(a, folder)
    expect((await b.db.meta.get(FIRED_REMINDERS_KEY))?.value).toEqual(['2026-12-11|draw:z|3', '2026-12-10|order:x|1'])
    expect(((await a.db.meta.get(FIRED_REMINDERS_KEY))?.value as string[]).sort()).toEqual(['2026-10-01|order:y|0', '2026-12-10|order:x|1', '2026-12-11|draw:z|3'])
    expect(await b.db.meta.get(DUES_SETTINGS_KEY)).toBeUndefined()
    // Nothing new: nothing sent again.
    expect((await sync(b, folder)).sent).toBe(0)
  })
})

describe('snapshots and compaction', () => {
  const compacting = (d: Device, folder: MemoryFolder) => syncOnce(d.db, folder.transport(), d.key, now, { compactAfter: 3 })
  const filesOf = (folder: MemoryFolder, d: string) => [...folder.files.keys()].filter((p) => p.startsWith(`${SYNC_FOLDER}/${d}/`)).map((p) => p.slice(p.lastIndexOf('/') + 1)).sort()

  it('old files become one snapshot; a device behind them and a new device both start from it and end with the same ledger', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'snap-a', sample)
    const b = await device(folder, 'snap-b')
    await compacting(a, folder)
    await compacting(b, folder)
    const nodeA = (await readSyncState(a.db))!.node
    const [o0, o1] = sample.orders
    await a.db.orders.update(o0!.id, { notes: '第二个文件' })
    expect((await compacting(a, folder)).compacted).toBe(0)
    await a.db.orders.update(o1!.id, { amount: 12_345 })
    // The third file: files 1-3 go into 00000003.snap and are removed.
    expect((await compacting(a, folder)).compacted).toBe(3)
    expect(filesOf(folder, nodeA)).toEqual(['00000003.snap'])
    expect((await readSyncState(a.db))!.snapshotSeq).toBe(3)

    // b merged file 1 only; 2 and 3 are gone, so it takes the snapshot.
    const behind = await compacting(b, folder)
    expect(behind.snapshotsRead).toBe(1)
    expect(behind.refused).toEqual([])
    expect(sorted(await readLedger(b.db))).toBe(sorted(await readLedger(a.db)))

    // A change after the snapshot: a new device reads the snapshot, then file 4.
    await a.db.orders.update(o0!.id, { notes: '快照之后' })
    await compacting(a, folder)
    expect(filesOf(folder, nodeA)).toEqual(['00000003.snap', '00000004.msg'])
    const c = await device(folder, 'snap-c')
    const fresh = await compacting(c, folder)
    expect(fresh.snapshotsRead).toBe(1)
    expect(sorted(await readLedger(c.db))).toBe(sorted(await readLedger(a.db)))
    expect((await c.db.orders.get(o0!.id))!.notes).toBe('快照之后')
    expect((await c.db.orders.get(o1!.id))!.amount).toBe(12_345)
    // Nothing more to read, so no snapshot again.
    expect((await compacting(c, folder)).snapshotsRead).toBe(0)
  })

  it('a missing file with no snapshot to cover it stops that device there: nothing after the gap is merged', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'gap-a', sample)
    await sync(a, folder)
    const nodeA = (await readSyncState(a.db))!.node
    const id = sample.orders[0]!.id
    await a.db.orders.update(id, { notes: '二' })
    await sync(a, folder)
    await a.db.orders.update(id, { amount: 4_321 })
    await sync(a, folder)
    folder.files.delete(`${SYNC_FOLDER}/${nodeA}/00000002.msg`)
    const b = await device(folder, 'gap-b')
    await sync(b, folder)
    // File 1 (the sample) is merged; file 3 waits behind the missing file 2.
    expect((await b.db.orders.get(id))!.amount).toBe(sample.orders[0]!.amount)
    expect((await readSyncState(b.db))!.applied[nodeA]).toBe('00000001.msg')
  })

  it('a changed snapshot is refused and named, and nothing of it is merged', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'snap-t-a', sample)
    for (const n of ['一', '二', '三']) {
      await a.db.orders.update(sample.orders[0]!.id, { notes: n })
      await compacting(a, folder)
    }
    const [path, text] = [...folder.files].find(([p]) => p.endsWith('.snap'))!
    const file = JSON.parse(text) as { data: string }
    folder.files.set(path, JSON.stringify({ ...file, data: (file.data[20] === 'A' ? 'B' : 'A') + file.data.slice(1) }))
    const c = await device(folder, 'snap-t-c')
    const report = await compacting(c, folder)
    expect(report.refused).toEqual([{ path, problem: { code: 'tampered' } }])
    expect((await readLedger(c.db)).accounts).toHaveLength(0)
    // A snapshot moved to another name fails its tag as well.
    folder.files.delete(path)
    folder.files.set(path.replace('00000003.snap', '00000004.snap'), text)
    expect((await compacting(c, folder)).refused[0]).toMatchObject({ problem: { code: 'tampered' } })
  })

  it('a connection cut while removing compacted files loses nothing: the sync is done, and the next compaction removes the rest', async () => {
    const folder = new MemoryFolder()
    const a = await device(folder, 'snap-c-a', sample)
    const b = await device(folder, 'snap-c-b')
    await compacting(a, folder)
    await compacting(b, folder)
    const nodeA = (await readSyncState(a.db))!.node
    await a.db.orders.update(sample.orders[0]!.id, { notes: '二' })
    await compacting(a, folder)
    await a.db.orders.update(sample.orders[0]!.id, { notes: '三' })
    folder.cutNext('remove', 1)
    const cut = await compacting(a, folder)
    expect(cut.sent).toBeGreaterThan(0)
    // The snapshot went up and file 1 was removed before the cut; 2 and 3 stay for now.
    expect(filesOf(folder, nodeA)).toEqual(['00000002.msg', '00000003.msg', '00000003.snap'])
    // b (behind at file 1) reads files 2 and 3 as they are; a new device starts from the snapshot.
    await compacting(b, folder)
    const c = await device(folder, 'snap-c-c')
    expect((await compacting(c, folder)).snapshotsRead).toBe(1)
    for (const d of [b, c]) expect(sorted(await readLedger(d.db))).toBe(sorted(await readLedger(a.db)))
    // Three more files: the next compaction removes everything its snapshot covers, leftovers too.
    for (const n of ['四', '五', '六']) {
      await a.db.orders.update(sample.orders[0]!.id, { notes: n })
      await compacting(a, folder)
    }
    expect(filesOf(folder, nodeA)).toEqual(['00000006.snap'])
    await compacting(b, folder)
    await compacting(c, folder)
    for (const d of [b, c]) expect((await d.db.orders.get(sample.orders[0]!.id))!.notes).toBe('六')
  })
})

describe('three devices, random offline edits, syncing in random orders', () => {
  it('end with identical ledgers, compacting every 2 files (property, 12 runs)', async () => {
    const base: Ledger = { ...sample, draws: sample.draws.slice(0, 4), orders: sample.orders.slice(0, 4), repayments: [], billInstalments: [], billFigures: [] }
    const edit = fc.record({
      device: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('note', 'amount', 'delete', 'sync'),
      index: fc.integer({ min: 0, max: 3 }),
      value: fc.integer({ min: 1, max: 900_000 })
    })
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 14 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 6 }), async (edits, finalOrder) => {
        run++
        const sync = (d: Device, f: MemoryFolder) => syncOnce(d.db, f.transport(), d.key, now, { compactAfter: 2 })
        const folder = new MemoryFolder()
        const devices = [await device(folder, `p${run}-a`, base), await device(folder, `p${run}-b`), await device(folder, `p${run}-c`)]
        await sync(devices[0]!, folder)
        for (const d of devices.slice(1)) await sync(d, folder)
        for (const e of edits) {
          const d = devices[e.device]!
          const order = base.orders[e.index]!
          if (e.kind === 'note') await d.db.orders.update(order.id, { notes: `n${e.value}` })
          else if (e.kind === 'amount') await d.db.orders.update(order.id, { amount: e.value })
          else if (e.kind === 'delete') await d.db.orders.delete(order.id)
          else await sync(d, folder)
        }
        // Every device syncs (in the drawn order), then all once more so each has seen the others' last files.
        for (const i of finalOrder) await sync(devices[i]!, folder)
        for (const d of devices) await sync(d, folder)
        for (const d of devices) await sync(d, folder)
        const [first, ...rest] = await Promise.all(devices.map(async (d) => sorted(await readLedger(d.db))))
        for (const r of rest) expect(r).toBe(first)
      }),
      { numRuns: 12 }
    )
  }, 120_000)
})

describe('over a real WebDAV server on 127.0.0.1', () => {
  it('two devices keep one ledger, a third (a restored machine) gets everything with the passphrase, and the server holds nothing readable', async () => {
    // The server module is node-only (the test harness of electron/main); loaded by path so the web project does not type it.
    const serverModule = '../../electron/main/dav-test-server'
    const { startDavTestServer } = (await import(/* @vite-ignore */ serverModule)) as { startDavTestServer(): Promise<{ url: string; user: string; password: string; stop(): Promise<void> }> }
    const { createWebDavTransport } = await import('../../electron/shared/webdav-client')
    const server = await startDavTestServer()
    try {
      const dav = createWebDavTransport({ url: server.url, user: server.user, password: server.password })
      const connect = async (name: string, ledger?: Ledger): Promise<Device> => {
        const db = openLedgerDb(uniqueDbName(name))
        opened.push(db)
        await db.open()
        if (ledger) await addLedger(db, ledger)
        const connected = await connectSync(dav, PASS)
        if (!connected.ok) throw new Error(connected.problem.code)
        return { db, key: connected.key }
      }
      // Compacting every 2 files, so the server's DELETE is used and the restored machine starts from a snapshot.
      const run = (d: Device) => syncOnce(d.db, dav, d.key, now, { compactAfter: 2 })
      const a = await connect('dav-a', sample)
      const b = await connect('dav-b')
      await run(a)
      await run(b)
      await b.db.orders.update(sample.orders[0]!.id, { notes: '手机上补的备注' })
      await a.db.inquiries.delete(sample.inquiries[0]!.id)
      await run(b)
      await run(a)
      await run(b)
      expect(sorted(await readLedger(b.db))).toBe(sorted(await readLedger(a.db)))
      expect((await a.db.orders.get(sample.orders[0]!.id))!.notes).toBe('手机上补的备注')
      const c = await connect('dav-c')
      expect((await run(c)).snapshotsRead).toBeGreaterThan(0)
      expect(sorted(await readLedger(c.db))).toBe(sorted(await readLedger(a.db)))
      expect(await connectSync(dav, 'wrong passphrase')).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })
      // Every file on the server, read back over WebDAV: no account name, no date.
      const texts: string[] = []
      const names: string[] = []
      for (const node of await dav.list(SYNC_FOLDER))
        if (node.endsWith('.json')) texts.push((await dav.read(`${SYNC_FOLDER}/${node}`)) ?? '')
        else
          for (const name of await dav.list(`${SYNC_FOLDER}/${node}`)) {
            names.push(name)
            texts.push((await dav.read(`${SYNC_FOLDER}/${node}/${name}`)) ?? '')
          }
      // The key file, a's and b's snapshots (their earlier files compacted away) and what came after.
      expect(names.filter((n) => n.endsWith('.snap')).length).toBeGreaterThan(0)
      expect(texts.every((t) => t.length > 0)).toBe(true)
      const all = texts.join('\n')
      for (const account of sample.accounts) expect(all).not.toContain(account.name)
      expect(all).not.toContain('2026-')
      expect(all).not.toContain('手机上补的备注')
    } finally {
      await server.stop()
    }
  }, 60_000)
})
