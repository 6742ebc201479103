// Owns every write to the ledger: each record is validated by its schema and against the records it points at, inside one transaction.
import { checkDrawAccount, checkOrderAccount } from '@/domain/checks'
import {
  accountSchema,
  billFigureSchema,
  billInstalmentSchema,
  check,
  DEFAULT_PROFILE,
  drawSchema,
  inquirySchema,
  orderSchema,
  profileSchema,
  recordSchemas,
  repaymentSchema,
  RECORD_TYPES,
  type Account,
  type BillFigure,
  type BillInstalment,
  type Draw,
  type FieldIssue,
  type Inquiry,
  type Ledger,
  type Order,
  type Profile,
  type RecordType,
  type Repayment
} from '@/domain/records'
import { findMoneyProblems, findRepaymentProblem, validateLedger } from '@/domain/ledger/validate-ledger'
import { ValidationError } from '@/domain/validation-error'
import { assertIdFree, recordTables } from './record-ids'
import type { LedgerDb } from './schema'

export { newId } from '@/domain/record-ids'

function validated<T>(recordType: string, schema: Parameters<typeof check<T>>[0], input: unknown): T {
  const result = check(schema, input)
  if (!result.ok) throw new ValidationError(recordType, result.issues)
  return result.value
}

function reject(recordType: string, issues: FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationError(recordType, issues)
}

/** Everything one account holds: the unit the cross-record rules are checked on at each write. */
async function accountSlice(db: LedgerDb, accountId: string): Promise<Ledger> {
  const account = await db.accounts.get(accountId)
  return {
    accounts: account ? [account] : [],
    draws: await db.draws.where('accountId').equals(accountId).toArray(),
    orders: await db.orders.where('accountId').equals(accountId).toArray(),
    repayments: await db.repayments.where('accountId').equals(accountId).toArray(),
    inquiries: [],
    billInstalments: await db.billInstalments.where('accountId').equals(accountId).toArray(),
    billFigures: await db.billFigures.where('accountId').equals(accountId).toArray()
  }
}

/** Whether any repayment pays more than was owed, or any 账单分期 takes more than its bill holds. */
function hasMoneyProblem(slice: Parameters<typeof findMoneyProblems>[0]): boolean {
  const p = findMoneyProblems(slice)
  return p.repayment !== null || p.billInstalment !== null
}

function replaced<T extends { id: string }>(rows: T[], row: T): T[] {
  return [...rows.filter((r) => r.id !== row.id), row]
}

/** Every record table (see recordTables): single-record writes check ids across all of them. */
const ALL_TABLES = (db: LedgerDb) => recordTables(db)

/** Every record table, read inside the caller's transaction. */
async function readTables(db: LedgerDb): Promise<Ledger> {
  return {
    accounts: await db.accounts.toArray(),
    draws: await db.draws.toArray(),
    orders: await db.orders.toArray(),
    repayments: await db.repayments.toArray(),
    inquiries: await db.inquiries.toArray(),
    billInstalments: await db.billInstalments.toArray(),
    billFigures: await db.billFigures.toArray()
  }
}

export async function saveAccount(db: LedgerDb, input: unknown): Promise<Account> {
  const account = validated<Account>('account', accountSchema, input)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await assertIdFree(db, 'accounts', account.id, 'account')
    const existing = await db.accounts.get(account.id)
    if (existing && existing.kind !== account.kind) {
      // Changing the kind must not strand the draws, orders or bill payments the account holds.
      const slice = await accountSlice(db, account.id)
      slice.accounts = [account]
      const stranded =
        slice.draws.some((d) => checkDrawAccount(d, account).length > 0) ||
        slice.orders.some((o) => checkOrderAccount(o, account).length > 0) ||
        hasMoneyProblem(slice)
      if (stranded) reject('account', [{ path: 'kind', message: 'validation.kindHasRecords' }])
    }
    await db.accounts.put(account)
  })
  return account
}

