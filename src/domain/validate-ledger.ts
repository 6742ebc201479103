// Owns the validation of a whole ledger at once (sample data, import, restore): schemas first, then the cross-record rules.
import { checkDrawAccount, checkOrderAccount, checkRepayment } from './checks'
import { groupRepaymentsByTarget, repaidByTarget } from './owed'
import { check, recordSchemas, RECORD_TYPES, type FieldIssue, type Ledger, type RecordType } from './records'

export interface LedgerProblem {
  recordType: RecordType
  /** 1-based position in the incoming list. */
  row: number
  issues: FieldIssue[]
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
  const accounts = new Map([...(existing?.accounts ?? []), ...incoming.accounts].map((a) => [a.id, a]))
  const draws = new Map([...(existing?.draws ?? []), ...incoming.draws].map((d) => [d.id, d]))
  const orders = new Map([...(existing?.orders ?? []), ...incoming.orders].map((o) => [o.id, o]))
  for (const [i, d] of incoming.draws.entries()) {
    const issues = checkDrawAccount(d, accounts.get(d.accountId))
    if (issues.length) return { recordType: 'draws', row: i + 1, issues }
  }
  for (const [i, o] of incoming.orders.entries()) {
    const issues = checkOrderAccount(o, accounts.get(o.accountId))
    if (issues.length) return { recordType: 'orders', row: i + 1, issues }
  }
  const allRepayments = [...(existing?.repayments ?? []), ...incoming.repayments]
  const byTarget = groupRepaymentsByTarget(allRepayments)
  const ordersByAccount = new Map<string, typeof incoming.orders>()
  for (const o of orders.values()) {
    const list = ordersByAccount.get(o.accountId)
    if (list) list.push(o)
    else ordersByAccount.set(o.accountId, [o])
  }
  const directRepaid = repaidByTarget(allRepayments.filter((r) => r.targetType === 'order'))
  const targetsOf = (r: (typeof incoming.repayments)[number]) => ({
    account: accounts.get(r.accountId),
    draw: draws.get(r.targetId),
    order: orders.get(r.targetId),
    orders: ordersByAccount.get(r.accountId) ?? [],
    directRepaidByOrder: directRepaid
  })
  // Every row on its own first: its account, its target and its date are rules of the row, and
  // the whole-sequence check below only looks at those of the row that opens the sequence.
  for (const [i, r] of incoming.repayments.entries()) {
    const issues = checkRepayment(r, { ...targetsOf(r), others: [] })
    if (issues.length) return { recordType: 'repayments', row: i + 1, issues }
  }
  const checkedTargets = new Set<string>()
  for (const [i, r] of incoming.repayments.entries()) {
    // A draw's or a statement's whole sequence is checked once; an order against its total.
    if (r.targetType !== 'order' && checkedTargets.has(r.targetId)) continue
    checkedTargets.add(r.targetId)
    const others = (byTarget.get(r.targetId) ?? []).filter((o) => o !== r)
    const issues = checkRepayment(r, { ...targetsOf(r), others })
    if (issues.length) return { recordType: 'repayments', row: i + 1, issues }
  }
  return null
}
