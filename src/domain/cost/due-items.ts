// Owns the due items the cost engine hands every screen: what falls due and when, from each walk (draws, bills, pay-later orders), with what clears each one today, and the cash needed by month.
import { dayNumber, monthIndexOf, monthKey, monthOf, type IsoDate } from '../calendar'
import type { Fen } from '../money'
import type { RepaymentTarget } from '../records'
import type { LoanDue } from './loan'
import type { PayLaterDue } from './pay-later'
import type { Bill, StatementDue } from './statement'

export type DueKind = 'drawInstalment' | 'drawTerm' | 'order' | 'orderInstalment' | 'bill'

export interface DueItem {
  /** Stable while the item is open: what reminders remember and a link opens. */
  key: string
  kind: DueKind
  accountId: string
  /** The draw or order; null for a bill. */
  recordId: string | null
  dueDate: IsoDate
  /** What falls due on dueDate, apart from the account's other items (an overdue item: what is in arrears now, with the penalty the ledger takes). */
  amount: Fen
  /**
   * What a repayment made today must be to clear this item exactly, everything of the same target
   * due before it included; null where no repayment today clears it alone (a draw's instalment after
   * the next one: money beyond the next instalment is a prepayment of principal).
   */
  clearAmount: Fen | null
  /** The repayment that clears it (a bill: a statement repayment naming that bill). */
  target: { targetType: RepaymentTarget; targetId: string; bill?: IsoDate }
  /** Instalment k of n; null for an amount due whole or for arrears. */
  period: { index: number; count: number } | null
  /** Bills only: the bill (issued, or the next one so far), and its minimum still to pay (null once overdue: then the amount is what is short of it). */
  bill: { statementDate: IsoDate; issued: boolean; orderIds: string[]; minimum: Fen | null; view: Bill } | null
  /** Past its due date: for how many days, and the penalty (a draw's: included in the amount; an order's: the ledger's estimate, extra; a bill's: the 违约金, on the next bill). */
  overdue: { days: number; penalty: Fen } | null
  /** Days from today to the due date, negative when past it. */
  daysLeft: number
}

const KIND_ORDER: Record<DueKind, number> = { bill: 0, order: 1, orderInstalment: 2, drawInstalment: 3, drawTerm: 4 }

export function compareDueItems(a: DueItem, b: DueItem): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

export function loanDueItems(out: DueItem[], draw: { id: string; accountId: string; method: string }, dues: readonly LoanDue[], todayDay: number): void {
  for (const d of dues) {
    const suffix = d.kind === 'overdue' ? 'overdue' : d.kind === 'term' ? 'end' : String(d.period!.index)
    out.push({
      key: `draw:${draw.id}:${suffix}`,
      // 随借随还 is due whole at the end of its term, before and after that day.
      kind: d.kind === 'period' ? 'drawInstalment' : draw.method === 'flexible' ? 'drawTerm' : 'drawInstalment',
      accountId: draw.accountId,
      recordId: draw.id,
      dueDate: d.dueDate,
      amount: d.amount,
      clearAmount: d.clearAmount,
      target: { targetType: 'draw', targetId: draw.id },
      period: d.period,
      bill: null,
      overdue: d.overdue,
      daysLeft: dayNumber(d.dueDate) - todayDay
    })
  }
}

export function payLaterDueItems(out: DueItem[], order: { id: string; accountId: string }, dues: readonly PayLaterDue[], todayDay: number): void {
  for (const d of dues) {
    out.push({
      key: d.kind === 'order' ? `order:${order.id}` : d.period ? `order:${order.id}:${d.period.index}` : `order:${order.id}:overdue`,
      kind: d.kind,
      accountId: order.accountId,
      recordId: order.id,
      dueDate: d.dueDate,
      amount: d.amount,
      clearAmount: d.clearAmount,
      target: { targetType: 'order', targetId: order.id },
      period: d.period,
      bill: null,
      overdue: d.overdue,
      daysLeft: dayNumber(d.dueDate) - todayDay
    })
  }
}

export function billDueItems(out: DueItem[], accountId: string, dues: readonly StatementDue[], todayDay: number): void {
  for (const d of dues) {
    const v = d.bill
    out.push({
      key: `bill:${accountId}:${d.dueDate}`,
      kind: 'bill',
      accountId,
      recordId: null,
      dueDate: d.dueDate,
      amount: d.amount,
      clearAmount: d.clearAmount,
      target: { targetType: 'statement', targetId: accountId, ...(v.issued ? { bill: v.statementDate } : {}) },
      period: null,
      bill: { statementDate: v.statementDate, issued: v.issued, orderIds: v.orderIds, minimum: d.overdue ? null : v.issued ? Math.max(0, Math.min(d.amount, v.minimum - v.paidSinceStatement)) : null, view: v },
      overdue: d.overdue,
      daysLeft: dayNumber(d.dueDate) - todayDay
    })
  }
}

/** The cash the items need by the end of this month (overdue ones included) and in the next: the one rule every page's totals use. */
export function cashByMonth(items: readonly DueItem[], today: IsoDate): { thisMonth: Fen; nextMonth: Fen } {
  const month = monthOf(today)
  const next = monthKey(monthIndexOf(today) + 1)
  let thisMonth = 0
  let nextMonth = 0
  for (const item of items) {
    const m = monthOf(item.dueDate)
    if (item.overdue || m <= month) thisMonth += item.amount
    else if (m === next) nextMonth += item.amount
  }
  return { thisMonth, nextMonth }
}
