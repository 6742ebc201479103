// Owns the deterministic sample ledger: a realistic stretch of use across several products, for the UI's "load sample data", tests and benchmarks.
import { addDays, addMonths, daysBetween, monthOf, type IsoDate } from './dates'
import { defaultOrderDueDate } from './due-dates'
import { drawBalance, orderTotal } from './owed'
import type { Account, Draw, Inquiry, InquiryReason, Ledger, Order, Repayment } from './records'

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

const ACCOUNTS: Account[] = [
  { id: 'mybank', name: '网商贷', kind: 'cashLoanLine', creditLimit: yuan(50_000), statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '浙江网商银行股份有限公司', penaltyMultiplier: 1.5, notes: '经营用，常用收款码（聚合码）借款', archived: false },
  { id: 'jiebei', name: '借呗', kind: 'cashLoanLine', creditLimit: yuan(30_000), statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '重庆蚂蚁消费金融有限公司', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'huabei', name: '花呗', kind: 'bnplStatement', creditLimit: yuan(8_000), statementDay: 1, dueDay: 10, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '重庆蚂蚁消费金融有限公司', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'fenfu', name: '微信分付', kind: 'bnplStatement', creditLimit: yuan(10_000), statementDay: 25, dueDay: 10, payLaterWindowDays: null, reportsToCredit: 'unknown', reportName: '', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'baitiao', name: '京东白条', kind: 'bnplStatement', creditLimit: yuan(6_000), statementDay: 1, dueDay: 10, payLaterWindowDays: null, reportsToCredit: 'unknown', reportName: '', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'zhima', name: '芝麻先用后付', kind: 'payLaterOrder', creditLimit: null, statementDay: null, dueDay: null, payLaterWindowDays: 14, reportsToCredit: 'no', reportName: '', penaltyMultiplier: 1, notes: '逾期影响芝麻分', archived: false },
  { id: 'cmbcard', name: '招商银行信用卡', kind: 'creditCard', creditLimit: yuan(30_000), statementDay: 5, dueDay: 23, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '招商银行', penaltyMultiplier: 1.5, notes: '', archived: false },
  { id: 'carloan', name: '车贷', kind: 'termLoan', creditLimit: null, statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'yes', reportName: '中国工商银行', penaltyMultiplier: 1.5, notes: '', archived: false }
]

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

  const repayDraw = (draw: Draw, plan: 'payoff' | 'monthly') => {
    const paid: Repayment[] = []
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
        const half = drawBalance(draw, paid, mid)
        pay(mid, Math.round(half.principalOutstanding / 2) + half.interestAccrued)
      }
      pay(end, drawBalance(draw, paid, end).owed)
      return
    }
    for (let k = 0; k < draw.termMonths; k++) {
      const due = addMonths(draw.firstDueDate, k)
      if (due > today) break
      const bal = drawBalance(draw, paid, due)
      const periodsLeft = draw.termMonths - k
      pay(due, Math.min(bal.owed, bal.interestAccrued + Math.ceil(bal.principalOutstanding / periodsLeft)))
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

  // Repay: per-order accounts on or before the due date; statement accounts as whole bills on
  // the due date; instalment plans month by month. The latest per-order item is left overdue.
  const lastZhima = [...orders].reverse().find((o) => o.accountId === 'zhima' && o.dueDate < today && o.status === 'unpaid')
  const bills = new Map<string, { accountId: string; dueDate: IsoDate; amount: number }>()
  for (const o of orders) {
    if (o.status !== 'unpaid') continue
    if (o.instalmentCount > 1) {
      const per = Math.floor(orderTotal(o) / o.instalmentCount)
      let paid = 0
      for (let k = 0; k < o.instalmentCount; k++) {
        const due = addMonths(o.dueDate, k)
        if (due > today) break
        const amount = k === o.instalmentCount - 1 ? orderTotal(o) - paid : per
        paid += amount
        repayments.push({ id: nextId('rp'), accountId: o.accountId, targetType: 'order', targetId: o.id, date: due, amount, note: `分期第${k + 1}期` })
      }
      continue
    }
    if (o.accountId === 'zhima') {
      if (o === lastZhima) continue
      const date = addDays(o.orderDate, Math.floor(between(1, 14)))
      if (date <= o.dueDate && date <= today)
        repayments.push({ id: nextId('rp'), accountId: o.accountId, targetType: 'order', targetId: o.id, date, amount: o.amount, note: '' })
      continue
    }
    if (o.dueDate > today) continue
    const key = `${o.accountId}|${o.dueDate}`
    const bill = bills.get(key) ?? { accountId: o.accountId, dueDate: o.dueDate, amount: 0 }
    bill.amount += o.amount
    bills.set(key, bill)
  }
  for (const bill of bills.values())
    repayments.push({ id: nextId('rp'), accountId: bill.accountId, targetType: 'statement', targetId: bill.accountId, date: bill.dueDate, amount: bill.amount, note: `${monthOf(bill.dueDate)} 账单` })

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

  return { accounts: ACCOUNTS.map((a) => ({ ...a })), draws, orders, repayments, inquiries }
}
