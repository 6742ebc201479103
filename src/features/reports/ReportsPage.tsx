// Owns the reports page: the month and language pickers, the A4 report, and its exports (PDF, XLSX, CSV; a range of months; everything).
import { useMemo, useRef, useState } from 'react'
import { App as AntApp, Button, DatePicker, Dropdown, Modal, Progress, Segmented, Skeleton, Space } from 'antd'
import { DownOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons'
import dayjs, { type Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { translate, type MessageKey, type Params } from '@/i18n'
import { addMonthsToMonth, monthBounds, monthCount, monthOf } from '@/domain/calendar'
import { LANGUAGES, type Language, type Ledger } from '@/domain/records'
import { exportTables, type ExportRange } from '@/domain/report/export-tables'
import { tablesToCsv } from '@/domain/report/csv'
import { assembleMonthReport, reportableMonths, type MonthReport } from '@/domain/report/month-report'
import { EmptyState } from '@/components/EmptyState'
import { PageFrame } from '@/components/PageFrame'
import { useAfterPaint } from '@/components/use-after-paint'
import { platform } from '@/platform'
import { SampleDataButton } from '../shared/SampleDataButton'
import { ReportView } from './ReportView'
import { reportInputs } from './report-inputs'
import { ExportFailed, exportInWorker } from './export-client'
import type { ExportFormat } from './export-protocol'
import { useRisk } from '../risk/use-risk'

type Format = ExportFormat
const FILTERS: Record<Format, { name: string; extensions: string[] }[]> = {
  xlsx: [{ name: 'Excel', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }]
}

export function ReportsPage() {
  const { t, language } = useI18n()
  const ledger = useLedger()
  const { message } = AntApp.useApp()
  const data: Ledger = ledger.ledger
  const today = ledger.today
  const months = useMemo(() => reportableMonths(data, today), [data, today])
  // The last month that has ended is the one people report on; a new ledger starts with this one.
  const lastComplete = addMonthsToMonth(monthOf(today), -1)
  const [picked, setPicked] = useState<string | null>(null)
  const month = picked !== null && months.includes(picked) ? picked : months.includes(lastComplete) ? lastComplete : monthOf(today)
  const [pickedLanguage, setPickedLanguage] = useState<Language | null>(null)
  const reportLanguage = pickedLanguage ?? language
  const rt = (key: MessageKey, params?: Params) => translate(reportLanguage, key, params)

  const { profile, settings: riskSettings } = useRisk()
  const inputs = useMemo(
    () => reportInputs({ view: ledger, profile, riskSettings, language: reportLanguage, rt: (key, params) => translate(reportLanguage, key, params) }),
    [ledger, profile, riskSettings, reportLanguage]
  )
  // The toolbar comes with the page; the month's report is put together in the task after the page is on screen.
  const painted = useAfterPaint()
  const report = useMemo(() => (painted ? assembleMonthReport(data, month, today, inputs) : null), [painted, data, month, today, inputs])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the time is taken again whenever the report or its language changes.
  const generatedAt = useMemo(() => dayjs().format('YYYY-MM-DD HH:mm'), [report, reportLanguage])
  const [busy, setBusy] = useState<string | null>(null)
  const [rangeOpen, setRangeOpen] = useState<'range' | 'all' | null>(null)

  const empty = ledger.accounts.length + data.draws.length + data.orders.length + data.repayments.length + data.inquiries.length === 0

  const reportSaved = (result: { saved: true; path: string } | { saved: false }) => {
    if (!result.saved) return
    void message.success(platform().kind === 'electron' ? t('report.saved', { path: result.path }) : t('report.downloaded', { name: result.path }))
  }

  const failed = (e: unknown) => void message.error(t('report.exportFailed', { reason: e instanceof Error ? e.message : String(e) }))

  const saveTables = async (reports: readonly MonthReport[], range: ExportRange | null, format: Format, base: string) => {
    const tables = exportTables(data, reports, range, rt)
    // The spreadsheet writer (xlsx.ts and fflate's zip) is fetched on the first XLSX export only.
    const bytes = format === 'xlsx' ? await (await import('./xlsx')).tablesToXlsx(tables) : tablesToCsv(tables)
    reportSaved(await platform().saveFile({ suggestedName: `${base}.${format}`, data: bytes, filters: FILTERS[format] }))
  }

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key)
    try {
      await work()
    } catch (e) {
      // Cancelling is the user's choice, not a failure to report.
      if (!(e instanceof ExportFailed && e.reason === 'cancelled')) failed(e)
    } finally {
      setBusy(null)
    }
  }

  const exportPdf = () =>
    run('pdf', async () => {
      const outcome = await platform().printReport(`${rt('report.file.month', { month })}.pdf`)
      if (outcome.kind === 'saved') reportSaved({ saved: true, path: outcome.path })
    })

  const exportMonth = (format: Format) => report && run(format, () => saveTables([report], monthBounds(month), format, rt('report.file.month', { month })))

  return (
    <PageFrame title={t('report.title')} testId="page-reports">
      {empty ? (
        <EmptyState text={t('report.empty')}>
          <SampleDataButton />
        </EmptyState>
      ) : (
        <>
          <div className="report-toolbar" data-testid="report-toolbar">
            <Space wrap size={[8, 8]}>
              <DatePicker
                picker="month"
                allowClear={false}
                value={dayjs(`${month}-01`)}
                format={language === 'zh-CN' ? 'YYYY年MM月' : 'MMM YYYY'}
                onChange={(d: Dayjs | null) => d && setPicked(d.format('YYYY-MM'))}
                disabledDate={(d: Dayjs) => !months.includes(d.format('YYYY-MM'))}
                aria-label={t('report.month')}
                data-testid="report-month"
              />
              <Segmented<Language>
                value={reportLanguage}
                onChange={setPickedLanguage}
                options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
                aria-label={t('report.language')}
                data-testid="report-language"
              />
              <Button type="primary" icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={!report} onClick={() => void exportPdf()} data-testid="export-pdf">
                {platform().kind === 'electron' ? t('report.exportPdf') : t('report.printPdf')}
              </Button>
              <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={!report} onClick={() => void exportMonth('xlsx')} data-testid="export-xlsx">
                {t('report.exportXlsx')}
              </Button>
              <Button icon={<FileTextOutlined />} loading={busy === 'csv'} disabled={!report} onClick={() => void exportMonth('csv')} data-testid="export-csv">
                {t('report.exportCsv')}
              </Button>
              <Dropdown
                menu={{
                  items: [
                    { key: 'range', label: <span data-testid="export-range">{t('report.rangeExport')}</span> },
                    { key: 'all', label: <span data-testid="export-all">{t('report.exportAll')}</span> }
                  ],
                  onClick: ({ key }) => setRangeOpen(key === 'all' ? 'all' : 'range')
                }}
              >
                <Button data-testid="export-more">
                  {t('report.moreExports')} <DownOutlined />
                </Button>
              </Dropdown>
            </Space>
          </div>
          <div className="report-scroll">
            {report ? <ReportView report={report} language={reportLanguage} generatedAt={generatedAt} /> : <Skeleton active paragraph={{ rows: 12 }} className="report-pending" />}
          </div>
          {rangeOpen && (
            <RangeExport
              mode={rangeOpen}
              months={months}
              initial={[months[Math.max(0, months.length - 12)]!, months[months.length - 1]!]}
              onClose={() => setRangeOpen(null)}
              onExport={(first, last, format, progress, signal) =>
                run('range', async () => {
                  // Every month's summary and the file are worked out in a worker: the window stays
                  // responsive, and Cancel terminates it wherever it is.
                  const all = rangeOpen === 'all'
                  const range = all ? null : { from: monthBounds(first).from, to: monthBounds(last).to }
                  const base = all ? rt('report.file.all', { date: today }) : rt('report.file.range', { from: first, to: last })
                  const file = await exportInWorker({ ledger: data, today, first, last, range, format, language: reportLanguage }, progress, signal)
                  reportSaved(await platform().saveFile({ suggestedName: `${base}.${format}`, data: file, filters: FILTERS[format] }))
                  setRangeOpen(null)
                })
              }
            />
          )}
        </>
      )}
    </PageFrame>
  )
}

