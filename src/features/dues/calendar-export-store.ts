// Owns where the last calendar export is remembered: a device preference (localStorage through src/platform), not the ledger's meta table, which goes into backups.
import { calendarExportStateSchema, type CalendarExportState } from '@/domain/dues/calendar-export'
import { readDevicePref, writeDevicePref } from '@/platform'

export const CALENDAR_EXPORT_PREF = 'credit-ledger.dues.calendar-export'

/** The last export on this device; null when there was none, or what is stored is unreadable (then the next export starts afresh). */
export function readCalendarExportState(): CalendarExportState | null {
  const text = readDevicePref(CALENDAR_EXPORT_PREF)
  if (text === null) return null
  try {
    const parsed = calendarExportStateSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** False when the storage refused: the file was saved all the same, only the next export cannot cancel or compare against it. */
export function writeCalendarExportState(state: CalendarExportState): boolean {
  return writeDevicePref(CALENDAR_EXPORT_PREF, JSON.stringify(state))
}
