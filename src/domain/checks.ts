// Owns the rules that need more than one record: the account a record points at, and repayments that exceed what is owed.
import { drawCost } from './cost/actual'
import { drawBalance, orderTotal } from './owed'
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

/** Orders a statement payment can pay for: bought, not refunded or cancelled (marked paid still counts). */
export function billable(order: Order): boolean {
  return order.status === 'unpaid' || order.status === 'paid'
}

function byDate(a: Repayment, b: Repayment): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * The rules of one repayment that need no other repayment: the account exists, the target
 * exists and belongs to it, the money was not paid back before it was borrowed, a closed
 * order takes no payment, and whole-statement payments go to accounts that have statements.
 */
export function checkRepaymentTarget(r: Repayment, t: Pick<RepaymentTargetRecords, 'account' | 'draw' | 'order'>): FieldIssue[] {
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

/**
 * The first repayment of a draw's sequence that pays more than was owed on its day, or null.
 * With the account, what was owed includes penalty interest on arrears (cost/actual.ts), so a
 * late payment that settles the penalty too is accepted and the draw can be cleared.
 */
export function overpaidDrawRepayment(draw: Draw, repayments: readonly Repayment[], account?: Pick<Account, 'penaltyMultiplier'>): Repayment | null {
  const all = [...repayments].sort(byDate)
  const paidBefore: Repayment[] = []
  for (const each of all) {
    // Repayments on the same day count together against that day's balance.
    const prior = paidBefore.filter((p) => p.date < each.date)
    const owed = account ? drawCost(draw, prior, account, each.date).owedToday : drawBalance(draw, prior, each.date).owed
    const sameDay = paidBefore.filter((p) => p.date === each.date).reduce((s, p) => s + p.amount, 0)
    if (sameDay + each.amount > owed) return each
    paidBefore.push(each)
  }
  return null
}

/** The first direct payment that takes an order past its total, or null. */
export function overpaidOrderRepayment(order: Order, repayments: readonly Repayment[]): Repayment | null {
  let paid = 0
  for (const each of [...repayments].sort(byDate)) {
    paid += each.amount
    if (paid > orderTotal(order)) return each
  }
  return null
}

/**
 * The first statement payment by whose day the bills paid so far exceed what had been bought
 * (less what was paid on those orders one by one), or null. Orders and payments are walked
 * together in date order, so a long history costs O((S + O) log) rather than S x O.
 */
export function overpaidStatementRepayment(
  repayments: readonly Repayment[],
  orders: readonly Order[],
  directRepaidByOrder: ReadonlyMap<string, number> | undefined
): Repayment | null {
  const bought = orders.filter(billable).sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0))
  let j = 0
  let owed = 0
  let paid = 0
  for (const each of [...repayments].sort(byDate)) {
    while (j < bought.length && bought[j]!.orderDate <= each.date) {
      const o = bought[j]!
      owed += Math.max(0, orderTotal(o) - (directRepaidByOrder?.get(o.id) ?? 0))
      j++
    }
    paid += each.amount
    if (paid > owed) return each
  }
  return null
}

/**
 * A repayment is valid against its target when the target rules hold and no repayment (this
 * one included, in date order) pays more than was owed on its day.
 */
export function checkRepayment(r: Repayment, t: RepaymentTargetRecords): FieldIssue[] {
  const targetIssues = checkRepaymentTarget(r, t)
  if (targetIssues.length > 0) return targetIssues
  const all = [...t.others, r]
  let over: Repayment | null
  if (r.targetType === 'draw' && t.draw) over = overpaidDrawRepayment(t.draw, all, t.account)
  else if (r.targetType === 'order' && t.order) over = overpaidOrderRepayment(t.order, all)
  else over = overpaidStatementRepayment(all, t.orders ?? [], t.directRepaidByOrder)
  return over ? [{ path: 'amount', message: 'validation.repaymentOverOwed' }] : []
}
