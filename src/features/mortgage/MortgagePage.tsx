// Owns the mortgage-readiness page: the checklist as a bank would read the report on the application day, a score, the dated plan, and a what-if date.
import { useMemo, useState } from 'react'
import { Alert, App as AntApp, Button, Card, DatePicker, Progress, Space, Statistic, Tag, Timeline, Tooltip } from 'antd'
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { routeHref } from '@/state/router'
import { appDb } from '@/db/instance'
import { updateProfile } from '@/db/repo'
import { addMonths, type IsoDate } from '@/domain/calendar'
import { formatFen } from '@/domain/money'
import { mortgageReadiness, type CheckItem, type CheckState } from '@/domain/risk/readiness'
import { EmptyState } from '@/components/EmptyState'
import { PageFrame } from '@/components/PageFrame'
import { toDayjs } from '@/components/form-parse'
import { SampleDataButton } from '../shared/SampleDataButton'
import { SourceTag } from '../risk/SourceTag'
import { useRisk } from '../risk/use-risk'
import '../risk/risk.css'

const STATE_ICONS: Record<CheckState, React.ReactNode> = {
  pass: <CheckCircleFilled />,
  warn: <ExclamationCircleFilled />,
  fail: <CloseCircleFilled />,
  unknown: <QuestionCircleFilled />
}
const STATE_COLOURS: Record<CheckState, string> = { pass: 'green', warn: 'orange', fail: 'red', unknown: 'default' }

function valueText(c: CheckItem, value: number | null): string {
  if (value === null) return '—'
  if (c.unit === 'percent') return `${value}%`
  if (c.unit === 'fen') return formatFen(value)
  return String(value)
}

