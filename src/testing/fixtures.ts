// Owns the fixture records unit tests share (网商贷, 花呗 and 芝麻 accounts, a draw, an order, an inquiry, a profile) and their builders.
import { BNPL_STATEMENT_TERMS, CREDIT_CARD_TERMS } from '@/domain/account-terms'
import type { Account, Draw, Inquiry, Ledger, Order, Profile, Repayment } from '@/domain/records'

export const cash = {
  id: 'cash',
  name: '网商贷',
  kind: 'cashLoanLine',
  creditLimit: null,
  statementDay: null,
  dueDay: null,
  payLaterWindowDays: null,
  reportsToCredit: 'yes',
  reportName: '',
  penaltyMultiplier: 1.5,
  notes: '',
  archived: false,
  repaymentOrder: 'costsFirst',
  statementTerms: null
} satisfies Account
export const huabei = { ...cash, id: 'huabei', name: '花呗', kind: 'bnplStatement', statementDay: 1, dueDay: 10, statementTerms: BNPL_STATEMENT_TERMS } satisfies Account
/** A credit card that reports to 征信: statement day 5, due day 23, the card preset (全额计息 at 0.05% a day, 3 grace days, 违约金 5%). */
export const card = { ...cash, id: 'card', name: '招商银行信用卡', kind: 'creditCard', creditLimit: 3_000_000, statementDay: 5, dueDay: 23, reportName: '招商银行', statementTerms: CREDIT_CARD_TERMS } satisfies Account
export const zhima = { ...cash, id: 'zhima', name: '芝麻先用后付', kind: 'payLaterOrder', payLaterWindowDays: 14 } satisfies Account

/** A limit and the lender's name on the credit report, for tests that want a fully filled-in account. */
export const limitAndReportName = { creditLimit: 5_000_000, reportName: '浙江网商银行股份有限公司' } satisfies Partial<Account>

/** 10,000 yuan at 0.04% a day from 2026-01-01: 400 fen a day, 1,012,000 owed on 2026-01-31. */
export const draw = {
  id: 'dr-1',
  accountId: 'cash',
  principal: 1_000_000,
  drawDate: '2026-01-01',
  channel: 'app',
  method: 'flexible',
  rateUnit: 'daily',
  rate: 0.0004,
  termMonths: 12,
  firstDueDate: '2026-02-01',
  upfrontFee: 0,
  notes: ''
} satisfies Draw

/** A 100-yuan single-payment 淘宝 order on 花呗, bought 2026-01-05 and due 2026-02-10. */
export const order = {
  id: 'od-1',
  accountId: 'huabei',
  merchant: '淘宝',
  item: '',
  amount: 10_000,
  orderDate: '2026-01-05',
  dueDate: '2026-02-10',
  instalmentCount: 1,
  instalmentFeeRate: 0,
  status: 'unpaid',
  externalOrderNo: '',
  notes: ''
} satisfies Order

/** `order` under another id, with the fields a test changes. */
export function orderWith(id: string, fields: Partial<Order> = {}): Order {
  return { ...order, id, ...fields }
}

export const inquiry = { id: 'iq-1', date: '2026-01-15', institution: '平安银行', reason: 'loanApproval', notes: '' } satisfies Inquiry

export const profile = { monthlyIncome: 2_000_000, mortgageDate: '2027-06-01', mortgageAmount: 100_000_000, language: 'zh-CN' } satisfies Profile

/** What a repayment must be given; the rest defaults to a payment on `draw`. */
export type RepayFields = Partial<Repayment> & Pick<Repayment, 'date' | 'amount'>

/** A repayment on `draw` unless `fields` point it elsewhere (spread `onOrder` or `onBill`). */
export function repay(id: string, fields: RepayFields): Repayment {
  return { id, accountId: 'cash', targetType: 'draw', targetId: 'dr-1', note: '', ...fields }
}
/** Targets of a repayment on `order` directly, and on the 花呗 statement as a whole. */
export const onOrder = { accountId: 'huabei', targetType: 'order', targetId: 'od-1' } satisfies Partial<Repayment>
export const onBill = { accountId: 'huabei', targetType: 'statement', targetId: 'huabei' } satisfies Partial<Repayment>

export const emptyLedger: Ledger = { accounts: [], draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }

/** A ledger of the given records, the rest empty. */
export function ledgerOf(parts: Partial<Ledger>): Ledger {
  return { ...emptyLedger, ...parts }
}
