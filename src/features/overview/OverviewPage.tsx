// Owns the overview: this month's totals and the cost charts (per month, balance, share by product, real APR per loan).
import { useMemo, useState } from 'react'
import { Card, Segmented, Statistic } from 'antd'
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { formatFen } from '@/domain/money'
import { EmptyState } from '@/components/EmptyState'
import { PageFrame } from '@/components/PageFrame'
import { ChartCard } from '@/components/charts/ChartCard'
import { accountColours } from '@/components/charts/palette'
import { SampleDataButton } from '../shared/SampleDataButton'
import { accountName } from '../shared/labels'
import { accountsIn, aprRows, balanceRows, costRows, lastMonths, type MonthRange } from './chart-data'

const yuanTick = (v: number) => (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000) / 10}万` : `${Math.round(v)}`)
const yuanTip = (v: unknown) => (typeof v === 'number' ? formatFen(Math.round(v * 100)) : String(v))

export function OverviewPage() {
  const { t, language } = useI18n()
  const ledger = useLedger()
  const cost = ledger.cost
  const [range, setRange] = useState<MonthRange>(12)
  const colours = useMemo(() => accountColours(ledger.accounts.map((a) => a.id)), [ledger.accounts])
  const tick = language === 'zh-CN' ? yuanTick : (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : `${Math.round(v)}`)

  const monthly = useMemo(() => lastMonths(cost.monthly, range), [cost.monthly, range])
  const balances = useMemo(() => lastMonths(cost.balances, range), [cost.balances, range])
  const costData = useMemo(() => costRows(monthly), [monthly])
  const balanceData = useMemo(() => balanceRows(balances), [balances])
  const costAccounts = useMemo(() => accountsIn(monthly, ledger.accounts), [monthly, ledger.accounts])
  const balanceAccounts = useMemo(() => accountsIn(balances, ledger.accounts), [balances, ledger.accounts])
  const share = useMemo(
    () =>
      ledger.accounts
        .map((a) => ({ id: a.id, name: a.name, value: (cost.accounts.get(a.id)?.costToDate ?? 0) / 100 }))
        .filter((x) => x.value > 0)
        .sort((a, b) => b.value - a.value),
    [ledger.accounts, cost.accounts]
  )
  const aprs = useMemo(() => aprRows(ledger.draws, cost.draws, (id) => accountName(ledger, id)), [ledger, cost.draws])
  const totals = useMemo(() => {
    let toDate = 0
    let projected = 0
    for (const a of cost.accounts.values()) {
      toDate += a.costToDate
      projected += a.projected
    }
    return { toDate, projected }
  }, [cost.accounts])
  // Large series redraw without animation: ten years of months should not crawl in.
  const animate = monthly.length <= 24

  if (ledger.accounts.length === 0)
    return (
      <PageFrame title={t('overview.title')} testId="page-overview">
        <EmptyState text={t('overview.empty')}>
          <SampleDataButton />
        </EmptyState>
      </PageFrame>
    )

  const m = cost.thisMonth
  return (
    <PageFrame title={t('overview.title')} testId="page-overview">
      <div className="overview-scroll">
        <h3 className="section-title">{t('overview.thisMonth', { month: m.month })}</h3>
        <div className="summary-cards" data-testid="month-totals">
          <Card size="small">
            <Statistic title={t('overview.costThisMonth')} value={formatFen(m.cost)} data-testid="month-cost" />
          </Card>
          <Card size="small">
            <Statistic title={t('dues.card.cashThisMonth')} value={formatFen(m.due)} data-testid="month-due" />
          </Card>
          <Card size="small">
            <Statistic title={t('overview.repaidThisMonth')} value={formatFen(m.repaid)} />
          </Card>
          <Card size="small">
            <Statistic title={t('overview.borrowedThisMonth')} value={formatFen(m.borrowed)} />
          </Card>
          <Card size="small">
            <Statistic title={t('overview.costToDate')} value={formatFen(totals.toDate)} data-testid="cost-to-date" />
          </Card>
          <Card size="small">
            <Statistic title={t('overview.projected')} value={formatFen(totals.projected)} />
          </Card>
        </div>
        <div className="chart-toolbar">
          <span className="muted">{t('chart.range')}</span>
          <Segmented<MonthRange>
            size="small"
            value={range}
            onChange={setRange}
            options={[
              { value: 12, label: t('chart.months12') },
              { value: 36, label: t('chart.months36') },
              { value: 'all', label: t('chart.monthsAll') }
            ]}
            data-testid="chart-range"
          />
        </div>
        <div className="chart-grid">
          <ChartCard title={t('chart.costPerMonth')} testId="chart-cost" empty={costAccounts.length === 0} emptyText={t('chart.noData')}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={costData} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 11 }} />
                <YAxis tickFormatter={tick} tick={{ fontSize: 11 }} width={48} />
                <Tooltip formatter={yuanTip} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {costAccounts.map((a) => (
                  <Bar key={a.id} dataKey={a.id} name={a.name} stackId="cost" fill={colours.get(a.id)} isAnimationActive={animate} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
          <ChartCard title={t('chart.balance')} testId="chart-balance" empty={balanceAccounts.length === 0} emptyText={t('chart.noData')}>
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart data={balanceData} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 11 }} />
                <YAxis tickFormatter={tick} tick={{ fontSize: 11 }} width={48} />
                <Tooltip formatter={yuanTip} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {balanceAccounts.map((a) => (
                  <Area key={a.id} type="monotone" dataKey={a.id} name={a.name} stackId="balance" stroke={colours.get(a.id)} fill={colours.get(a.id)} fillOpacity={0.35} isAnimationActive={animate} />
                ))}
              </AreaChart>
            </ResponsiveContainer>
          </ChartCard>
          <ChartCard title={t('chart.costShare')} testId="chart-share" empty={share.length === 0} emptyText={t('chart.noData')}>
            <ResponsiveContainer width="100%" height="100%">
              <PieChart>
                <Pie data={share} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="75%" paddingAngle={1} isAnimationActive={false} label={(p) => ((p.percent ?? 0) >= 0.03 ? `${String(p.name)} ${((p.percent ?? 0) * 100).toFixed(0)}%` : '')}
                  labelLine={false}>
                  {share.map((s) => (
                    <Cell key={s.id} fill={colours.get(s.id)} />
                  ))}
                </Pie>
                <Tooltip formatter={yuanTip} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
              </PieChart>
            </ResponsiveContainer>
          </ChartCard>
          <ChartCard
            title={t('chart.apr')}
            testId="chart-apr"
            empty={aprs.length === 0}
            emptyText={t('chart.noData')}
            note={t('chart.aprNote')}
            height={Math.max(220, 36 * Math.min(aprs.length, 14) + 60)}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={aprs.slice(0, 14)} layout="vertical" margin={{ top: 22, right: 24, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" unit="%" tick={{ fontSize: 11 }} domain={[0, (max: number) => Math.max(40, Math.ceil(max / 5) * 5)]} />
                <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)}%` : String(v))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <ReferenceLine x={24} stroke="#d97706" strokeDasharray="4 4" label={{ value: t('chart.line24'), position: 'top', fontSize: 11 }} />
                <ReferenceLine x={36} stroke="#dc2626" strokeDasharray="4 4" label={{ value: t('chart.line36'), position: 'top', fontSize: 11 }} />
                <Bar dataKey="apr" name={t('chart.realApr')} isAnimationActive={false}>
                  {aprs.slice(0, 14).map((r) => (
                    <Cell key={r.id} fill={colours.get(r.accountId)} />
                  ))}
                </Bar>
                <Bar dataKey="naive" name={t('chart.naiveRate')} fill="#cbd5e1" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
        </div>
      </div>
    </PageFrame>
  )
}
