// Owns the report as a sheet of A4 paper: the same view on screen, in the browser's print and in the desktop PDF, in the report's own language.
import { memo } from 'react'
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts'
import { translate, type MessageKey, type Params } from '@/i18n'
import { monthIndexOf, monthOfIndex, yearOfIndex } from '@/domain/calendar'
import { formatFen, type Fen } from '@/domain/money'
import type { Language } from '@/domain/records'
import type { MonthReport } from '@/domain/report/month-report'
import { formatPercent } from '@/components/format'
import { accountColours } from '@/components/charts/palette'
import './report.css'

/** A month as a title: 2026年10月, or October 2026. */
export function monthTitle(language: Language, yearMonth: string): string {
  const index = monthIndexOf(yearMonth)
  const year = yearOfIndex(index)
  const m = monthOfIndex(index)
  // Chinese numbers the month, English names it; the catalogue takes either as {month}.
  const month = language === 'zh-CN' ? m : new Intl.DateTimeFormat('en', { month: 'long' }).format(new Date(year, m - 1, 1))
  return translate(language, 'report.monthOf', { year, month })
}

// Fixed sizes: the paper is 182 mm wide inside its margins (about 688 CSS px), on screen and in print.
const HALF_CHART = { width: 336, height: 200 }
const COLOURS = { interest: '#c2410c', fees: '#2563eb', penalty: '#dc2626', balance: '#0891b2' }

