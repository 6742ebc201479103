// Owns the small ledgers the risk rules' scenario tests are built from: accounts with limits, draws, orders and inquiries on chosen days.
import { addDays, addMonths, type IsoDate } from '@/domain/calendar'
import type { Account, Draw, Inquiry, InquiryReason, Ledger, Order, Profile, Repayment } from '@/domain/records'
import { cash, draw as baseDraw, huabei, inquiry as baseInquiry, order as baseOrder, zhima } from './fixtures'
import { riskInput } from '@/domain/risk/context'
import { CREDIT_CARD_TERMS } from '@/domain/account-terms'
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '@/domain/risk/settings'
import type { RiskInput } from '@/domain/risk/types'

export const TODAY = '2026-11-21'

/** 网商贷 with a ¥50,000 limit, reporting as 浙江网商银行. */
export const line: Account = { ...cash, id: 'line', name: '网商贷', creditLimit: 5_000_000, reportName: '浙江网商银行股份有限公司' }
/** 花呗 with a ¥8,000 limit, reporting as 重庆蚂蚁消费金融有限公司. */
export const bill: Account = { ...huabei, id: 'bill', creditLimit: 800_000, reportName: '重庆蚂蚁消费金融有限公司' }
/** 芝麻先用后付: does not report. */
export const perOrder: Account = { ...zhima, id: 'per', reportsToCredit: 'no' }

export const carLoan: Account = { ...line, id: 'car', name: '车贷', kind: 'termLoan', creditLimit: null, reportName: '中国工商银行' }
export const card: Account = { ...bill, id: 'card', name: '招商银行信用卡', kind: 'creditCard', creditLimit: 3_000_000, statementDay: 5, dueDay: 23, reportName: '招商银行', statementTerms: CREDIT_CARD_TERMS }
export const fenfu: Account = { ...bill, id: 'fenfu', name: '微信分付', reportsToCredit: 'unknown', reportName: '' }
export const jiebei: Account = { ...line, id: 'jiebei', name: '借呗', reportName: '重庆蚂蚁消费金融有限公司' }

let serial = 0
const next = (prefix: string) => `${prefix}-${++serial}`

/** A 随借随还 draw at 0.04% a day, due at the end of a 12-month term. */
export function drawOn(accountId: string, drawDate: IsoDate, principal = 100_000, fields: Partial<Draw> = {}): Draw {
  return { ...baseDraw, id: next('dr'), accountId, principal, drawDate, firstDueDate: addMonths(drawDate, 1), ...fields }
}

/** A 3-month 等额本金 draw at 0.03% a day (a per-period schedule). */
export function instalmentDraw(accountId: string, drawDate: IsoDate, principal = 300_000, fields: Partial<Draw> = {}): Draw {
  return drawOn(accountId, drawDate, principal, { method: 'equalPrincipal', rate: 0.0003, termMonths: 3, ...fields })
}

export function orderOn(accountId: string, orderDate: IsoDate, dueDate: IsoDate, amount = 10_000, fields: Partial<Order> = {}): Order {
  return { ...baseOrder, id: next('od'), accountId, orderDate, dueDate, amount, ...fields }
}

export function pay(target: Draw | Order, date: IsoDate, amount: number): Repayment {
  const targetType = 'principal' in target ? 'draw' : 'order'
  return { id: next('rp'), accountId: target.accountId, targetType, targetId: target.id, date, amount, note: '' }
}

export function payBill(accountId: string, date: IsoDate, amount: number): Repayment {
  return { id: next('rp'), accountId, targetType: 'statement', targetId: accountId, date, amount, note: '' }
}

export function inquiryOn(date: IsoDate, reason: InquiryReason = 'loanApproval', institution = '平安银行'): Inquiry {
  return { ...baseInquiry, id: next('iq'), date, reason, institution }
}

/** `n` draws on `accountId`, one a day ending `lastDaysAgo` days before TODAY. */
export function drawsEndingDaysAgo(accountId: string, n: number, lastDaysAgo = 0, principal = 100_000): Draw[] {
  return Array.from({ length: n }, (_, i) => drawOn(accountId, addDays(TODAY, -(lastDaysAgo + i)), principal))
}

export function ledgerOf(parts: Partial<Ledger>): Ledger {
  return { accounts: [line, bill, perOrder], draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [], ...parts }
}

export const noProfile: Profile = { monthlyIncome: null, mortgageDate: null, mortgageAmount: null, language: 'zh-CN' }

export function inputOf(ledger: Ledger, options: { today?: IsoDate; profile?: Partial<Profile>; settings?: Partial<RiskSettings> } = {}): RiskInput {
  return riskInput(ledger, { ...noProfile, ...options.profile }, { ...DEFAULT_RISK_SETTINGS, ...options.settings }, options.today ?? TODAY)
}
