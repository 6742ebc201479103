// Owns the debt-to-income rule: monthly debt payments against monthly income, alone (50%, BANK) and with the planned mortgage (55% in all, 50% for the mortgage itself: REG, the 2004 regulator guideline).
import type { Fen } from '../money'
import { estimatedMortgagePayment, monthlyPayments, type MonthlyPayments } from './payments'
import { bi, listOf, money, percent } from './text'
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
      .map(([id, amount]) => bi(`${name(id)} ${money(amount)}`, `${name(id)} ${money(amount)}`)),
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
      explanation: bi(
        `每月还款约 ${money(current)}（${biggest.zh}），占月收入 ${money(income)} 的 ${percent(share(current))}，超过 ${percent(s.dtiPercent)}。`,
        `Monthly debt payments come to about ${money(current)} (${biggest.en}), ${percent(share(current))} of your ${money(income)} income, above ${percent(s.dtiPercent)}.`
      ),
      action: bi(
        `每月还款要减少约 ${money(current - allowedPayment(income, s.dtiPercent))}：先结清月供最高或利率最高的借款。`,
        `Cut monthly payments by about ${money(current - allowedPayment(income, s.dtiPercent))}: clear the loans with the largest payments or the highest rates first.`
      )
    })
  }
  const mortgage = d.mortgage
  if (mortgage !== null) {
    const estimate = bi(
      `按等额本息 ${s.mortgageTermYears} 年、年利率 ${s.mortgageRatePercent}% 估算`,
      `estimated as equal instalments over ${s.mortgageTermYears} years at ${s.mortgageRatePercent}% a year`
    )
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
        explanation: bi(
          `计划房贷的月供约 ${money(mortgage)}（${estimate.zh}），占月收入 ${money(income)} 的 ${percent(share(mortgage))}，超过 ${percent(s.mortgagePaymentPercent)}（监管指引：房贷月供不超过月收入的 50%）。`,
          `The planned mortgage's payment is about ${money(mortgage)} (${estimate.en}), ${percent(share(mortgage))} of your ${money(income)} income, above ${percent(s.mortgagePaymentPercent)} (regulator guideline: housing payments at most 50% of income).`
        ),
        action: bi(
          `把月供控制在 ${money(allowedPayment(income, s.mortgagePaymentPercent))} 以内：降低贷款金额、加大首付，或把共同借款人的收入算进来。`,
          `Keep the payment within ${money(allowedPayment(income, s.mortgagePaymentPercent))}: borrow less, put more down, or add a co-borrower's income.`
        )
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
        explanation: bi(
          `加上计划房贷的月供约 ${money(mortgage)}（${estimate.zh}），每月还款共约 ${money(all)}，占月收入 ${money(income)} 的 ${percent(share(all))}，超过 ${percent(s.dtiWithMortgagePercent)}（监管指引：全部债务月供不超过月收入的 55%）。`,
          `With the planned mortgage's payment of about ${money(mortgage)} (${estimate.en}), monthly payments come to about ${money(all)}, ${percent(share(all))} of your ${money(income)} income, above ${percent(s.dtiWithMortgagePercent)} (regulator guideline: all debt payments at most 55% of income).`
        ),
        action: bi(
          `申请房贷前把每月还款减少约 ${money(all - allowedPayment(income, s.dtiWithMortgagePercent))}：结清现有借款（${biggest.zh}），或降低房贷金额。`,
          `Before applying, cut monthly payments by about ${money(all - allowedPayment(income, s.dtiWithMortgagePercent))}: clear current loans (${biggest.en}) or borrow less for the home.`
        )
      })
  }
  return flags
}
