// Owns the calendar: a month of due dates, each day's total coloured by how pressing it is, and the items of the day picked beside it.
import { useMemo, useState } from 'react'
import { Calendar, Card } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { monthOf } from '@/domain/calendar'
import { duesByDay, type DueItem, type Urgency } from '@/domain/dues/items'
import { formatFen } from '@/domain/money'
import { PageFrame } from '@/components/PageFrame'
import { DuesEmptyPage } from '../dues/DuesEmptyPage'
import { DueItemDrawer } from '../dues/DueItemDrawer'
import { DueList } from '../dues/DueList'
import { CalendarExportButton } from '../dues/CalendarExportButton'
import { useClearItem } from '../dues/use-clear-item'
import { useDues } from '../dues/use-dues'

const URGENCIES: Urgency[] = ['overdue', 'today', 'soon', 'week', 'later']

/** ¥1,234 in a calendar cell: fen are noise at that size. */
function shortYuan(fen: number): string {
  return formatFen(fen).replace(/\.\d\d$/, '')
}

export function CalendarPage() {
  const { t } = useI18n()
  const ledger = useLedger()
  const dues = useDues()
  const [clear, clearModal] = useClearItem()
  const [selected, setSelected] = useState<Dayjs>(() => dayjs(ledger.today))
  const [month, setMonth] = useState(() => monthOf(ledger.today))
  const [openKey, setOpenKey] = useState<string | null>(null)
  const days = useMemo(() => duesByDay(dues.items), [dues.items])
  // This month: the cash the home page and the overview count (overdue items included); any other
  // month: what falls due in it.
  const current = month === monthOf(ledger.today)
  const monthTotal = useMemo(
    () => (current ? dues.summary.cashThisMonth : dues.items.filter((i) => i.dueDate.startsWith(month)).reduce((s, i) => s + i.amount, 0)),
    [current, dues.summary, dues.items, month]
  )

  if (ledger.accounts.length === 0) return <DuesEmptyPage title={t('nav.calendar')} testId="page-calendar" />

  const selectedDate = selected.format('YYYY-MM-DD')
  const dayItems: DueItem[] = days.get(selectedDate)?.items ?? []

  return (
    <PageFrame
      title={t('nav.calendar')}
      testId="page-calendar"
      extra={
        <span className="calendar-legend" data-testid="calendar-month-total">
          <strong>{t(current ? 'dues.calendar.monthTotalNow' : 'dues.calendar.monthTotal', { year: month.slice(0, 4), month: month.slice(5), amount: formatFen(monthTotal) })}</strong>
          {URGENCIES.map((u) => (
            <span key={u} className={`legend-dot due-day-${u}`}>
              {t(`dues.urgency.${u}`)}
            </span>
          ))}
        </span>
      }
    >
      <div className="calendar-layout">
        <div className="calendar-main" data-testid="due-calendar">
          <Calendar
            value={selected}
            onSelect={(d) => setSelected(d)}
            onPanelChange={(d, mode) => mode === 'month' && setMonth(d.format('YYYY-MM'))}
            onChange={(d) => setMonth(d.format('YYYY-MM'))}
            cellRender={(current, info) => {
              if (info.type === 'month') {
                const key = current.format('YYYY-MM')
                const sum = dues.items.filter((i) => i.dueDate.startsWith(key)).reduce((s, i) => s + i.amount, 0)
                return sum > 0 ? <span className="due-cell-month">{shortYuan(sum)}</span> : null
              }
              if (info.type !== 'date') return info.originNode
              const day = days.get(current.format('YYYY-MM-DD'))
              if (!day) return null
              return (
                <div className={`due-cell due-day-${day.urgency}`} data-testid="due-day" data-date={day.date} data-urgency={day.urgency}>
                  <span className="due-cell-amount">{shortYuan(day.total)}</span>
                  <span className="due-cell-count">{t('dues.calendar.items', { count: day.items.length })}</span>
                </div>
              )
            }}
          />
        </div>
        <div className="calendar-side">
          <Card size="small">
            <CalendarExportButton place="calendar" />
          </Card>
          <Card size="small" className="calendar-day" title={t('dues.calendar.dayTitle', { date: selectedDate })} data-testid="calendar-day">
            {dayItems.length === 0 ? (
              <p className="muted">{t('dues.calendar.dayEmpty')}</p>
            ) : (
              <DueList items={dayItems} onOpen={(item) => setOpenKey(item.key)} onClear={clear} testId="calendar-day-items" compact />
            )}
          </Card>
        </div>
      </div>
      <DueItemDrawer open={openKey !== null} item={openKey ? dues.byKey.get(openKey) : undefined} onClose={() => setOpenKey(null)} onClear={clear} />
      {clearModal}
    </PageFrame>
  )
}