export function MortgagePage() {
  const { t, tm } = useI18n()
  const ledger = useLedger()
  const risk = useRisk()
  const { message } = AntApp.useApp()
  const saved = risk.profile.mortgageDate
  const [whatIf, setWhatIf] = useState<IsoDate | null>(null)
  const fallback = addMonths(ledger.today, 3)
  const date = whatIf ?? saved ?? fallback
  const readiness = useMemo(() => mortgageReadiness(risk.input, date), [risk.input, date])

  if (ledger.accounts.length === 0)
    return (
      <PageFrame title={t('mortgage.title')} testId="page-mortgage">
        <EmptyState text={t('mortgage.empty')}>
          <SampleDataButton />
        </EmptyState>
      </PageFrame>
    )

  const saveDate = async () => {
    await updateProfile(appDb(), { mortgageDate: date })
    setWhatIf(null)
    void message.success(t('mortgage.dateSaved'))
  }
  const s = readiness.score
  const settings = risk.settings
  const dti = readiness.dti

  return (
    <PageFrame title={t('mortgage.title')} testId="page-mortgage">
      <div className="risk-scroll">
        <p className="muted page-help">{t('mortgage.help')}</p>
        <div className="readiness-top">
          <span>{t('mortgage.date')}</span>
          <Tooltip title={t('mortgage.whatIf')}>
            <DatePicker
              value={toDayjs(date)}
              allowClear={false}
              onChange={(d: Dayjs | null) => d && d.isValid() && setWhatIf(d.format('YYYY-MM-DD'))}
              data-testid="mortgage-date"
            />
          </Tooltip>
          {date !== saved && (
            <Button type="primary" onClick={() => void saveDate()} data-testid="mortgage-save-date">
              {t('mortgage.saveDate')}
            </Button>
          )}
          {whatIf !== null && saved !== null && whatIf !== saved && (
            <Button onClick={() => setWhatIf(null)} data-testid="mortgage-reset-date">
              {t('mortgage.resetDate')}
            </Button>
          )}
        </div>
        {saved === null && whatIf === null && (
          <Alert
            type="info"
            showIcon
            className="account-flags"
            data-testid="mortgage-no-date"
            title={t('mortgage.noDate', { date })}
            action={<Button size="small" href={routeHref({ page: 'settings' })}>{t('mortgage.goSettings')}</Button>}
          />
        )}
        {whatIf !== null && saved !== null && whatIf !== saved && <Alert type="warning" showIcon className="account-flags" title={t('mortgage.dateOverridden', { date, saved })} />}
        {readiness.daysLeft < 0 && <Alert type="warning" showIcon className="account-flags" title={t('mortgage.datePassed')} />}

        <div className="summary-cards readiness-summary">
          <Card size="small" data-testid="readiness-score" className="readiness-score">
            <Space align="center">
              <Progress type="circle" size={64} percent={s.percent} status={s.fail > 0 ? 'exception' : s.warn > 0 ? 'normal' : 'success'} format={(p) => `${p ?? 0}`} />
              <div>
                <div className="muted">{t('mortgage.score')}</div>
                <strong data-testid="readiness-pass">{t('mortgage.scoreValue', { pass: s.pass, judged: s.judged })}</strong>
                <div className="muted">{t('mortgage.scoreDetail', { fail: s.fail, warn: s.warn, unknown: s.unknown })}</div>
              </div>
            </Space>
          </Card>
          <Card size="small">
            <Statistic title={t('mortgage.daysLeft')} value={t('mortgage.daysLeftValue', { days: Math.max(0, readiness.daysLeft) })} data-testid="readiness-days" />
          </Card>
          <Card size="small">
            <Statistic title={t('mortgage.monthlyPayments')} value={formatFen(readiness.monthlyPayments)} />
          </Card>
          <Card size="small" data-testid="readiness-dti">
            <Tooltip title={dti.income === null ? undefined : t('mortgage.dtiHelp', { today: formatFen(dti.paymentsToday), after: formatFen(dti.paymentsAfter), income: formatFen(dti.income) })}>
              <Statistic
                title={t('mortgage.dti')}
                value={dti.shareToday === null || dti.shareAfter === null ? t('mortgage.dtiNoIncome') : t('mortgage.dtiValue', { today: `${dti.shareToday}%`, after: `${dti.shareAfter}%` })}
                styles={{ content: { color: dti.overAfter ? 'var(--ant-color-error, #ff4d4f)' : undefined, fontSize: dti.shareToday === null ? 14 : 20, whiteSpace: 'nowrap' } }}
              />
              <div className="muted dti-limit">{t('mortgage.dtiLimit', { limit: dti.limit })}</div>
            </Tooltip>
          </Card>
          <Card size="small">
            <Tooltip title={t('mortgage.mortgagePaymentHelp', { years: settings.mortgageTermYears, rate: settings.mortgageRatePercent })}>
              <Statistic title={t('mortgage.mortgagePayment')} value={readiness.mortgagePayment === null ? t('mortgage.noAmount') : formatFen(readiness.mortgagePayment)} />
            </Tooltip>
          </Card>
        </div>

        <div className="readiness-columns">
          <section>
            <h3 className="section-title">{t('mortgage.checklist')}</h3>
            <div className="check-list" data-testid="readiness-checks">
              {readiness.checks.map((c) => (
                <div key={c.id} className="check-item" data-testid="check" data-check={c.id} data-state={c.state}>
                  <span className={`check-icon ${c.state}`}>{STATE_ICONS[c.state]}</span>
                  <div>
                    <div className="check-head">
                      <span className="check-title">{t(`check.${c.id}`)}</span>
                      <Tag color={STATE_COLOURS[c.state]} className="record-flag">
                        {t(`state.${c.state}`)}
                      </Tag>
                      <SourceTag source={c.source} />
                      <span className="check-value muted">{c.value === null ? '—' : t('mortgage.valueOfLimit', { value: valueText(c, c.value), limit: valueText(c, c.limit) })}</span>
                    </div>
                    <p className="check-detail">{tm(c.detail)}</p>
                  </div>
                </div>
              ))}
            </div>
          </section>
          <Card size="small" title={t('mortgage.plan')} className="plan-card" data-testid="readiness-plan">
            {readiness.plan.length === 0 ? (
              <p className="muted">{t('mortgage.planEmpty')}</p>
            ) : (
              <Timeline
                items={readiness.plan.map((step, i) => ({
                  key: `${step.kind}-${i}`,
                  color: step.kind === 'apply' ? 'green' : step.kind === 'payOverdue' || step.kind === 'waitLate' || step.kind === 'waitInquiries' ? 'red' : step.date === ledger.today ? 'orange' : 'blue',
                  content: (
                    <span data-testid="plan-step" data-kind={step.kind}>
                      <span className="plan-date">{step.date === ledger.today ? `${step.date} · ${t('mortgage.today')}` : step.date}</span>
                      {tm(step.text)}
                    </span>
                  )
                }))}
              />
            )}
            {readiness.cashTotal > 0 && (
              <div className="plan-total">
                <strong data-testid="plan-total">{t('mortgage.planTotal', { amount: formatFen(readiness.cashTotal) })}</strong>
                <p className="muted">{t('mortgage.planTotalHelp')}</p>
              </div>
            )}
          </Card>
        </div>
      </div>
    </PageFrame>
  )
}