function yuanTick(language: Language) {
  return (v: number) =>
    language === 'zh-CN' ? (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000) / 10}万` : `${Math.round(v)}`) : Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : `${Math.round(v)}`
}

/** A chart's month tick: 11月, or Nov; the caption says which twelve months they are. */
function monthTick(language: Language) {
  const names = language === 'zh-CN' ? null : new Intl.DateTimeFormat('en', { month: 'short' })
  return (month: string) => {
    const m = monthOfIndex(monthIndexOf(month))
    return names ? names.format(new Date(2000, m - 1, 1)) : `${m}月`
  }
}

function Figure({ label, fen, note, testId, strong }: { label: string; fen: Fen; note?: string; testId: string; strong?: boolean }) {
  return (
    <div className={`report-figure${strong ? ' strong' : ''}`}>
      <div className="report-figure-label">{label}</div>
      <div className="report-figure-value money" data-testid={testId}>
        {formatFen(fen)}
      </div>
      {note && <div className="report-figure-note">{note}</div>}
    </div>
  )
}

function Empty({ text, testId }: { text: string; testId: string }) {
  return (
    <p className="report-empty" data-testid={testId}>
      {text}
    </p>
  )
}

/** Memoised: the page re-renders around it (an export's busy state, its progress) while the report stays the same, and a month's A4 page with its charts is the page's costliest render. */
export const ReportView = memo(function ReportView({ report, language, generatedAt }: { report: MonthReport; language: Language; generatedAt: string }) {
  const t = (key: MessageKey, params?: Params) => translate(language, key, params)
  const tick = yuanTick(language)
  const xTick = monthTick(language)
  const totals = report.totals
  const colours = accountColours(report.accounts.map((a) => a.accountId))
  const chart = report.chart.map((m) => ({ month: m.month, interest: m.interest / 100, fees: m.fees / 100, penalty: m.penalty / 100, balance: m.principalOutstanding / 100 }))
  const shareTotal = report.costShare.reduce((s, c) => s + c.cost, 0)
  const breakdown = (interest: Fen, fees: Fen, penalty: Fen, key: 'report.paidBreakdown' | 'report.chargedBreakdown') =>
    t(key, { interest: formatFen(interest), fees: formatFen(fees), penalty: formatFen(penalty) })

  return (
    <article className="report-paper" data-testid="report-view" lang={language}>
      <header className="report-head">
        <div className="report-brand">{t('app.title')}</div>
        <h2 className="report-title" data-testid="report-title">
          {t('report.heading', { month: monthTitle(language, report.month) })}
        </h2>
        <div className="report-meta">
          <span>{t('report.period', { from: report.from, to: report.to })}</span>
          <span>{t(report.complete ? 'report.asOfComplete' : 'report.asOfRunning', { date: report.asOf })}</span>
          <span>{t('report.generated', { time: generatedAt })}</span>
        </div>
      </header>

      <section className="report-section">
        <h3>{t('report.section.summary')}</h3>
        <div className="report-figures">
          <Figure label={t('report.borrowed')} fen={totals.borrowed} testId="report-borrowed" />
          <Figure label={t('report.repaid')} fen={totals.repaid} testId="report-repaid" />
          <Figure label={t('report.costPaid')} fen={totals.costPaid} testId="report-cost-paid" note={breakdown(totals.interestPaid, totals.feesPaid, totals.penaltyPaid, 'report.paidBreakdown')} />
          <Figure label={t('report.costCharged')} fen={totals.costCharged} testId="report-cost-charged" note={breakdown(totals.interestCharged, totals.feesCharged, totals.penaltyCharged, 'report.chargedBreakdown')} />
          <Figure label={t('report.principalOutstanding')} fen={totals.principalOutstanding} testId="report-outstanding" strong />
          <Figure label={t('report.owed')} fen={totals.owed} testId="report-owed" note={t('report.owedHelp')} strong />
          {totals.dueThisMonth !== null && <Figure label={t('report.dueThisMonth')} fen={totals.dueThisMonth} testId="report-due-this-month" note={t('report.dueThisMonthHelp')} />}
        </div>
        <p className="report-counts">
          {t('report.counts', { draws: report.counts.draws, orders: report.counts.orders, repayments: report.counts.repayments, inquiries: report.counts.inquiries, hard: report.counts.hardInquiries })}
        </p>
      </section>

      <section className="report-section">
        <h3>{t('report.section.accounts')}</h3>
        {report.accounts.length === 0 ? (
          <Empty text={t('report.chart.noData')} testId="report-accounts-empty" />
        ) : (
          <table className="report-table" data-testid="report-accounts">
            <thead>
              <tr>
                <th>{t('report.col.account')}</th>
                <th className="num">{t('report.col.borrowed')}</th>
                <th className="num">{t('report.col.repaid')}</th>
                <th className="num">{t('report.col.charged')}</th>
                <th className="num">{t('report.col.outstanding')}</th>
                <th className="num">{t('report.col.owed')}</th>
                <th className="num">{t('report.col.apr')}</th>
              </tr>
            </thead>
            <tbody>
              {report.accounts.map((a) => (
                <tr key={a.accountId}>
                  <td>
                    <span className="report-swatch" style={{ background: colours.get(a.accountId) }} />
                    {a.name}
                  </td>
                  <td className="num">{formatFen(a.borrowed)}</td>
                  <td className="num">{formatFen(a.repaid)}</td>
                  <td className="num">{formatFen(a.costCharged)}</td>
                  <td className="num">{formatFen(a.principalOutstanding)}</td>
                  <td className="num">{formatFen(a.owed)}</td>
                  <td className="num">{formatPercent(a.apr?.aprSimple)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td />
                <td className="num">{formatFen(totals.borrowed)}</td>
                <td className="num">{formatFen(totals.repaid)}</td>
                <td className="num">{formatFen(totals.costCharged)}</td>
                <td className="num">{formatFen(totals.principalOutstanding)}</td>
                <td className="num">{formatFen(totals.owed)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      <section className="report-section">
        <h3>{t('report.section.loans')}</h3>
        {report.loans.length === 0 ? (
          <Empty text={t('report.loansEmpty')} testId="report-loans-empty" />
        ) : (
          <table className="report-table" data-testid="report-loans">
            <thead>
              <tr>
                <th>{t('report.col.account')}</th>
                <th>{t('report.col.loanType')}</th>
                <th>{t('report.col.date')}</th>
                <th className="num">{t('report.col.principal')}</th>
                <th className="num">{t('report.col.owed')}</th>
                <th className="num">{t('report.col.apr')}</th>
                <th className="num">{t('report.col.compound')}</th>
                <th className="num">{t('report.col.naiveShort')}</th>
              </tr>
            </thead>
            <tbody>
              {report.loans.map((l) => (
                <tr key={l.id} className={(l.apr?.aprSimple ?? 0) > 0.24 ? 'high' : undefined}>
                  <td>{l.accountName}</td>
                  <td>
                    {t(l.type === 'draw' ? 'report.loanDraw' : 'report.loanOrder')}
                    {l.overdueDays !== null && l.overdueDays > 0 && <span className="report-tag">{t('report.overdueDays', { days: l.overdueDays })}</span>}
                  </td>
                  <td>{l.date}</td>
                  <td className="num">{formatFen(l.principal)}</td>
                  <td className="num">{formatFen(l.owed)}</td>
                  <td className="num">
                    {formatPercent(l.apr?.aprSimple)}
                    {l.estimate && <span className="report-tag">{t('report.col.estimate')}</span>}
                  </td>
                  <td className="num">{formatPercent(l.apr?.aprCompound)}</td>
                  <td className="num">{formatPercent(l.naiveRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {report.bills.length > 0 && (
        <section className="report-section">
          <h3>{t('report.bills.title')}</h3>
          <table className="report-table" data-testid="report-bills">
            <thead>
              <tr>
                <th>{t('report.bills.account')}</th>
                <th>{t('report.bills.statementDate')}</th>
                <th>{t('report.bills.dueDate')}</th>
                <th className="num">{t('report.bills.total')}</th>
                <th className="num">{t('report.bills.minimum')}</th>
                <th className="num">{t('report.bills.paid')}</th>
                <th>{t('report.bills.status')}</th>
              </tr>
            </thead>
            <tbody>
              {report.bills.map((b) => (
                <tr key={`${b.accountId}:${b.statementDate}`} className={b.status === 'belowMinimum' ? 'high' : undefined}>
                  <td>{b.accountName}</td>
                  <td>{b.statementDate}</td>
                  <td>{b.dueDate}</td>
                  <td className="num">{formatFen(b.total)}</td>
                  <td className="num">{formatFen(b.minimum)}</td>
                  <td className="num">{formatFen(b.paid)}</td>
                  <td>
                    {t(`billStatus.${b.status}`)}
                    {b.converted > 0 && <span className="report-tag">{t('report.bills.converted')} {formatFen(b.converted)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <div className="report-stack">
        <section className="report-section">
          <h3>{t('report.section.dues', { month: monthTitle(language, report.nextMonth) })}</h3>
          {report.dues.length === 0 ? (
            <Empty text={t('report.duesEmpty')} testId="report-dues-empty" />
          ) : (
            <table className="report-table" data-testid="report-dues">
              <thead>
                <tr>
                  <th>{t('report.col.date')}</th>
                  <th>{t('report.col.account')}</th>
                  <th>{t('report.col.what')}</th>
                  <th className="num">{t('report.col.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {report.dues.map((d, i) => (
                  <tr key={`${d.date}-${d.accountId}-${i}`}>
                    <td>{d.date}</td>
                    <td>{d.accountName}</td>
                    <td>{d.what}</td>
                    <td className="num">{formatFen(d.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="report-section">
          <h3>{t('report.section.flags')}</h3>
          {report.flags.length === 0 ? (
            <Empty text={t('report.flagsEmpty')} testId="report-flags-empty" />
          ) : (
            <table className="report-table" data-testid="report-flags">
              <thead>
                <tr>
                  <th className="nowrap">{t('report.col.severity')}</th>
                  <th>{t('report.col.flag')}</th>
                  <th className="nowrap">{t('report.col.source')}</th>
                </tr>
              </thead>
              <tbody>
                {report.flags.map((f, i) => (
                  <tr key={`${f.title}-${i}`} className={`flag-${f.severity}`}>
                    <td className="nowrap">{t(`severity.${f.severity}`)}</td>
                    <td>{f.title}</td>
                    <td className="nowrap">{t(`report.source.${f.source}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="report-section report-charts">
        <h3>{t('report.section.charts')}</h3>
        <div className="report-pair">
          <figure className="report-chart" data-testid="report-chart-cost">
            <figcaption>{t('report.chart.cost')}</figcaption>
            <BarChart {...HALF_CHART} data={chart} margin={{ top: 6, right: 6, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 10 }} tickFormatter={xTick} interval={0} />
              <YAxis tickFormatter={tick} tick={{ fontSize: 10 }} width={42} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              <Bar dataKey="interest" name={t('chart.interest')} stackId="c" fill={COLOURS.interest} isAnimationActive={false} />
              <Bar dataKey="fees" name={t('chart.fees')} stackId="c" fill={COLOURS.fees} isAnimationActive={false} />
              <Bar dataKey="penalty" name={t('chart.penalty')} stackId="c" fill={COLOURS.penalty} isAnimationActive={false} />
            </BarChart>
          </figure>
          <figure className="report-chart" data-testid="report-chart-balance">
            <figcaption>{t('report.chart.balance')}</figcaption>
            <AreaChart {...HALF_CHART} data={chart} margin={{ top: 6, right: 6, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 10 }} tickFormatter={xTick} interval={0} />
              <YAxis tickFormatter={tick} tick={{ fontSize: 10 }} width={42} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              <Area type="monotone" dataKey="balance" name={t('report.principalOutstanding')} stroke={COLOURS.balance} fill={COLOURS.balance} fillOpacity={0.25} isAnimationActive={false} />
            </AreaChart>
          </figure>
        </div>
        <figure className="report-chart" data-testid="report-chart-share">
          <figcaption>{t('report.chart.share')}</figcaption>
          {report.costShare.length === 0 ? (
            <Empty text={t('report.chart.noCost')} testId="report-share-empty" />
          ) : (
            <div className="report-share">
              {report.costShare.map((c) => (
                <div className="report-share-row" key={c.accountId}>
                  <span className="report-share-name">{c.name}</span>
                  <span className="report-share-bar">
                    <span style={{ width: `${Math.max(1, (c.cost / shareTotal) * 100)}%`, background: colours.get(c.accountId) }} />
                  </span>
                  <span className="num">{formatFen(c.cost)}</span>
                  <span className="num muted">{formatPercent(c.cost / shareTotal, 0)}</span>
                </div>
              ))}
            </div>
          )}
        </figure>
      </section>

      <footer className="report-footer">{t('report.footer')}</footer>
    </article>
  )
})
