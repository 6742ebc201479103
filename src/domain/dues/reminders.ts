// Owns when reminders fall: one per open item and lead time at the set hour (one "overdue" reminder once it is late), which are pending at a moment, and collapsing many into one notice.
//
// A reminder's id names its item, due date and lead, so it fires once however often the ledger is
// recomputed, and a due date that is edited gets reminders of its own. Moments are local wall
// clock times 'YYYY-MM-DD HH:MM', which sort as strings like dates do.
import { addDays, type IsoDate } from '../calendar'
import type { DueItem } from './items'
import type { DuesSettings } from './settings'

export type LocalMoment = string

export interface Reminder {
  id: string
  itemKey: string
  dueDate: IsoDate
  /** Days before the due date; -1 for the reminder that the item is overdue. */
  leadDays: number
  at: LocalMoment
}

/** Reminders older than this many days are not caught up on (the dashboard still shows the item), and their ids are forgotten. */
export const REMINDER_RETENTION_DAYS = 30

export function localMoment(date: IsoDate, time: string): LocalMoment {
  return `${date} ${time}`
}

export function dateOfMoment(moment: LocalMoment): IsoDate {
  return moment.slice(0, 10)
}

/** The reminders of the open items: lead reminders before the due date, or one the day after it for an item already overdue. */
export function remindersOf(items: readonly DueItem[], settings: Pick<DuesSettings, 'remindersEnabled' | 'leadDays' | 'remindAt'>): Reminder[] {
  if (!settings.remindersEnabled) return []
  const out: Reminder[] = []
  for (const item of items) {
    if (item.overdue) {
      out.push({ id: `${item.dueDate}|${item.key}|overdue`, itemKey: item.key, dueDate: item.dueDate, leadDays: -1, at: localMoment(addDays(item.dueDate, 1), settings.remindAt) })
      continue
    }
    for (const lead of settings.leadDays)
      out.push({ id: `${item.dueDate}|${item.key}|${lead}`, itemKey: item.key, dueDate: item.dueDate, leadDays: lead, at: localMoment(addDays(item.dueDate, -lead), settings.remindAt) })
  }
  return out
}

/** Reminders whose moment has come by `now`, not fired yet, and not older than `oldest`. */
export function pendingReminders(reminders: readonly Reminder[], fired: ReadonlySet<string>, now: LocalMoment, oldest: IsoDate): Reminder[] {
  return reminders.filter((r) => r.at <= now && !fired.has(r.id) && dateOfMoment(r.at) >= oldest)
}

/** The next moment after `now` at which an unfired reminder falls, or null. */
export function nextReminderAt(reminders: readonly Reminder[], fired: ReadonlySet<string>, now: LocalMoment): LocalMoment | null {
  let next: LocalMoment | null = null
  for (const r of reminders) if (r.at > now && !fired.has(r.id) && (next === null || r.at < next)) next = r.at
  return next
}

/** The fired ids still worth keeping: those whose reminders could still be pending (see REMINDER_RETENTION_DAYS). */
export function pruneFired(fired: Iterable<string>, oldest: IsoDate): string[] {
  // The latest reminder of a due date is the day after it; leads are at most 30 days before.
  const keepFrom = addDays(oldest, -1)
  return [...fired].filter((id) => id.slice(0, 10) >= keepFrom)
}

export type ReminderNotice = { kind: 'single'; item: DueItem } | { kind: 'summary'; items: DueItem[] }

/**
 * One notice for the reminders that came due together: the item itself when they are all about one
 * item (its three-day and one-day reminders missed while the app was closed are one notice), a
 * summary of the items otherwise, so a catch-up never floods the screen.
 */
export function noticeFor(reminders: readonly Reminder[], itemsByKey: ReadonlyMap<string, DueItem>): ReminderNotice | null {
  const items: DueItem[] = []
  const seen = new Set<string>()
  for (const r of reminders) {
    const item = itemsByKey.get(r.itemKey)
    if (!item || seen.has(item.key)) continue
    seen.add(item.key)
    items.push(item)
  }
  if (items.length === 0) return null
  if (items.length === 1) return { kind: 'single', item: items[0]! }
  items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
  return { kind: 'summary', items }
}
