// Owns what the chosen rows would do to the ledger: the records to add and the orders to change, and the rows that cannot be written (and why) before anything is.
import type { IsoDate } from '../calendar'
import { sumFen } from '../money'
import { check, orderSchema, repaymentSchema, type Account, type Ledger, type Order, type Repayment } from '../records'
import { checkOrderAccount } from '../checks'
import { findRepaymentProblem } from '../ledger/validate-ledger'
import { refundLine, storedIdOf, type PlanRow, type RefundEffect } from './plan'

export const BLOCK_REASONS = ['orderNotSelected', 'overOwed', 'orderClosed', 'beforeOrder', 'breaksRepayments', 'manyConflicts', 'invalid'] as const
export type BlockReason = (typeof BLOCK_REASONS)[number]

/** What an import writes: new orders and repayments, and stored orders refunded, reduced or cancelled. */
export interface ImportChange {
  orders: Order[]
  repayments: Repayment[]
  updated: Order[]
}

export interface Review {
  change: ImportChange
  /** Chosen rows that cannot be written, with the reason. */
  blocked: ReadonlyMap<string, BlockReason>
  /** Rows whose effect is in the change. */
  included: ReadonlySet<string>
  /** The plan row(s) behind each record of the change, by record id. */
  origin: ReadonlyMap<string, readonly string[]>
  /** A conflict no row can be blamed for (the stored ledger is already inconsistent): nothing may be written. */
  unresolved: boolean
  /** How many times the change was built and checked: at most PRECISE_ROUNDS and a few more. */
  rounds: number
}

/** The stored ledger, indexed once per import for the reviews that follow each change of choice. */
export interface LedgerIndex {
  accounts: ReadonlyMap<string, Account>
  orders: ReadonlyMap<string, Order>
  ordersByAccount: ReadonlyMap<string, readonly Order[]>
  repaymentsByAccount: ReadonlyMap<string, readonly Repayment[]>
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const list = out.get(key(r))
    if (list) list.push(r)
    else out.set(key(r), [r])
  }
  return out
}

export function indexLedger(ledger: Pick<Ledger, 'accounts' | 'orders' | 'repayments'>): LedgerIndex {
  return {
    accounts: new Map(ledger.accounts.map((a) => [a.id, a])),
    orders: new Map(ledger.orders.map((o) => [o.id, o])),
    ordersByAccount: groupBy(ledger.orders, (o) => o.accountId),
    repaymentsByAccount: groupBy(ledger.repayments, (r) => r.accountId)
  }
}

/**
 * An order after its refunds and closing: a closing or a refund of everything closes it (the amount
 * stays what was bought), partial refunds lower the amount. Each is noted with its key. A refund
 * the purchase row reports itself (`own`) and the batch's refund rows may describe the same money,
 * so the larger of the two counts, not their sum.
 */
export function applyEffects(order: Order, effects: readonly RefundEffect[], own: RefundEffect | null = null): Order {
  if (effects.length === 0 && !own) return order
  const partial = sumFen(effects.filter((e) => e.amount !== null).map((e) => e.amount ?? 0))
  const ownPartial = own?.amount ?? 0
  const refunded = Math.max(partial, ownPartial)
  const lines = [...effects, ...(own && ownPartial > partial ? [own] : [])].map(refundLine)
  const cancel = effects.some((e) => e.kind === 'cancel')
  const full = cancel || effects.some((e) => e.amount === null) || refunded >= order.amount
  const stillOpen = order.status === 'unpaid' || order.status === 'paid'
  return {
    ...order,
    status: full && stillOpen ? (cancel ? 'cancelled' : 'refunded') : order.status,
    // A closed order keeps what was bought; only an open one is lowered by a part refund.
    amount: full || !stillOpen ? order.amount : order.amount - refunded,
    notes: [order.notes, ...lines].filter(Boolean).join('\n')
  }
}

interface Built {
  change: ImportChange
  origin: Map<string, string[]>
  included: Set<string>
  /** Rows whose order is not part of this import. */
  orphans: string[]
}

export interface ReviewOptions {
  /**
   * New orders due before this day are written as paid: for bills whose repayments were made
   * elsewhere (a credit card paid from the bank's app), so that old purchases do not show as
   * overdue. Null keeps every new order unpaid.
   */
  paidBefore?: IsoDate | null
}

