// Tests the XLSX writer by reading its file back: a sheet per table, Chinese text intact, money as yuan numbers.
import readXlsxFile from 'read-excel-file/universal'
import { describe, expect, it } from 'vitest'
import { translate } from '@/i18n'
import { exportTables } from '@/domain/report/export-tables'
import { assembleMonthReport } from '@/domain/report/month-report'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { sheetName, tablesToXlsx } from './xlsx'

const today = '2026-11-21'
const ledger = generateSampleLedger({ today })
const report = assembleMonthReport(ledger, '2026-10', today, { dues: [], flags: [] })
const tables = exportTables(ledger, [report], { from: '2026-10-01', to: '2026-10-31' }, (k, p) => translate('zh-CN', k, p))

describe('the XLSX export', () => {
  it('reads back as one sheet per table with the same cells', async () => {
    const bytes = await tablesToXlsx(tables)
    // A zip file: "PK".
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
    const sheets = await readXlsxFile(new Blob([new Uint8Array(bytes)]))
    expect(sheets.map((s) => s.sheet)).toEqual(tables.map((t) => t.name))
    const summary = sheets[0]!.data
    expect(summary[0]).toEqual(tables[0]!.columns.map((c) => c.header))
    expect(summary[1]![0]).toBe('2026-10')
    expect(summary[1]![1]).toBe(report.totals.borrowed / 100)
    expect(summary[1]![8]).toBe(report.totals.owed / 100)
    const draws = sheets[5]!.data
    expect(draws).toHaveLength(tables[5]!.rows.length + 1)
    const orders = sheets[6]!.data
    expect(orders.slice(1).map((r) => r[2])).toEqual(tables[6]!.rows.map((r) => r[2]))
    const accounts = sheets[4]!.data
    expect(accounts.slice(1).map((r) => r[0])).toEqual(ledger.accounts.map((a) => a.name))
  })

  it('keeps sheet names within Excel\'s rules', () => {
    const taken = new Set<string>()
    expect(sheetName('a/b:c', taken)).toBe('a b c')
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31)
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(28)} 2`)
  })
})

describe('the XLSX writer', () => {
  it('keeps text that XML must escape, drops characters XML cannot hold, and writes money as yuan', async () => {
    const bytes = await tablesToXlsx([
      {
        name: 'T',
        columns: [
          { header: '名称 <a&b>', kind: 'text', width: 10 },
          { header: 'm', kind: 'money', width: 10 },
          { header: 'n', kind: 'int', width: 10 }
        ],
        rows: [
          ['"x" & <y>\u0007', 123456, 3],
          ['前后 空格', -5, null]
        ]
      }
    ])
    const [sheet] = await readXlsxFile(new Blob([new Uint8Array(bytes)]))
    expect(sheet!.data).toEqual([
      ['名称 <a&b>', 'm', 'n'],
      ['"x" & <y>', 1234.56, 3],
      ['前后 空格', -0.05, null]
    ])
  })
})
