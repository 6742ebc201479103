// Tests what bill rows become (orders, repayments, refunds, cancellations, duplicates, ignored rows) and what the chosen ones would write.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { huabei, zhima } from '@/testing/fixtures'
import { validateLedger } from '../ledger/validate-ledger'
import type { Account, Ledger } from '../records'
import { ALIPAY_ROWS, JD_ROWS, MEITUAN_ROWS, WECHAT_ROWS, alipayCsv, jdCsv, meituanCsv, wechatCsv, type FixtureRow } from '@/testing/bill-fixtures'
import { parseBill } from './parse-bill'
import { namedBill, planImport, SKIP_PRODUCT, type PlanRow } from './plan'
import { indexLedger, reviewImport, type ImportChange } from './review'
import type { BillRow } from './types'

const fenfu = { ...huabei, id: 'fenfu', name: '微信分付', statementDay: 25, dueDay: 10 } satisfies Account
const card = { ...huabei, id: 'cmb', name: '招商银行信用卡', kind: 'creditCard', statementDay: 5, dueDay: 23 } satisfies Account
const baitiao = { ...huabei, id: 'baitiao', name: '京东白条' } satisfies Account
const monthly = { ...huabei, id: 'monthly', name: '美团月付' } satisfies Account
const ACCOUNTS = [huabei, zhima, fenfu, card, baitiao, monthly]
const CHOICES = new Map([
  ['花呗', 'huabei'],
  ['先用后付', 'zhima'],
  ['先享后付', 'zhima'],
  ['分付', 'fenfu'],
  ['招商银行信用卡(5678)', 'cmb'],
  ['白条', 'baitiao'],
  ['美团月付', 'monthly']
])

function empty(accounts: Account[] = ACCOUNTS): Ledger {
  return { accounts, draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }
}

async function rowsOf(...files: [string, Uint8Array][]): Promise<BillRow[]> {
  const bills = await Promise.all(files.map(([name, bytes], fileIndex) => parseBill({ fileIndex, name, bytes })))
  for (const b of bills) expect(b.problems).toEqual([])
  return bills.flatMap((b) => b.rows)
}

function counter() {
  let n = 0
  return () => `new-${++n}`
}

function plan(rows: readonly BillRow[], existing: Ledger, choices: ReadonlyMap<string, string> = CHOICES): PlanRow[] {
  return planImport({ rows, existing, choices, newId: counter() })
}

/** Every row that can be written, chosen. */
function allWritable(p: readonly PlanRow[]): Set<string> {
  return new Set(p.filter((r) => r.state === 'new' || r.state === 'update').map((r) => r.key))
}

function review(p: readonly PlanRow[], existing: Ledger, selected = allWritable(p)) {
  return reviewImport(p, selected, indexLedger(existing))
}

/** The ledger after a change is written, as the store would keep it. */
function written(existing: Ledger, change: ImportChange): Ledger {
  const updated = new Map(change.updated.map((o) => [o.id, o]))
  return {
    ...existing,
    orders: [...existing.orders.map((o) => updated.get(o.id) ?? o), ...change.orders],
    repayments: [...existing.repayments, ...change.repayments]
  }
}

function expectStorable(existing: Ledger, change: ImportChange) {
  const withUpdates = { ...existing, orders: existing.orders.map((o) => change.updated.find((u) => u.id === o.id) ?? o) }
  expect(validateLedger({ accounts: [], draws: [], orders: change.orders, repayments: change.repayments, inquiries: [], billInstalments: [], billFigures: [] }, withUpdates)).toBeNull()
}

const byLine = (p: readonly PlanRow[]) => Object.fromEntries(p.map((r) => [r.row.line, [r.action, r.state, r.reason]]))