export async function saveDraw(db: LedgerDb, input: unknown): Promise<Draw> {
  const draw = validated<Draw>('draw', drawSchema, input)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await assertIdFree(db, 'draws', draw.id, 'draw')
    reject('draw', checkDrawAccount(draw, await db.accounts.get(draw.accountId)))
    const repayments = await db.repayments.where('targetId').equals(draw.id).toArray()
    if (repayments.some((r) => r.accountId !== draw.accountId))
      reject('draw', [{ path: 'accountId', message: 'validation.moveWithRepayments' }])
    // Existing repayments must still fit the edited draw.
    const slice = await accountSlice(db, draw.accountId)
    const problem = findRepaymentProblem({ ...slice, draws: replaced(slice.draws, draw) })
    if (problem) {
      const early = problem.issues.some((i) => i.message === 'validation.repaymentBeforeBorrowing')
      reject('draw', [early ? { path: 'drawDate', message: 'validation.editBreaksRepaymentDates' } : { path: 'principal', message: 'validation.editBreaksRepayments' }])
    }
    await db.draws.put(draw)
  })
  return draw
}

export async function saveOrder(db: LedgerDb, input: unknown): Promise<Order> {
  const order = validated<Order>('order', orderSchema, input)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await assertIdFree(db, 'orders', order.id, 'order')
    reject('order', checkOrderAccount(order, await db.accounts.get(order.accountId)))
    const repayments = await db.repayments.where('targetId').equals(order.id).toArray()
    if (repayments.some((r) => r.accountId !== order.accountId))
      reject('order', [{ path: 'accountId', message: 'validation.moveWithRepayments' }])
    if (repayments.length > 0 && (order.status === 'refunded' || order.status === 'cancelled'))
      reject('order', [{ path: 'status', message: 'validation.closeWithRepayments' }])
    const before = await db.orders.get(order.id)
    const slice = await accountSlice(db, order.accountId)
    const after = { ...slice, orders: replaced(slice.orders, order) }
    const problem = findRepaymentProblem(after) ?? (hasMoneyProblem(after) ? { issues: [] } : null)
    if (problem) {
      // Name the field the user changed: that is the one to put back.
      const early = problem.issues.some((i) => i.message === 'validation.repaymentBeforeBorrowing')
      const path = early ? 'orderDate' : before && before.status !== order.status ? 'status' : before && before.orderDate !== order.orderDate ? 'orderDate' : 'amount'
      reject('order', [{ path, message: early ? 'validation.editBreaksRepaymentDates' : 'validation.editBreaksRepayments' }])
    }
    await db.orders.put(order)
  })
  return order
}

export async function saveRepayment(db: LedgerDb, input: unknown): Promise<Repayment> {
  const repayment = validated<Repayment>('repayment', repaymentSchema, input)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await assertIdFree(db, 'repayments', repayment.id, 'repayment')
    const before = await db.repayments.get(repayment.id)
    const slice = await accountSlice(db, repayment.accountId)
    const problems = findMoneyProblems({ ...slice, repayments: replaced(slice.repayments, repayment) })
    if (problems.repayment)
      reject('repayment', problems.repayment.repayment.id === repayment.id ? problems.repayment.issues : [{ path: 'amount', message: 'validation.repaymentOverOwed' }])
    // A payment before a 账单分期 leaves less of the bill to convert.
    if (problems.billInstalment) reject('repayment', [{ path: 'amount', message: 'validation.breaksBillInstalment' }])
    if (before && before.accountId !== repayment.accountId) {
      // Moving it away must leave the old account's other repayments valid too.
      const old = await accountSlice(db, before.accountId)
      if (hasMoneyProblem({ ...old, repayments: old.repayments.filter((r) => r.id !== before.id) }))
        reject('repayment', [{ path: 'accountId', message: 'validation.deleteBreaksRepayments' }])
    }
    await db.repayments.put(repayment)
  })
  return repayment
}

/** A 账单分期 plan: its bill must exist on the account and hold the amount (the engine's walk says). */
export async function saveBillInstalment(db: LedgerDb, input: unknown): Promise<BillInstalment> {
  const plan = validated<BillInstalment>('billInstalment', billInstalmentSchema, input)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await assertIdFree(db, 'billInstalments', plan.id, 'billInstalment')
    const account = await db.accounts.get(plan.accountId)
    if (!account) reject('billInstalment', [{ path: 'accountId', message: 'validation.unknownAccount' }])
    const slice = await accountSlice(db, plan.accountId)
    const problems = findMoneyProblems({ ...slice, billInstalments: replaced(slice.billInstalments, plan) })
    if (problems.billInstalment) reject('billInstalment', problems.billInstalment.issues)
    // Moving money off a bill can leave a payment paying more than the bill now holds.
    if (problems.repayment) reject('billInstalment', [{ path: 'amount', message: 'validation.editBreaksRepayments' }])
    await db.billInstalments.put(plan)
  })
  return plan
}

