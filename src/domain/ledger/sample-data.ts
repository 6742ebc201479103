// Owns the deterministic sample ledger: a realistic stretch of use across several products, for the UI's "load sample data", tests and benchmarks.
import { addDays, addMonths, daysBetween, monthOf, type IsoDate } from '../calendar'
import { defaultStatementTerms, DEFAULT_REPAYMENT_ORDER } from '../account-terms'
import { defaultOrderDueDate, dueDateForStatement, statementDateOfIndex } from '../due-dates'
import { roundFen, splitFen } from '../money'
import { walkLoan } from '../cost/loan'
import { planBillIndices, walkStatement } from '../cost/statement'
import type { Account, BillInstalment, Draw, Inquiry, InquiryReason, Ledger, Order, Repayment } from '../records'

export interface SampleOptions {
  /** The last day of the generated history; nothing is dated after it. */
  today: IsoDate
  seed?: number
  /** How many months of history, ending today. */
  months?: number
  /** Multiplies the number of draws and orders per month (1 = one person's normal use). */
  scale?: number
}

/** mulberry32: small, fast and the same on every platform, so a seed always gives the same ledger. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const yuan = (n: number) => Math.round(n * 100)

type AccountBase = Omit<Account, 'repaymentOrder' | 'statementTerms'>

const BASES: AccountBase[] = [
  { id: 'mybank', name: '网商贷', kind: 'cashLoanLine', creditLimit: yuan(50_000), statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '浙江网商银行股份有限公司', penaltyMultiplier: 1.5, notes: '经营用，常用收款码（聚合码）借款', archived: false },
  { id: 'jiebei', name: '借呗', kind: 'cashLoanLine', creditLimit: yuan(30_000), statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '重庆蚂蚁消费金融有限公司', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'huabei', name: '花呗', kind: 'bnplStatement', creditLimit: yuan(8_000), statementDay: 1, dueDay: 10, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '重庆蚂蚁消费金融有限公司', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'fenfu', name: '微信分付', kind: 'bnplStatement', creditLimit: yuan(10_000), statementDay: 25, dueDay: 10, payLaterWindowDays: null, reportsToCredit: 'unknown', reportName: '', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'baitiao', name: '京东白条', kind: 'bnplStatement', creditLimit: yuan(6_000), statementDay: 1, dueDay: 10, payLaterWindowDays: null, reportsToCredit: 'unknown', reportName: '', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'zhima', name: '芝麻先用后付', kind: 'payLaterOrder', creditLimit: null, statementDay: null, dueDay: null, payLaterWindowDays: 14, reportsToCredit: 'no', reportName: '', penaltyMultiplier: 1, notes: '逾期影响芝麻分', archived: false },
  { id: 'cmbcard', name: '招商银行信用卡', kind: 'creditCard', creditLimit: yuan(30_000), statementDay: 5, dueDay: 23, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '招商银行', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'carloan', name: '车贷', kind: 'termLoan', creditLimit: null, statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '中国工商银行', penaltyMultiplier: 1.5, notes: '', archived: false }
]

const ACCOUNTS: Account[] = BASES.map((a) => ({ ...a, repaymentOrder: DEFAULT_REPAYMENT_ORDER, statementTerms: defaultStatementTerms(a.kind) }))

const MERCHANTS: Record<string, { merchant: string; items: string[]; min: number; max: number }[]> = {
  huabei: [
    { merchant: '淘宝', items: ['运动鞋', '保温杯', '床上四件套', '手机壳'], min: 30, max: 600 },
    { merchant: '饿了么', items: ['午餐外卖', '晚餐外卖'], min: 20, max: 80 },
    { merchant: '盒马鲜生', items: ['生鲜', '日用品'], min: 50, max: 300 },
    { merchant: '滴滴出行', items: ['打车'], min: 15, max: 90 }
  ],
  fenfu: [
    { merchant: '美团外卖', items: ['外卖'], min: 20, max: 90 },
    { merchant: '拼多多', items: ['纸巾', '收纳箱', '水果'], min: 10, max: 200 },
    { merchant: '京东到家', items: ['超市代购'], min: 40, max: 260 }
  ],
  baitiao: [{ merchant: '京东商城', items: ['蓝牙耳机', '电饭煲', '显示器', '键盘'], min: 99, max: 1_500 }],
  zhima: [
    { merchant: '飞猪', items: ['酒店先住后付'], min: 200, max: 900 },
    { merchant: '哈啰', items: ['共享单车月卡'], min: 15, max: 30 },
    { merchant: '淘宝', items: ['先用后付：衣服'], min: 60, max: 400 }
  ],
  cmbcard: [
    { merchant: '中国石化', items: ['加油'], min: 200, max: 500 },
    { merchant: '山姆会员店', items: ['超市采购'], min: 300, max: 1_200 },
    { merchant: '携程', items: ['机票', '火车票'], min: 300, max: 2_500 }
  ]
}

/** Orders per month of each order account at scale 1. */
const ORDERS_PER_MONTH: Record<string, number> = { huabei: 5, fenfu: 2, baitiao: 1, zhima: 2, cmbcard: 3 }