function RangeExport(props: {
  mode: 'range' | 'all'
  months: string[]
  initial: [string, string]
  onClose: () => void
  onExport: (first: string, last: string, format: Format, progress: (done: number, total: number) => void, signal: AbortSignal) => Promise<void>
}) {
  const { t, language } = useI18n()
  const [range, setRange] = useState<[string, string]>(props.initial)
  const [format, setFormat] = useState<Format>('xlsx')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const running = useRef<AbortController | null>(null)
  const all = props.mode === 'all'
  const first = all ? props.months[0]! : range[0]
  const last = all ? props.months[props.months.length - 1]! : range[1]
  // Cancel, Escape and the close button all land here, running or not: the export stops at once.
  const cancel = () => {
    running.current?.abort()
    running.current = null
    props.onClose()
  }
  const months = monthCount(first, last)
  return (
    <Modal
      open
      title={t(all ? 'report.allTitle' : 'report.rangeTitle')}
      okText={t('report.export')}
      cancelText={t('common.cancel')}
      onCancel={cancel}
      // Not confirmLoading: antd ignores Cancel while OK is loading.
      okButtonProps={{ loading: progress !== null, 'data-testid': 'range-export-ok' }}
      cancelButtonProps={{ 'data-testid': 'range-export-cancel' }}
      maskClosable={progress === null}
      onOk={async () => {
        if (running.current) return
        const controller = new AbortController()
        running.current = controller
        setProgress({ done: 0, total: months + 1 })
        try {
          await props.onExport(first, last, format, (done, total) => setProgress({ done, total }), controller.signal)
        } finally {
          if (running.current === controller) running.current = null
          setProgress(null)
        }
      }}
    >
      <p className="muted" data-testid="range-export">{t(all ? 'report.allHelp' : 'report.rangeHelp')}</p>
      {!all && (
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={[dayjs(`${range[0]}-01`), dayjs(`${range[1]}-01`)]}
          format={language === 'zh-CN' ? 'YYYY年MM月' : 'MMM YYYY'}
          disabledDate={(d: Dayjs) => !props.months.includes(d.format('YYYY-MM'))}
          onChange={(v) => {
            const [from, to] = v ?? []
            if (from && to) setRange([from.format('YYYY-MM'), to.format('YYYY-MM')])
          }}
          data-testid="range-months"
        />
      )}
      <div className="range-format">
        <span className="muted">{t('report.format')}</span>
        <Segmented<Format>
          value={format}
          onChange={setFormat}
          disabled={progress !== null}
          options={[
            { value: 'xlsx', label: 'Excel (XLSX)' },
            { value: 'csv', label: 'CSV' }
          ]}
          data-testid="range-format"
        />
      </div>
      {progress && (
        <div className="range-progress" data-testid="range-progress">
          {/* No "active" shimmer: a running animation repaints every frame while the export runs. */}
          <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" />
          <p className="muted">
            {progress.done < progress.total - 1 ? t('report.exporting', { done: progress.done, total: progress.total - 1 }) : t('report.writingFile', { format: format.toUpperCase() })}
          </p>
        </div>
      )}
    </Modal>
  )
}
