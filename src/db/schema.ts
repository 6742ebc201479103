// Owns the Dexie schema: one constant per version with a dated note, and the upgrade of each.
import Dexie, { type EntityTable, type Transaction } from 'dexie'
import type { Account, BillFigure, BillInstalment, Draw, Inquiry, Order, Repayment } from '@/domain/records'
import { upgradeAccountV1 } from '@/domain/migrations'

export interface MetaRow {
  key: string
  value: unknown
}

export type LedgerDb = Dexie & {
  accounts: EntityTable<Account, 'id'>
  draws: EntityTable<Draw, 'id'>
  orders: EntityTable<Order, 'id'>
  repayments: EntityTable<Repayment, 'id'>
  inquiries: EntityTable<Inquiry, 'id'>
  billInstalments: EntityTable<BillInstalment, 'id'>
  billFigures: EntityTable<BillFigure, 'id'>
  meta: EntityTable<MetaRow, 'key'>
  syncCells: EntityTable<SyncCellRow, 'key'>
}

/** A field of a record as sync last shared it (src/domain/sync/merge.ts): the value and the time of the change that set it. */
export interface SyncCellRow {
  key: string
  value: unknown
  time: string
}

export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

/**
 * Version 1 (2026-11-21): the foundation ledger. Only fields that are queried are indexed:
 * draws and orders by account (account page) and by date (ranges); repayments by target and
 * account; inquiries by date; meta holds the profile by key.
 */
export const SCHEMA_V1: SchemaVersion = {
  version: 1,
  stores: {
    accounts: 'id',
    draws: 'id, accountId, drawDate',
    orders: 'id, accountId, orderDate',
    repayments: 'id, targetId, accountId, date',
    inquiries: 'id, date',
    meta: 'key'
  }
}

/**
 * Version 2 (2026-12-04, issue 10: statement credit): 账单分期 plans and figures typed from printed
 * bills, both found by account and bill; every account gains its repayment order and, for cards and
 * 花呗-style accounts, the terms of its bills (domain/migrations.ts, shared with old backup files).
 */
export const SCHEMA_V2: SchemaVersion = {
  version: 2,
  stores: {
    billInstalments: 'id, accountId, statementDate',
    billFigures: 'id, accountId, statementDate'
  },
  upgrade: async (tx) => {
    await tx
      .table('accounts')
      .toCollection()
      .modify((a: Record<string, unknown>) => {
        Object.assign(a, upgradeAccountV1(a))
      })
  }
}

/**
 * Version 3 (2026-12-06, issue 15: sync): each record field as sync last shared it, keyed by table,
 * row and field, with the time of its change; this device's own, never in a backup. No record changes.
 */
export const SCHEMA_V3: SchemaVersion = {
  version: 3,
  stores: { syncCells: 'key' }
}

/** Every version in order; a new version is appended here with its upgrade function. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3]

export const DEFAULT_DB_NAME = 'credit-ledger'

/** Declares the given versions on a Dexie instance (all of them in the app; a prefix in migration tests). */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores)
    if (v.upgrade) declared.upgrade(v.upgrade)
  }
}

export function openLedgerDb(name: string = DEFAULT_DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): LedgerDb {
  // Strict durability: a write reported done is on disk, which a ledger of debts needs more than speed.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as LedgerDb
  declareVersions(db, versions)
  return db
}
