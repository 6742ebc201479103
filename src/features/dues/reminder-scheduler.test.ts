// Tests the reminder scheduler with an injected clock: each reminder fires once, a restart catches up in one notice, paid items stay silent.
import { describe, expect, it } from 'vitest'
import { emptyLedger, order, zhima } from '@/testing/fixtures'
import { dueItems } from '@/domain/dues/items'
import type { ReminderNotice } from '@/domain/dues/reminders'
import { DEFAULT_DUES_SETTINGS } from '@/domain/dues/settings'
import type { Order } from '@/domain/records'
import { RESUME_SETTLE_MS, createReminderScheduler, momentOf, msUntil, type FiredStore, type ReminderScheduler } from './reminder-scheduler'

const settings = DEFAULT_DUES_SETTINGS
const at = (date: string, hour = 8, minute = 0) => new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour, minute)
const zOrder = (id: string, dueDate: string, fields: Partial<Order> = {}): Order => ({ ...order, id, accountId: 'zhima', merchant: id, orderDate: '2026-01-01', dueDate, amount: 10_000, ...fields })
const itemsOn = (date: string, orders: Order[]) => dueItems({ ...emptyLedger, accounts: [zhima], orders }, date)

function fakeClock(start: Date) {
  let now = start.getTime()
  let nextId = 0
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => new Date(now),
    setTimeout(run: () => void, ms: number) {
      timers.set(++nextId, { at: now + ms, run })
      return nextId
    },
    clearTimeout(handle: unknown) {
      if (typeof handle === 'number') timers.delete(handle)
    },
    pending: () => timers.size,
    /** The computer sleeps: time passes and no timer runs. */
    sleepUntil(target: Date) {
      now = target.getTime()
    },
    /** Moves time forward, running each timer that falls due on the way, in order. */
    async advanceTo(target: Date, scheduler: ReminderScheduler) {
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target.getTime()).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].run()
        await scheduler.idle()
      }
      now = target.getTime()
    }
  }
}

function memoryStore(): FiredStore & { ids: string[] } {
  const store = {
    ids: [] as string[],
    load: async () => [...store.ids],
    save: async (ids: string[]) => {
      store.ids = [...ids]
    }
  }
  return store
}

function start(clock: ReturnType<typeof fakeClock>, store: FiredStore) {
  const delivered: ReminderNotice[] = []
  const keys: string[] = []
  const scheduler = createReminderScheduler({
    clock,
    store,
    deliver: (n, key) => {
      delivered.push(n)
      keys.push(key)
    }
  })
  return { scheduler, delivered, keys }
}

const titles = (notices: ReminderNotice[]) => notices.map((n) => (n.kind === 'single' ? n.item.key : `summary:${n.items.map((i) => i.key).join(',')}`))

