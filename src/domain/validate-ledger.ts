// Owns the validation of a whole ledger at once (sample data, import, restore, and every store write's account): schemas, then the cross-record rules.
import {
  checkDrawAccount,
  checkOrderAccount,
  checkRepaymentTarget,
  overpaidDrawRepayment,
  overpaidOrderRepayment,
  overpaidStatementRepayment
} from './checks'
import { groupRepaymentsByTarget, repaidByTarget } from './owed'
import { check, recordSchemas, RECORD_TYPES, type FieldIssue, type Ledger, type Order, type RecordType, type Repayment } from './records'

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

/**
 * The cross-record rules over every repayment of a ledger (or of one account's slice of it):
 * each repayment's own target rules, then each draw's, order's and statement's whole sequence.
 * Returns the first repayment that breaks them: for a sequence, the one that tips it over.
 */
export function findRepaymentProblem(ledger: Pick<Ledger, 'accounts' | 'draws' | 'orders' | 'repayments'>): RepaymentProblem | null {
  const accounts = new Map(ledger.accounts.map((a) => [a.id, a]))
  const draws = new Map(ledger.draws.map((d) => [d.id, d]))
  const orders = new Map(ledger.orders.map((o) => [o.id, o]))
  for (const r of ledger.repayments) {
    const issues = checkRepaymentTarget(r, { account: accounts.get(r.accountId), draw: draws.get(r.targetId), order: orders.get(r.targetId) })
    if (issues.length > 0) return { repayment: r, issues }
  }
  const over: RepaymentProblem['issues'] = [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
  const ordersByAccount = new Map<string, Order[]>()
  for (const o of ledger.orders) {
    const list = ordersByAccount.get(o.accountId)
    if (list) list.push(o)
    else ordersByAccount.set(o.accountId, [o])
  }
  const directRepaid = repaidByTarget(ledger.repayments.filter((r) => r.targetType === 'order'))
  for (const [targetId, list] of groupRepaymentsByTarget(ledger.repayments)) {
    const first = list[0]
    if (!first) continue
    let bad: Repayment | null = null
    if (first.targetType === 'draw') {
      const draw = draws.get(targetId)
      if (draw) bad = overpaidDrawRepayment(draw, list, accounts.get(draw.accountId))
    } else if (first.targetType === 'order') {
      const order = orders.get(targetId)
      if (order) bad = overpaidOrderRepayment(order, list)
    } else bad = overpaidStatementRepayment(list, ordersByAccount.get(targetId) ?? [], directRepaid)
    if (bad) return { repayment: bad, issues: over }
  }
  return null
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
  const merged: Ledger = {
    accounts: [...(existing?.accounts ?? []), ...incoming.accounts],
    draws: [...(existing?.draws ?? []), ...incoming.draws],
    orders: [...(existing?.orders ?? []), ...incoming.orders],
    repayments: [...(existing?.repayments ?? []), ...incoming.repayments],
    inquiries: []
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
  const problem = findRepaymentProblem(merged)
  if (!problem) return null
  // Name the incoming row: the one at fault, or else the incoming repayment of the same target.
  const at = incoming.repayments.indexOf(problem.repayment)
  const row = at >= 0 ? at : incoming.repayments.findIndex((r) => r.targetId === problem.repayment.targetId)
  return { recordType: 'repayments', row: Math.max(0, row) + 1, issues: problem.issues }
}