/** A figure typed from a printed bill (its minimum); one per account and statement date. */
export async function saveBillFigure(db: LedgerDb, input: unknown): Promise<BillFigure> {
  const figure = validated<BillFigure>('billFigure', billFigureSchema, input)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await assertIdFree(db, 'billFigures', figure.id, 'billFigure')
    if (!(await db.accounts.get(figure.accountId))) reject('billFigure', [{ path: 'accountId', message: 'validation.unknownAccount' }])
    const same = await db.billFigures.where('accountId').equals(figure.accountId).filter((f) => f.statementDate === figure.statementDate && f.id !== figure.id).toArray()
    if (same.length > 0) await db.billFigures.bulkDelete(same.map((f) => f.id))
    await db.billFigures.put(figure)
  })
  return figure
}

export async function saveInquiry(db: LedgerDb, input: unknown): Promise<Inquiry> {
  const inquiry = validated<Inquiry>('inquiry', inquirySchema, input)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await assertIdFree(db, 'inquiries', inquiry.id, 'inquiry')
    await db.inquiries.put(inquiry)
  })
  return inquiry
}

export const PROFILE_KEY = 'profile'

export async function loadProfile(db: LedgerDb): Promise<Profile> {
  const row = await db.meta.get(PROFILE_KEY)
  const parsed = profileSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : { ...DEFAULT_PROFILE }
}

/** Changes some fields of the profile in one transaction, so a language switch and a profile save cannot undo each other. */
export async function updateProfile(db: LedgerDb, patch: Partial<Profile>): Promise<Profile> {
  return db.transaction('rw', db.meta, async () => saveProfile(db, { ...(await loadProfile(db)), ...patch }))
}

export async function saveProfile(db: LedgerDb, input: unknown): Promise<Profile> {
  const profile = validated<Profile>('profile', profileSchema, input)
  await db.meta.put({ key: PROFILE_KEY, value: profile })
  return profile
}

/** What a delete took away, so that it can be put back exactly. */
export type Removed = Partial<Ledger>

/**
 * Deletes a record with what depends on it (an account's draws, orders and repayments; a
 * draw's or order's repayments) in one transaction and returns all of it for undo.
 */
export async function deleteRecord(db: LedgerDb, type: RecordType, id: string): Promise<Removed> {
  return db.transaction('rw', ALL_TABLES(db), async () => {
    const removed: Removed = {}
    if (type === 'accounts') {
      const account = await db.accounts.get(id)
      if (!account) return removed
      removed.accounts = [account]
      removed.draws = await db.draws.where('accountId').equals(id).toArray()
      removed.orders = await db.orders.where('accountId').equals(id).toArray()
      removed.repayments = await db.repayments.where('accountId').equals(id).toArray()
      removed.billInstalments = await db.billInstalments.where('accountId').equals(id).toArray()
      removed.billFigures = await db.billFigures.where('accountId').equals(id).toArray()
    } else if (type === 'billInstalments' || type === 'billFigures') {
      const row = await db.table(type).get(id)
      if (!row) return removed
      removed[type] = [row]
    } else if (type === 'draws') {
      const draw = await db.draws.get(id)
      if (!draw) return removed
      removed.draws = [draw]
      removed.repayments = await db.repayments.where('targetId').equals(id).toArray()
    } else if (type === 'orders') {
      const order = await db.orders.get(id)
      if (!order) return removed
      removed.orders = [order]
      removed.repayments = await db.repayments.where('targetId').equals(id).toArray()
    } else if (type === 'repayments') {
      const repayment = await db.repayments.get(id)
      if (!repayment) return removed
      removed.repayments = [repayment]
    } else {
      const inquiry = await db.inquiries.get(id)
      if (!inquiry) return removed
      removed.inquiries = [inquiry]
    }
    // Taking away an order or a repayment can leave later payments paying for more than was owed
    // (a bill that paid for the order, a payoff that relied on an earlier part-payment).
    const accountId =
      removed.orders?.[0]?.accountId ?? (type === 'repayments' ? removed.repayments?.[0]?.accountId : type === 'billInstalments' ? removed.billInstalments?.[0]?.accountId : undefined)
    if (accountId !== undefined) {
      const slice = await accountSlice(db, accountId)
      const gone = new Set([...(removed.orders ?? []), ...(removed.repayments ?? []), ...(removed.billInstalments ?? [])].map((r) => r.id))
      const after = {
        ...slice,
        orders: slice.orders.filter((o) => !gone.has(o.id)),
        repayments: slice.repayments.filter((r) => !gone.has(r.id)),
        billInstalments: slice.billInstalments.filter((b) => !gone.has(b.id))
      }
      const problems = findMoneyProblems(after)
      if (problems.repayment || problems.billInstalment)
        reject(type === 'orders' ? 'order' : type === 'billInstalments' ? 'billInstalment' : 'repayment', [{ path: '', message: 'validation.deleteBreaksRepayments' }])
    }
    for (const t of RECORD_TYPES) {
      const rows = removed[t]
      if (rows && rows.length > 0) await db.table(t).bulkDelete(rows.map((r) => r.id))
    }
    return removed
  })
}