describe('the reminder scheduler', () => {
  it('fires each lead reminder once, at its hour, and never again after a restart', async () => {
    const clock = fakeClock(at('2026-01-15'))
    const store = memoryStore()
    const { scheduler, delivered } = start(clock, store)
    const orders = [zOrder('a', '2026-01-19')]
    scheduler.update(itemsOn('2026-01-15', orders), settings)
    await scheduler.idle()
    expect(delivered).toEqual([])

    await clock.advanceTo(at('2026-01-16', 8, 59), scheduler)
    expect(delivered).toEqual([])
    await clock.advanceTo(at('2026-01-16', 9, 0), scheduler)
    expect(titles(delivered)).toEqual(['order:a'])
    // The ledger recomputes (a new day, an unrelated edit): nothing repeats.
    scheduler.update(itemsOn('2026-01-16', orders), settings)
    await scheduler.idle()
    await clock.advanceTo(at('2026-01-17', 23, 0), scheduler)
    expect(delivered).toHaveLength(1)
    await clock.advanceTo(at('2026-01-19', 12, 0), scheduler)
    expect(titles(delivered)).toEqual(['order:a', 'order:a', 'order:a'])
    expect(store.ids.sort()).toEqual(['2026-01-19|order:a|0', '2026-01-19|order:a|1', '2026-01-19|order:a|3'])
    scheduler.stop()

    const again = start(clock, store)
    again.scheduler.update(itemsOn('2026-01-19', orders), settings)
    await again.scheduler.idle()
    expect(again.delivered).toEqual([])
  })

  it('catches up on start with one notice for what was missed while closed', async () => {
    const store = memoryStore()
    const first = start(fakeClock(at('2026-01-10')), store)
    const orders = [zOrder('a', '2026-01-19'), zOrder('b', '2026-01-20'), zOrder('late', '2026-01-12')]
    first.scheduler.update(itemsOn('2026-01-10', orders), settings)
    await first.scheduler.idle()
    first.scheduler.stop()

    // Eight days later: a's 3-day and 1-day reminders, b's 3-day and 1-day ones, and late's overdue one were missed.
    const clock = fakeClock(at('2026-01-19', 7, 30))
    const second = start(clock, store)
    second.scheduler.update(itemsOn('2026-01-19', orders), settings)
    await second.scheduler.idle()
    expect(titles(second.delivered)).toEqual(['summary:order:late,order:a,order:b'])
    // At 09:00 a's on-the-day reminder and b's one-day reminder fall together: one notice again.
    await clock.advanceTo(at('2026-01-19', 9, 0), second.scheduler)
    expect(titles(second.delivered)).toEqual(['summary:order:late,order:a,order:b', 'summary:order:a,order:b'])
  })

  it('catches up on one item as that item, however many of its reminders were missed', async () => {
    const store = memoryStore()
    const clock = fakeClock(at('2026-01-18', 20))
    const { scheduler, delivered } = start(clock, store)
    scheduler.update(itemsOn('2026-01-18', [zOrder('a', '2026-01-19')]), settings)
    await scheduler.idle()
    expect(delivered).toEqual([expect.objectContaining({ kind: 'single', item: expect.objectContaining({ key: 'order:a', daysLeft: 1 }) })])
  })

  it('says nothing about paid items, even when their reminder moment comes', async () => {
    const clock = fakeClock(at('2026-01-15'))
    const { scheduler, delivered } = start(clock, memoryStore())
    scheduler.update(itemsOn('2026-01-15', [zOrder('a', '2026-01-19'), zOrder('paid', '2026-01-19', { status: 'paid' })]), settings)
    await scheduler.idle()
    await clock.advanceTo(at('2026-01-16', 10), scheduler)
    expect(titles(delivered)).toEqual(['order:a'])
    // a is repaid: its later reminders never come.
    scheduler.update(itemsOn('2026-01-16', [zOrder('a', '2026-01-19', { status: 'paid' })]), settings)
    await scheduler.idle()
    await clock.advanceTo(at('2026-01-25'), scheduler)
    expect(titles(delivered)).toEqual(['order:a'])
  })

  it('does not fire reminders whose moment had passed when the item appeared while running', async () => {
    const clock = fakeClock(at('2026-01-18', 10))
    const { scheduler, delivered } = start(clock, memoryStore())
    scheduler.update([], settings)
    await scheduler.idle()
    // Entered at 10:00 the day before it is due: its 3-day and 1-day moments are gone.
    scheduler.update(itemsOn('2026-01-18', [zOrder('a', '2026-01-19')]), settings)
    await scheduler.idle()
    expect(delivered).toEqual([])
    await clock.advanceTo(at('2026-01-19', 9), scheduler)
    expect(titles(delivered)).toEqual(['order:a'])
  })

  it('is silent when reminders are off, and uses the lead times and hour set', async () => {
    const clock = fakeClock(at('2026-01-15'))
    const off = start(clock, memoryStore())
    off.scheduler.update(itemsOn('2026-01-15', [zOrder('a', '2026-01-19')]), { ...settings, remindersEnabled: false })
    await off.scheduler.idle()
    await clock.advanceTo(at('2026-01-20'), off.scheduler)
    expect(off.delivered).toEqual([])

    const clock2 = fakeClock(at('2026-01-10'))
    const custom = start(clock2, memoryStore())
    custom.scheduler.update(itemsOn('2026-01-10', [zOrder('a', '2026-01-19')]), { ...settings, leadDays: [7], remindAt: '20:30' })
    await custom.scheduler.idle()
    await clock2.advanceTo(at('2026-01-12', 20, 29), custom.scheduler)
    expect(custom.delivered).toEqual([])
    await clock2.advanceTo(at('2026-01-12', 20, 30), custom.scheduler)
    expect(titles(custom.delivered)).toEqual(['order:a'])
    await clock2.advanceTo(at('2026-01-19', 23), custom.scheduler)
    expect(custom.delivered).toHaveLength(1)
  })

  it('words a notice from now, even with items worked out the day before', async () => {
    const clock = fakeClock(at('2026-01-15', 10))
    const { scheduler, delivered } = start(clock, memoryStore())
    scheduler.update(itemsOn('2026-01-15', [zOrder('a', '2026-01-19')]), settings)
    await scheduler.idle()
    // Two days pass before the ledger recomputes: the one-day reminder still says "tomorrow".
    await clock.advanceTo(at('2026-01-18', 9), scheduler)
    expect(delivered.at(-1)).toEqual({ kind: 'single', item: expect.objectContaining({ key: 'order:a', daysLeft: 1 }) })
  })

  it('stops: no timer is left behind', async () => {
    const clock = fakeClock(at('2026-01-15'))
    const { scheduler } = start(clock, memoryStore())
    scheduler.update(itemsOn('2026-01-15', [zOrder('a', '2026-01-19')]), settings)
    await scheduler.idle()
    expect(clock.pending()).toBe(1)
    scheduler.stop()
    expect(clock.pending()).toBe(0)
  })

  it('reads and counts local wall-clock moments', () => {
    expect(momentOf(at('2026-03-05', 9, 7))).toBe('2026-03-05 09:07')
    expect(msUntil('2026-03-05 10:00', at('2026-03-05', 9, 30))).toBe(30 * 60 * 1000)
  })
})

