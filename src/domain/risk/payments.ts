// Owns the monthly debt payments the debt-to-income rule reads, and the estimated payment of the planned mortgage.
//
// How a month's payment is estimated for each open debt, and why:
// - an instalment draw (等额本息, 等额本金, 先息后本, 分期): its next scheduled payment on or after
//   today, from its schedule (never more than it owes): what the lender will take next month;
// - a 随借随还 draw: what it owes spread evenly over the months left in its term (at least one),
//   the payment that would clear it on time; it has no schedule of its own;
// - a 分期 order: its next instalment;
// - a single-payment order or a statement balance (花呗, 分付, a credit card): a share of what is
//   owed (revolvingPaymentPercent, default 10%), as banks count revolving credit at its minimum
//   payment rather than the whole bill.
// The planned mortgage is 等额本息 over mortgageTermYears (default 30) at mortgageRatePercent (a
// setting; default 3.5%, the 5-year LPR when this was written), an estimate the UI labels as such.
import { addMonths, daysBetween, type IsoDate } from '../calendar'
import { offerOfDraw } from '../cost/loan'
import { orderPlan } from '../cost/pay-later'
import { buildSchedule, planAmounts } from '../cost/schedule'
import { roundFen, type Fen } from '../money'
import type { RiskSettings } from './settings'
import type { RecordRef, RiskInput } from './types'

export type PaymentBasis = 'instalment' | 'flexible' | 'revolving'

export interface PaymentLine {
  accountId: string
  record: RecordRef | null
  amount: Fen
  basis: PaymentBasis
}

export interface MonthlyPayments {
  total: Fen
  byAccount: Map<string, Fen>
  lines: PaymentLine[]
}

function nextPayment(periods: readonly { dueDate: IsoDate; payment: Fen }[], today: IsoDate): Fen | null {
  for (const p of periods) if (p.dueDate >= today) return p.payment
  return null
}

export function monthlyPayments(input: Pick<RiskInput, 'ledger' | 'cost' | 'settings' | 'today' | 'accountById'>): MonthlyPayments {
  const { today } = input
  const lines: PaymentLine[] = []
  for (const draw of input.ledger.draws) {
    const owed = input.cost.draws.get(draw.id)?.owedToday ?? 0
    if (owed <= 0) continue
    const record: RecordRef = { type: 'draw', id: draw.id }
    if (draw.method === 'flexible') {
      const end = addMonths(draw.firstDueDate, draw.termMonths - 1)
      const months = Math.max(1, Math.ceil(daysBetween(today, end) / 30))
      lines.push({ accountId: draw.accountId, record, amount: Math.ceil(owed / months), basis: 'flexible' })
      continue
    }
    const next = nextPayment(buildSchedule(offerOfDraw(draw)).periods, today)
    lines.push({ accountId: draw.accountId, record, amount: next === null ? owed : Math.min(next, owed), basis: 'instalment' })
  }
  const revolving = new Map<string, Fen>()
  for (const order of input.ledger.orders) {
    const owed = input.cost.orders.get(order.id)?.owed ?? 0
    if (owed <= 0) continue
    if (order.instalmentCount > 1) {
      const next = nextPayment(orderPlan(order, input.accountById.get(order.accountId)), today)
      lines.push({ accountId: order.accountId, record: { type: 'order', id: order.id }, amount: next === null ? owed : Math.min(next, owed), basis: 'instalment' })
    } else revolving.set(order.accountId, (revolving.get(order.accountId) ?? 0) + owed)
  }
  for (const [accountId, owed] of revolving)
    lines.push({ accountId, record: null, amount: roundFen((owed * input.settings.revolvingPaymentPercent) / 100), basis: 'revolving' })
  const byAccount = new Map<string, Fen>()
  let total = 0
  for (const l of lines) {
    byAccount.set(l.accountId, (byAccount.get(l.accountId) ?? 0) + l.amount)
    total += l.amount
  }
  return { total, byAccount, lines }
}

/** The level monthly payment of the planned mortgage: 等额本息 at the settings' rate and term (the schedule engine's formula). */
export function estimatedMortgagePayment(amount: Fen, settings: Pick<RiskSettings, 'mortgageRatePercent' | 'mortgageTermYears'>): Fen {
  if (amount <= 0) return 0
  const n = settings.mortgageTermYears * 12
  // An annual rate is charged per month as annual / 12 whatever the days, so the days do not matter.
  const plan = planAmounts({ principal: amount, method: 'equalInstalment', rateUnit: 'annual', rate: settings.mortgageRatePercent / 100 }, new Array<number>(n).fill(30))
  return plan.payment[0] ?? 0
}
