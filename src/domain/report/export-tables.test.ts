// Tests the spreadsheet tables and the CSV: one table per record type, summary figures from the report, UTF-8 with BOM, quoting and formula defusing.
import { describe, expect, it } from 'vitest'
import { translate } from '../../i18n'
import { generateSampleLedger } from '../ledger/sample-data'
import { tablesToCsv } from './csv'
import { exportTables, recordTables } from './export-tables'
import { assembleMonthReport, assembleMonthReports } from './month-report'

const today = '2026-11-21'
const ledger = generateSampleLedger({ today })
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params)
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params)
const october = assembleMonthReport(ledger, '2026-10', today, { dues: [], flags: [] })
const range = { from: '2026-10-01', to: '2026-10-31' }

describe('export tables', () => {
  const tables = exportTables(ledger, [october], range, zh)

  it('has the summaries, the open loans, the bills and one table per record type, in Chinese', () => {
    expect(tables.map((t) => t.name)).toEqual(['汇总', '按账户汇总', '未结清借款', '账单', '账户', '借款', '订单', '还款', '征信查询', '账单分期', '账单填写'])
    expect(exportTables(ledger, [october], range, en).map((t) => t.name)).toEqual(['Summary', 'By account', 'Open loans', 'Bills', 'Accounts', 'Draws', 'Orders', 'Repayments', 'Credit inquiries', 'Bill instalments', 'Printed bill figures'])
  })

  it('puts the report\'s figures in the summary row, money in fen', () => {
    const summary = tables[0]!
    expect(summary.columns.map((c) => c.header).slice(0, 3)).toEqual(['月份', '新增借款', '本月还款'])
    expect(summary.rows).toEqual([
      ['2026-10', october.totals.borrowed, october.totals.repaid, october.totals.interestPaid, october.totals.feesPaid, october.totals.penaltyPaid, october.totals.costCharged, october.totals.principalOutstanding, october.totals.owed, '2026-10-31']
    ])
  })

  it('holds the month\'s records only, every account, each row as wide as its header', () => {
    const [accounts, draws, orders, repayments, inquiries] = recordTables(ledger, range, zh)
    expect(accounts!.rows).toHaveLength(ledger.accounts.length)
    expect(draws!.rows).toHaveLength(ledger.draws.filter((d) => d.drawDate.startsWith('2026-10')).length)
    expect(orders!.rows).toHaveLength(ledger.orders.filter((o) => o.orderDate.startsWith('2026-10')).length)
    expect(repayments!.rows).toHaveLength(ledger.repayments.filter((r) => r.date.startsWith('2026-10')).length)
    expect(inquiries!.rows).toHaveLength(ledger.inquiries.filter((i) => i.date.startsWith('2026-10')).length)
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length)
    // Rows in date order; a rate as its percent number.
    const dates = orders!.rows.map((r) => r[0] as string)
    expect(dates).toEqual([...dates].sort())
    expect(recordTables(ledger, null, zh)[1]!.rows.find((r) => r[1] === '网商贷')?.[5]).toBe(0.04)
  })

  it('lists every month of a range in the summary, and every record when asked for all', () => {
    const reports = assembleMonthReports(ledger, '2026-01', '2026-03', today, { dues: [], flags: [] })
    const all = exportTables(ledger, reports, null, zh)
    expect(all[0]!.rows.map((r) => r[0])).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(all[7]!.rows).toHaveLength(ledger.repayments.length)
    expect(all[9]!.rows).toHaveLength(ledger.billInstalments.length)
    // The bills of the three months, each issued in one of them.
    expect(all[3]!.rows.every((r) => String(r[1]) >= '2026-01-01' && String(r[1]) <= '2026-03-31')).toBe(true)
    expect(all[3]!.rows.length).toBeGreaterThan(0)
  })
})

describe('CSV', () => {
  it('starts with a UTF-8 BOM, ends lines in CRLF and writes money as exact yuan', () => {
    const csv = tablesToCsv(exportTables(ledger, [october], range, zh))
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1).split('\r\n').slice(0, 3)).toEqual([
      '汇总',
      '月份,新增借款,本月还款,已付利息,已付费用,已付罚息,本月产生的利息与费用,月末未还本金,月末尚欠合计,数据截至',
      `2026-10,${(october.totals.borrowed / 100).toFixed(2)},${(october.totals.repaid / 100).toFixed(2)},${(october.totals.interestPaid / 100).toFixed(2)},${(october.totals.feesPaid / 100).toFixed(2)},0.00,${(october.totals.costCharged / 100).toFixed(2)},${(october.totals.principalOutstanding / 100).toFixed(2)},${(october.totals.owed / 100).toFixed(2)},2026-10-31`
    ])
    expect(csv).not.toMatch(/[^\r]\n/)
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('quotes commas, quotes and line breaks, and defuses text that would run as a formula', () => {
    const csv = tablesToCsv([
      {
        name: 'T',
        columns: [
          { header: 'text', kind: 'text', width: 10 },
          { header: 'money', kind: 'money', width: 10 },
          { header: 'empty', kind: 'int', width: 10 }
        ],
        rows: [
          ['a,b', 123_456, null],
          ['say "hi"\nthere', 5, 3],
          ['=HYPERLINK("x")', 0, 0],
          ['-1+2', -1_999, 1]
        ]
      }
    ])
    expect(csv.slice(1).split('\r\n')).toEqual(['T', 'text,money,empty', '"a,b",1234.56,', '"say ""hi""\nthere",0.05,3', `"'=HYPERLINK(""x"")",0.00,0`, "'-1+2,-19.99,1", ''])
  })
})
