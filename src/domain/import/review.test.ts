// Tests how refunds and closings change an order, each noted under its key, and the review of very large and very conflicted imports.
import { describe, expect, it } from 'vitest'
import { huabei, orderWith } from '@/testing/fixtures'
import { addDays } from '../calendar'
import type { Order } from '../records'
import { planImport, type RefundEffect } from './plan'
import { applyEffects, indexLedger, PRECISE_ROUNDS, reviewImport } from './review'
import type { BillRow } from './types'

const order = orderWith('o1', { amount: 12_000, notes: '商家订单号: M1' })
const refund = (amount: number | null, key: string): RefundEffect => ({ kind: 'refund', amount, key, date: '2026-01-08' })

describe('applyEffects', () => {
  it('lowers an open order by its part refunds and notes each', () => {
    const after = applyEffects(order, [refund(2_000, 'R1'), refund(1_000, 'R2')])
    expect(after).toMatchObject({ amount: 9_000, status: 'unpaid' })
    expect(after.notes).toBe('商家订单号: M1\n退款 ¥20.00 (2026-01-08, R1)\n退款 ¥10.00 (2026-01-08, R2)')
  })

  it('refunds the whole order when the refunds reach its amount, keeping what was bought', () => {
    expect(applyEffects(order, [refund(12_000, 'R1')])).toMatchObject({ amount: 12_000, status: 'refunded' })
    expect(applyEffects(order, [refund(null, 'R1')])).toMatchObject({ amount: 12_000, status: 'refunded' })
  })

  it('cancels on a closing', () => {
    const after = applyEffects(order, [{ kind: 'cancel', amount: null, key: 'T·关闭', date: '2026-01-09' }])
    expect(after).toMatchObject({ amount: 12_000, status: 'cancelled' })
    expect(after.notes).toContain('交易关闭 (2026-01-09, T·关闭)')
  })

  it("counts the larger of the row's own refund and the refund rows, not both", () => {
    const own = refund(2_000, 'T·2000')
    expect(applyEffects(order, [refund(2_000, 'R1')], own)).toMatchObject({ amount: 10_000 })
    expect(applyEffects(order, [], own)).toMatchObject({ amount: 10_000 })
    expect(applyEffects(order, [refund(500, 'R1')], own).amount).toBe(10_000)
  })

  it('leaves a closed order as it is but notes the refund', () => {
    const closed = { ...order, status: 'refunded' } satisfies Order
    const after = applyEffects(closed, [refund(2_000, 'R1')])
    expect(after).toMatchObject({ amount: 12_000, status: 'refunded' })
    expect(after.notes).toContain('R1')
  })

  it('changes nothing without effects', () => {
    expect(applyEffects(order, [])).toBe(order)
  })
})

describe('reviewImport at scale', () => {
  const huabeiAccount = { ...huabei }
  const base: BillRow = {
    fileIndex: 0,
    file: 'big.csv',
    line: 0,
    source: 'alipay',
    date: '2026-01-01',
    time: '10:00:00',
    type: '日常消费',
    counterparty: '淘宝',
    item: '',
    direction: 'out',
    amount: 100,
    method: '花呗',
    status: '交易成功',
    tradeNo: '',
    merchantOrderNo: '',
    note: '',
    rowRefund: null
  }
  const day = (i: number) => addDays('2026-01-01', i % 300)
  let n = 0
  const newId = () => `o-${++n}`

  it('reviews 130,000 credit rows without running out of stack, and what it counts is what it would write', () => {
    const rows: BillRow[] = []
    for (let i = 0; i < 130_000; i++) rows.push({ ...base, line: i + 2, date: day(i), tradeNo: `T${i}`, item: `物品${i}` })
    const existing = { accounts: [huabeiAccount], orders: [], repayments: [] }
    const plan = planImport({ rows, existing, choices: new Map([['花呗', 'huabei']]), newId })
    const selected = new Set(plan.filter((p) => p.state === 'new').map((p) => p.key))
    const review = reviewImport(plan, selected, indexLedger(existing))
    expect(review.unresolved).toBe(false)
    expect(review.change.orders).toHaveLength(130_000)
    expect(review.included.size).toBe(130_000)
    expect(review.rounds).toBe(1)
  })

  it(`holds back conflicts one at a time for ${PRECISE_ROUNDS} rounds, then the rest of the account at once`, () => {
    // 600 repayments of the 花呗 bill with nothing bought: every one is more than is owed.
    const rows: BillRow[] = []
    for (let i = 0; i < 600; i++)
      rows.push({ ...base, line: i + 2, date: day(i), tradeNo: `R${i}`, type: '信用借还', counterparty: '花呗', item: '花呗主动还款', direction: 'none', method: '余额宝', status: '还款成功' })
    const existing = { accounts: [huabeiAccount], orders: [], repayments: [] }
    const plan = planImport({ rows, existing, choices: new Map([['花呗', 'huabei']]), newId })
    expect(plan.every((p) => p.action === 'repayment' && p.state === 'new')).toBe(true)
    const review = reviewImport(plan, new Set(plan.map((p) => p.key)), indexLedger(existing))
    expect(review.change).toEqual({ orders: [], repayments: [], updated: [] })
    expect(review.included.size).toBe(0)
    expect(review.unresolved).toBe(false)
    const reasons = [...review.blocked.values()]
    expect(reasons.filter((r) => r === 'overOwed')).toHaveLength(PRECISE_ROUNDS + 1)
    expect(reasons.filter((r) => r === 'manyConflicts')).toHaveLength(600 - PRECISE_ROUNDS - 1)
    expect(review.rounds).toBeLessThanOrEqual(PRECISE_ROUNDS + 3)
  })
})