describe('an Alipay bill', () => {
  it('decides every row', async () => {
    const p = plan(await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)]), empty())
    expect(byLine(p)).toEqual({
      19: ['order', 'new', null],
      20: ['refund', 'new', null],
      21: ['order', 'new', null],
      22: ['order', 'new', null],
      23: ['none', 'ignored', 'notCredit'],
      24: ['repayment', 'new', null],
      25: ['order', 'new', null],
      26: ['order', 'new', null],
      27: ['none', 'ignored', 'income'],
      28: ['order', 'new', null],
      29: ['order', 'new', null],
      30: ['order', 'duplicate', 'sameInBatch']
    })
    expect(p.find((r) => r.row.line === 20)!.target).toBe('0:21')
  })

  it('makes orders on the mapped accounts with due dates from them, a refund that lowers its order and a closed trade cancelled', async () => {
    const existing = empty()
    const p = plan(await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)]), existing)
    const { change, blocked, unresolved } = review(p, existing)
    expect(blocked.size).toBe(0)
    expect(unresolved).toBe(false)
    const byNo = new Map(change.orders.map((o) => [o.externalOrderNo, o]))
    expect(change.orders).toHaveLength(7)
    expect(byNo.get('2026110522001400011111111111')).toMatchObject({
      accountId: 'huabei',
      merchant: '饿了么',
      item: '饿了么外卖订单',
      amount: 3550,
      orderDate: '2026-11-05',
      // 花呗 bills on the 1st, due the 10th.
      dueDate: '2026-12-10',
      instalmentCount: 1,
      status: 'unpaid',
      notes: '商家订单号: E20261105001'
    })
    expect(byNo.get('2026110222001400022222222222')).toMatchObject({ amount: 19900, status: 'unpaid' })
    expect(byNo.get('2026110222001400022222222222')!.notes).toContain('退款 ¥100.00 (2026-11-04, 2026110222001400022222222222_1)')
    expect(byNo.get('2026110122001400033333333333')).toMatchObject({ amount: 129900, instalmentCount: 3, instalmentFeeRate: 0 })
    expect(byNo.get('2026101822001400077777777777')).toMatchObject({ status: 'cancelled', amount: 15900 })
    expect(byNo.get('2026101222001400099999999999')).toMatchObject({ accountId: 'zhima', dueDate: '2026-10-26' })
    expect(byNo.get('2026101022001400101010101010')).toMatchObject({ accountId: 'cmb', dueDate: '2026-11-23' })
    expect(change.repayments).toEqual([
      // "10月账单" names the bill 花呗 issued on 10-01 (statement day 1), which the payment goes to first.
      { id: 'imp-alipay-2026102820001400055555555555', accountId: 'huabei', targetType: 'statement', targetId: 'huabei', date: '2026-10-28', amount: 5000, note: '支付宝 花呗主动还款-2026年10月账单', bill: '2026-10-01' }
    ])
    expect(change.updated).toEqual([])
    expectStorable(existing, change)
  })

  it('creates nothing new when the same bill is imported again', async () => {
    const rows = await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)])
    const first = empty()
    const once = written(first, review(plan(rows, first), first).change)
    const again = plan(rows, once)
    expect(again.filter((r) => r.state === 'new' || r.state === 'update')).toEqual([])
    expect(byLine(again)).toMatchObject({ 19: ['order', 'duplicate', 'orderExists'], 20: ['refund', 'duplicate', 'refundApplied'], 24: ['repayment', 'duplicate', 'repaymentExists'], 26: ['order', 'duplicate', 'orderExists'] })
    expect(review(again, once).change).toEqual({ orders: [], repayments: [], updated: [] })
  })

  it('waits for an account for products it has not seen, and leaves out a product the user skips', async () => {
    const rows = await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)])
    const none = plan(rows, empty(), new Map())
    expect(none.filter((r) => r.state === 'needsAccount').map((r) => r.product?.name)).toEqual(['花呗', '花呗', '花呗', '花呗', '花呗', '花呗', '花呗', '先用后付', '招商银行信用卡(5678)'])
    expect(none.find((r) => r.row.line === 22)!.product).toEqual({ name: '花呗', kind: 'bnplStatement' })
    const skipped = plan(rows, empty(), new Map([...CHOICES, ['花呗', SKIP_PRODUCT]]))
    // Five orders, the refund of one of them and the repayment.
    expect(skipped.filter((r) => r.reason === 'productSkipped')).toHaveLength(7)
    expect(review(skipped, empty()).change.orders.map((o) => o.accountId).sort()).toEqual(['cmb', 'zhima'])
  })

  it('treats an account that was archived or can take no orders as not chosen', async () => {
    const rows = await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)])
    const accounts = [{ ...huabei, archived: true }, zhima, card]
    expect(plan(rows, empty(accounts)).find((r) => r.row.line === 19)!.state).toBe('needsAccount')
  })
})

