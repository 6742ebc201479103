// Owns running the reminders: on start it catches up on what was missed while the app was closed, then fires each reminder at its moment, once, remembering what fired; the clock and the store are injected.
import { addDays, dayNumber, makeIsoDate } from '@/domain/calendar'
import type { DueItem } from '@/domain/dues/items'
import {
  REMINDER_RETENTION_DAYS,
  localMoment,
  nextReminderAt,
  noticeFor,
  pendingReminders,
  pruneFired,
  remindersOf,
  type LocalMoment,
  type ReminderNotice
} from '@/domain/dues/reminders'
import type { DuesSettings } from '@/domain/dues/settings'

export interface ReminderClock {
  now(): Date
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Where the ids of fired reminders are kept between runs (the meta table in the app). */
export interface FiredStore {
  load(): Promise<string[]>
  save(ids: string[]): Promise<void>
}

export interface ReminderSchedulerDeps {
  clock: ReminderClock
  store: FiredStore
  /** `key` names the reminders the notice is about (their ids, sorted): the push channels send each key once. */
  deliver(notice: ReminderNotice, key: string): void
}

export interface ReminderScheduler {
  /** The open items and the settings now; the first call after start is the catch-up. */
  update(items: readonly DueItem[], settings: Pick<DuesSettings, 'remindersEnabled' | 'leadDays' | 'remindAt'>): void
  /**
   * The computer woke from sleep: what fell due while it slept arrives as one catch-up notice, as
   * on start. It waits RESUME_SETTLE_MS for the ledger to move to the new day (an update in that
   * time is taken, not ticked on), so an item that became overdue overnight is in the same notice.
   */
  resume(): void
  stop(): void
  /** Resolves when the work started so far is done (tests wait on it). */
  idle(): Promise<void>
}

/** A sleeping computer or a changed clock can skip a timer: look again at least this often. */
export const MAX_WAIT_MS = 60 * 60 * 1000
/** After waking, how long the catch-up waits for the ledger to recompute for the new day. */
export const RESUME_SETTLE_MS = 5_000

const pad = (n: number) => n.toString().padStart(2, '0')

export function momentOf(date: Date): LocalMoment {
  return localMoment(makeIsoDate(date.getFullYear(), date.getMonth() + 1, date.getDate()), `${pad(date.getHours())}:${pad(date.getMinutes())}`)
}

/** Milliseconds from `now` until the local moment (its first second). */
export function msUntil(moment: LocalMoment, now: Date): number {
  const [date = '', time = ''] = moment.split(' ')
  const at = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)))
  return at.getTime() - now.getTime()
}

/**
 * Reminders that fall while the app runs are delivered at their moment. On start (the first
 * update), everything pending is delivered at once as a catch-up, collapsed into one notice.
 * Reminders that were already due when an item first appeared while running (an order entered
 * the day before it is due, a lead time just added) are marked fired without a notice: the user
 * is looking at the app, and a "due in 3 days" for something due tomorrow would be noise.
 */
export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  let items: readonly DueItem[] = []
  let settings: Pick<DuesSettings, 'remindersEnabled' | 'leadDays' | 'remindAt'> | null = null
  let fired: Set<string> | null = null
  let lastTick: LocalMoment | null = null
  let timer: unknown = null
  let stopped = false
  let settleUntil: number | null = null
  let work: Promise<void> = Promise.resolve()

  const tick = async () => {
    settleUntil = null
    if (stopped || settings === null) return
    // Read every time: sync adds the reminders another device has shown.
    fired = new Set([...(fired ?? []), ...(await deps.store.load())])
    const nowDate = deps.clock.now()
    const now = momentOf(nowDate)
    const oldest = addDays(now.slice(0, 10), -REMINDER_RETENTION_DAYS)
    const reminders = remindersOf(items, settings)
    const pending = pendingReminders(reminders, fired, now, oldest)
    const fresh = lastTick === null ? pending : pending.filter((r) => r.at > (lastTick ?? ''))
    // The items may be from before midnight (the ledger catches up on the new day a moment later):
    // a notice says how far the due date is from now, not from when the items were worked out.
    const nowDay = dayNumber(now.slice(0, 10))
    const notice = fresh.length === 0 ? null : noticeFor(fresh, new Map(items.map((i) => [i.key, { ...i, daysLeft: dayNumber(i.dueDate) - nowDay }])))
    for (const r of pending) fired.add(r.id)
    lastTick = now
    // Remembered before it is shown: a crash in between loses a notice rather than repeating it.
    if (pending.length > 0) {
      const kept = pruneFired(fired, oldest)
      fired = new Set(kept)
      await deps.store.save(kept)
    }
    if (notice && !stopped) deps.deliver(notice, fresh.map((r) => r.id).sort().join('+'))
    const next = nextReminderAt(reminders, fired, now)
    schedule(next === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(0, msUntil(next, nowDate))))
  }

  const run = () => {
    work = work.then(tick).catch((error: unknown) => {
      console.error('Reminders could not run:', error)
      // Try again later rather than never: an app left in the tray would otherwise go quiet.
      schedule(MAX_WAIT_MS)
    })
  }

  function schedule(ms: number) {
    if (timer !== null) deps.clock.clearTimeout(timer)
    timer = stopped ? null : deps.clock.setTimeout(run, ms)
  }

  return {
    update(nextItems, nextSettings) {
      items = nextItems
      settings = nextSettings
      // Settling after a wake: the catch-up timer takes these items.
      if (settleUntil !== null && deps.clock.now().getTime() < settleUntil) return
      run()
    },
    resume() {
      if (stopped) return
      lastTick = null
      settleUntil = deps.clock.now().getTime() + RESUME_SETTLE_MS
      schedule(RESUME_SETTLE_MS)
    },
    stop() {
      stopped = true
      if (timer !== null) deps.clock.clearTimeout(timer)
      timer = null
    },
    idle: () => work
  }
}
