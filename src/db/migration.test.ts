import type Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { BNPL_STATEMENT_TERMS, CREDIT_CARD_TERMS } from '@/domain/account-terms'
import type { Order } from '@/domain/records'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { openAtVersion, uniqueDbName } from '@/testing/migrate-test-kit'
import { addLedger, loadProfile, readLedger, saveProfile } from './repo'
import { openLedgerDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_VERSIONS, type SchemaVersion } from './schema'

/** What a future version might add to an order. */
type OrderV3 = Order & { source: string }

let upgradeRuns = 0

/**
 * A test-only version 4: orders become searchable by the merchant's order number, which is
 * trimmed on the way (old imports kept the trailing tab of some bill exports), and every order
 * gets a `source`. It exercises the mechanism any later version will use.
 */
const TEST_V4: SchemaVersion = {
  version: 4,
  stores: { orders: 'id, accountId, orderDate, externalOrderNo' },
  upgrade: async (tx) => {
    upgradeRuns++
    await tx
      .table<OrderV3, string>('orders')
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

const sample = generateSampleLedger({ today: '2026-11-21' })
const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))

/** The sample's accounts as version 1 stored them: without a repayment order or bill terms. */
const v1Accounts = sample.accounts.map(({ repaymentOrder: _order, statementTerms: _terms, ...rest }) => rest)

/** A version-1 database written as the version-1 release wrote it: rows straight into its tables. */
async function seedV1(name: string, extraOrders: Order[] = []): Promise<void> {
  const v1 = await openAtVersion(name, 1)
  expect(v1.verno).toBe(1)
  await v1.transaction('rw', ['accounts', 'draws', 'orders', 'repayments', 'inquiries'], async () => {
    await v1.table('accounts').bulkAdd(v1Accounts)
    await v1.table('draws').bulkAdd(sample.draws)
    await v1.table('orders').bulkAdd([...sample.orders, ...extraOrders])
    // Version 1 repayments never named a bill.
    await v1.table('repayments').bulkAdd(sample.repayments.map(({ bill: _bill, ...r }) => r))
    await v1.table('inquiries').bulkAdd(sample.inquiries)
  })
  await saveProfile(v1, { monthlyIncome: 2_000_000, mortgageDate: null, mortgageAmount: null, language: 'zh-CN' })
  v1.close()
}

describe('schema versions', () => {
  it('are declared in increasing order, starting at 1', () => {
    expect(SCHEMA_VERSIONS[0]).toBe(SCHEMA_V1)
    expect(SCHEMA_VERSIONS[1]).toBe(SCHEMA_V2)
    expect(SCHEMA_VERSIONS[2]).toBe(SCHEMA_V3)
    for (let i = 1; i < SCHEMA_VERSIONS.length; i++) expect(SCHEMA_VERSIONS[i]!.version).toBeGreaterThan(SCHEMA_VERSIONS[i - 1]!.version)
  })

  it('a fresh database opens at version 3 with the expected tables and indexes', async () => {
    const db = openLedgerDb(uniqueDbName('fresh'))
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(3)
    expect(db.tables.map((t) => t.name).sort()).toEqual(['accounts', 'billFigures', 'billInstalments', 'draws', 'inquiries', 'meta', 'orders', 'repayments', 'syncCells'])
    expect(db.table('syncCells').schema.primKey.keyPath).toBe('key')
    const indexes = (name: string) => db.table(name).schema.indexes.map((i) => i.name).sort()
    expect(db.table('accounts').schema.primKey.keyPath).toBe('id')
    expect(db.table('meta').schema.primKey.keyPath).toBe('key')
    expect(indexes('accounts')).toEqual([])
    expect(indexes('draws')).toEqual(['accountId', 'drawDate'])
    expect(indexes('orders')).toEqual(['accountId', 'orderDate'])
    expect(indexes('repayments')).toEqual(['accountId', 'date', 'targetId'])
    expect(indexes('inquiries')).toEqual(['date'])
    expect(indexes('billInstalments')).toEqual(['accountId', 'statementDate'])
    expect(indexes('billFigures')).toEqual(['accountId', 'statementDate'])
  })
})

