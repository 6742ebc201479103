// Owns `npm run measure:export`: how long "export everything" takes as CSV and XLSX on the 3-year and the bench's 10-year ledgers, the way the page did it before (every month's dues and flags, on the main thread) and the way the worker does it now (cancelling is terminating the worker; e2e/export-all.spec.ts logs how soon the dialog closes).
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { translate, translateMessage } from '../src/i18n'
import { addMonthsToMonth, monthOf } from '../src/domain/calendar'
import { dueItems } from '../src/domain/dues/items'
import { DEFAULT_PROFILE, type Ledger } from '../src/domain/records'
import { exportTables } from '../src/domain/report/export-tables'
import { tablesToCsv } from '../src/domain/report/csv'
import { monthReports, reportableMonths, type ReportContext } from '../src/domain/report/month-report'
import { activeFlags, DEFAULT_RISK_SETTINGS } from '../src/domain/risk'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import { buildExport } from '../src/features/reports/export-build'
import { trimOrders } from './bench-ledger'

const TODAY = '2026-11-21'
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** The page's work before: each month's dues and flags too (the sheets never showed them), then the CSV. */
function before(ledger: Ledger): string {
  const months = reportableMonths(ledger, TODAY)
  const inputs = ({ month, ledger: upTo, day, cost }: ReportContext) => ({
    dues: dueItems(upTo, day, cost)
      .filter((i) => monthOf(i.dueDate) === addMonthsToMonth(month, 1))
      .map((i) => ({ date: i.dueDate, accountId: i.accountId, what: '', amount: i.amount })),
    flags: activeFlags(upTo, DEFAULT_PROFILE, DEFAULT_RISK_SETTINGS, day, { cost }).map((f) => ({ severity: 'info' as const, title: translateMessage('zh-CN', f.explanation), source: f.source }))
  })
  const reports = [...monthReports(ledger, months[0]!, months[months.length - 1]!, TODAY, inputs)]
  return tablesToCsv(exportTables(ledger, reports, null, (k, p) => translate('zh-CN', k, p)))
}

async function now(ledger: Ledger, format: 'csv' | 'xlsx'): Promise<{ ms: number; size: number }> {
  const months = reportableMonths(ledger, TODAY)
  const started = performance.now()
  const data = await buildExport({ ledger, today: TODAY, first: months[0]!, last: months[months.length - 1]!, range: null, format, language: 'zh-CN' }, () => {})
  return { ms: performance.now() - started, size: typeof data === 'string' ? new TextEncoder().encode(data).length : data.length }
}

console.log(`Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`)
// As loaded from the store: a structured clone, as the bench does.
const ledgers: [string, Ledger][] = [
  ['3 years (months 36, scale 3)', structuredClone(generateSampleLedger({ today: TODAY, months: 36, scale: 3 }))],
  ["10 years, the bench's trimmed ledger", structuredClone(trimOrders(generateSampleLedger({ today: TODAY, months: 120, scale: 56 }), 20_000, TODAY))]
]
for (const [name, ledger] of ledgers) {
  const records = ledger.draws.length + ledger.orders.length + ledger.repayments.length + ledger.inquiries.length + ledger.accounts.length
  console.log(`\n${name}: ${records.toLocaleString('en')} records, ${reportableMonths(ledger, TODAY).length} months`)
  let started = performance.now()
  before(ledger)
  const old = performance.now() - started
  console.log(`  before, CSV (every month's dues and flags too, on the page)  ${s(old)}`)
  const csv = await now(ledger, 'csv')
  console.log(`  now, CSV in the worker                                        ${s(csv.ms)}  (${(csv.size / 1e6).toFixed(1)} MB; ${(old / csv.ms).toFixed(1)}x faster)`)
  const xlsx = await now(ledger, 'xlsx')
  console.log(`  now, XLSX in the worker (zipSync)                             ${s(xlsx.ms)}  (${(xlsx.size / 1e6).toFixed(1)} MB; ${(old / xlsx.ms).toFixed(1)}x faster than CSV before)`)
  started = performance.now()
  structuredClone(ledger)
  console.log(`  structured clone of the records (the page's part of handing them over)  ${(performance.now() - started).toFixed(0)} ms`)
}