describe('trade numbers longer than a record field', () => {
  it('keeps two orders whose numbers share their first 64 characters apart, and finds each again', async () => {
    const prefix = '2026110522001400011111111111'.repeat(3)
    const long = (suffix: string, amount: string, merchant: string) =>
      ({ ...ALIPAY_ROWS[0]!, tradeNo: `${prefix}${suffix}`, merchantOrderNo: `M-${suffix}`, amount, counterparty: merchant }) satisfies FixtureRow
    const rows = await rowsOf(['long.csv', alipayCsv([long('A', '10.00', '甲'), long('B', '20.00', '乙')])])
    const existing = empty()
    const p = plan(rows, existing)
    expect(p.map((r) => [r.action, r.state])).toEqual([
      ['order', 'new'],
      ['order', 'new']
    ])
    const { change } = review(p, existing)
    expect(change.orders.map((o) => o.amount)).toEqual([1000, 2000])
    const keys = change.orders.map((o) => o.externalOrderNo)
    expect(new Set(keys).size).toBe(2)
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(64)
    expectStorable(existing, change)
    // The same bill again: each is found under its own key.
    const again = plan(rows, written(existing, change))
    expect(again.map((r) => [r.state, r.reason])).toEqual([
      ['duplicate', 'orderExists'],
      ['duplicate', 'orderExists']
    ])
  })

  it('gives long repayment numbers distinct ids within the field', async () => {
    const repaymentRow = ALIPAY_ROWS[5]!
    const prefix = 'R'.repeat(70)
    const rows = await rowsOf(['r.csv', alipayCsv([{ ...repaymentRow, tradeNo: `${prefix}1` }, { ...repaymentRow, tradeNo: `${prefix}2` }])])
    const p = plan(rows, empty())
    const ids = p.map((r) => r.repayment?.id ?? '')
    expect(new Set(ids).size).toBe(2)
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(64)
  })
})

