// Owns what a calendar export holds: which due items go in (every overdue one and those due within 12 months), the stable UID of each, the alarms at the reminder lead times, the SEQUENCE and cancellations against the last export, and the fingerprint that tells when the dues changed since.
//
// Decisions (issue 14):
// - Each due item is an ALL-DAY event on its due date: a repayment can be made at any time that day,
//   and an all-day entry sits at the top of the day instead of blocking 09:00-09:15 like a meeting.
//   It is TRANSPARENT (not busy).
// - All-day dates are plain DATE values ('20260105'): they mean the same day in every time zone, so
//   no VTIMEZONE is needed, and the alarms are durations relative to the start of that day (floating
//   local midnight), so "3 days before at 09:00" is 09:00 on the phone's own clock:
//   trigger = -lead days + the reminder time, e.g. lead 3 at 09:00 = -72 h + 9 h = -63 h = -P2DT15H.
// - An overdue item (or a bill past its due day within its grace days) is put on the export day
//   (today): that is the day it must be paid, and a past date on a phone reminds nobody. Its
//   description names the original due date; it has one alarm, that day at the reminder time.
// - The UID comes from the item's key (record or account id, kind, instalment number or 'overdue')
//   and its due date, never from positions or amounts, so importing again updates the same event.
// - An event of the last export whose item is gone (paid, deleted, or moved to a new date, which is a
//   new item) comes out once more as STATUS:CANCELLED with the same UID and a higher SEQUENCE; it is
//   kept in the state (and re-sent) until 30 days after its date, in case one export was not imported.
import { z } from 'zod'
import { addMonths, addDays, daysBetween, isIsoDate, type IsoDate } from '../calendar'
import type { DueItem } from './items'
import type { DuesSettings } from './settings'

/** How far ahead the file reaches. */
export const CALENDAR_EXPORT_MONTHS = 12
/** How long after its date a cancelled event is still re-sent. */
export const CANCELLED_KEPT_DAYS = 30
export const CALENDAR_FILE_NAME = 'credit-ledger-dues.ics'

/** The words of the file in the ledger's language, made by the feature (from the catalogues and the ledger's names). */
export interface CalendarWords {
  calendarName: string
  summary(item: DueItem): string
  description(item: DueItem): string
  /** The title of an event whose item is gone, from the title it had. */
  cancelledSummary(previousSummary: string): string
}

export interface ExportedEvent {
  uid: string
  /** The event's date as last sent. */
  date: IsoDate
  sequence: number
  /** A hash of what was sent: a change raises the SEQUENCE. */
  hash: string
  summary: string
  cancelled: boolean
}

/** What is kept on this device about the last export (device storage, not the ledger: a backup leaves it out). */
export interface CalendarExportState {
  version: 1
  exportedOn: IsoDate
  /** duesFingerprint() of the items exported, to tell when the dues changed since. */
  fingerprint: string
  events: ExportedEvent[]
}

const isoDate = z.string().refine(isIsoDate)

export const calendarExportStateSchema = z.object({
  version: z.literal(1),
  exportedOn: isoDate,
  fingerprint: z.string().max(64),
  events: z
    .array(
      z.object({
        uid: z.string().min(1).max(300),
        date: isoDate,
        sequence: z.number().int().min(0),
        hash: z.string().max(64),
        summary: z.string().max(1000),
        cancelled: z.boolean()
      })
    )
    .max(20_000)
}) satisfies z.ZodType<CalendarExportState>

/** A VALARM: seconds relative to the start of the all-day event (negative: before it). */
export interface PlannedAlarm {
  offsetSeconds: number
  /** The lead in days (0: on the day). */
  leadDays: number
}

export interface PlannedEvent {
  uid: string
  date: IsoDate
  sequence: number
  status: 'CONFIRMED' | 'CANCELLED'
  summary: string
  description: string
  alarms: PlannedAlarm[]
  /** The item, for a live event. */
  item: DueItem | null
}

export interface CalendarPlan {
  events: PlannedEvent[]
  state: CalendarExportState
}

/** The items a file holds: every overdue one, and every other one due by the same day 12 months on. */
export function exportableItems(items: readonly DueItem[], today: IsoDate): DueItem[] {
  const last = addMonths(today, CALENDAR_EXPORT_MONTHS)
  return items.filter((item) => item.overdue !== null || item.dueDate <= last)
}

function uidPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '-')
}

/** The item's identity as a UID: its key (record or account id, instalment number or kind) with its due date; never its position or amount. */
export function eventUid(item: Pick<DueItem, 'key' | 'kind' | 'dueDate'>): string {
  return `${uidPart(item.kind)}.${uidPart(item.key)}.${item.dueDate.replace(/-/g, '')}@credit-ledger`
}

