// Owns the validation of a whole ledger at once (sample data, import, restore, and every store write's account): schemas, then the cross-record rules, the money ones read off the cost engine's walks.
import { checkDrawAccount, checkOrderAccount, checkRepaymentTarget } from '../checks'
import { walkLoan } from '../cost/loan'
import { walkPayLater } from '../cost/pay-later'
import { statementAccountOf } from '../cost/ledger-cost'
import { walkStatement } from '../cost/statement'
import { DEFAULT_PENALTY_MULTIPLIER } from '../cost/loan'
import { check, recordSchemas, RECORD_TYPES, type BillInstalment, type FieldIssue, type Ledger, type Order, type RecordType, type Repayment } from '../records'
import { findCrossTypeIdClash } from '../record-ids'

export interface LedgerProblem {
  recordType: RecordType
  /** 1-based position in the incoming list. */
  row: number
  issues: FieldIssue[]
}

export interface RepaymentProblem {
  repayment: Repayment
  issues: FieldIssue[]
}

export interface BillInstalmentProblem {
  billInstalment: BillInstalment
  issues: FieldIssue[]
}

/** The records the money rules read: one account's slice, or a whole ledger. */
export type MoneySlice = Pick<Ledger, 'accounts' | 'draws' | 'orders' | 'repayments'> & Partial<Pick<Ledger, 'billInstalments' | 'billFigures'>>

/** The last day anything in the slice happens on: the walks run to it, so every repayment is read on its own day. */
function lastDay(ledger: MoneySlice): string {
  let last = '1900-01-01'
  for (const r of ledger.repayments) if (r.date > last) last = r.date
  for (const d of ledger.draws) if (d.drawDate > last) last = d.drawDate
  for (const o of ledger.orders) if (o.orderDate > last) last = o.orderDate
  for (const b of ledger.billInstalments ?? []) if (b.date > last) last = b.date
  return last
}

const OVER: FieldIssue[] = [{ path: 'amount', message: 'validation.repaymentOverOwed' }]

/**
 * The money rules over a ledger (or one account's slice of it), walked by the cost engine as each
 * screen reads it: no repayment pays more than was owed on its day (a draw, a pay-later order, or
 * everything payable on a statement account), and no 账单分期 takes more than its bill holds.
 * Returns the first problem of each kind.
 */
export function findMoneyProblems(ledger: MoneySlice): { repayment: RepaymentProblem | null; billInstalment: BillInstalmentProblem | null } {
  const accounts = new Map(ledger.accounts.map((a) => [a.id, a]))
  const draws = new Map(ledger.draws.map((d) => [d.id, d]))
  const orders = new Map(ledger.orders.map((o) => [o.id, o]))
  for (const r of ledger.repayments) {
    // A target of another type with the same id is no target: ids are checked per type.
    const issues = checkRepaymentTarget(r, {
      account: accounts.get(r.accountId),
      draw: r.targetType === 'draw' ? draws.get(r.targetId) : undefined,
      order: r.targetType === 'order' ? orders.get(r.targetId) : undefined
    })
    if (issues.length > 0) return { repayment: { repayment: r, issues }, billInstalment: null }
  }
  const asOf = lastDay(ledger)
  let repayment: RepaymentProblem | null = null
  let billInstalment: BillInstalmentProblem | null = null
  const drawReps = new Map<string, Repayment[]>()
  const byAccount = new Map<string, Repayment[]>()
  for (const r of ledger.repayments) {
    const map = r.targetType === 'draw' ? drawReps : byAccount
    const key = r.targetType === 'draw' ? r.targetId : r.accountId
    const list = map.get(key)
    if (list) list.push(r)
    else map.set(key, [r])
  }
  for (const [id, reps] of drawReps) {
    const draw = draws.get(id)!
    const account = accounts.get(draw.accountId)
    const over = walkLoan(draw, reps, account ?? { penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER }, asOf).overpaid
    if (over) return { repayment: { repayment: over, issues: OVER }, billInstalment: null }
  }
  const ordersByAccount = new Map<string, Order[]>()
  for (const o of ledger.orders) {
    const list = ordersByAccount.get(o.accountId)
    if (list) list.push(o)
    else ordersByAccount.set(o.accountId, [o])
  }
  const statementIds = new Set([...byAccount.keys(), ...(ledger.billInstalments ?? []).map((b) => b.accountId)])
  for (const accountId of statementIds) {
    const account = accounts.get(accountId)
    const statement = statementAccountOf(account)
    const reps = byAccount.get(accountId) ?? []
    if (statement) {
      const w = walkStatement({ account: statement, orders: ordersByAccount.get(accountId) ?? [], repayments: reps, billInstalments: ledger.billInstalments ?? [], billFigures: ledger.billFigures ?? [] }, asOf)
      if (w.overpaid && !repayment) repayment = { repayment: w.overpaid, issues: OVER }
      if (w.badInstalment && !billInstalment) billInstalment = { billInstalment: w.badInstalment.record, issues: [{ path: 'amount', message: w.badInstalment.message }] }
      continue
    }
    for (const plan of ledger.billInstalments ?? [])
      if (plan.accountId === accountId && !billInstalment) billInstalment = { billInstalment: plan, issues: [{ path: 'accountId', message: 'validation.noStatements' }] }
    const byOrder = new Map<string, Repayment[]>()
    for (const r of reps) {
      const list = byOrder.get(r.targetId)
      if (list) list.push(r)
      else byOrder.set(r.targetId, [r])
    }
    for (const [orderId, list] of byOrder) {
      const order = orders.get(orderId)
      if (!order || !account) continue
      const over = walkPayLater(order, list, account, asOf).overpaid
      if (over && !repayment) repayment = { repayment: over, issues: OVER }
    }
  }
  return { repayment, billInstalment }
}

