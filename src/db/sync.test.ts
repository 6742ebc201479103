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

describe('three devices, random offline edits, syncing in random orders', () => {
  it('end with identical ledgers (property, 12 runs)', async () => {
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
      const run = (d: Device) => syncOnce(d.db, dav, d.key, now)
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
      await run(c)
      expect(sorted(await readLedger(c.db))).toBe(sorted(await readLedger(a.db)))
      expect(await connectSync(dav, 'wrong passphrase')).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })
      // Every file on the server, read back over WebDAV: no account name, no date.
      const texts: string[] = []
      for (const node of await dav.list(SYNC_FOLDER))
        if (node.endsWith('.json')) texts.push((await dav.read(`${SYNC_FOLDER}/${node}`)) ?? '')
        else for (const name of await dav.list(`${SYNC_FOLDER}/${node}`)) texts.push((await dav.read(`${SYNC_FOLDER}/${node}/${name}`)) ?? '')
      expect(texts.length).toBeGreaterThan(3)
      const all = texts.join('\n')
      for (const account of sample.accounts) expect(all).not.toContain(account.name)
      expect(all).not.toContain('2026-')
      expect(all).not.toContain('手机上补的备注')
    } finally {
      await server.stop()
    }
  }, 60_000)
})
