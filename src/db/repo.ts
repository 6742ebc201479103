// Owns every write to the ledger: each record is validated by its schema and against the records it points at, inside one transaction.
import { checkDrawAccount, checkOrderAccount, checkRepayment } from '@/domain/checks'
import { repaidByTarget } from '@/domain/owed'
import {
  accountSchema,
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
  type Draw,
  type FieldIssue,
  type Inquiry,
  type Ledger,
  type Order,
  type Profile,
  type RecordType,
  type Repayment
} from '@/domain/records'
import { validateLedger } from '@/domain/validate-ledger'
import { ValidationError } from './errors'
import type { LedgerDb } from './schema'

export function newId(): string {
  return crypto.randomUUID()
}

function validated<T>(recordType: string, schema: Parameters<typeof check<T>>[0], input: unknown): T {
  const result = check(schema, input)
  if (!result.ok) throw new ValidationError(recordType, result.issues)
  return result.value
}

function reject(recordType: string, issues: FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationError(recordType, issues)
}

export async function saveAccount(db: LedgerDb, input: unknown): Promise<Account> {
  const account = validated<Account>('account', accountSchema, input)
  await db.transaction('rw', db.accounts, db.draws, db.orders, async () => {
    const existing = await db.accounts.get(account.id)
    if (existing && existing.kind !== account.kind) {
      // Changing the kind must not orphan the draws or orders the account already holds.
      const draws = await db.draws.where('accountId').equals(account.id).first()
      const orders = await db.orders.where('accountId').equals(account.id).first()
      if (draws) reject('account', checkDrawAccount(draws, account))
      if (orders) reject('account', checkOrderAccount(orders, account))
    }
    await db.accounts.put(account)
  })
  return account
}

export async function saveDraw(db: LedgerDb, input: unknown): Promise<Draw> {
  const draw = validated<Draw>('draw', drawSchema, input)
  await db.transaction('rw', db.accounts, db.draws, db.repayments, async () => {
    reject('draw', checkDrawAccount(draw, await db.accounts.get(draw.accountId)))
    // Existing repayments must still fit the edited draw.
    const repayments = await db.repayments.where('targetId').equals(draw.id).toArray()
    const [first, ...rest] = repayments
    if (first) {
      // checkRepayment checks the account and date of `first` only; every stored one must still fit.
      if (repayments.some((r) => r.accountId !== draw.accountId))
        reject('draw', [{ path: 'accountId', message: 'validation.editBreaksRepayments' }])
      if (repayments.some((r) => r.date < draw.drawDate))
        reject('draw', [{ path: 'drawDate', message: 'validation.editBreaksRepayments' }])
      const issues = checkRepayment(first, { account: await db.accounts.get(draw.accountId), draw, others: rest })
      if (issues.length > 0) reject('draw', [{ path: 'principal', message: 'validation.editBreaksRepayments' }])
    }
    await db.draws.put(draw)
  })
  return draw
}

export async function saveOrder(db: LedgerDb, input: unknown): Promise<Order> {
  const order = validated<Order>('order', orderSchema, input)
  await db.transaction('rw', db.accounts, db.orders, db.repayments, async () => {
    reject('order', checkOrderAccount(order, await db.accounts.get(order.accountId)))
    const repayments = await db.repayments.where('targetId').equals(order.id).toArray()
    const [first, ...rest] = repayments
    if (first && (order.status === 'unpaid' || order.status === 'paid')) {
      // checkRepayment checks the date of `first` only; every stored one must still be on or after the order.
      if (repayments.some((r) => r.date < order.orderDate))
        reject('order', [{ path: 'orderDate', message: 'validation.editBreaksRepayments' }])
      const issues = checkRepayment(first, { account: await db.accounts.get(order.accountId), order, others: rest })
      if (issues.length > 0 || repayments.some((r) => r.accountId !== order.accountId))
        reject('order', [{ path: 'amount', message: 'validation.editBreaksRepayments' }])
    }
    await db.orders.put(order)
  })
  return order
}

