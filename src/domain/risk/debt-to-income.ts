// Owns the debt-to-income rule: monthly debt payments against monthly income, alone (50%, BANK) and with the planned mortgage (55% in all, 50% for the mortgage itself: REG, the 2004 regulator guideline).
import type { Fen } from '../money'
import { estimatedMortgagePayment, monthlyPayments, type MonthlyPayments } from './payments'
import { listOf, money, msg, percent } from './text'
import type { RiskFlag, RiskInput } from './types'

export interface DebtToIncome {
  income: Fen | null
  payments: MonthlyPayments
  /** The planned mortgage's estimated payment; null without a mortgage amount. */
  mortgage: Fen | null
}

export function debtToIncome(input: Pick<RiskInput, 'ledger' | 'cost' | 'settings' | 'today' | 'profile' | 'accountById'>): DebtToIncome {
  const amount = input.profile.mortgageAmount
  return {
    income: input.profile.monthlyIncome,
    payments: monthlyPayments(input),
    mortgage: amount !== null && amount > 0 ? estimatedMortgagePayment(amount, input.settings) : null
  }
}

/** Above the line, compared exactly in fen. */
export function isAbove(payment: Fen, income: Fen, pct: number): boolean {
  return payment * 100 > income * pct
}

/** The most a month's payments may be to stay within `pct`% of income. */
export function allowedPayment(income: Fen, pct: number): Fen {
  return Math.floor((income * pct) / 100)
}

export function debtToIncomeRule(input: RiskInput): RiskFlag[] {
  const d = debtToIncome(input)
  const income = d.income
  if (income === null || income <= 0) return []
  const s = input.settings
  const name = (id: string) => input.accountById.get(id)?.name ?? '—'
  const biggest = listOf(
    [...d.payments.byAccount]
      .sort((a, b) => b[1] - a[1])
      .map(([id, amount]) => msg('riskText.dti.payer', { account: name(id), amount: money(amount) })),
    4
  )
  const share = (payment: Fen) => (payment / income) * 100
  const flags: RiskFlag[] = []
  const current = d.payments.total
  if (isAbove(current, income, s.dtiPercent)) {
    flags.push({
      id: 'debtToIncome',
      rule: 'debtToIncome',
      severity: 'warning',
      source: 'BANK',
      measure: Math.floor(share(current)),
      unit: 'percent',
      accountIds: [...d.payments.byAccount.keys()],
      records: d.payments.lines.flatMap((l) => (l.record ? [l.record] : [])),
      explanation: msg('riskText.dti.explanation', { current: money(current), payers: biggest, income: money(income), share: percent(share(current)), max: percent(s.dtiPercent) }),
      action: msg('riskText.dti.action', { cut: money(current - allowedPayment(income, s.dtiPercent)) })
    })
  }
  const mortgage = d.mortgage
  if (mortgage !== null) {
    const estimate = msg('riskText.dti.estimate', { years: s.mortgageTermYears, rate: s.mortgageRatePercent })
    if (isAbove(mortgage, income, s.mortgagePaymentPercent))
      flags.push({
        id: 'debtToIncome:mortgage',
        rule: 'debtToIncome',
        severity: 'critical',
        source: 'REG',
        measure: Math.floor(share(mortgage)),
        unit: 'percent',
        accountIds: [],
        records: [],
        explanation: msg('riskText.dti.mortgageExplanation', {
          mortgage: money(mortgage),
          estimate,
          income: money(income),
          share: percent(share(mortgage)),
          max: percent(s.mortgagePaymentPercent)
        }),
        action: msg('riskText.dti.mortgageAction', { allowed: money(allowedPayment(income, s.mortgagePaymentPercent)) })
      })
    const all = current + mortgage
    if (isAbove(all, income, s.dtiWithMortgagePercent))
      flags.push({
        id: 'debtToIncome:withMortgage',
        rule: 'debtToIncome',
        severity: 'critical',
        source: 'REG',
        measure: Math.floor(share(all)),
        unit: 'percent',
        accountIds: [...d.payments.byAccount.keys()],
        records: d.payments.lines.flatMap((l) => (l.record ? [l.record] : [])),
        explanation: msg('riskText.dti.withMortgageExplanation', {
          mortgage: money(mortgage),
          estimate,
          all: money(all),
          income: money(income),
          share: percent(share(all)),
          max: percent(s.dtiWithMortgagePercent)
        }),
        action: msg('riskText.dti.withMortgageAction', { cut: money(all - allowedPayment(income, s.dtiWithMortgagePercent)), payers: biggest })
      })
  }
  return flags
}