export function generateSampleLedger(options: SampleOptions): Ledger {
  const { today, seed = 20261121, months = 12, scale = 1 } = options
  const rand = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const between = (min: number, max: number) => min + rand() * (max - min)
  const start = addMonths(today, -months)
  const span = daysBetween(start, today)
  const dayIn = (from: IsoDate, days: number) => addDays(from, Math.floor(rand() * days))
  let serial = 0
  const nextId = (prefix: string) => `${prefix}-${seed.toString(36)}-${(++serial).toString(36)}`

  const draws: Draw[] = []
  const orders: Order[] = []
  const repayments: Repayment[] = []

  const accountOf = (id: string) => ACCOUNTS.find((a) => a.id === id)!
  const repayDraw = (draw: Draw, plan: 'payoff' | 'monthly') => {
    const paid: Repayment[] = []
    const account = accountOf(draw.accountId)
    const pay = (date: IsoDate, amount: number) => {
      if (amount <= 0 || date > today) return
      const r: Repayment = { id: nextId('rp'), accountId: draw.accountId, targetType: 'draw', targetId: draw.id, date, amount, note: '' }
      paid.push(r)
      repayments.push(r)
    }
    if (plan === 'payoff') {
      // Most 网商贷/借呗 draws are paid back in one go within a few weeks; some in two parts.
      const end = addDays(draw.drawDate, Math.floor(between(12, 75)))
      if (rand() < 0.3) {
        const mid = addDays(draw.drawDate, Math.floor(daysBetween(draw.drawDate, end) / 2))
        const half = walkLoan(draw, paid, account, mid).cost
        pay(mid, Math.round(half.principalOutstanding / 2) + half.accruedUnpaid)
      }
      pay(end, walkLoan(draw, paid, account, end).cost.owedToday)
      return
    }
    // Instalment loans are paid on each due date, exactly the instalment the lender asks for.
    for (let k = 0; k < draw.termMonths; k++) {
      const due = addMonths(draw.firstDueDate, k)
      if (due > today) break
      const item = walkLoan(draw, paid, account, due).dues.find((d) => d.dueDate === due && d.clearAmount !== null)
      if (item?.clearAmount) pay(due, item.clearAmount)
    }
  }

  // Cash loan lines: 网商贷 mostly by merchant QR (capped per scan), 借呗 in larger instalment loans.
  const mybankDraws = Math.round(2.5 * months * scale)
  for (let i = 0; i < mybankDraws; i++) {
    const drawDate = dayIn(start, span)
    const qr = rand() < 0.7
    const principal = yuan(Math.round(qr ? between(800, 5_000) : between(3_000, 20_000)))
    const draw: Draw = { id: nextId('dr'), accountId: 'mybank', principal, drawDate, channel: qr ? 'merchantQr' : 'app', method: 'flexible', rateUnit: 'daily', rate: 0.0004, termMonths: 12, firstDueDate: addMonths(drawDate, 1), upfrontFee: 0, notes: qr ? '聚合码收款借款' : '' }
    draws.push(draw)
    if (daysBetween(drawDate, today) > 20 || rand() < 0.2) repayDraw(draw, 'payoff')
  }
  const jiebeiDraws = Math.max(1, Math.round(0.5 * months * scale))
  for (let i = 0; i < jiebeiDraws; i++) {
    const drawDate = dayIn(start, span)
    const termMonths = pick([3, 6, 12])
    const draw: Draw = { id: nextId('dr'), accountId: 'jiebei', principal: yuan(pick([2_000, 5_000, 8_000, 10_000])), drawDate, channel: 'app', method: pick(['equalInstalment', 'equalPrincipal'] as const), rateUnit: 'daily', rate: 0.00035, termMonths, firstDueDate: addMonths(drawDate, 1), upfrontFee: 0, notes: '' }
    draws.push(draw)
    repayDraw(draw, 'monthly')
  }
  const carDate = addDays(start, 3)
  const car: Draw = { id: nextId('dr'), accountId: 'carloan', principal: yuan(120_000), drawDate: carDate, channel: 'other', method: 'equalInstalment', rateUnit: 'annual', rate: 0.042, termMonths: 36, firstDueDate: addMonths(carDate, 1), upfrontFee: 0, notes: '' }
  draws.push(car)
  repayDraw(car, 'monthly')

  // Pay-later orders, with refunds now and then and a few instalment plans on 花呗.
  const accountById = new Map(ACCOUNTS.map((a) => [a.id, a]))
  for (const [accountId, perMonth] of Object.entries(ORDERS_PER_MONTH)) {
    const account = accountById.get(accountId)!
    const count = Math.round(perMonth * months * scale)
    for (let i = 0; i < count; i++) {
      const orderDate = dayIn(start, span)
      const m = pick(MERCHANTS[accountId]!)
      const instalments = accountId === 'huabei' && rand() < 0.08 ? pick([3, 6, 12]) : 1
      const amount = yuan(Math.round(between(m.min, m.max) * (instalments > 1 ? 6 : 1) * 100) / 100)
      const refunded = rand() < 0.04
      orders.push({ id: nextId('od'), accountId, merchant: m.merchant, item: pick(m.items), amount, orderDate, dueDate: defaultOrderDueDate(account, orderDate), instalmentCount: instalments, instalmentFeeRate: instalments === 1 ? 0 : instalments === 3 ? 0.0075 : instalments === 6 ? 0.0075 : 0.0068, status: refunded ? 'refunded' : 'unpaid', externalOrderNo: `${Math.floor(rand() * 1e12)}`.padStart(12, '0'), notes: '' })
    }
  }
  orders.sort((a, b) => (a.orderDate < b.orderDate ? -1 : 1))

  // Repay: per-order accounts on or before the due date (the latest 芝麻 order left overdue);
  // statement accounts bill by bill on the due date, in full (分期 periods on each bill included),
  // except the card's last bill past its due date, on which only the minimum was paid: that
  // balance revolves. One earlier card bill was partly turned into 账单分期.
  const lastZhima = [...orders].reverse().find((o) => o.accountId === 'zhima' && o.dueDate < today && o.status === 'unpaid')
  for (const o of orders) {
    if (o.status !== 'unpaid' || o.accountId !== 'zhima' || o === lastZhima) continue
    const date = addDays(o.orderDate, Math.floor(between(1, 14)))
    if (date <= o.dueDate && date <= today) repayments.push({ id: nextId('rp'), accountId: o.accountId, targetType: 'order', targetId: o.id, date, amount: o.amount, note: '' })
  }
  const { billInstalments, repayments: billPayments } = payBills(ACCOUNTS, orders, repayments, today, { nextId, convertCardBill: true })
  repayments.push(...billPayments)

  const inquiries: Inquiry[] = []
  const inquiryCount = Math.max(3, Math.round(0.7 * months * scale))
  const reasons: InquiryReason[] = ['loanApproval', 'loanApproval', 'cardApproval', 'postLoan', 'postLoan', 'selfQuery', 'guaranteeReview']
  const institutions = ['浙江网商银行股份有限公司', '重庆蚂蚁消费金融有限公司', '招商银行', '中国工商银行', '平安银行', '本人']
  for (let i = 0; i < inquiryCount; i++) {
    const reason = pick(reasons)
    inquiries.push({ id: nextId('iq'), date: dayIn(start, span), institution: reason === 'selfQuery' ? '本人' : pick(institutions.slice(0, 5)), reason, notes: '' })
  }
  // A recent burst of applications, so the ledger has something to warn about.
  inquiries.push({ id: nextId('iq'), date: addDays(today, -6), institution: '平安银行', reason: 'loanApproval', notes: '' })
  inquiries.push({ id: nextId('iq'), date: addDays(today, -12), institution: '招商银行', reason: 'cardApproval', notes: '' })

  return { accounts: ACCOUNTS.map((a) => ({ ...a, statementTerms: a.statementTerms && { ...a.statementTerms } })), draws, orders, repayments, inquiries, billInstalments, billFigures: [] }
}

