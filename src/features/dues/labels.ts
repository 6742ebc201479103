// Owns how a due item is named and dated in text: what it is (a bill, an order, an instalment of a draw) and when it is due.
import type { I18n } from '@/state/i18n-context'
import type { LedgerView } from '@/state/ledger-context'
import type { DueItem } from '@/domain/dues/items'
import type { DuesSettings } from '@/domain/dues/settings'
import { formatFen } from '@/domain/money'
import { accountName } from '../shared/labels'

export function dueAccount(ledger: LedgerView, item: DueItem): string {
  return accountName(ledger, item.accountId)
}

/** What the item is, without its account: "账单 · 11-25 出账 · 4 笔订单", "淘宝 运动鞋 · 分期第 2/6 期", "01-05 借 ¥3,000.00 · 第 3/12 期". */
export function dueWhat(ledger: LedgerView, item: DueItem, t: I18n['t']): string {
  const drawn = item.kind === 'drawInstalment' || item.kind === 'drawTerm'
  const period = item.period ? t(drawn ? 'dues.period' : 'dues.instalment', item.period) : item.overdue && item.kind !== 'order' && item.kind !== 'bill' ? t('dues.arrears') : null
  if (item.kind === 'bill' && item.bill) {
    const head = item.overdue ? t('dues.bill.short', { date: item.bill.statementDate.slice(5) }) : item.bill.issued ? t('dues.bill.issued', { date: item.bill.statementDate.slice(5) }) : t('dues.bill.open')
    return item.bill.orderIds.length > 0 && !item.overdue ? `${head} · ${t('dues.bill.orders', { count: item.bill.orderIds.length })}` : head
  }
  if (item.kind === 'order' || item.kind === 'orderInstalment') {
    const order = item.recordId ? ledger.orderById.get(item.recordId) : undefined
    const name = order ? [order.merchant, order.item].filter(Boolean).join(' ') : '—'
    return period ? `${name} · ${period}` : name
  }
  const draw = item.recordId ? ledger.drawById.get(item.recordId) : undefined
  const name = draw ? t('dues.drawLabel', { date: draw.drawDate, amount: formatFen(draw.principal) }) : '—'
  // The period first: the loan's own line is long and may be cut off.
  if (item.kind === 'drawTerm') return `${item.overdue ? t('dues.arrears') : t('dues.termEnd')} · ${name}`
  return period ? `${period} · ${name}` : name
}

/** The penalty beside an overdue item's amount: included in a draw's arrears, extra on an order or a bill; null when there is none. */
export function duePenaltyNote(item: Pick<DueItem, 'kind' | 'overdue'>, t: I18n['t']): string | null {
  if (!item.overdue || item.overdue.penalty <= 0) return null
  return t(item.kind === 'drawInstalment' || item.kind === 'drawTerm' ? 'dues.penaltyIncluded' : 'dues.penaltyExtra', { amount: formatFen(item.overdue.penalty) })
}

/** When it is due, relative to today: "逾期 3 天", "今天到期", "明天到期", "5 天后到期". */
export function dueWhen(item: Pick<DueItem, 'daysLeft'> & Partial<Pick<DueItem, 'overdue'>>, t: I18n['t']): string {
  // A bill past its due day within its grace days is not overdue yet.
  if (item.daysLeft < 0 && item.overdue === null) return t('dues.days.inGrace', { days: -item.daysLeft })
  if (item.daysLeft === -1) return t('dues.days.overdueOne')
  if (item.daysLeft < 0) return t('dues.days.overdue', { days: -item.daysLeft })
  if (item.daysLeft === 0) return t('dues.days.today')
  if (item.daysLeft === 1) return t('dues.days.tomorrow')
  return t('dues.days.left', { days: item.daysLeft })
}

/** The reminder settings in a line: "提前 3 天、提前 1 天、到期当天，09:00 提醒". */
export function reminderSummary(settings: Pick<DuesSettings, 'remindersEnabled' | 'leadDays' | 'remindAt'>, t: I18n['t']): string {
  if (!settings.remindersEnabled || settings.leadDays.length === 0) return t('dues.settings.summaryOff')
  const leads = [...settings.leadDays].sort((a, b) => b - a).map((d) => leadDayLabel(d, t))
  return t('dues.settings.summary', { leads: leads.join(t('dues.settings.leadList')), time: settings.remindAt })
}

export function leadDayLabel(days: number, t: I18n['t']): string {
  if (days === 0) return t('dues.settings.leadDay0')
  if (days === 1) return t('dues.settings.leadDay1')
  return t('dues.settings.leadDay', { days })
}
