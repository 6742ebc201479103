// Owns the plan's projection to a later day: what an account will owe on that day if every instalment due before it is paid as scheduled, and the debt-to-income ratio once the plan's settlements are made.
//
// The rule, per record (the cost engine does the arithmetic; nothing here computes interest):
// - a draw: its periods due after today and before the day are paid in full on their due dates
//   (what each still lacks as the walk stands today); the loan is then walked to the day, and what
//   it takes to clear it then (walkLoan's owedToday: principal left, interest accrued to the day,
//   anything overdue with its penalty) is the cash needed. A 随借随还 draw has no periods before its
//   end, so this is its principal plus interest to the day;
// - a 分期 order on a pay-later account (not a statement account): its instalments due after today
//   and before the day are paid, so it owes that much less (never below zero);
// - a statement account (花呗, 分付, credit cards): the bills already issued, and the one the next
//   statement will issue from what is on the account today, are paid in full on their due dates when
//   those fall after today and before the day, so it owes that much less. Later statements' 分期
//   periods and new spending are not projected (there is no schedule for them yet).
import type { IsoDate } from '../calendar'
import { walkLoan, type LoanAccount } from '../cost/loan'
import { orderPlan } from '../cost/pay-later'
import { statementAccountOf } from '../cost/ledger-cost'
import type { Fen } from '../money'
import type { Draw, Repayment } from '../records'
import { isAbove } from './debt-to-income'
import type { MonthlyPayments } from './payments'
import type { RiskInput } from './types'

const FALLBACK: LoanAccount = { penaltyMultiplier: 1.5 }

/** What clears `draw` on `date` when the instalments due after `today` and before `date` are paid on their due dates. */
export function drawOwedOn(draw: Draw, repayments: readonly Repayment[], account: LoanAccount, today: IsoDate, date: IsoDate): Fen {
  const own = repayments.filter((r) => r.targetType === 'draw' && r.targetId === draw.id && r.date <= today)
  const now = walkLoan(draw, own, account, today, {}, { detail: true })
  if (date <= today) return now.cost.owedToday
  const scheduled: Repayment[] = []
  for (const row of now.rows) {
    const lacking = row.payment - row.paid
    if (row.dueDate > today && row.dueDate < date && lacking > 0)
      scheduled.push({ id: `\u0000scheduled-${row.index}`, accountId: draw.accountId, targetType: 'draw', targetId: draw.id, date: row.dueDate, amount: lacking, note: '' })
  }
  return walkLoan(draw, [...own, ...scheduled], account, date).cost.owedToday
}

/** What an account will owe on `date` (the rule in the header); today's figure when `date` is not after today. */
export function accountOwedOn(input: Pick<RiskInput, 'ledger' | 'cost' | 'balances' | 'accountById' | 'today'>, accountId: string, date: IsoDate): Fen {
  const today = input.cost.accounts.get(accountId)?.owed ?? input.balances.get(accountId)?.owed ?? 0
  if (date <= input.today) return today
  const account = input.accountById.get(accountId)
  let change = 0
  for (const draw of input.ledger.draws) {
    if (draw.accountId !== accountId) continue
    const owedToday = input.cost.draws.get(draw.id)?.owedToday ?? 0
    if (owedToday <= 0) continue
    change += drawOwedOn(draw, input.ledger.repayments, account ?? FALLBACK, input.today, date) - owedToday
  }
  if (statementAccountOf(account) !== null) {
    for (const item of input.cost.dues)
      if (item.accountId === accountId && item.kind === 'bill' && item.overdue === null && item.dueDate > input.today && item.dueDate < date) change -= item.amount
  } else
    for (const order of input.ledger.orders) {
      if (order.accountId !== accountId || order.instalmentCount <= 1) continue
      const owed = input.cost.orders.get(order.id)?.owed ?? 0
      if (owed <= 0) continue
      const due = orderPlan(order, account)
        .filter((p) => p.dueDate > input.today && p.dueDate < date)
        .reduce((s, p) => s + p.payment, 0)
      change -= Math.min(owed, due)
    }
  return Math.max(0, today + change)
}

export interface DtiAfterPlan {
  income: Fen | null
  /** Today's monthly debt payments and those left once the settled accounts are cleared. */
  paymentsToday: Fen
  paymentsAfter: Fen
  /** Percent of income, one decimal; null without an income. */
  shareToday: number | null
  shareAfter: number | null
  /** The bank's usual line (settings.dtiPercent). */
  limit: number
  overToday: boolean
  overAfter: boolean
}

/** The debt-to-income ratio today and after the accounts in `settled` are cleared (their monthly payments gone). */
export function dtiAfterPlan(payments: MonthlyPayments, income: Fen | null, settled: ReadonlySet<string>, limit: number): DtiAfterPlan {
  const paymentsToday = payments.total
  let paymentsAfter = paymentsToday
  for (const [id, amount] of payments.byAccount) if (settled.has(id)) paymentsAfter -= amount
  const known = income !== null && income > 0 ? income : null
  const share = (x: Fen) => (known === null ? null : Math.round((x / known) * 1000) / 10)
  return {
    income: known,
    paymentsToday,
    paymentsAfter,
    shareToday: share(paymentsToday),
    shareAfter: share(paymentsAfter),
    limit,
    overToday: known !== null && isAbove(paymentsToday, known, limit),
    overAfter: known !== null && isAbove(paymentsAfter, known, limit)
  }
}