describe('refunds and closings that come later', () => {
  const purchase = ALIPAY_ROWS[2]!
  const refund = ALIPAY_ROWS[1]!

  it('lowers the stored order once, and knows the refund the next time', async () => {
    const first = empty()
    const stored = written(first, review(plan(await rowsOf(['a.csv', alipayCsv([purchase])]), first), first).change)
    expect(stored.orders[0]).toMatchObject({ amount: 29900 })

    const later = plan(await rowsOf(['b.csv', alipayCsv([refund])]), stored)
    expect(byLine(later)).toEqual({ 19: ['refund', 'update', null] })
    const { change } = review(later, stored)
    expect(change.orders).toEqual([])
    expect(change.updated).toEqual([{ ...stored.orders[0]!, amount: 19900, notes: `${stored.orders[0]!.notes}\n退款 ¥100.00 (2026-11-04, 2026110222001400022222222222_1)` }])
    expectStorable(stored, change)

    const after = written(stored, change)
    expect(byLine(plan(await rowsOf(['b.csv', alipayCsv([refund])]), after))).toEqual({ 19: ['refund', 'duplicate', 'refundApplied'] })
  })

  it('cancels a stored order whose trade the next bill shows closed', async () => {
    const first = empty()
    const stored = written(first, review(plan(await rowsOf(['a.csv', alipayCsv([purchase])]), first), first).change)
    const closed: FixtureRow = { ...purchase, status: '交易关闭' }
    const later = plan(await rowsOf(['b.csv', alipayCsv([closed])]), stored)
    expect(byLine(later)).toEqual({ 19: ['cancel', 'update', null] })
    const after = written(stored, review(later, stored).change)
    expect(after.orders[0]).toMatchObject({ status: 'cancelled', amount: 29900 })
    expect(byLine(plan(await rowsOf(['b.csv', alipayCsv([closed])]), after))).toEqual({ 19: ['order', 'duplicate', 'orderExists'] })
  })

  it('holds back a refund that would close an order already paid for', async () => {
    const order = { ...purchase, method: '先用后付' }
    const first = empty()
    const stored = written(first, review(plan(await rowsOf(['a.csv', alipayCsv([order])]), first), first).change)
    const paid: Ledger = { ...stored, repayments: [{ id: 'r1', accountId: 'zhima', targetType: 'order', targetId: stored.orders[0]!.id, date: '2026-11-03', amount: 29900, note: '' }] }
    const later = plan(await rowsOf(['b.csv', alipayCsv([{ ...refund, method: '先用后付', amount: '299.00' }])]), paid)
    expect(byLine(later)).toEqual({ 19: ['refund', 'update', null] })
    const r = review(later, paid)
    expect([...r.blocked]).toEqual([['0:19', 'breaksRepayments']])
    expect(r.change.updated).toEqual([])
  })

  it('ignores a refund of an order it cannot find, and one of a purchase not paid with credit', async () => {
    const p = plan(await rowsOf(['b.csv', alipayCsv([refund, { ...refund, method: '余额', tradeNo: 'X1', merchantOrderNo: 'Y1' }])]), empty())
    expect(byLine(p)).toEqual({ 19: ['none', 'ignored', 'refundNoOrder'], 20: ['none', 'ignored', 'refundNotCredit'] })
  })
})

describe('a WeChat Pay bill', () => {
  it('reads refunds from the status, repays the 分付 statement and waits for the credit card', async () => {
    const existing = empty()
    const choices = new Map([...CHOICES].filter(([name]) => !name.includes('信用卡')))
    const p = plan(await rowsOf(['wechat.csv', wechatCsv(WECHAT_ROWS)]), existing, choices)
    expect(byLine(p)).toEqual({
      18: ['order', 'new', null],
      19: ['order', 'new', null],
      20: ['order', 'new', null],
      21: ['repayment', 'new', null],
      22: ['none', 'ignored', 'notCredit'],
      23: ['order', 'new', null],
      24: ['repayment', 'needsAccount', null]
    })
    expect(p.find((r) => r.row.line === 24)!.product).toEqual({ name: '招商银行信用卡', kind: 'creditCard' })
    const { change } = review(p, existing)
    const byNo = new Map(change.orders.map((o) => [o.externalOrderNo, o]))
    expect(byNo.get('4200002222202611052222222222')).toMatchObject({ status: 'refunded', amount: 1990 })
    expect(byNo.get('4200003333202611033333333333')).toMatchObject({ status: 'unpaid', amount: 10000 })
    // 分付 bills on the 25th and is due the 10th: an order of 11-06 is on the bill of 11-25, due 12-10.
    expect(byNo.get('4200001111202611061111111111')).toMatchObject({ accountId: 'fenfu', dueDate: '2026-12-10' })
    expect(change.repayments).toMatchObject([{ accountId: 'fenfu', targetType: 'statement', amount: 3000, date: '2026-11-02' }])
    expectStorable(existing, change)
  })

  it("finds a card repayment's card by its bank among the batch's and the remembered cards", async () => {
    const remembered = plan(await rowsOf(['wechat.csv', wechatCsv(WECHAT_ROWS)]), empty())
    expect(remembered.find((r) => r.row.line === 24)!.product?.name).toBe('招商银行信用卡(5678)')
    const withoutCard = new Map([...CHOICES].filter(([name]) => !name.includes('信用卡')))
    const p = plan(await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)], ['wechat.csv', wechatCsv(WECHAT_ROWS)]), empty(), withoutCard)
    const repayment = p.find((r) => r.row.source === 'wechat' && r.row.line === 24)!
    expect(repayment.product?.name).toBe('招商银行信用卡(5678)')
    expect(repayment.state).toBe('needsAccount')
  })

  it('holds back a repayment larger than what the ledger says is owed', async () => {
    const existing = empty()
    const p = plan(await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)], ['wechat.csv', wechatCsv(WECHAT_ROWS)]), existing)
    const r = review(p, existing)
    // 500.00 to the card, which holds one 36.00 purchase.
    expect([...r.blocked]).toEqual([['1:24', 'overOwed']])
    expect(r.change.repayments.map((x) => x.accountId).sort()).toEqual(['fenfu', 'huabei'])
    expectStorable(existing, r.change)
  })
})

