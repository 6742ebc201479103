import { describe, expect, it } from 'vitest'
import { draw, order, repay } from '@/testing/fixtures'
import { targetText } from './record-labels'

describe('the text of a repayment target', () => {
  const lookup = { accountName: (id: string) => (id === 'cash' ? '网商贷' : id), draw: (id: string) => (id === draw.id ? draw : undefined), order: (id: string) => (id === order.id ? order : undefined) }
  const statementOf = (account: string) => `${account} 账单`

  it('names a draw by account, date and principal, an order by merchant, date and amount, a statement in the caller\'s words', () => {
    expect(targetText(repay('r1', { date: '2026-02-01', amount: 100, targetType: 'draw', targetId: draw.id }), lookup, statementOf, '—')).toBe('网商贷 · 2026-01-01 · ¥10,000.00')
    expect(targetText(repay('r2', { date: '2026-02-01', amount: 100, targetType: 'order', targetId: order.id }), lookup, statementOf, '—')).toBe(`${order.merchant} · ${order.orderDate} · ¥${(order.amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`)
    expect(targetText(repay('r3', { date: '2026-02-01', amount: 100, targetType: 'statement', targetId: 'huabei', accountId: 'huabei' }), lookup, statementOf, '—')).toBe('huabei 账单')
  })

  it('says `missing` when the target is gone', () => {
    expect(targetText(repay('r4', { date: '2026-02-01', amount: 100, targetType: 'order', targetId: 'gone' }), lookup, statementOf, 'gone-id')).toBe('gone-id')
  })
})
