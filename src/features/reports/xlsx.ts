// Owns the XLSX export: each table a sheet with a bold, frozen header, money as yuan numbers Excel can add up.
import writeXlsxFile, { type Cell as XlsxCell, type Row, type Sheet } from 'write-excel-file/universal'
import type { Cell, ColumnKind, ExportTable } from '@/domain/report/export-tables'

const FORMATS: Partial<Record<ColumnKind, string>> = { money: '#,##0.00', int: '0', percent: '0.00##' }

function cell(value: Cell, kind: ColumnKind): XlsxCell {
  if (value === null) return null
  if (typeof value === 'number') {
    // Fen to yuan only here, at the edge; every figure is a whole number of fen, so two decimals are exact.
    const number = kind === 'money' ? value / 100 : value
    const format = FORMATS[kind]
    return format ? { value: number, type: Number, format } : { value: number, type: Number }
  }
  return { value, type: String }
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them, and two sheets of one name. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet'
  let unique = base
  for (let i = 2; taken.has(unique); i++) unique = `${base.slice(0, 28)} ${i}`
  taken.add(unique)
  return unique
}

export async function tablesToXlsx(tables: readonly ExportTable[]): Promise<Uint8Array> {
  const taken = new Set<string>()
  const sheets: Sheet<Blob>[] = tables.map((table) => {
    const header: Row = table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }))
    const rows: Row[] = table.rows.map((row) => table.columns.map((c, k) => cell(row[k] ?? null, c.kind)))
    return { sheet: sheetName(table.name, taken), data: [header, ...rows], columns: table.columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 }
  })
  const blob = await writeXlsxFile(sheets, { fontFamily: 'Microsoft YaHei' }).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}
