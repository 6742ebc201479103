import { describe, expect, it } from 'vitest'
import type { Account, Draw, Order, Repayment } from '@/domain/records'
import { normalise, queryTokens, searchRecords, type Searchable } from './record-search'

const huabei = {
  id: 'hb',
  name: '花呗',
  kind: 'bnplStatement',
  creditLimit: null,
  statementDay: 1,
  dueDay: 9,
  payLaterWindowDays: null,
  reportsToCredit: 'yes',
  reportName: '',
  penaltyMultiplier: 1.5,
  notes: '',
  archived: false,
  repaymentOrder: 'costsFirst',
  statementTerms: null
} satisfies Account
const loan = { ...huabei, id: 'jb', name: '借呗', kind: 'cashLoanLine' } satisfies Account
const phone = {
  id: 'o1',
  accountId: 'hb',
  merchant: '京东',
  item: 'iPhone 手机壳',
  amount: 129_900,
  orderDate: '2027-01-31',
  dueDate: '2027-02-09',
  instalmentCount: 1,
  instalmentFeeRate: 0,
  status: 'unpaid',
  externalOrderNo: 'JD-88420017',
  notes: ''
} satisfies Order
const older = { ...phone, id: 'o0', merchant: '美团', item: '外卖', amount: 3_550, orderDate: '2027-01-02', externalOrderNo: '' } satisfies Order
const draw = {
  id: 'd1',
  accountId: 'jb',
  principal: 500_000,
  drawDate: '2027-01-10',
  channel: 'app',
  method: 'equalInstalment',
  rateUnit: 'daily',
  rate: 0.0003,
  termMonths: 12,
  firstDueDate: '2027-02-10',
  upfrontFee: 0,
  notes: ''
} satisfies Draw
const pay = { id: 'r1', accountId: 'hb', targetType: 'order', targetId: 'o1', date: '2027-02-05', amount: 129_900, note: '提前还' } satisfies Repayment
const data: Searchable = { accounts: [huabei, loan], draws: [draw], orders: [older, phone], repayments: [pay] }
const found = (q: string) => searchRecords(data, q).map((h) => `${h.kind}:${h.id}`)

describe('record search', () => {
  it('finds nothing for an empty or blank query', () => {
    expect(found('')).toEqual([])
    expect(found('   ')).toEqual([])
  })

  it('finds an account by name, and the records on it by the account name', () => {
    expect(found('借呗')).toEqual(['account:jb', 'draw:d1'])
  })

  it('finds an order by merchant, item (any case) and order number', () => {
    expect(found('京东')).toEqual(['order:o1'])
    expect(found('IPHONE')).toEqual(['order:o1'])
    expect(found('88420017')).toEqual(['order:o1'])
  })

  it('finds amounts written as the user writes them: plain, with ¥, with grouping, full-width', () => {
    // ¥1,299.00 is 129,900 fen; the repayment of the same amount matches too, after the order.
    expect(found('1299')).toEqual(['order:o1', 'repayment:r1'])
    expect(found('¥1,299.00')).toEqual(['order:o1', 'repayment:r1'])
    expect(found('１２９９')).toEqual(['order:o1', 'repayment:r1'])
    expect(found('35.5')).toEqual(['order:o0'])
    expect(found('5000')).toEqual(['draw:d1'])
  })

  it('needs every word to match, each within one field of the record', () => {
    expect(found('花呗 美团')).toEqual(['order:o0'])
    expect(found('京东 美团')).toEqual([])
  })

  it('lists orders newest first and stops at the limit', () => {
    expect(found('花呗').slice(0, 3)).toEqual(['account:hb', 'order:o1', 'order:o0'])
    expect(searchRecords(data, '花呗', 2)).toHaveLength(2)
  })

  it('normalises money marks and case', () => {
    expect(normalise('¥1,299.00 JD')).toBe('1299.00 jd')
    expect(queryTokens('  a  B ')).toEqual(['a', 'b'])
  })
})
