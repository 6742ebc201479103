// Tests how refunds and closings change an order, each noted under its key.
import { describe, expect, it } from 'vitest'
import { orderWith } from '@/test-fixtures'
import type { Order } from '../records'
import type { RefundEffect } from './plan'
import { applyEffects } from './review'

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
