// Owns the XLSX export: each table a sheet with a bold, frozen header, money as yuan numbers Excel can add up.
import type { Cell as XlsxCell, Options, Row, Sheet } from 'write-excel-file/universal'
// @ts-expect-error: write-excel-file 4.1.1 keeps its synchronous writer (fflate's zipSync) out of its
// exports and types. Its public toBlob() zips any part of 160 KB or more in a blob: worker, which our
// Content-Security-Policy refuses (and must), so a large export never finished. xlsx.test.ts reads
// the result back, so an upgrade that moves this module fails a test rather than the export.
import { generateXlsxFileSync as generateUntyped } from '../../../node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js'
import type { Cell, ColumnKind, ExportTable } from '@/domain/report/export-tables'

type GenerateSync = (sheets: Sheet<Blob>[], options: Options<Blob>, more: undefined, toBytes: (content: Blob) => Promise<Uint8Array>) => Promise<Blob>
const generateXlsxFileSync = generateUntyped as GenerateSync

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

/** Every part of the file is text, never a Blob; this is only called if that changes. */
const blobBytes = async (content: Blob) => new Uint8Array(await content.arrayBuffer())

/** The workbook, zipped synchronously: run it in the export worker for anything large. */
export async function tablesToXlsx(tables: readonly ExportTable[]): Promise<Uint8Array> {
  const taken = new Set<string>()
  const sheets: Sheet<Blob>[] = tables.map((table) => {
    const header: Row = table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }))
    const rows: Row[] = table.rows.map((row) => table.columns.map((c, k) => cell(row[k] ?? null, c.kind)))
    return { sheet: sheetName(table.name, taken), data: [header, ...rows], columns: table.columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 }
  })
  const blob = await generateXlsxFileSync(sheets, { fontFamily: 'Microsoft YaHei' }, undefined, blobBytes)
  return new Uint8Array(await blob.arrayBuffer())
}