/** The first repayment that breaks the rules (its target, or paying more than was owed on its day), or null. */
export function findRepaymentProblem(ledger: MoneySlice): RepaymentProblem | null {
  return findMoneyProblems(ledger).repayment
}

/** Returns the first problem of `incoming` (checked together with `existing`), or null when all is well. */
export function validateLedger(incoming: Ledger, existing?: Ledger): LedgerProblem | null {
  for (const t of RECORD_TYPES) {
    const schema = recordSchemas[t]
    const seen = new Set<string>(existing?.[t].map((r) => r.id) ?? [])
    for (let i = 0; i < incoming[t].length; i++) {
      const result = check<unknown>(schema, incoming[t][i])
      if (!result.ok) return { recordType: t, row: i + 1, issues: result.issues }
      const id = incoming[t][i]!.id
      if (seen.has(id)) return { recordType: t, row: i + 1, issues: [{ path: 'id', message: 'validation.duplicateId' }] }
      seen.add(id)
    }
  }
  // One id, one record: a draw and an order sharing an id would share their repayments.
  const clash = findCrossTypeIdClash(
    RECORD_TYPES.map((t) => ({ type: t, rows: existing?.[t] ?? [] })),
    RECORD_TYPES.map((t) => ({ type: t, rows: incoming[t] }))
  )
  if (clash) return { recordType: clash.type, row: clash.row, issues: [{ path: 'id', message: 'validation.idUsedByOtherType' }] }
  const merged: Ledger = {
    accounts: [...(existing?.accounts ?? []), ...incoming.accounts],
    draws: [...(existing?.draws ?? []), ...incoming.draws],
    orders: [...(existing?.orders ?? []), ...incoming.orders],
    repayments: [...(existing?.repayments ?? []), ...incoming.repayments],
    inquiries: [],
    billInstalments: [...(existing?.billInstalments ?? []), ...incoming.billInstalments],
    billFigures: [...(existing?.billFigures ?? []), ...incoming.billFigures]
  }
  const accounts = new Map(merged.accounts.map((a) => [a.id, a]))
  for (const [i, d] of incoming.draws.entries()) {
    const issues = checkDrawAccount(d, accounts.get(d.accountId))
    if (issues.length) return { recordType: 'draws', row: i + 1, issues }
  }
  for (const [i, o] of incoming.orders.entries()) {
    const issues = checkOrderAccount(o, accounts.get(o.accountId))
    if (issues.length) return { recordType: 'orders', row: i + 1, issues }
  }
  for (const t of ['billInstalments', 'billFigures'] as const)
    for (const [i, b] of incoming[t].entries()) {
      if (!accounts.has(b.accountId)) return { recordType: t, row: i + 1, issues: [{ path: 'accountId', message: 'validation.unknownAccount' }] }
    }
  const problems = findMoneyProblems(merged)
  if (problems.billInstalment) {
    const at = incoming.billInstalments.indexOf(problems.billInstalment.billInstalment)
    return { recordType: 'billInstalments', row: Math.max(0, at) + 1, issues: problems.billInstalment.issues }
  }
  const problem = problems.repayment
  if (!problem) return null
  // Name the incoming row: the one at fault, or else the incoming repayment of the same target.
  const at = incoming.repayments.indexOf(problem.repayment)
  const row = at >= 0 ? at : incoming.repayments.findIndex((r) => r.targetId === problem.repayment.targetId)
  return { recordType: 'repayments', row: Math.max(0, row) + 1, issues: problem.issues }
}