function build(plan: readonly PlanRow[], selected: ReadonlySet<string>, blocked: ReadonlyMap<string, BlockReason>, index: LedgerIndex, options: ReviewOptions): Built {
  const active = plan.filter((p) => selected.has(p.key) && !blocked.has(p.key) && (p.state === 'new' || p.state === 'update'))
  const created = new Map<string, { order: Order; effects: RefundEffect[]; own: RefundEffect | null; rows: string[] }>()
  for (const p of active) if (p.action === 'order' && p.order) created.set(p.key, { order: p.order, effects: [], own: p.effect, rows: [p.key] })
  const updates = new Map<string, { order: Order; effects: RefundEffect[]; rows: string[] }>()
  const repayments: Repayment[] = []
  const origin = new Map<string, string[]>()
  const included = new Set<string>(created.keys())
  const orphans: string[] = []
  for (const p of active) {
    if ((p.action === 'refund' || p.action === 'cancel') && p.effect && p.target) {
      const storedId = storedIdOf(p.target)
      if (storedId === null) {
        const entry = created.get(p.target)
        if (!entry) {
          orphans.push(p.key)
          continue
        }
        entry.effects.push(p.effect)
        entry.rows.push(p.key)
      } else {
        const order = index.orders.get(storedId)
        if (!order) continue
        const entry = updates.get(storedId) ?? { order, effects: [], rows: [] }
        entry.effects.push(p.effect)
        entry.rows.push(p.key)
        updates.set(storedId, entry)
      }
      included.add(p.key)
    } else if (p.action === 'repayment' && p.repayment) {
      if (p.target && storedIdOf(p.target) === null && !created.has(p.target)) {
        orphans.push(p.key)
        continue
      }
      repayments.push(p.repayment)
      origin.set(p.repayment.id, [p.key])
      included.add(p.key)
    }
  }
  const paidBefore = options.paidBefore ?? null
  const orders = [...created.values()].map((e) => {
    origin.set(e.order.id, e.rows)
    const order = applyEffects(e.order, e.effects, e.own)
    if (paidBefore === null || order.status !== 'unpaid' || order.dueDate >= paidBefore) return order
    const paid: Order = { ...order, status: 'paid' }
    return paid
  })
  const updated = [...updates.values()].map((e) => {
    origin.set(e.order.id, e.rows)
    return applyEffects(e.order, e.effects)
  })
  return { change: { orders, repayments, updated }, origin, included, orphans }
}

const REASON_OF: Record<string, BlockReason> = {
  'validation.repaymentOverOwed': 'overOwed',
  'validation.orderClosed': 'orderClosed',
  'validation.repaymentBeforeBorrowing': 'beforeOrder'
}

/**
 * Rounds in which each account's conflicts are held back one at a time, as exactly as the rules
 * allow. An account still in conflict after them has its rows of this import held back whole
 * ('manyConflicts'): the review stays linear in the rows however hostile the bills.
 */
export const PRECISE_ROUNDS = 20

type Problem = { rows: readonly string[]; reason: BlockReason }

function groupByAccount<T extends { accountId: string }>(rows: readonly T[]): Map<string, T[]> {
  return groupBy(rows, (r) => r.accountId)
}

/**
 * What the change would break, at most one problem per account (and every record failing its
 * schema at once); 'unresolved' when the stored ledger itself is at fault. Linear in the records of
 * the accounts the change touches.
 */