describe('JD and Meituan bills', () => {
  it('makes 白条 and 先享后付 orders, a refund written into the amount, and a 白条 repayment', async () => {
    const existing = empty()
    const p = plan(await rowsOf(['jd.csv', jdCsv(JD_ROWS)]), existing)
    expect(byLine(p)).toEqual({
      7: ['order', 'new', null],
      8: ['order', 'new', null],
      9: ['order', 'new', null],
      10: ['repayment', 'new', null],
      11: ['order', 'new', null],
      12: ['none', 'ignored', 'notCredit']
    })
    const { change, blocked } = review(p, existing)
    expect(blocked.size).toBe(0)
    expect(change.orders.find((o) => o.externalOrderNo === '300022222222')).toMatchObject({ status: 'refunded' })
    expect(change.orders.find((o) => o.externalOrderNo === '300033333333')).toMatchObject({ accountId: 'zhima' })
    expect(change.repayments).toMatchObject([{ accountId: 'baitiao', amount: 10000 }])
  })

  it('finds a Meituan refund by the merchant number, and the business from the title', async () => {
    const existing = empty()
    const p = plan(await rowsOf(['meituan.csv', meituanCsv(MEITUAN_ROWS)]), existing)
    expect(byLine(p)).toEqual({
      6: ['order', 'new', null],
      7: ['refund', 'new', null],
      8: ['repayment', 'new', null],
      9: ['order', 'new', null],
      10: ['none', 'ignored', 'notCredit']
    })
    const { change } = review(p, existing)
    expect(change.orders.find((o) => o.externalOrderNo === 'MT40001111')).toMatchObject({ merchant: '美团外卖', item: '美团外卖-黄焖鸡米饭', amount: 2300 })
    expect(change.repayments).toMatchObject([{ accountId: 'monthly', targetType: 'statement', amount: 2000 }])
    expectStorable(existing, change)
  })
})

describe('orders already due', () => {
  it('are written as paid when asked, the rest unpaid, refunds and closings untouched', async () => {
    const existing = empty()
    const p = plan(await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)]), existing)
    const { change } = reviewImport(p, allWritable(p), indexLedger(existing), { paidBefore: '2026-11-20' })
    const status = Object.fromEntries(change.orders.map((o) => [o.merchant, [o.dueDate, o.status]]))
    expect(status).toEqual({
      饿了么: ['2026-12-10', 'unpaid'],
      淘宝: expect.anything(),
      天猫: ['2026-12-10', 'unpaid'],
      滴滴出行: ['2026-11-10', 'paid'],
      哈啰: ['2026-10-26', 'paid'],
      星巴克: ['2026-11-23', 'unpaid']
    })
    expect(change.orders.find((o) => o.item === '连衣裙')?.status).toBe('cancelled')
    expectStorable(existing, change)
  })
})

