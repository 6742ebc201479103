// Owns writing the calendar file (RFC 5545) from the plan, with ical-generator: loaded only when the user exports, so the library stays out of the first bundle.
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalEventStatus, ICalEventTransparency } from 'ical-generator'
import type { IsoDate } from '../calendar'
import type { DueItem } from './items'
import type { DuesSettings } from './settings'
import { nextDay, planCalendar, stampOf, type CalendarExportState, type CalendarWords } from './calendar-export'

export interface CalendarFile {
  /** The .ics text, CRLF line ends, long lines folded at 75 octets. */
  text: string
  /** What to keep for the next export. */
  exportedState: CalendarExportState
  /** Live events in the file, and cancellations. */
  count: { live: number; cancelled: number }
}

/** The calendar file of the dues as of `today` against the last export: pure (the DTSTAMP is the export day at 00:00 UTC). */
export function buildCalendarFile(
  items: readonly DueItem[],
  settings: Pick<DuesSettings, 'remindersEnabled' | 'leadDays' | 'remindAt'>,
  words: CalendarWords,
  today: IsoDate,
  previous: CalendarExportState | null
): CalendarFile {
  const plan = planCalendar(items, settings, words, today, previous)
  const calendar = ical({ prodId: { company: 'Credit Ledger', product: 'Dues', language: 'ZH' }, name: words.calendarName })
  for (const e of plan.events) {
    const event = calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: stampOf(today),
      // 'YYYY-MM-DD' strings: written as DATE values as they are, whatever the machine's time zone.
      start: e.date,
      end: nextDay(e.date),
      allDay: true,
      summary: e.summary,
      transparency: ICalEventTransparency.TRANSPARENT,
      status: e.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(e.description ? { description: e.description } : {})
    })
    for (const a of e.alarms) {
      // ical-generator counts a number trigger as seconds BEFORE the start; RELATED=START is set after
      // creating the alarm, as a positive offset would otherwise be written RELATED=END (11.1.2).
      const alarm = event.createAlarm({ type: ICalAlarmType.display, trigger: -a.offsetSeconds, description: e.summary })
      alarm.relatesTo(ICalAlarmRelatesTo.start)
    }
  }
  const cancelled = plan.events.filter((e) => e.status === 'CANCELLED').length
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare.
  const text = calendar.toString()
  return { text: text.endsWith('\r\n') ? text : `${text}\r\n`, exportedState: plan.state, count: { live: plan.events.length - cancelled, cancelled } }
}
