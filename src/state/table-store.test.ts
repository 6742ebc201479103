import { describe, expect, it } from 'vitest'
import { appDb } from '@/db/instance'
import type { Inquiry } from '@/domain/records'
import { startReadingTables, tableStore } from './table-store'

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('table store', () => {
  it('reads before anyone listens, hands the same rows to a later reader, follows writes, and starts afresh after the last reader leaves', async () => {
    const store = tableStore('inquiries')
    expect(store.snapshot()).toBeUndefined()
    startReadingTables()
    await until(() => store.snapshot() !== undefined)
    const first = store.snapshot()
    expect(first).toEqual([])

    let heard = 0
    const leave = store.subscribe(() => heard++)
    // The reader joins the running query: no second read, the same array.
    expect(store.snapshot()).toBe(first)

    const inquiry = { id: 'iq-1', date: '2026-11-02', lender: 'Bank', kind: 'loan-approval' } as unknown as Inquiry
    await appDb().inquiries.put(inquiry)
    await until(() => (store.snapshot()?.length ?? 0) === 1)
    expect(store.snapshot()![0]!.id).toBe('iq-1')
    expect(heard).toBeGreaterThan(0)

    leave()
    expect(store.snapshot()).toBeUndefined()
    // A new reader starts a new query and gets the table as it is now.
    const again = store.subscribe(() => undefined)
    await until(() => store.snapshot() !== undefined)
    expect(store.snapshot()!.map((x) => x.id)).toEqual(['iq-1'])
    again()
  })
})
