// Owns the rules that need more than one record: the account a record points at, and repayments that exceed what is owed.
import { drawBalance, orderTotal } from './owed'
import {
  DRAW_ACCOUNT_KINDS,
  ORDER_ACCOUNT_KINDS,
  type Account,
  type Draw,
  type FieldIssue,
  type Order,
  type Repayment
} from './records'

export function checkDrawAccount(draw: Draw, account: Account | undefined): FieldIssue[] {
  if (!account) return [{ path: 'accountId', message: 'validation.unknownAccount' }]
  if (!DRAW_ACCOUNT_KINDS.includes(account.kind)) return [{ path: 'accountId', message: 'validation.accountTakesNoDraws' }]
  return []
}

export function checkOrderAccount(order: Order, account: Account | undefined): FieldIssue[] {
  if (!account) return [{ path: 'accountId', message: 'validation.unknownAccount' }]
  if (!ORDER_ACCOUNT_KINDS.includes(account.kind)) return [{ path: 'accountId', message: 'validation.accountTakesNoOrders' }]
  return []
}

export interface RepaymentTargetRecords {
  account: Account | undefined
  draw?: Draw | undefined
  order?: Order | undefined
  /** Statement targets: the account's orders. */
  orders?: readonly Order[]
  /** Every other repayment against the same target (the one being edited left out). */
  others: readonly Repayment[]
  /** Statement targets: what was repaid on each of the account's orders one by one. */
  directRepaidByOrder?: ReadonlyMap<string, number>
}

/**
 * A repayment is valid against its target when the target exists, belongs to the account,
 * is not paid before it was borrowed, and no repayment (this one included, in date order)
 * pays more than was owed on its day.
 */
export function checkRepayment(r: Repayment, t: RepaymentTargetRecords): FieldIssue[] {
  if (!t.account) return [{ path: 'accountId', message: 'validation.unknownAccount' }]
  if (r.targetType === 'draw') {
    const draw = t.draw
    if (!draw || draw.accountId !== r.accountId) return [{ path: 'targetId', message: 'validation.unknownTarget' }]
    if (r.date < draw.drawDate) return [{ path: 'date', message: 'validation.repaymentBeforeBorrowing' }]
    const all = [...t.others, r].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    const paidBefore: Repayment[] = []
    for (const each of all) {
      // Repayments on the same day count together against that day's balance.
      const owed = drawBalance(draw, paidBefore.filter((p) => p.date < each.date), each.date).owed
      const sameDay = paidBefore.filter((p) => p.date === each.date).reduce((s, p) => s + p.amount, 0)
      if (sameDay + each.amount > owed) return [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
      paidBefore.push(each)
    }
    return []
  }
  if (r.targetType === 'order') {
    const order = t.order
    if (!order || order.accountId !== r.accountId) return [{ path: 'targetId', message: 'validation.unknownTarget' }]
    if (r.date < order.orderDate) return [{ path: 'date', message: 'validation.repaymentBeforeBorrowing' }]
    if (order.status === 'refunded' || order.status === 'cancelled')
      return [{ path: 'targetId', message: 'validation.orderClosed' }]
    const repaid = t.others.reduce((s, o) => s + o.amount, 0)
    if (repaid + r.amount > orderTotal(order)) return [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
    return []
  }
  // A whole statement: the target is the account itself.
  if (r.targetId !== r.accountId) return [{ path: 'targetId', message: 'validation.unknownTarget' }]
  // Checked as a sequence: by each payment's day, the bills paid so far cannot exceed what had been bought.
  const orders = (t.orders ?? []).filter((o) => o.status === 'unpaid')
  const sequence = [...t.others, r].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let paid = 0
  for (const each of sequence) {
    paid += each.amount
    const owed = orders
      .filter((o) => o.orderDate <= each.date)
      .reduce((s, o) => s + Math.max(0, orderTotal(o) - (t.directRepaidByOrder?.get(o.id) ?? 0)), 0)
    if (paid > owed) return [{ path: 'amount', message: 'validation.repaymentOverOwed' }]
  }
  return []
}
