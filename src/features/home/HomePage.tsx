// Owns the home dashboard: what is overdue (first, in red, with days and penalty), due today, in the next 7 days and later this month, the cash needed this month and next, and one click to record the repayment that clears an item.
import { Button, Card, Statistic } from 'antd'
import { CalendarOutlined, SettingOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useRoute } from '@/state/router'
import type { DueItem } from '@/domain/dues/items'
import { formatFen } from '@/domain/money'
import { PageFrame } from '@/components/PageFrame'
import { DueItemDrawer } from '../dues/DueItemDrawer'
import { DueList } from '../dues/DueList'
import { useClearItem } from '../dues/use-clear-item'
import { useDues } from '../dues/use-dues'
import { reminderSummary } from '../dues/labels'
import { CalendarExportButton } from '../dues/CalendarExportButton'
import { FlagsPanel } from '../risk/FlagsPanel'
import { RevolvingCard } from './RevolvingCard'
import { FirstRun } from './FirstRun'

const SECTIONS = ['overdue', 'today', 'week', 'month'] as const

function total(items: readonly DueItem[]): number {
  return items.reduce((s, i) => s + i.amount, 0)
}

export function HomePage() {
  const { t } = useI18n()
  const ledger = useLedger()
  const dues = useDues()
  const [route, navigate] = useRoute()
  const [clear, clearModal] = useClearItem()

  if (ledger.accounts.length === 0) return <FirstRun />

  const s = dues.summary
  const bySection = { overdue: s.overdue, today: s.today, week: s.week, month: s.restOfMonth }
  const open = (item: DueItem) => navigate({ page: 'home', id: item.key })
  const shown = SECTIONS.filter((k) => bySection[k].length > 0)

  return (
    <PageFrame title={t('nav.home')} testId="page-home" extra={<span className="muted home-today">{t('dues.today', { date: ledger.today })}</span>}>
      <div className="home-scroll">
        <div className="summary-cards" data-testid="due-totals">
          <Card size="small" className={s.overdue.length > 0 ? 'card-danger' : undefined}>
            <Statistic title={t('dues.card.overdue')} value={formatFen(s.overdueTotal)} suffix={<span className="stat-suffix">{t('dues.card.count', { count: s.overdue.length })}</span>} data-testid="card-overdue" />
          </Card>
          <Card size="small">
            <Statistic title={t('dues.card.today')} value={formatFen(total(s.today))} suffix={<span className="stat-suffix">{t('dues.card.count', { count: s.today.length })}</span>} data-testid="card-today" />
          </Card>
          <Card size="small">
            <Statistic title={t('dues.card.week')} value={formatFen(total(s.week))} suffix={<span className="stat-suffix">{t('dues.card.count', { count: s.week.length })}</span>} data-testid="card-week" />
          </Card>
          <Card size="small">
            <Statistic title={t('dues.card.cashThisMonth')} value={formatFen(s.cashThisMonth)} data-testid="cash-this-month" />
          </Card>
          <Card size="small">
            <Statistic title={t('dues.card.cashNextMonth')} value={formatFen(s.cashNextMonth)} data-testid="cash-next-month" />
          </Card>
        </div>
        <p className="muted small home-help">{t('dues.cashHelp')}</p>
        <div className="home-grid">
          <div className="home-main">
            {shown.length === 0 ? (
              <Card size="small" data-testid="nothing-due">
                {t('dues.nothingDue')}
              </Card>
            ) : (
              shown.map((key) => (
                <section key={key} className="due-section" data-testid={`due-section-${key}`}>
                  <h3 className={`section-title${key === 'overdue' ? ' danger-text' : ''}`}>
                    {t(`dues.section.${key}`)} <span className="muted section-sum">{t('dues.card.count', { count: bySection[key].length })} · {formatFen(total(bySection[key]))}</span>
                  </h3>
                  <DueList items={bySection[key]} onOpen={open} onClear={clear} />
                </section>
              ))
            )}
          </div>
          <aside className="home-side" data-testid="home-side">
            {/* First in the column: visible without scrolling, with its "export again" hint. */}
            <Card size="small">
              <CalendarExportButton place="home" />
            </Card>
            <RevolvingCard items={dues.items} />
            <Card size="small">
              <FlagsPanel limit={5} />
            </Card>
            <Card size="small" title={t('dues.settings.title')}>
              <p className="muted" data-testid="reminder-summary">
                {reminderSummary(dues.settings, t)}
              </p>
              <div className="home-links">
                <Button icon={<CalendarOutlined />} onClick={() => navigate({ page: 'calendar' })} data-testid="home-calendar">
                  {t('nav.calendar')}
                </Button>
                <Button icon={<SettingOutlined />} onClick={() => navigate({ page: 'settings' })} data-testid="home-reminder-settings">
                  {t('dues.settings.open')}
                </Button>
              </div>
            </Card>
          </aside>
        </div>
      </div>
      <DueItemDrawer
        open={route.id !== undefined}
        item={route.id !== undefined ? dues.byKey.get(route.id) : undefined}
       
        onClose={() => navigate({ page: 'home' })}
        onClear={clear}
      />
      {clearModal}
    </PageFrame>
  )
}
