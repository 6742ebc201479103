// Owns reading the dues: how pressing an item is, the home page's sections and cash totals, and the calendar's days. The items themselves are the cost engine's (cost/due-items.ts), so every page shows the same ones.
import { addDays, monthOf, type IsoDate } from '../calendar'
import type { Fen } from '../money'
import type { Ledger } from '../records'
import { cashByMonth, type DueItem } from '../cost/due-items'
import { ledgerCost, type LedgerCost } from '../cost/ledger-cost'

export { compareDueItems, type DueItem, type DueKind } from '../cost/due-items'

/** Every open due item of the ledger as of `today`, in due order (the engine's, computed here when the caller has no LedgerCost). */
export function dueItems(ledger: Ledger, today: IsoDate, cost?: LedgerCost): DueItem[] {
  return (cost ?? ledgerCost(ledger, today)).dues
}

export type Urgency = 'overdue' | 'today' | 'soon' | 'week' | 'later'

/**
 * How pressing an item is: overdue, due today (a bill past its due day but within its grace days
 * counts as due today: it is not overdue yet), within 3 days, within 7, or later.
 */
export function urgencyOf(item: Pick<DueItem, 'daysLeft' | 'overdue'>): Urgency {
  const daysLeft = item.daysLeft
  if (item.overdue) return 'overdue'
  if (daysLeft <= 0) return 'today'
  if (daysLeft <= 3) return 'soon'
  if (daysLeft <= 7) return 'week'
  return 'later'
}

export interface DueSummary {
  overdue: DueItem[]
  today: DueItem[]
  /** Due in the next 7 days, today excluded. */
  week: DueItem[]
  /** Due later this month, after the next 7 days. */
  restOfMonth: DueItem[]
  overdueTotal: Fen
  penaltyTotal: Fen
  /** Cash needed by the end of this month: overdue, today and the rest of the month. */
  cashThisMonth: Fen
  cashNextMonth: Fen
  /** Overdue and due today: the count on the badge. */
  attention: number
}

export function summariseDues(items: readonly DueItem[], today: IsoDate): DueSummary {
  const month = monthOf(today)
  const weekEnd = addDays(today, 7)
  const s: DueSummary = { overdue: [], today: [], week: [], restOfMonth: [], overdueTotal: 0, penaltyTotal: 0, cashThisMonth: 0, cashNextMonth: 0, attention: 0 }
  for (const item of items) {
    const itemMonth = monthOf(item.dueDate)
    if (item.overdue) {
      s.overdue.push(item)
      s.overdueTotal += item.amount
      s.penaltyTotal += item.overdue.penalty
    } else if (item.dueDate <= today) s.today.push(item) // due today, or a bill within its grace days
    else if (item.dueDate <= weekEnd) s.week.push(item)
    else if (itemMonth <= month) s.restOfMonth.push(item)
  }
  // The one rule for cash by month, which the overview's 本月应还 uses too.
  const cash = cashByMonth(items, today)
  s.cashThisMonth = cash.thisMonth
  s.cashNextMonth = cash.nextMonth
  s.attention = s.overdue.length + s.today.length
  return s
}

export interface DueDay {
  date: IsoDate
  total: Fen
  items: DueItem[]
  /** The most pressing urgency among its items. */
  urgency: Urgency
}

const URGENCY_RANK: Record<Urgency, number> = { overdue: 0, today: 1, soon: 2, week: 3, later: 4 }

/** The items of each day that has any, for the calendar. */
export function duesByDay(items: readonly DueItem[]): Map<IsoDate, DueDay> {
  const out = new Map<IsoDate, DueDay>()
  for (const item of items) {
    let day = out.get(item.dueDate)
    if (!day) {
      day = { date: item.dueDate, total: 0, items: [], urgency: 'later' }
      out.set(item.dueDate, day)
    }
    day.total += item.amount
    day.items.push(item)
    const u = urgencyOf(item)
    if (URGENCY_RANK[u] < URGENCY_RANK[day.urgency]) day.urgency = u
  }
  return out
}
