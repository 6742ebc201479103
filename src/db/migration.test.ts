import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '@/domain/records'
import { generateSampleLedger } from '@/domain/sample-data'
import { openAtVersion, uniqueDbName } from './migrate-test-kit'
import { addLedger, loadProfile, readLedger, saveProfile } from './repo'
import { openLedgerDb, SCHEMA_V1, SCHEMA_VERSIONS, type SchemaVersion } from './schema'

/** What a future version might add to an order. */
type OrderV2 = Order & { source: string }

let upgradeRuns = 0

/**
 * A test-only version 2: orders become searchable by the merchant's order number, which is
 * trimmed on the way (old imports kept the trailing tab of some bill exports), and every order
 * gets a `source`.
 */
const TEST_V2: SchemaVersion = {
  version: 2,
  stores: { orders: 'id, accountId, orderDate, externalOrderNo' },
  upgrade: async (tx) => {
    upgradeRuns++
    await tx
      .table<OrderV2, string>('orders')
      .toCollection()
      .modify((o) => {
        o.externalOrderNo = o.externalOrderNo.trim()
        o.source = 'manual'
      })
  }
}

const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

describe('schema versions', () => {
  it('are declared in increasing order, starting at 1', () => {
    expect(SCHEMA_VERSIONS[0]).toBe(SCHEMA_V1)
    expect(SCHEMA_V1.version).toBe(1)
    for (let i = 1; i < SCHEMA_VERSIONS.length; i++) expect(SCHEMA_VERSIONS[i]!.version).toBeGreaterThan(SCHEMA_VERSIONS[i - 1]!.version)
  })

  it('a fresh database opens at version 1 with the expected tables and indexes', async () => {
    const db = openLedgerDb(uniqueDbName('fresh'))
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(1)
    expect(db.tables.map((t) => t.name).sort()).toEqual(['accounts', 'draws', 'inquiries', 'meta', 'orders', 'repayments'])
    const indexes = (name: string) => db.table(name).schema.indexes.map((i) => i.name).sort()
    expect(db.table('accounts').schema.primKey.keyPath).toBe('id')
    expect(db.table('meta').schema.primKey.keyPath).toBe('key')
    expect(indexes('accounts')).toEqual([])
    expect(indexes('draws')).toEqual(['accountId', 'drawDate'])
    expect(indexes('orders')).toEqual(['accountId', 'orderDate'])
    expect(indexes('repayments')).toEqual(['accountId', 'date', 'targetId'])
    expect(indexes('inquiries')).toEqual(['date'])
  })
})

describe('migrating a version-1 database', () => {
  const sample = generateSampleLedger({ today: '2026-11-21' })
  /** Rows written by an older importer, straight into the table, with the padding bill exports carry. */
  const legacy: Order[] = [
    { ...sample.orders[0]!, id: 'legacy-1', externalOrderNo: '  JD-0001\t' },
    { ...sample.orders[1]!, id: 'legacy-2', externalOrderNo: 'MT-0002 ' }
  ]

  async function seedV1(name: string): Promise<void> {
    const v1 = await openAtVersion(name, 1, [SCHEMA_V1, TEST_V2])
    expect(v1.verno).toBe(1)
    await addLedger(v1, sample)
    await v1.orders.bulkPut(legacy)
    await saveProfile(v1, { monthlyIncome: 2_000_000, mortgageDate: null, mortgageAmount: null, language: 'zh-CN' })
    // Version 1 has no index on the order number.
    await expect(v1.orders.where('externalOrderNo').equals('JD-0001').toArray()).rejects.toThrow()
    v1.close()
  }

  it('keeps every row, runs the upgrade once and makes the new index queryable', async () => {
    const name = uniqueDbName('migrate')
    await seedV1(name)
    upgradeRuns = 0

    const db = openLedgerDb(name, [SCHEMA_V1, TEST_V2])
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(2)
    expect(upgradeRuns).toBe(1)

    const after = await readLedger(db)
    const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))
    expect(after.accounts).toEqual(byId(sample.accounts))
    expect(after.draws).toEqual(byId(sample.draws))
    expect(after.repayments).toEqual(byId(sample.repayments))
    expect(after.inquiries).toEqual(byId(sample.inquiries))
    const expectedOrders: OrderV2[] = byId([...sample.orders, ...legacy]).map((o) => ({ ...o, externalOrderNo: o.externalOrderNo.trim(), source: 'manual' }))
    expect(after.orders).toEqual(expectedOrders)
    expect(await loadProfile(db)).toMatchObject({ monthlyIncome: 2_000_000 })

    // The new index finds the trimmed legacy numbers and the sample's own.
    expect((await db.orders.where('externalOrderNo').equals('JD-0001').toArray()).map((o) => o.id)).toEqual(['legacy-1'])
    expect((await db.orders.where('externalOrderNo').equals('MT-0002').primaryKeys())).toEqual(['legacy-2'])
    const some = sample.orders[5]!
    expect((await db.orders.where('externalOrderNo').equals(some.externalOrderNo).toArray()).map((o) => o.id)).toContain(some.id)
    // The old indexes still work.
    expect(await db.orders.where('accountId').equals('huabei').count()).toBe([...sample.orders, ...legacy].filter((o) => o.accountId === 'huabei').length)
  })

  it('does not run the upgrade again on the next open', async () => {
    const name = uniqueDbName('migrate-twice')
    await seedV1(name)
    const first = openLedgerDb(name, [SCHEMA_V1, TEST_V2])
    await first.open()
    first.close()
    upgradeRuns = 0
    const second = openLedgerDb(name, [SCHEMA_V1, TEST_V2])
    opened.push(second)
    await second.open()
    expect(upgradeRuns).toBe(0)
    expect(await second.orders.count()).toBe(sample.orders.length + legacy.length)
  })

  it('creates a fresh database at the newest version without running upgrades', async () => {
    upgradeRuns = 0
    const db = openLedgerDb(uniqueDbName('fresh-v2'), [SCHEMA_V1, TEST_V2])
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(2)
    expect(upgradeRuns).toBe(0)
    expect(db.orders.schema.indexes.map((i) => i.name).sort()).toEqual(['accountId', 'externalOrderNo', 'orderDate'])
  })

  it('openAtVersion refuses a version below the first', async () => {
    await expect(openAtVersion(uniqueDbName('none'), 0)).rejects.toThrow(RangeError)
  })
})