describe('reminders shown on another device', () => {
  it('are not shown here once sync has put them in the store, even with the scheduler running', async () => {
    const clock = fakeClock(at('2026-01-15'))
    const store = memoryStore()
    const { scheduler, keys } = start(clock, store)
    scheduler.update(itemsOn('2026-01-15', [zOrder('a', '2026-01-19')]), settings)
    await scheduler.idle()
    // The laptop showed the 1-day reminder (01-18 09:00) first; sync brings its id here before then.
    store.ids.push('2026-01-19|order:a|1')
    await clock.advanceTo(at('2026-01-19', 12, 0), scheduler)
    // Lead 3 (01-16) and the due day (01-19) are shown here; lead 1 is not.
    expect(keys).toEqual(['2026-01-19|order:a|3', '2026-01-19|order:a|0'])
  })
})

describe('when the store fails', () => {
  it('tries again within the hour instead of going quiet', async () => {
    const clock = fakeClock(at('2026-01-15'))
    const store = memoryStore()
    let failures = 1
    const flaky: FiredStore = {
      load: async () => {
        if (failures-- > 0) throw new Error('the database is busy')
        return store.load()
      },
      save: (ids) => store.save(ids)
    }
    const { scheduler, delivered } = start(clock, flaky)
    scheduler.update(itemsOn('2026-01-15', [zOrder('a', '2026-01-16')]), settings)
    await scheduler.idle()
    expect(delivered).toEqual([])
    // A timer is armed despite the failure, and the next run catches up.
    expect(clock.pending()).toBe(1)
    await clock.advanceTo(at('2026-01-15', 9, 30), scheduler)
    expect(titles(delivered)).toEqual(['order:a'])
  })
})

describe('waking from sleep', () => {
  it('delivers what fell due while asleep once, as one summary, with the ledger of the new day', async () => {
    const clock = fakeClock(at('2026-01-15', 8))
    const store = memoryStore()
    const { scheduler, delivered, keys } = start(clock, store)
    const orders = [zOrder('a', '2026-01-19'), zOrder('b', '2026-01-20'), zOrder('c', '2026-01-18')]
    scheduler.update(itemsOn('2026-01-15', orders), settings)
    await scheduler.idle()
    expect(delivered).toEqual([])

    // Asleep from 08:00 on the 15th to 10:00 on the 19th: c's reminders and its overdue one, a's and b's lead ones were missed.
    clock.sleepUntil(at('2026-01-19', 10))
    scheduler.resume()
    // The ledger moves to the new day within the settling time: no notice yet, and none from stale items.
    scheduler.update(itemsOn('2026-01-19', orders), settings)
    await scheduler.idle()
    expect(delivered).toEqual([])
    await clock.advanceTo(new Date(at('2026-01-19', 10).getTime() + RESUME_SETTLE_MS), scheduler)
    expect(titles(delivered)).toEqual(['summary:order:c,order:a,order:b'])
    expect(keys[0]?.split('+')).toEqual(expect.arrayContaining(['2026-01-18|order:c|overdue', '2026-01-19|order:a|1', '2026-01-20|order:b|3']))

    // Another wake with nothing missed says nothing; the day goes on as usual.
    scheduler.resume()
    await clock.advanceTo(new Date(at('2026-01-19', 10).getTime() + 2 * RESUME_SETTLE_MS), scheduler)
    expect(delivered).toHaveLength(1)
    await clock.advanceTo(at('2026-01-19', 23), scheduler)
    expect(delivered).toHaveLength(1)
    // a's on-the-day reminder (09:00 on the 19th) was in the catch-up; b's comes on its day.
    await clock.advanceTo(at('2026-01-20', 9), scheduler)
    expect(titles(delivered)).toEqual(['summary:order:c,order:a,order:b', 'order:b'])
  })
})
