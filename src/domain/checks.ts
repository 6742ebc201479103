// Owns the rules of one record against the records it points at: the account a draw or order belongs to, and a repayment's target.
import {
  DRAW_ACCOUNT_KINDS,
  ORDER_ACCOUNT_KINDS,
  STATEMENT_KINDS,
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

/** Orders a payment can pay for: bought, not refunded or cancelled (marked paid still counts). */
export function billable(order: Order): boolean {
  return order.status === 'unpaid' || order.status === 'paid'
}

/**
 * The rules of one repayment that need no other repayment: the account exists, the target
 * exists and belongs to it, the money was not paid back before it was borrowed, a closed
 * order takes no payment, and whole-statement payments go to accounts that have statements.
 * Whether it pays more than was owed is the cost engine's walk (validate-ledger.ts).
 */
export function checkRepaymentTarget(r: Repayment, t: { account: Account | undefined; draw?: Draw | undefined; order?: Order | undefined }): FieldIssue[] {
  if (!t.account) return [{ path: 'accountId', message: 'validation.unknownAccount' }]
  if (r.targetType === 'draw') {
    if (!t.draw || t.draw.accountId !== r.accountId) return [{ path: 'targetId', message: 'validation.unknownTarget' }]
    if (r.date < t.draw.drawDate) return [{ path: 'date', message: 'validation.repaymentBeforeBorrowing' }]
    return []
  }
  if (r.targetType === 'order') {
    if (!t.order || t.order.accountId !== r.accountId) return [{ path: 'targetId', message: 'validation.unknownTarget' }]
    if (r.date < t.order.orderDate) return [{ path: 'date', message: 'validation.repaymentBeforeBorrowing' }]
    if (!billable(t.order)) return [{ path: 'targetId', message: 'validation.orderClosed' }]
    return []
  }
  if (r.targetId !== r.accountId) return [{ path: 'targetId', message: 'validation.unknownTarget' }]
  if (!STATEMENT_KINDS.includes(t.account.kind)) return [{ path: 'targetType', message: 'validation.noStatements' }]
  return []
}
