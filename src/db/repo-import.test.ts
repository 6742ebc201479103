// Tests the import's write and its undo in the store: one transaction, checked against the ledger as it would be, nothing written on a failure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyLedger, huabei, order, orderWith, zhima } from '@/testing/fixtures'
import type { Order, Repayment } from '@/domain/records'
import { ValidationError } from '@/domain/validation-error'
import { addLedger, applyImport, readLedger, revertImport, saveOrder, saveRepayment } from './repo'
import { openLedgerDb, type LedgerDb } from './schema'
import { commitImport, loadProductAccounts, undoImport } from '@/features/import/commit'
import { isBulkWriteError, type BulkWriteDeps } from './bulk-write'
import { memoryCopyStore } from './copies'

/** Plenty of room and an in-memory copy store: these tests are about the import's own rules. */
const deps: BulkWriteDeps = { room: async () => ({ quotaLeft: null, diskFree: null }), copies: async () => memoryCopyStore().store, appVersion: '0.1.0', now: () => new Date() }

let db: LedgerDb
beforeEach(async () => {
  db = openLedgerDb(`import-${crypto.randomUUID()}`)
  await db.open()
  await addLedger(db, { ...emptyLedger, accounts: [huabei, zhima], orders: [order] })
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const bill: Repayment = { id: 'imp-alipay-1', accountId: 'huabei', targetType: 'statement', targetId: 'huabei', date: '2026-01-20', amount: 15_000, note: '' }
const bought = orderWith('imp-o1', { amount: 8_000, orderDate: '2026-01-10', externalOrderNo: '2026011022001' })

describe('applyImport', () => {
  it('adds orders and repayments and changes stored orders in one go', async () => {
    const refunded: Order = { ...order, status: 'refunded', notes: '退款 全额 (2026-01-08, X)' }
    const write = await applyImport(db, { orders: [bought], repayments: [{ ...bill, amount: 8_000 }], updated: [refunded] })
    const ledger = await readLedger(db)
    expect(ledger.orders.map((o) => [o.id, o.status]).sort()).toEqual([
      ['imp-o1', 'unpaid'],
      ['od-1', 'refunded']
    ])
    expect(ledger.repayments).toHaveLength(1)
    expect(write.updated).toEqual([{ before: order, after: refunded }])
  })

  it('writes nothing when a repayment is more than what would be owed', async () => {
    await expect(applyImport(db, { orders: [bought], repayments: [{ ...bill, amount: 18_001 }], updated: [] })).rejects.toBeInstanceOf(ValidationError)
    expect((await readLedger(db)).orders).toEqual([order])
  })

  it('writes nothing when a change of a stored order breaks what was paid on it', async () => {
    await saveRepayment(db, { id: 'r1', accountId: 'huabei', targetType: 'order', targetId: 'od-1', date: '2026-01-06', amount: 5_000, note: '' })
    const cut: Order = { ...order, amount: 4_000 }
    await expect(applyImport(db, { orders: [bought], repayments: [], updated: [cut] })).rejects.toMatchObject({ recordType: 'repayments' })
    expect((await readLedger(db)).orders).toEqual([order])
  })

  it('refuses to change an order that is not stored, or to move one', async () => {
    await expect(applyImport(db, { orders: [], repayments: [], updated: [orderWith('nope')] })).rejects.toMatchObject({ issues: [{ path: 'id', message: 'validation.unknownTarget' }] })
    await expect(applyImport(db, { orders: [], repayments: [], updated: [{ ...order, accountId: 'zhima' }] })).rejects.toMatchObject({ issues: [{ path: 'accountId' }] })
  })

  it('rolls everything back when what runs alongside fails', async () => {
    await expect(
      applyImport(db, { orders: [bought], repayments: [], updated: [] }, async () => {
        throw new Error('disk full')
      })
    ).rejects.toThrow('disk full')
    expect((await readLedger(db)).orders).toEqual([order])
  })
})

describe('commitImport', () => {
  it('remembers the product accounts with the write, adding to what was known', async () => {
    await commitImport(db, { orders: [], repayments: [], updated: [] }, { 花呗: 'huabei' }, deps)
    await commitImport(db, { orders: [bought], repayments: [], updated: [] }, { 先用后付: 'zhima' }, deps)
    expect(await loadProductAccounts(db)).toEqual({ 花呗: 'huabei', 先用后付: 'zhima' })
  })

  it('remembers nothing when the write is refused, and says it read the ledger back unchanged', async () => {
    const failure = await commitImport(db, { orders: [order], repayments: [], updated: [] }, { 花呗: 'huabei' }, deps).then(
      () => null,
      (e: unknown) => e
    )
    expect(isBulkWriteError(failure) && failure.failure).toMatchObject({ stage: 'write', state: 'unchanged', failure: { kind: 'validation' } })
    expect(isBulkWriteError(failure) && failure.error).toBeInstanceOf(ValidationError)
    expect(await loadProductAccounts(db)).toEqual({})
  })
})

describe('revertImport', () => {
  it('takes back what an import added and puts changed orders back', async () => {
    const write = await commitImport(db, { orders: [bought], repayments: [{ ...bill, amount: 8_000 }], updated: [{ ...order, status: 'cancelled' }] }, {}, deps)
    await undoImport(db, write)
    const ledger = await readLedger(db)
    expect(ledger.orders).toEqual([order])
    expect(ledger.repayments).toEqual([])
  })

  it('refuses, changing nothing, when an imported order was paid or edited since', async () => {
    const write = await applyImport(db, { orders: [bought], repayments: [], updated: [{ ...order, status: 'cancelled' }] })
    await saveRepayment(db, { id: 'r2', accountId: 'huabei', targetType: 'order', targetId: 'imp-o1', date: '2026-01-11', amount: 100, note: '' })
    await expect(revertImport(db, write)).rejects.toMatchObject({ issues: [{ message: 'validation.undoConflicts' }] })
    expect((await readLedger(db)).orders).toHaveLength(2)

    const second = await applyImport(db, { orders: [orderWith('imp-o2', { externalOrderNo: 'B' })], repayments: [], updated: [] })
    await saveOrder(db, { ...second.orders[0]!, merchant: '改过' })
    await expect(revertImport(db, second)).rejects.toBeInstanceOf(ValidationError)
  })

  it('refuses when an imported repayment was edited since, and puts back the product accounts on undo', async () => {
    await commitImport(db, { orders: [], repayments: [], updated: [] }, { 花呗: 'huabei' }, deps)
    const write = await commitImport(db, { orders: [bought], repayments: [{ ...bill, amount: 8_000 }], updated: [] }, { 花呗: 'skip' }, deps)
    expect(await loadProductAccounts(db)).toEqual({ 花呗: 'skip' })
    await saveRepayment(db, { ...bill, amount: 7_000, note: '改过' })
    await expect(undoImport(db, write)).rejects.toMatchObject({ issues: [{ message: 'validation.undoConflicts' }] })
    expect((await readLedger(db)).repayments.map((r) => r.amount)).toEqual([7_000])
    await saveRepayment(db, { ...bill, amount: 8_000 })
    await undoImport(db, write)
    expect(await loadProductAccounts(db)).toEqual({ 花呗: 'huabei' })
    expect((await readLedger(db)).repayments).toEqual([])
  })

  it('refuses when a bill payment recorded since needs the imported orders', async () => {
    const write = await applyImport(db, { orders: [bought], repayments: [], updated: [] })
    // 100.00 + 80.00 bought by 01-20: a payment of 150.00 needs the imported order.
    await saveRepayment(db, bill)
    await expect(revertImport(db, write)).rejects.toBeInstanceOf(ValidationError)
    expect((await readLedger(db)).orders).toHaveLength(2)
  })
})
