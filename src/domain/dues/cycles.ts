// Owns the statement cycle of a bill: which order days a statement bills, which statement falls due on a day, and the bills an instalment plan is spread over.
import { dayInMonth, parseIsoDate, type IsoDate } from '../dates'
import { STATEMENT_KINDS, type Account } from '../records'
import { dueDateForStatement, statementDateFor } from '../due-dates'
import { monthlyDueDates } from '../cost/schedule'

export interface BillCycle {
  /** The first order day this statement bills: the previous statement day. */
  from: IsoDate
  /** The statement day: orders made before it (and on or after `from`) are on this bill. */
  statementDate: IsoDate
  dueDate: IsoDate
}

export interface CycleDays {
  statementDay: number
  dueDay: number
}

function monthShift(date: IsoDate, months: number): { year: number; month: number } {
  const p = parseIsoDate(date)
  if (!p) throw new RangeError(`not a valid date: ${date}`)
  const index = p.year * 12 + p.month - 1 + months
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** The cycle of the statement issued on `statementDate` (a statement day of the account, clamped to a short month's end). */
export function cycleOfStatement(statementDate: IsoDate, days: CycleDays): BillCycle {
  const prev = monthShift(statementDate, -1)
  return {
    from: dayInMonth(prev.year, prev.month, days.statementDay),
    statementDate,
    dueDate: dueDateForStatement(statementDate, days.statementDay, days.dueDay)
  }
}

/** The cycle whose bill an order made on `orderDate` lands on: one made on the statement day rolls into the next. */
export function cycleOfOrder(orderDate: IsoDate, days: CycleDays): BillCycle {
  return cycleOfStatement(statementDateFor(orderDate, days.statementDay), days)
}

/**
 * The cycle whose bill falls due on `dueDate`, or null when none does (a due date the user set by
 * hand). A statement is due within two months of being issued, so this month's statement day and
 * the two before are the only candidates; the latest that matches wins.
 */
export function cycleOfDueDate(dueDate: IsoDate, days: CycleDays): BillCycle | null {
  for (let k = 0; k <= 2; k++) {
    const m = monthShift(dueDate, -k)
    const statementDate = dayInMonth(m.year, m.month, days.statementDay)
    if (statementDate >= dueDate) continue
    if (dueDateForStatement(statementDate, days.statementDay, days.dueDay) === dueDate) return cycleOfStatement(statementDate, days)
  }
  return null
}

/**
 * The due dates of an instalment plan on a statement account: one period on each bill from the
 * first. Each is the bill's own due date, so a due day of 31 is February's last day in February and
 * the 31st again in March. A first due date off the account's cycle keeps the same day each month,
 * as the cost engine dates any other plan.
 */
export function billDueDates(firstDueDate: IsoDate, count: number, days: CycleDays): IsoDate[] {
  const first = cycleOfDueDate(firstDueDate, days)
  if (!first) return monthlyDueDates(firstDueDate, count)
  const out: IsoDate[] = []
  for (let k = 0; k < count; k++) {
    const m = monthShift(first.statementDate, k)
    out.push(dueDateForStatement(dayInMonth(m.year, m.month, days.statementDay), days.statementDay, days.dueDay))
  }
  return out
}

/** The cycle days of an account billed on a statement; null for any other account. */
export function cycleDaysOf(account: Pick<Account, 'kind' | 'statementDay' | 'dueDay'> | undefined): CycleDays | null {
  if (!account || !STATEMENT_KINDS.includes(account.kind) || account.statementDay === null || account.dueDay === null) return null
  return { statementDay: account.statementDay, dueDay: account.dueDay }
}

/**
 * The due dates of an order's instalments: on a statement account one period on each bill (its
 * due day, a short month's last day included), elsewhere the same day each month. The dues list,
 * the cost engine's penalty and the late-payment rule all date periods by this one function.
 */
export function instalmentDueDates(
  order: { dueDate: IsoDate; instalmentCount: number },
  account: Pick<Account, 'kind' | 'statementDay' | 'dueDay'> | undefined
): IsoDate[] {
  const cycle = cycleDaysOf(account)
  return cycle ? billDueDates(order.dueDate, order.instalmentCount, cycle) : monthlyDueDates(order.dueDate, order.instalmentCount)
}