describe('migrating a version-1 database to the current version', () => {
  it('keeps every row, gives each account its repayment order and bill terms by kind, and the new tables start empty', async () => {
    const name = uniqueDbName('v1-v2')
    await seedV1(name)
    const db = openLedgerDb(name)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(3)
    // Version 3: the sync cells start empty (nothing shared yet).
    expect(await db.table('syncCells').count()).toBe(0)
    const after = await readLedger(db)
    // The card gets the card preset, 花呗-style accounts theirs, everything else none.
    const terms = Object.fromEntries(after.accounts.map((a) => [a.id, a.statementTerms]))
    expect(terms).toEqual({ mybank: null, jiebei: null, huabei: BNPL_STATEMENT_TERMS, fenfu: BNPL_STATEMENT_TERMS, baitiao: BNPL_STATEMENT_TERMS, zhima: null, cmbcard: CREDIT_CARD_TERMS, carloan: null })
    expect(after.accounts.every((a) => a.repaymentOrder === 'costsFirst')).toBe(true)
    expect(after.accounts).toEqual(byId(sample.accounts))
    expect(after.draws).toEqual(byId(sample.draws))
    expect(after.orders).toEqual(byId(sample.orders))
    expect(after.repayments.length).toBe(sample.repayments.length)
    expect(after.inquiries).toEqual(byId(sample.inquiries))
    expect(after.billInstalments).toEqual([])
    expect(after.billFigures).toEqual([])
    expect(await loadProfile(db)).toMatchObject({ monthlyIncome: 2_000_000 })
    // The upgraded rows pass the store's own checks: writing them again is accepted.
    const copy = openLedgerDb(uniqueDbName('v2-copy'))
    opened.push(copy)
    await addLedger(copy, { ...after, billInstalments: sample.billInstalments })
  })
})

describe('a later version (test-only version 4)', () => {
  /** Rows written by an older importer, straight into the table, with the padding bill exports carry. */
  const legacy: Order[] = [
    { ...sample.orders[0]!, id: 'legacy-1', externalOrderNo: '  JD-0001\t' },
    { ...sample.orders[1]!, id: 'legacy-2', externalOrderNo: 'MT-0002 ' }
  ]
  const all = [...SCHEMA_VERSIONS, TEST_V4]

  it('keeps every row, runs its upgrade once after version 3 and makes the new index queryable', async () => {
    const name = uniqueDbName('migrate')
    await seedV1(name, legacy)
    upgradeRuns = 0
    const db = openLedgerDb(name, all)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(4)
    expect(upgradeRuns).toBe(1)
    const after = await readLedger(db)
    expect(after.accounts).toEqual(byId(sample.accounts))
    const expectedOrders: OrderV3[] = byId([...sample.orders, ...legacy]).map((o) => ({ ...o, externalOrderNo: o.externalOrderNo.trim(), source: 'manual' }))
    expect(after.orders).toEqual(expectedOrders)
    expect((await db.orders.where('externalOrderNo').equals('JD-0001').toArray()).map((o) => o.id)).toEqual(['legacy-1'])
    expect(await db.orders.where('externalOrderNo').equals('MT-0002').primaryKeys()).toEqual(['legacy-2'])
    expect(await db.orders.where('accountId').equals('huabei').count()).toBe([...sample.orders, ...legacy].filter((o) => o.accountId === 'huabei').length)
  })

  it('does not run the upgrade again on the next open', async () => {
    const name = uniqueDbName('migrate-twice')
    await seedV1(name)
    const first = openLedgerDb(name, all)
    await first.open()
    first.close()
    upgradeRuns = 0
    const second = openLedgerDb(name, all)
    opened.push(second)
    await second.open()
    expect(upgradeRuns).toBe(0)
    expect(await second.orders.count()).toBe(sample.orders.length)
  })

  it('creates a fresh database at the newest version without running upgrades', async () => {
    upgradeRuns = 0
    const db = openLedgerDb(uniqueDbName('fresh-v4'), all)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(4)
    expect(upgradeRuns).toBe(0)
    expect(db.orders.schema.indexes.map((i) => i.name).sort()).toEqual(['accountId', 'externalOrderNo', 'orderDate'])
  })

  it('openAtVersion refuses a version below the first', async () => {
    await expect(openAtVersion(uniqueDbName('none'), 0)).rejects.toThrow(RangeError)
  })
})