/** FNV-1a, 32 bits, as 8 hex digits: a change detector, not a secret. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * What the exported items are, for "your dues changed since the last export": each item's UID with
 * its amount and what clears it. An overdue item counts by its UID alone: its penalty grows every day,
 * which does not call for a new file.
 */
export function duesFingerprint(items: readonly DueItem[], today: IsoDate): string {
  const lines = exportableItems(items, today)
    .map((item) => (item.overdue ? `${eventUid(item)}|overdue` : `${eventUid(item)}|${item.amount}|${item.clearAmount ?? ''}|${item.bill?.minimum ?? ''}`))
    .sort()
  return `${lines.length}-${fnv1a(lines.join('\n'))}`
}

/** The dues changed since the state's export (false when there was none, or nothing was exported and nothing is due). */
export function duesChangedSince(state: CalendarExportState | null, items: readonly DueItem[], today: IsoDate): boolean {
  if (state === null) return false
  return state.fingerprint !== duesFingerprint(items, today)
}

/** The alarms of an event for the settings: one per lead day at the reminder time, or one on the day for an item already late (none when reminders are off). */
export function alarmsFor(settings: Pick<DuesSettings, 'remindersEnabled' | 'leadDays' | 'remindAt'>, late: boolean): PlannedAlarm[] {
  if (!settings.remindersEnabled) return []
  const [hours, minutes] = settings.remindAt.split(':').map(Number) as [number, number]
  const atSeconds = hours * 3600 + minutes * 60
  // A late item sits on the export day: one alarm that day at the reminder time.
  const leads = late ? [0] : [...settings.leadDays].sort((a, b) => b - a)
  return leads.map((lead) => ({ leadDays: lead, offsetSeconds: -lead * 86_400 + atSeconds }))
}

/** Something to export: items due, or events of the last export still to cancel. */
export function hasCalendarContent(items: readonly DueItem[], state: CalendarExportState | null, today: IsoDate): boolean {
  if (exportableItems(items, today).length > 0) return true
  return state !== null && state.events.some((e) => !e.cancelled || daysBetween(e.date, today) <= CANCELLED_KEPT_DAYS)
}

/**
 * The events of a new export: one per exportable item, and a cancellation for each event of the
 * previous export whose item is gone; with the state to keep for the next one. Pure: `today` is the
 * export day.
 */
export function planCalendar(
  items: readonly DueItem[],
  settings: Pick<DuesSettings, 'remindersEnabled' | 'leadDays' | 'remindAt'>,
  words: CalendarWords,
  today: IsoDate,
  previous: CalendarExportState | null
): CalendarPlan {
  const before = new Map((previous?.events ?? []).map((e) => [e.uid, e]))
  const current = exportableItems(items, today)
  // An item beyond the window is not gone: its event (if any) is neither sent nor cancelled.
  const allUids = new Set(items.map(eventUid))
  const events: PlannedEvent[] = []
  const kept: ExportedEvent[] = []
  for (const item of current) {
    const uid = eventUid(item)
    // Overdue, or a bill past its due day within its grace days: it is to be paid now, so it goes on the export day.
    const late = item.overdue !== null || item.dueDate < today
    const date = late ? today : item.dueDate
    const summary = words.summary(item)
    const description = words.description(item)
    const alarms = alarmsFor(settings, late)
    const hash = fnv1a([date, summary, description, ...alarms.map((a) => a.offsetSeconds)].join('\u0000'))
    const last = before.get(uid)
    const sequence = last === undefined ? 0 : last.hash === hash && !last.cancelled ? last.sequence : last.sequence + 1
    events.push({ uid, date, sequence, status: 'CONFIRMED', summary, description, alarms, item })
    kept.push({ uid, date, sequence, hash, summary, cancelled: false })
  }
  for (const last of previous?.events ?? []) {
    if (allUids.has(last.uid)) {
      // Still open but outside the window now (cannot happen as days pass; an edit may do it): keep it as it was.
      if (!kept.some((k) => k.uid === last.uid)) kept.push(last)
      continue
    }
    if (last.cancelled && daysBetween(last.date, today) > CANCELLED_KEPT_DAYS) continue
    const sequence = last.cancelled ? last.sequence : last.sequence + 1
    const summary = last.cancelled ? last.summary : words.cancelledSummary(last.summary)
    events.push({ uid: last.uid, date: last.date, sequence, status: 'CANCELLED', summary, description: '', alarms: [], item: null })
    kept.push({ uid: last.uid, date: last.date, sequence, hash: last.hash, summary, cancelled: true })
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
  return { events, state: { version: 1, exportedOn: today, fingerprint: duesFingerprint(items, today), events: kept } }
}

/** DTSTAMP of the export: the export day at 00:00 UTC (the builder has the day, not the clock). */
export function stampOf(today: IsoDate): string {
  return `${today}T00:00:00Z`
}

/** The day after, for an all-day event's DTEND. */
export function nextDay(date: IsoDate): IsoDate {
  return addDays(date, 1)
}
