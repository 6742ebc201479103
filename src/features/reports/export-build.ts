// Owns building an export file from the records: the month summaries one by one with progress, the tables, then the CSV text or the XLSX bytes. Runs in the export worker.
import { translate } from '@/i18n'
import { exportTables } from '@/domain/report/export-tables'
import { tablesToCsv } from '@/domain/report/csv'
import { monthCount } from '@/domain/calendar'
import { monthReports, type MonthReport } from '@/domain/report/month-report'
import type { ExportRequest } from './export-protocol'
import { tablesToXlsx } from './xlsx'

/** The sheets hold no dues or flags (those are the printed report's), so no month works them out. */
const NO_INPUTS = { dues: [], flags: [] } as const

/**
 * The file of `request`: CSV as text (the platform writes it as UTF-8, BOM included), XLSX as
 * bytes. `onProgress` hears each month as it is summarised, then once more when the file is written.
 */
export async function buildExport(request: Omit<ExportRequest, 'id'>, onProgress: (done: number, total: number) => void): Promise<string | Uint8Array> {
  const { ledger, today, first, last, range, format, language } = request
  const total = monthCount(first, last) + 1
  const reports: MonthReport[] = []
  for (const report of monthReports(ledger, first, last, today, NO_INPUTS)) {
    reports.push(report)
    onProgress(reports.length, total)
  }
  const tables = exportTables(ledger, reports, range, (key, params) => translate(language, key, params))
  const data = format === 'xlsx' ? await tablesToXlsx(tables) : tablesToCsv(tables)
  onProgress(total, total)
  return data
}
