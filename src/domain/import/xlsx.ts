// Owns reading the first sheet of an .xlsx bill (WeChat Pay exports one) into rows of cells, after checking the workbook is a size a bill can be.
import { unzipSync } from 'fflate'
import { readSheet } from 'read-excel-file/universal'
import type { RawCell } from './cells'
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_XLSX_PART_BYTES, MAX_XLSX_TOTAL_BYTES } from './limits'

/** read-excel-file types a date cell as the Date constructor; at run time it is a Date, and this checks. */
function toRawCell(cell: unknown): RawCell {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' || cell instanceof Date) return cell
  return String(cell)
}

/** The sheet's rows, index 0 being Excel's row 1; null when the bytes are not a readable workbook. */
export async function readXlsxRows(bytes: Uint8Array): Promise<RawCell[][] | null> {
  try {
    // A copy that owns exactly these bytes: the view may be a window on a larger buffer.
    const rows = await readSheet(bytes.slice().buffer)
    return rows.map((row) => row.map(toRawCell))
  } catch {
    return null
  }
}

export type XlsxSize = { ok: true } | { ok: false; reason: 'unreadable' } | { ok: false; reason: 'tooLarge'; extent: string }

/** The column letters of a 1-based column number: 1 → A, 16384 → XFD. */
export function columnName(column: number): string {
  let name = ''
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

const CELL_REF = /<(?:[\w-]+:)?c\b[^>]*?\sr="([A-Za-z]{1,4})(\d{1,8})"/g
const ROW_REF = /<(?:[\w-]+:)?row\b[^>]*?\sr="(\d{1,8})"/g

/**
 * Whether the reader may open this workbook. read-excel-file lays a sheet out as a full grid up to
 * its last cell, so one cell at XFD1048576 in a 4 KB file is 17 billion cells: this reads the
 * archive's directory (no part is inflated past the size it declares, and parts that declare too
 * much are refused), then every worksheet's cell and row references, and refuses a sheet reaching
 * past MAX_SHEET_ROWS or MAX_SHEET_COLUMNS, naming its farthest cell.
 */
export function checkXlsxSize(bytes: Uint8Array): XlsxSize {
  let total = 0
  let oversized = false
  let sheets: Record<string, Uint8Array>
  try {
    sheets = unzipSync(bytes, {
      filter: (file) => {
        // The parts the reader inflates: XML and relationships.
        if (!/\.(?:xml|rels)$/i.test(file.name)) return false
        total += file.originalSize
        if (file.originalSize > MAX_XLSX_PART_BYTES || total > MAX_XLSX_TOTAL_BYTES) oversized = true
        return !oversized && /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name)
      }
    })
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  if (oversized) return { ok: false, reason: 'tooLarge', extent: `${Math.ceil(total / (1024 * 1024))} MB` }
  const decoder = new TextDecoder()
  for (const data of Object.values(sheets)) {
    const xml = decoder.decode(data)
    let maxRow = 0
    let maxColumn = 0
    for (const m of xml.matchAll(CELL_REF)) {
      const column = columnNumber(m[1]!)
      const row = Number(m[2])
      if (row > MAX_SHEET_ROWS || column > MAX_SHEET_COLUMNS) return { ok: false, reason: 'tooLarge', extent: `${m[1]!.toUpperCase()}${row}` }
      if (column > maxColumn) maxColumn = column
      if (row > maxRow) maxRow = row
    }
    for (const m of xml.matchAll(ROW_REF)) {
      const row = Number(m[1])
      if (row > maxRow) maxRow = row
    }
    if (maxRow > MAX_SHEET_ROWS || maxColumn > MAX_SHEET_COLUMNS) return { ok: false, reason: 'tooLarge', extent: `${columnName(Math.max(maxColumn, 1))}${Math.max(maxRow, 1)}` }
  }
  return { ok: true }
}
