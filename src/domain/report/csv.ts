// Owns the CSV export: the tables one after another in one UTF-8 file with a BOM, so Excel and WPS open Chinese correctly.
import { fenToYuanText } from '../money'
import type { Cell, ColumnKind, ExportTable } from './export-tables'

export const UTF8_BOM = '\uFEFF'

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return
 * first) gets a leading apostrophe: a merchant name must never become a formula on someone's PC.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function cellText(value: Cell, kind: ColumnKind): string {
  if (value === null) return ''
  if (typeof value === 'number') {
    if (kind === 'money') return fenToYuanText(value)
    return String(value)
  }
  return kind === 'text' ? defuse(value) : value
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function line(cells: readonly string[]): string {
  return cells.map(quote).join(',')
}

/**
 * One CSV of several tables: each starts with a line holding its name, then its header and rows,
 * and a blank line sets it off from the next. Money is written as exact yuan ("1234.56"), so a
 * spreadsheet reads it as a number; lines end in CRLF as RFC 4180 and Excel expect.
 */
export function tablesToCsv(tables: readonly ExportTable[]): string {
  const lines: string[] = []
  tables.forEach((table, i) => {
    if (i > 0) lines.push('')
    lines.push(line([table.name]))
    lines.push(line(table.columns.map((c) => c.header)))
    for (const row of table.rows) lines.push(line(table.columns.map((c, k) => cellText(row[k] ?? null, c.kind))))
  })
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}
