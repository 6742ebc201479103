// Owns the words of the calendar file in the ledger's language: each event's title (amount and account) and description (what it is, when, what clears it), from the same labels the due list and the reminders use.
import type { I18n } from '@/state/i18n-context'
import type { LedgerView } from '@/state/ledger-context'
import type { IsoDate } from '@/domain/calendar'
import type { CalendarWords } from '@/domain/dues/calendar-export'
import { formatFen } from '@/domain/money'
import { dueAccount, duePenaltyNote, dueWhat } from './labels'

export function calendarWords(ledger: LedgerView, t: I18n['t'], today: IsoDate): CalendarWords {
  return {
    calendarName: t('ics.file.calendarName'),
    summary: (item) => t(item.overdue ? 'ics.file.summaryOverdue' : 'ics.file.summary', { amount: formatFen(item.amount), account: dueAccount(ledger, item) }),
    description: (item) => {
      const penalty = duePenaltyNote(item, t)
      const lines = [
        t('ics.file.what', { what: dueWhat(ledger, item, t) }),
        t('ics.file.account', { account: dueAccount(ledger, item) }),
        t('ics.file.amount', { amount: formatFen(item.amount) }) + (penalty ? ` (${penalty})` : ''),
        ...(item.bill?.minimum != null ? [t('dues.minimum', { amount: formatFen(item.bill.minimum) })] : []),
        item.overdue ? t('ics.file.overdue', { date: item.dueDate, today, days: item.overdue.days }) : t('ics.file.dueDate', { date: item.dueDate }),
        // What a repayment made on the export day must be to clear it, when that is more than the item (earlier dues of the same target).
        ...(item.clearAmount !== null && item.clearAmount > item.amount ? [t('ics.file.clear', { date: today, amount: formatFen(item.clearAmount) })] : []),
        t('ics.file.footer', { date: today })
      ]
      return lines.join('\n')
    },
    cancelledSummary: (summary) => t('ics.file.cancelled', { summary })
  }
}