/**
 * Puts back what deleteRecord removed, all or nothing, after the same checks as any write:
 * what was recorded since the delete may no longer fit beside it.
 */
export async function restoreRemoved(db: LedgerDb, removed: Removed): Promise<void> {
  await db.transaction('rw', ALL_TABLES(db), async () => {
    const incoming: Ledger = {
      accounts: removed.accounts ?? [],
      draws: removed.draws ?? [],
      orders: removed.orders ?? [],
      repayments: removed.repayments ?? [],
      inquiries: removed.inquiries ?? [],
      billInstalments: removed.billInstalments ?? [],
      billFigures: removed.billFigures ?? []
    }
    const problem = validateLedger(incoming, await readLedger(db))
    if (problem) throw new ValidationError(problem.recordType, [{ path: '', message: 'validation.undoConflicts' }], problem.row)
    for (const t of RECORD_TYPES) {
      const rows = removed[t]
      if (rows && rows.length > 0) await db.table(t).bulkPut(rows)
    }
  })
}

export function countRemoved(removed: Removed): number {
  return RECORD_TYPES.reduce((n, t) => n + (removed[t]?.length ?? 0), 0)
}

/**
 * Adds a whole ledger (sample data, and later import and restore) in one transaction after
 * every record has passed its schema and the cross-record checks against the ledger itself
 * plus what is already stored. The first bad record rejects everything.
 */
export async function addLedger(db: LedgerDb, ledger: Ledger): Promise<void> {
  await db.transaction('rw', ALL_TABLES(db), async () => {
    const existing = await readTables(db)
    const problem = validateLedger(ledger, existing)
    if (problem) throw new ValidationError(problem.recordType, problem.issues, problem.row)
    // Store what the schemas return (text trimmed, unknown fields dropped), as the single-record writes do.
    for (const t of RECORD_TYPES)
      if (ledger[t].length > 0) await db.table(t).bulkAdd(ledger[t].map((r) => recordSchemas[t].parse(r)))
  })
}

/** Replaces everything with another ledger in one transaction: validated first, so a bad ledger leaves the old one untouched. */
export async function replaceLedger(db: LedgerDb, ledger: Ledger): Promise<void> {
  const problem = validateLedger(ledger)
  if (problem) throw new ValidationError(problem.recordType, problem.issues, problem.row)
  await db.transaction('rw', ALL_TABLES(db), async () => {
    for (const t of RECORD_TYPES) await db.table(t).clear()
    // Store what the schemas return (text trimmed, unknown fields dropped), as the single-record writes do.
    for (const t of RECORD_TYPES)
      if (ledger[t].length > 0) await db.table(t).bulkAdd(ledger[t].map((r) => recordSchemas[t].parse(r)))
  })
}

export async function clearLedger(db: LedgerDb): Promise<void> {
  await db.transaction('rw', ALL_TABLES(db), async () => {
    for (const t of RECORD_TYPES) await db.table(t).clear()
  })
}

export async function readLedger(db: LedgerDb): Promise<Ledger> {
  return db.transaction('r', ALL_TABLES(db), () => readTables(db))
}

/** What an import wrote: the records it added, and each stored order it changed with what it was before. */
export interface ImportWrite {
  orders: Order[]
  repayments: Repayment[]
  updated: { before: Order; after: Order }[]
}

/**
 * Writes an import in one transaction: new orders and repayments, and stored orders that the
 * bills refund, reduce or cancel. Everything is checked first, as addLedger checks, against the
 * ledger as it would be after the changes; the first bad record rejects everything.
 * `alongside` runs inside the same transaction (the import remembers its product accounts there),
 * so a failure of either leaves nothing written.
 */