async function repaymentIssues(db: LedgerDb, r: Repayment): Promise<FieldIssue[]> {
  const account = await db.accounts.get(r.accountId)
  const others = (await db.repayments.where('targetId').equals(r.targetId).toArray()).filter((o) => o.id !== r.id)
  if (r.targetType === 'draw') return checkRepayment(r, { account, draw: await db.draws.get(r.targetId), others })
  const orders = await db.orders.where('accountId').equals(r.accountId).toArray()
  const ofAccount = (await db.repayments.where('accountId').equals(r.accountId).toArray()).filter((o) => o.id !== r.id)
  const direct = ofAccount.filter((o) => o.targetType === 'order')
  if (r.targetType === 'order') {
    const issues = checkRepayment(r, { account, order: await db.orders.get(r.targetId), others })
    if (issues.length > 0) return issues
    // The account's bill payments already cover its orders; paying one directly as well must not
    // leave those bills paying for more than was bought (validateLedger would refuse that ledger).
    const [bill, ...bills] = ofAccount.filter((o) => o.targetType === 'statement')
    if (!bill) return []
    const billIssues = checkRepayment(bill, { account, orders, others: bills, directRepaidByOrder: repaidByTarget([...direct, r]) })
    return billIssues.length > 0 ? [{ path: 'amount', message: 'validation.repaymentOverOwed' }] : []
  }
  return checkRepayment(r, { account, orders, others, directRepaidByOrder: repaidByTarget(direct) })
}

export async function saveRepayment(db: LedgerDb, input: unknown): Promise<Repayment> {
  const repayment = validated<Repayment>('repayment', repaymentSchema, input)
  await db.transaction('rw', db.accounts, db.draws, db.orders, db.repayments, async () => {
    reject('repayment', await repaymentIssues(db, repayment))
    await db.repayments.put(repayment)
  })
  return repayment
}

export async function saveInquiry(db: LedgerDb, input: unknown): Promise<Inquiry> {
  const inquiry = validated<Inquiry>('inquiry', inquirySchema, input)
  await db.inquiries.put(inquiry)
  return inquiry
}

export async function loadProfile(db: LedgerDb): Promise<Profile> {
  const row = await db.meta.get('profile')
  const parsed = profileSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : { ...DEFAULT_PROFILE }
}

export async function saveProfile(db: LedgerDb, input: unknown): Promise<Profile> {
  const profile = validated<Profile>('profile', profileSchema, input)
  await db.meta.put({ key: 'profile', value: profile })
  return profile
}

/** What a delete took away, so that it can be put back exactly. */
export type Removed = Partial<Ledger>

/**
 * Deletes a record with what depends on it (an account's draws, orders and repayments; a
 * draw's or order's repayments) in one transaction and returns all of it for undo.
 */
export async function deleteRecord(db: LedgerDb, type: RecordType, id: string): Promise<Removed> {
  return db.transaction('rw', [db.accounts, db.draws, db.orders, db.repayments, db.inquiries], async () => {
    const removed: Removed = {}
    if (type === 'accounts') {
      const account = await db.accounts.get(id)
      if (!account) return removed
      removed.accounts = [account]
      removed.draws = await db.draws.where('accountId').equals(id).toArray()
      removed.orders = await db.orders.where('accountId').equals(id).toArray()
      removed.repayments = await db.repayments.where('accountId').equals(id).toArray()
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
    for (const t of RECORD_TYPES) {
      const rows = removed[t]
      if (rows && rows.length > 0) await db.table(t).bulkDelete(rows.map((r) => r.id))
    }
    return removed
  })
}

/** Puts back what deleteRecord removed, all or nothing. */
export async function restoreRemoved(db: LedgerDb, removed: Removed): Promise<void> {
  await db.transaction('rw', [db.accounts, db.draws, db.orders, db.repayments, db.inquiries], async () => {
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
  await db.transaction('rw', [db.accounts, db.draws, db.orders, db.repayments, db.inquiries], async () => {
    const existing: Ledger = {
      accounts: await db.accounts.toArray(),
      draws: await db.draws.toArray(),
      orders: await db.orders.toArray(),
      repayments: await db.repayments.toArray(),
      inquiries: await db.inquiries.toArray()
    }
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
  await db.transaction('rw', [db.accounts, db.draws, db.orders, db.repayments, db.inquiries], async () => {
    for (const t of RECORD_TYPES) await db.table(t).clear()
    // Store what the schemas return (text trimmed, unknown fields dropped), as the single-record writes do.
    for (const t of RECORD_TYPES)
      if (ledger[t].length > 0) await db.table(t).bulkAdd(ledger[t].map((r) => recordSchemas[t].parse(r)))
  })
}

export async function clearLedger(db: LedgerDb): Promise<void> {
  await db.transaction('rw', [db.accounts, db.draws, db.orders, db.repayments, db.inquiries], async () => {
    for (const t of RECORD_TYPES) await db.table(t).clear()
  })
}

export async function readLedger(db: LedgerDb): Promise<Ledger> {
  return db.transaction('r', [db.accounts, db.draws, db.orders, db.repayments, db.inquiries], async () => ({
    accounts: await db.accounts.toArray(),
    draws: await db.draws.toArray(),
    orders: await db.orders.toArray(),
    repayments: await db.repayments.toArray(),
    inquiries: await db.inquiries.toArray()
  }))
}
