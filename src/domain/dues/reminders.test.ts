// Tests the reminder rules: one per lead time at the set hour, one "overdue" reminder once late, what is pending, what is kept, and one notice per batch.
import { describe, expect, it } from 'vitest'
import { emptyLedger, order, zhima } from '@/testing/fixtures'
import type { Order } from '../records'
import { dueItems } from './items'
import { nextReminderAt, noticeFor, pendingReminders, pruneFired, remindersOf } from './reminders'
import { DEFAULT_DUES_SETTINGS } from './settings'

const z = (id: string, dueDate: string): Order => ({ ...order, id, accountId: 'zhima', orderDate: '2026-01-01', dueDate })
const items = (today: string, ...orders: Order[]) => dueItems({ ...emptyLedger, accounts: [zhima], orders }, today)

describe('reminders', () => {
  it('an open item gets one reminder per lead time, at the set hour', () => {
    expect(remindersOf(items('2026-01-10', z('a', '2026-01-19')), DEFAULT_DUES_SETTINGS)).toEqual([
      { id: '2026-01-19|order:a|3', itemKey: 'order:a', dueDate: '2026-01-19', leadDays: 3, at: '2026-01-16 09:00' },
      { id: '2026-01-19|order:a|1', itemKey: 'order:a', dueDate: '2026-01-19', leadDays: 1, at: '2026-01-18 09:00' },
      { id: '2026-01-19|order:a|0', itemKey: 'order:a', dueDate: '2026-01-19', leadDays: 0, at: '2026-01-19 09:00' }
    ])
  })

  it('an overdue item gets one reminder, the morning after its due date; none when reminders are off', () => {
    expect(remindersOf(items('2026-01-25', z('a', '2026-01-19')), DEFAULT_DUES_SETTINGS)).toEqual([
      { id: '2026-01-19|order:a|overdue', itemKey: 'order:a', dueDate: '2026-01-19', leadDays: -1, at: '2026-01-20 09:00' }
    ])
    expect(remindersOf(items('2026-01-10', z('a', '2026-01-19')), { ...DEFAULT_DUES_SETTINGS, remindersEnabled: false })).toEqual([])
  })

  it('pending: come due, not fired, not older than the retention; next: the first still to come', () => {
    const all = remindersOf(items('2026-01-10', z('a', '2026-01-19')), DEFAULT_DUES_SETTINGS)
    const fired = new Set(['2026-01-19|order:a|3'])
    expect(pendingReminders(all, fired, '2026-01-18 09:00', '2025-12-19').map((r) => r.leadDays)).toEqual([1])
    expect(pendingReminders(all, fired, '2026-01-18 08:59', '2025-12-19')).toEqual([])
    expect(pendingReminders(all, new Set(), '2026-01-19 10:00', '2026-01-17').map((r) => r.leadDays)).toEqual([1, 0])
    expect(nextReminderAt(all, fired, '2026-01-16 10:00')).toBe('2026-01-18 09:00')
    expect(nextReminderAt(all, new Set(all.map((r) => r.id)), '2026-01-01 00:00')).toBeNull()
  })

  it('forgets fired ids whose reminders can no longer be pending', () => {
    expect(pruneFired(['2026-01-19|order:a|3', '2025-11-01|order:b|overdue', '2025-12-18|order:c|0'], '2025-12-19')).toEqual(['2026-01-19|order:a|3', '2025-12-18|order:c|0'])
  })

  it('makes one notice: the item when all reminders are about one, a summary in due order otherwise', () => {
    const open = items('2026-01-10', z('a', '2026-01-19'), z('b', '2026-01-12'))
    const byKey = new Map(open.map((i) => [i.key, i]))
    const all = remindersOf(open, DEFAULT_DUES_SETTINGS)
    expect(noticeFor(all.filter((r) => r.itemKey === 'order:a'), byKey)).toEqual({ kind: 'single', item: byKey.get('order:a') })
    expect(noticeFor(all, byKey)).toEqual({ kind: 'summary', items: [byKey.get('order:b'), byKey.get('order:a')] })
    expect(noticeFor([], byKey)).toBeNull()
  })
})
