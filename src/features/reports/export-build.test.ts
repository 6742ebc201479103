// Tests the export worker's side: the same file the page used to build, progress month by month, the XLSX zipped without a worker of its own, and one answer at the end.
import readXlsxFile from 'read-excel-file/universal'
import { describe, expect, it } from 'vitest'
import { translate } from '@/i18n'
import { exportTables } from '@/domain/report/export-tables'
import { tablesToCsv } from '@/domain/report/csv'
import { monthCount } from '@/domain/calendar'
import { assembleMonthReports, reportableMonths } from '@/domain/report/month-report'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { buildExport } from './export-build'
import type { ExportReply } from './export-protocol'
import { exportRequest } from './export-worker'

const today = '2026-11-21'
const ledger = generateSampleLedger({ today })
const months = reportableMonths(ledger, today)
const first = months[0]!
const last = months[months.length - 1]!
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params)

describe('the export builder', () => {
  it('writes the CSV the page wrote, whatever the dues and flags of each month', async () => {
    // The page used to work out each month's dues and flags; the sheets never show them.
    const withInputs = assembleMonthReports(ledger, first, last, today, () => ({
      dues: [{ date: today, accountId: ledger.accounts[0]!.id, what: 'x', amount: 100 }],
      flags: [{ severity: 'critical', title: 'y', source: 'BANK' }]
    }))
    const expected = tablesToCsv(exportTables(ledger, withInputs, null, t))
    const steps: [number, number][] = []
    const csv = await buildExport({ ledger, today, first, last, range: null, format: 'csv', language: 'en' }, (done, total) => steps.push([done, total]))
    expect(csv).toBe(expected)
    const total = monthCount(first, last) + 1
    expect(steps).toHaveLength(total)
    expect(steps.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    expect(steps.every(([, n]) => n === total)).toBe(true)
  })

  it('writes an XLSX of every record that reads back sheet by sheet', async () => {
    const bytes = await buildExport({ ledger, today, first, last, range: null, format: 'xlsx', language: 'zh-CN' }, () => {})
    expect(bytes).toBeInstanceOf(Uint8Array)
    const sheets = await readXlsxFile(new Blob([new Uint8Array(bytes as Uint8Array)]))
    const tables = exportTables(ledger, assembleMonthReports(ledger, first, last, today, { dues: [], flags: [] }), null, (k, p) => translate('zh-CN', k, p))
    expect(sheets.map((s) => s.sheet)).toEqual(tables.map((table) => table.name))
    expect(sheets[0]!.data).toHaveLength(monthCount(first, last) + 1)
    expect(sheets.map((s) => s.data.length)).toEqual(tables.map((table) => table.rows.length + 1))
  })

  it('answers a request with progress, then the file, its bytes handed over', async () => {
    const posted: { message: ExportReply; transfer?: Transferable[] }[] = []
    await exportRequest({ id: 7, ledger, today, first: last, last, range: null, format: 'xlsx', language: 'en' }, (message, transfer) => posted.push({ message, transfer }))
    expect(posted.map((p) => p.message.type)).toEqual(['progress', 'progress', 'done'])
    const done = posted[2]!
    expect(done.message.id).toBe(7)
    expect(done.transfer).toHaveLength(1)
  })

  it('answers a request it cannot build with the reason', async () => {
    const posted: ExportReply[] = []
    await exportRequest({ id: 8, ledger, today, first: '2030-01', last: '2030-01', range: null, format: 'csv', language: 'en' }, (message) => posted.push(message))
    expect(posted).toEqual([{ id: 8, type: 'failed', message: expect.stringContaining('2030-01') }])
  })
})