export async function applyImport(
  db: LedgerDb,
  change: { orders: Order[]; repayments: Repayment[]; updated: Order[] },
  alongside?: () => Promise<unknown>
): Promise<ImportWrite> {
  return db.transaction('rw', [...ALL_TABLES(db), db.meta], async () => {
    const existing: Ledger = { ...(await readTables(db)), inquiries: [] }
    const storedById = new Map(existing.orders.map((o) => [o.id, o]))
    const updated: ImportWrite['updated'] = []
    for (const [i, input] of change.updated.entries()) {
      const after = validated<Order>('order', orderSchema, input)
      const before = storedById.get(after.id)
      if (!before) throw new ValidationError('order', [{ path: 'id', message: 'validation.unknownTarget' }], i + 1)
      // A refund or cancellation changes an order where it is; it never moves it.
      if (before.accountId !== after.accountId) throw new ValidationError('order', [{ path: 'accountId', message: 'validation.moveWithRepayments' }], i + 1)
      updated.push({ before, after })
    }
    const afterById = new Map(updated.map((u) => [u.after.id, u.after]))
    const incoming: Ledger = { accounts: [], draws: [], orders: change.orders, repayments: change.repayments, inquiries: [], billInstalments: [], billFigures: [] }
    const problem = validateLedger(incoming, { ...existing, orders: existing.orders.map((o) => afterById.get(o.id) ?? o) })
    if (problem) throw new ValidationError(problem.recordType, problem.issues, problem.row)
    const orders = change.orders.map((o) => orderSchema.parse(o))
    const repayments = change.repayments.map((r) => repaymentSchema.parse(r))
    if (orders.length > 0) await db.orders.bulkAdd(orders)
    if (repayments.length > 0) await db.repayments.bulkAdd(repayments)
    if (updated.length > 0) await db.orders.bulkPut(updated.map((u) => u.after))
    await alongside?.()
    return { orders, repayments, updated }
  })
}

/** Field by field, whatever order IndexedDB gives the keys back in (a record's fields are all plain values). */
function sameRecord<T extends object>(a: T, b: T): boolean {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return JSON.stringify(a, keys) === JSON.stringify(b, keys)
}

/**
 * Takes an import back in one transaction: its records deleted, the orders it changed put back,
 * and `alongside` (the settings the import changed) in the same transaction. Refused (nothing
 * changes) when something recorded since depends on it: a repayment of an imported order, an
 * imported order, repayment or changed order edited since, or a bill payment that needs the
 * imported orders.
 */
export async function revertImport(db: LedgerDb, write: ImportWrite, alongside?: () => Promise<unknown>): Promise<void> {
  const conflict = () => new ValidationError('import', [{ path: '', message: 'validation.undoConflicts' }])
  await db.transaction('rw', [...ALL_TABLES(db), db.meta], async () => {
    const ownRepayments = new Set(write.repayments.map((r) => r.id))
    const orderIds = new Set(write.orders.map((o) => o.id))
    for (const r of write.repayments) {
      const current = await db.repayments.get(r.id)
      // Edited since: taking it away would lose the edit.
      if (current && !sameRecord(current, r)) throw conflict()
    }
    for (const o of write.orders) {
      const current = await db.orders.get(o.id)
      // Edited since: taking it away would lose the edit. Already deleted: nothing to take.
      if (current && !sameRecord(current, o)) throw conflict()
      const paid = await db.repayments.where('targetId').equals(o.id).toArray()
      if (paid.some((r) => !ownRepayments.has(r.id))) throw conflict()
    }
    for (const { after } of write.updated) {
      const current = await db.orders.get(after.id)
      if (!current || !sameRecord(current, after)) throw conflict()
    }
    const accountIds = new Set([...write.orders, ...write.repayments, ...write.updated.map((u) => u.before)].map((r) => r.accountId))
    const befores = new Map(write.updated.map((u) => [u.before.id, u.before]))
    for (const accountId of accountIds) {
      const slice = await accountSlice(db, accountId)
      const after = {
        ...slice,
        orders: slice.orders.filter((o) => !orderIds.has(o.id)).map((o) => befores.get(o.id) ?? o),
        repayments: slice.repayments.filter((r) => !ownRepayments.has(r.id))
      }
      if (hasMoneyProblem(after)) throw conflict()
    }
    await db.repayments.bulkDelete([...ownRepayments])
    await db.orders.bulkDelete([...orderIds])
    if (befores.size > 0) await db.orders.bulkPut([...befores.values()])
    await alongside?.()
  })
}