describe('choosing rows', () => {
  it('holds back a refund whose order is not chosen, and a repayment whose orders are not', async () => {
    const existing = empty()
    const p = plan(await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)]), existing)
    const selected = allWritable(p)
    selected.delete('0:21')
    // Without the 滴滴 order of 10-20, nothing was owed on 花呗 when 50.00 was repaid on 10-28.
    selected.delete('0:25')
    const r = review(p, existing, selected)
    expect(Object.fromEntries(r.blocked)).toEqual({ '0:20': 'orderNotSelected', '0:24': 'overOwed' })
    expect(r.change.repayments).toEqual([])
    expect(r.change.orders).toHaveLength(5)
  })

  it('a single order repaid by a row of the same merchant order', async () => {
    const existing = empty()
    const rows = await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)])
    const laterRow = rows.find((r) => r.line === 28)!
    const repay: BillRow = { ...laterRow, line: 99, date: '2026-10-20', type: '信用借还', item: '先用后付还款', direction: 'none', method: '余额', tradeNo: 'R99' }
    const p = plan([...rows, repay], existing)
    const row = p.find((r) => r.row.line === 99)!
    expect(row).toMatchObject({ action: 'repayment', state: 'new', target: '0:28' })
    const order = review(p, existing).change.orders.find((o) => o.externalOrderNo === laterRow.tradeNo)!
    expect(row.repayment).toMatchObject({ accountId: 'zhima', targetType: 'order', targetId: order.id, amount: 4900 })
    const orphan = plan([{ ...repay, merchantOrderNo: 'nothing' }], existing)
    expect(byLine(orphan)).toEqual({ 99: ['repayment', 'ignored', 'repaymentNoOrder'] })
  })

  it('whatever is chosen, what the review lets through is storable', async () => {
    const existing = empty()
    const rows = await rowsOf(['alipay.csv', alipayCsv(ALIPAY_ROWS)], ['wechat.csv', wechatCsv(WECHAT_ROWS)], ['jd.csv', jdCsv(JD_ROWS)], ['meituan.csv', meituanCsv(MEITUAN_ROWS)])
    const p = plan(rows, existing, new Map([...CHOICES, ['招商银行信用卡', 'cmb']]))
    const keys = [...allWritable(p)]
    fc.assert(
      fc.property(fc.subarray(keys), (chosen) => {
        const r = review(p, existing, new Set(chosen))
        expectStorable(existing, r.change)
        expect(r.unresolved).toBe(false)
        for (const key of r.included) expect(chosen).toContain(key)
      }),
      { numRuns: 150 }
    )
  })
})

describe('a repayment that names its bill', () => {
  const card = { kind: 'creditCard' as const, statementDay: 5, dueDay: 23 }
  const fenfu = { kind: 'bnplStatement' as const, statementDay: 25, dueDay: 10 }
  it('goes to the bill issued in the month it names', () => {
    // 花呗 (statement day 1): "9月账单" paid 09-08 is the bill of 09-01.
    expect(namedBill('主动还款 9 月账单', '2026-09-08', huabei)).toBe('2026-09-01')
    // A card (statement day 5): "10月份账单" paid 10-20 is the bill of 10-05.
    expect(namedBill('信用卡还款 10月份账单', '2026-10-20', card)).toBe('2026-10-05')
    // "12月账单" paid in January is last year's December bill.
    expect(namedBill('还款-12月账单', '2027-01-08', huabei)).toBe('2026-12-01')
  })

  it('is the bill due in that month when that month\'s statement day is still to come', () => {
    // 分付 (statement 25, due 10): "9月账单" paid 09-08 is the bill of 08-25, due 09-10.
    expect(namedBill('分付还款 9月账单', '2026-09-08', fenfu)).toBe('2026-08-25')
  })

  it('is none for a text without a month, or an account without bills', () => {
    expect(namedBill('花呗主动还款', '2026-09-08', huabei)).toBeNull()
    expect(namedBill('9月账单', '2026-09-08', zhima)).toBeNull()
  })
})
