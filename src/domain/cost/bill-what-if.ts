// Owns the what-if of one bill: pay it in full, pay only the minimum, or turn it into 账单分期, each with what it costs, by the same walk as every other figure.
import { addDays, dayNumber, type IsoDate } from '../calendar'
import { dueDateForStatement, statementDateOfIndex, billIndexOfOrder } from '../due-dates'
import { roundFen, splitFen, type Fen } from '../money'
import type { Ledger, Repayment } from '../records'
import { aprOfSchedule } from './apr'
import { statementAccountOf } from './ledger-cost'
import { planPeriods, scheduleOf } from './schedule'
import { walkStatement, type Bill } from './statement'
import type { AprResult } from './types'

export interface BillWhatIf {
  full: { amount: Fen; interest: Fen }
  minimum: { amount: Fen; rest: Fen; interest: Fen; nextStatementDate: IsoDate }
  /** Null when nothing of the bill's purchases is left to convert. */
  instalment: { amount: Fen; count: number; feeRate: number; payment: Fen; fees: Fen; apr: AprResult | null; revolvingSame: Fen } | null
}

const WHAT_IF_ID = '\u0000what-if'

/**
 * The bill issued on `statementDate` on `accountId`, as of `today` (before its grace ends): what
 * paying it in full, paying only its minimum (what is left of either) on the due day, and
 * turning `instalment.amount` (default: every unpaid purchase on it) into `count` periods at
 * `feeRate` would each cost. The minimum's cost is the interest the next bill would carry beyond
 * what paying in full leaves there, both walked to the next statement day.
 */
export function billWhatIf(ledger: Ledger, accountId: string, statementDate: IsoDate, today: IsoDate, instalment: { count: number; feeRate: number; amount?: Fen }): BillWhatIf | null {
  const account = statementAccountOf(ledger.accounts.find((a) => a.id === accountId))
  if (!account) return null
  const input = {
    account,
    orders: ledger.orders.filter((o) => o.accountId === accountId),
    billInstalments: ledger.billInstalments,
    billFigures: ledger.billFigures
  }
  const reps = ledger.repayments.filter((r) => r.accountId === accountId)
  const now = walkStatement({ ...input, repayments: reps }, today)
  const bill = now.bills.find((b) => b.statementDate === statementDate && b.issued)
  if (!bill) return null
  const cal = { statementDay: account.statementDay ?? 1, dueDay: account.dueDay ?? 1 }
  const index = billIndexOfOrder(statementDate, cal) - 1
  const nextStatement = statementDateOfIndex(index + 1, cal)
  const payOn = bill.dueDate < today ? today : bill.dueDate
  const interestNext = (amount: Fen): Fen => {
    const extra: Repayment[] = amount > 0 ? [{ id: WHAT_IF_ID, accountId, targetType: 'statement', targetId: accountId, date: payOn, amount, note: '', bill: statementDate }] : []
    const w = walkStatement({ ...input, repayments: [...reps.filter((r) => r.date <= today), ...extra] }, addDays(nextStatement, 1))
    return w.bills.find((b) => b.statementDate === nextStatement)?.interest ?? 0
  }
  const fullAmount = bill.outstanding
  const minimumLeft = Math.max(0, bill.minimum - bill.paidSinceStatement)
  const baseline = interestNext(fullAmount)
  const onMinimum = interestNext(minimumLeft)
  return {
    full: { amount: fullAmount, interest: 0 },
    minimum: { amount: minimumLeft, rest: Math.max(0, fullAmount - minimumLeft), interest: Math.max(0, onMinimum - baseline), nextStatementDate: nextStatement },
    instalment: instalmentOf(bill, index, cal, today, account.statementTerms.revolvingDailyRate, instalment)
  }
}

function instalmentOf(
  bill: Bill,
  index: number,
  cal: { statementDay: number; dueDay: number },
  today: IsoDate,
  dailyRate: number,
  plan: { count: number; feeRate: number; amount?: Fen }
): BillWhatIf['instalment'] {
  const room = bill.purchases
  const amount = Math.min(plan.amount ?? room, room)
  if (amount <= 0 || plan.count < 2) return null
  const dueDates = Array.from({ length: plan.count }, (_, k) => dueDateForStatement(statementDateOfIndex(index + 1 + k, cal), cal.statementDay, cal.dueDay))
  const periods = planPeriods({ principal: amount, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: plan.feeRate, startDate: today < bill.dueDate ? today : bill.dueDate, dueDates })
  const fee = roundFen(amount * plan.feeRate)
  // Revolving the same money instead, repaid in the same equal parts on the same days: interest
  // on what is left each day from the day after this bill's due day (an estimate, as any bill's
  // interest depends on the issuer's method).
  const parts = splitFen(amount, plan.count)
  let left = amount
  let from = dayNumber(bill.dueDate) + 1
  let revolving = 0
  for (let k = 0; k < plan.count; k++) {
    const to = dayNumber(dueDates[k]!) + 1
    revolving += left * dailyRate * (to - from)
    left -= parts[k]!
    from = to
  }
  return {
    amount,
    count: plan.count,
    feeRate: plan.feeRate,
    payment: (periods[0]?.payment ?? 0),
    fees: fee * plan.count,
    apr: aprOfSchedule(amount, scheduleOf(periods, 0, false)),
    revolvingSame: roundFen(revolving)
  }
}