function findProblems(built: Built, index: LedgerIndex, valid: (record: Order | Repayment, isOrder: boolean) => boolean): Problem[] | 'unresolved' {
  const { change, origin } = built
  const rowsOf = (id: string) => origin.get(id) ?? []
  const invalid: Problem[] = []
  for (const o of change.orders) if (!valid(o, true) || checkOrderAccount(o, index.accounts.get(o.accountId)).length > 0) invalid.push({ rows: rowsOf(o.id), reason: 'invalid' })
  for (const o of change.updated) if (!valid(o, true) || checkOrderAccount(o, index.accounts.get(o.accountId)).length > 0) invalid.push({ rows: rowsOf(o.id), reason: 'invalid' })
  for (const r of change.repayments) if (!valid(r, false)) invalid.push({ rows: rowsOf(r.id), reason: 'invalid' })
  if (invalid.length > 0) return invalid

  // Only the accounts the import touches can break; each is checked on its own.
  const newOrders = groupByAccount(change.orders)
  const newRepayments = groupByAccount(change.repayments)
  const updatedByAccount = groupByAccount(change.updated)
  const updatedById = new Map(change.updated.map((o) => [o.id, o]))
  const incomingRepayments = new Set(change.repayments.map((r) => r.id))
  const touched = new Set([...newOrders.keys(), ...newRepayments.keys(), ...updatedByAccount.keys()])
  const found: Problem[] = []
  for (const id of touched) {
    const account = index.accounts.get(id)
    const orders: Order[] = []
    for (const o of index.ordersByAccount.get(id) ?? []) orders.push(updatedById.get(o.id) ?? o)
    for (const o of newOrders.get(id) ?? []) orders.push(o)
    const repayments: Repayment[] = []
    for (const r of index.repaymentsByAccount.get(id) ?? []) repayments.push(r)
    for (const r of newRepayments.get(id) ?? []) repayments.push(r)
    const problem = findRepaymentProblem({ accounts: account ? [account] : [], draws: [], orders, repayments })
    if (!problem) continue
    const bad = problem.repayment
    const reason = REASON_OF[problem.issues[0]?.message ?? ''] ?? 'invalid'
    if (incomingRepayments.has(bad.id)) found.push({ rows: rowsOf(bad.id), reason })
    // A stored repayment no longer fits: an order it paid for was refunded or cut by this import.
    else if (bad.targetType === 'order' && updatedById.has(bad.targetId)) found.push({ rows: rowsOf(bad.targetId), reason: 'breaksRepayments' })
    else {
      const last = (updatedByAccount.get(id) ?? []).at(-1)
      if (!last) return 'unresolved'
      found.push({ rows: rowsOf(last.id), reason: 'breaksRepayments' })
    }
  }
  return found
}

/** Every row of this import on the accounts of `problems`: held back whole after PRECISE_ROUNDS. */
function rowsOnAccounts(built: Built, problems: readonly Problem[]): string[] {
  const keys = new Set<string>()
  for (const p of problems) for (const k of p.rows) keys.add(k)
  const accounts = new Set<string>()
  for (const r of [...built.change.orders, ...built.change.updated, ...built.change.repayments]) {
    if ((built.origin.get(r.id) ?? []).some((k) => keys.has(k))) accounts.add(r.accountId)
  }
  const out: string[] = []
  for (const r of [...built.change.orders, ...built.change.updated, ...built.change.repayments]) if (accounts.has(r.accountId)) for (const k of built.origin.get(r.id) ?? []) out.push(k)
  return out
}

/**
 * Reviews the chosen rows against the stored ledger: builds the change, and while it would break
 * a rule of the store (a repayment larger than what is owed, a refund of an order already paid
 * for...) holds back the rows at fault, one conflict per account at a time, until what is left can
 * be written. After PRECISE_ROUNDS an account still in conflict has all its rows held back, so the
 * review takes at most a few more rounds, each linear in the rows.
 */
export function reviewImport(plan: readonly PlanRow[], selected: ReadonlySet<string>, index: LedgerIndex, options: ReviewOptions = {}): Review {
  const blocked = new Map<string, BlockReason>()
  // A record's schema is checked once, however many rounds see it.
  const checked = new WeakMap<object, boolean>()
  const valid = (record: Order | Repayment, isOrder: boolean) => {
    let ok = checked.get(record)
    if (ok === undefined) {
      ok = isOrder ? check(orderSchema, record).ok : check(repaymentSchema, record).ok
      checked.set(record, ok)
    }
    return ok
  }
  for (let round = 0; round <= plan.length; round++) {
    const built = build(plan, selected, blocked, index, options)
    if (built.orphans.length > 0) {
      for (const key of built.orphans) blocked.set(key, 'orderNotSelected')
      continue
    }
    const problems = findProblems(built, index, valid)
    if (problems === 'unresolved' || problems.length === 0 || problems.every((p) => p.rows.length === 0))
      return { change: built.change, blocked, included: built.included, origin: built.origin, unresolved: problems === 'unresolved' || problems.length > 0, rounds: round + 1 }
    if (round >= PRECISE_ROUNDS) {
      for (const key of rowsOnAccounts(built, problems)) if (!blocked.has(key)) blocked.set(key, 'manyConflicts')
    }
    for (const p of problems) for (const key of p.rows) blocked.set(key, p.reason)
  }
  const built = build(plan, selected, blocked, index, options)
  return { change: built.change, blocked, included: built.included, origin: built.origin, unresolved: true, rounds: plan.length + 2 }
}