export interface PayBillsOptions {
  nextId(prefix: string): string
  /** Turn half of the card's bill four bills back into 3 periods of 账单分期 at 0.6% a month. */
  convertCardBill: boolean
}

/**
 * The statement payments of a generated ledger: each bill paid in full on its due date (its
 * purchases and the 分期 periods on it), except the card's last bill past its grace, on which only
 * the minimum is paid so that balance revolves. `repayments` are the ledger's other repayments (a
 * statement walk reads them for that minimum).
 */
export function payBills(accounts: readonly Account[], orders: readonly Order[], repayments: readonly Repayment[], today: IsoDate, options: PayBillsOptions): { billInstalments: BillInstalment[]; repayments: Repayment[] } {
  const { nextId } = options
  const billInstalments: BillInstalment[] = []
  const out: Repayment[] = []
  for (const account of accounts) {
    if (account.statementTerms === null || account.statementDay === null || account.dueDay === null) continue
    const cal = { statementDay: account.statementDay, dueDay: account.dueDay }
    // What each bill holds when every earlier one was paid in full: its purchases and 分期 periods.
    const bills = new Map<number, number>()
    const add = (index: number, amount: number) => bills.set(index, (bills.get(index) ?? 0) + amount)
    for (const o of orders) {
      if (o.accountId !== account.id || o.status !== 'unpaid') continue
      const indices = planBillIndices(o, cal)
      if (o.instalmentCount <= 1) add(indices[0]!, o.amount)
      else {
        const parts = splitFen(o.amount, o.instalmentCount)
        const fee = roundFen(o.amount * o.instalmentFeeRate)
        indices.forEach((index, k) => add(index, parts[k]! + fee))
      }
    }
    const dueOn = (i: number) => dueDateForStatement(statementDateOfIndex(i, cal), cal.statementDay, cal.dueDay)
    const billed = [...bills.keys()].sort((a, b) => a - b).filter((i) => dueOn(i) <= today)
    if (options.convertCardBill && account.kind === 'creditCard' && billed.length >= 5) {
      const index = billed[billed.length - 4]!
      const amount = Math.floor(bills.get(index)! / 2 / 10_000) * 10_000
      if (amount > 0) {
        const statementDate = statementDateOfIndex(index, cal)
        billInstalments.push({ id: nextId('bi'), accountId: account.id, statementDate, date: addDays(statementDate, 3), amount, count: 3, feeRate: 0.006, notes: '账单分期' })
        bills.set(index, bills.get(index)! - amount)
        splitFen(amount, 3).forEach((part, k) => add(index + 1 + k, part + roundFen(amount * 0.006)))
      }
    }
    const due = [...bills.keys()].sort((a, b) => a - b).filter((i) => dueOn(i) <= today)
    const minimumOnly = account.kind === 'creditCard' ? [...due].reverse().find((i) => addDays(dueOn(i), account.statementTerms!.graceDays + 1) <= today) : undefined
    for (const index of due) {
      const statementDate = statementDateOfIndex(index, cal)
      const dueDate = dueOn(index)
      let amount = bills.get(index)!
      if (index === minimumOnly) {
        const w = walkStatement({ account: { ...account, statementTerms: account.statementTerms }, orders: orders.filter((o) => o.accountId === account.id), repayments: [...repayments, ...out], billInstalments, billFigures: [] }, dueDate)
        amount = w.bills.find((b) => b.statementDate === statementDate)?.minimum ?? amount
      }
      if (amount > 0) out.push({ id: nextId('rp'), accountId: account.id, targetType: 'statement', targetId: account.id, date: dueDate, amount, note: `${monthOf(statementDate)} 账单`, bill: statementDate })
    }
  }
  return { billInstalments, repayments: out }
}
