// Owns what a repayment may be on a day: the cost engine's own figure for its target (a draw's payoff, an order's balance, a statement account's payable balance), the one the store holds every repayment to.
import type { IsoDate } from '../calendar'
import type { Fen } from '../money'
import type { Ledger, Repayment, RepaymentTarget } from '../records'
import { DEFAULT_PENALTY_MULTIPLIER, walkLoan } from './loan'
import { statementAccountOf } from './ledger-cost'
import { walkPayLater } from './pay-later'
import { walkStatement } from './statement'

export interface CapTarget {
  accountId: string
  targetType: RepaymentTarget
  targetId: string
}

export interface RepaymentCap {
  /** The most a repayment on `date` may be: what clears the target then, other repayments up to that day counted. */
  cap: Fen
  /** Of it, the penalty on arrears (draws), for "含罚息 …". */
  penalty: Fen
}

/**
 * What clears the target on `date` given the ledger's other repayments up to that day (the one
 * with `excludeId` left out, so an edit is held to what was owed without it): the figure
 * validate-ledger.ts refuses a repayment above, so the form can say it first. Null when the target
 * does not exist.
 */
export function repaymentCap(ledger: Ledger, target: CapTarget, date: IsoDate, excludeId?: string): RepaymentCap | null {
  const account = ledger.accounts.find((a) => a.id === target.accountId)
  if (!account) return null
  const others: Repayment[] = ledger.repayments.filter((r) => r.accountId === target.accountId && r.id !== excludeId && r.date <= date)
  if (target.targetType === 'draw') {
    const draw = ledger.draws.find((d) => d.id === target.targetId && d.accountId === account.id)
    if (!draw || date < draw.drawDate) return null
    const c = walkLoan(draw, others, account ?? { penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER }, date).cost
    return { cap: c.owedToday, penalty: c.overdue?.penaltyAccrued ?? 0 }
  }
  const statement = statementAccountOf(account)
  const orders = ledger.orders.filter((o) => o.accountId === account.id)
  if (statement) {
    const w = walkStatement({ account: statement, orders, repayments: others, billInstalments: ledger.billInstalments, billFigures: ledger.billFigures }, date)
    if (target.targetType === 'statement') return { cap: w.payableNow, penalty: 0 }
    const o = w.orders.get(target.targetId)
    return o ? { cap: o.owed, penalty: 0 } : null
  }
  if (target.targetType !== 'order') return null
  const order = orders.find((o) => o.id === target.targetId)
  if (!order) return null
  return { cap: walkPayLater(order, others, account, date).cost.owed, penalty: 0 }
}
