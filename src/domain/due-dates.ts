// Owns the default due date of a pay-later order: from the account's window or its statement cycle.
import { addDays, dayInMonth, dayInMonthIndex, monthIndex, monthIndexOf, parseIsoDate, type IsoDate } from './calendar'
import type { Account } from './records'

/** Days after the order when an account has no cycle or window of its own. */
export const FALLBACK_WINDOW_DAYS = 30

/**
 * The statement day that bills an order: an order made before this month's statement day
 * is on this month's bill, an order on or after it rolls into next month's. Day 31 in a
 * short month means the month's last day.
 */
export function statementDateFor(orderDate: IsoDate, statementDay: number): IsoDate {
  const p = parseIsoDate(orderDate)
  if (!p) throw new RangeError(`not a valid date: ${orderDate}`)
  const thisMonth = dayInMonth(p.year, p.month, statementDay)
  if (orderDate < thisMonth) return thisMonth
  return dayInMonthIndex(monthIndex(p.year, p.month) + 1, statementDay)
}

/** The due date of a statement: the due day after the statement day (same month or the next). */
export function dueDateForStatement(statementDate: IsoDate, statementDay: number, dueDay: number): IsoDate {
  const p = parseIsoDate(statementDate)
  if (!p) throw new RangeError(`not a valid date: ${statementDate}`)
  // A due day after the statement day falls in the same month, unless the month is too short to
  // leave any grace (statement 28th, due 30th in February): then it is next month's, as otherwise.
  const sameMonth = dayInMonth(p.year, p.month, dueDay)
  if (dueDay > statementDay && sameMonth > statementDate) return sameMonth
  return dayInMonthIndex(monthIndex(p.year, p.month) + 1, dueDay)
}

export function defaultOrderDueDate(
  account: Pick<Account, 'kind' | 'statementDay' | 'dueDay' | 'payLaterWindowDays'>,
  orderDate: IsoDate
): IsoDate {
  if (account.statementDay !== null && account.dueDay !== null) {
    const statement = statementDateFor(orderDate, account.statementDay)
    return dueDateForStatement(statement, account.statementDay, account.dueDay)
  }
  return addDays(orderDate, account.payLaterWindowDays ?? FALLBACK_WINDOW_DAYS)
}

/**
 * A statement account's bills numbered by the month number of their statement date (calendar's
 * monthIndex), so the walk over an account's history can step bill by bill with plain integers.
 */
export interface CycleCalendar {
  statementDay: number
  dueDay: number
}

/** The statement date of bill number `index`. */
export function statementDateOfIndex(index: number, c: CycleCalendar): IsoDate {
  return dayInMonthIndex(index, c.statementDay)
}

/** The number of the bill an order made on `orderDate` lands on (one made on the statement day rolls into the next). */
export function billIndexOfOrder(orderDate: IsoDate, c: CycleCalendar): number {
  return monthIndexOf(statementDateFor(orderDate, c.statementDay))
}

/** The number of the bill falling due on `dueDate`, or null when none does (a due date typed by hand, off the cycle). */
export function billIndexOfDueDate(dueDate: IsoDate, c: CycleCalendar): number | null {
  const p = parseIsoDate(dueDate)
  if (!p) return null
  const base = monthIndex(p.year, p.month)
  // A statement falls due within two months of being issued; the latest that matches wins.
  for (let k = 0; k <= 2; k++) {
    const s = statementDateOfIndex(base - k, c)
    if (s >= dueDate) continue
    if (dueDateForStatement(s, c.statementDay, c.dueDay) === dueDate) return base - k
  }
  return null
}
