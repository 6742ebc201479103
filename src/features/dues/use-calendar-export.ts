// Owns the calendar export as the pages use it: the last export kept on this device, whether the dues changed since, and the export itself (build, save, remember).
import { useCallback, useMemo, useState } from 'react'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { CALENDAR_FILE_NAME, duesChangedSince, hasCalendarContent, type CalendarExportState } from '@/domain/dues/calendar-export'
import { platform } from '@/platform'
import { readCalendarExportState, writeCalendarExportState } from './calendar-export-store'
import { calendarWords } from './calendar-words'
import { useDues } from './use-dues'

export type CalendarExportOutcome = { kind: 'saved'; live: number; cancelled: number } | { kind: 'cancelled' }

export interface CalendarExport {
  last: CalendarExportState | null
  /** The dues differ from the last export's. */
  changed: boolean
  /** There is something to write: items due, or events of the last export to cancel. */
  canExport: boolean
  run(): Promise<CalendarExportOutcome>
}

export function useCalendarExport(): CalendarExport {
  const { t } = useI18n()
  const ledger = useLedger()
  const dues = useDues()
  const [last, setLast] = useState<CalendarExportState | null>(readCalendarExportState)
  const today = ledger.today
  const changed = useMemo(() => duesChangedSince(last, dues.items, today), [last, dues.items, today])
  const canExport = useMemo(() => hasCalendarContent(dues.items, last, today), [dues.items, last, today])
  const run = useCallback(async (): Promise<CalendarExportOutcome> => {
    // The writer (and its library) loads on the first export only.
    const { buildCalendarFile } = await import('@/domain/dues/ics-file')
    const previous = readCalendarExportState()
    const file = buildCalendarFile(dues.items, dues.settings, calendarWords(ledger, t, today), today, previous)
    const result = await platform().saveFile({ suggestedName: CALENDAR_FILE_NAME, data: file.text, filters: [{ name: 'iCalendar', extensions: ['ics'] }] })
    if (!result.saved) return { kind: 'cancelled' }
    writeCalendarExportState(file.exportedState)
    setLast(file.exportedState)
    return { kind: 'saved', ...file.count }
  }, [dues.items, dues.settings, ledger, t, today])
  return { last, changed, canExport, run }
}
