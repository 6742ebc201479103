// Owns the words of a reminder: a single item's account, what, amount and when; or a summary of several, for the system notification or the in-app banner.
import type { I18n } from '@/state/i18n-context'
import type { LedgerView } from '@/state/ledger-context'
import type { ReminderNotice } from '@/domain/dues/reminders'
import { formatFen } from '@/domain/money'
import type { NotifyRequest } from '@/platform'
import { dueAccount, dueWhat, dueWhen } from './labels'

/** How many items a summary names one by one; the rest are in its totals. */
const SUMMARY_LINES = 3

export function noticeText(notice: ReminderNotice, ledger: LedgerView, t: I18n['t']): NotifyRequest {
  if (notice.kind === 'single') {
    const item = notice.item
    return {
      title: t('dues.notice.title', { account: dueAccount(ledger, item) }),
      body: t('dues.notice.single', { what: dueWhat(ledger, item, t), amount: formatFen(item.amount), when: dueWhen(item, t), date: item.dueDate }),
      itemKey: item.key
    }
  }
  const items = notice.items
  const overdue = items.filter((i) => i.overdue !== null).length
  const total = items.reduce((s, i) => s + i.amount, 0)
  const lines = items.slice(0, SUMMARY_LINES).map((i) => `${dueAccount(ledger, i)} ${formatFen(i.amount)} · ${dueWhen(i, t)}`)
  return {
    title: t('dues.notice.summaryTitle', { count: items.length }),
    body: [t('dues.notice.summary', { overdue, coming: items.length - overdue, amount: formatFen(total) }), ...lines, ...(items.length > SUMMARY_LINES ? ['…'] : [])].join('\n')
  }
}
