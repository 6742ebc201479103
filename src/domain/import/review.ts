// Owns what the chosen rows would do to the ledger: the records to add and the orders to change, and the rows that cannot be written (and why) before anything is.
import type { IsoDate } from '../dates'
import { sumFen } from '../money'
import { check, orderSchema, repaymentSchema, type Account, type Ledger, type Order, type Repayment } from '../records'
import { checkOrderAccount } from '../checks'
import { findRepaymentProblem } from '../validate-ledger'
import { refundLine, storedIdOf, type PlanRow, type RefundEffect } from './plan'

export const BLOCK_REASONS = ['orderNotSelected', 'overOwed', 'orderClosed', 'beforeOrder', 'breaksRepayments', 'invalid'] as const
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

/** The rows to hold back for the first thing the change would break, or null when it breaks nothing. */
function firstProblem(built: Built, index: LedgerIndex): { rows: readonly string[]; reason: BlockReason } | 'unresolved' | null {
  const { change, origin } = built
  const rowsOf = (id: string) => origin.get(id) ?? []
  for (const o of [...change.orders, ...change.updated]) {
    if (!check(orderSchema, o).ok || checkOrderAccount(o, index.accounts.get(o.accountId)).length > 0) return { rows: rowsOf(o.id), reason: 'invalid' }
  }
  for (const r of change.repayments) if (!check(repaymentSchema, r).ok) return { rows: rowsOf(r.id), reason: 'invalid' }

  // Only the accounts the import touches can break.
  const touched = new Set([...change.orders, ...change.repayments, ...change.updated].map((r) => r.accountId))
  const updatedById = new Map(change.updated.map((o) => [o.id, o]))
  const slice: Pick<Ledger, 'accounts' | 'draws' | 'orders' | 'repayments'> = { accounts: [], draws: [], orders: [], repayments: [] }
  for (const id of touched) {
    const account = index.accounts.get(id)
    if (account) slice.accounts.push(account)
    for (const o of index.ordersByAccount.get(id) ?? []) slice.orders.push(updatedById.get(o.id) ?? o)
    slice.repayments.push(...(index.repaymentsByAccount.get(id) ?? []))
  }
  slice.orders.push(...change.orders)
  slice.repayments.push(...change.repayments)
  const problem = findRepaymentProblem(slice)
  if (!problem) return null
  const bad = problem.repayment
  const reason = REASON_OF[problem.issues[0]?.message ?? ''] ?? 'invalid'
  if (origin.has(bad.id) && change.repayments.some((r) => r.id === bad.id)) return { rows: rowsOf(bad.id), reason }
  // A stored repayment no longer fits: an order it paid for was refunded or cut by this import.
  if (bad.targetType === 'order' && updatedById.has(bad.targetId)) return { rows: rowsOf(bad.targetId), reason: 'breaksRepayments' }
  const onAccount = change.updated.filter((o) => o.accountId === bad.accountId)
  const last = onAccount.at(-1)
  if (last) return { rows: rowsOf(last.id), reason: 'breaksRepayments' }
  return 'unresolved'
}

/**
 * Reviews the chosen rows against the stored ledger: builds the change, and while it would break
 * a rule of the store (a repayment larger than what is owed, a refund of an order already paid
 * for...) holds back the rows at fault, one conflict at a time, until what is left can be written.
 */
export function reviewImport(plan: readonly PlanRow[], selected: ReadonlySet<string>, index: LedgerIndex, options: ReviewOptions = {}): Review {
  const blocked = new Map<string, BlockReason>()
  for (let round = 0; round <= plan.length; round++) {
    const built = build(plan, selected, blocked, index, options)
    if (built.orphans.length > 0) {
      for (const key of built.orphans) blocked.set(key, 'orderNotSelected')
      continue
    }
    const problem = firstProblem(built, index)
    if (problem === null || problem === 'unresolved' || problem.rows.length === 0)
      return { change: built.change, blocked, included: built.included, origin: built.origin, unresolved: problem !== null }
    for (const key of problem.rows) blocked.set(key, problem.reason)
  }
  const built = build(plan, selected, blocked, index, options)
  return { change: built.change, blocked, included: built.included, origin: built.origin, unresolved: true }
}
