// Owns reading the first sheet of an .xlsx bill (WeChat Pay exports one) into rows of cells.
import { readSheet } from 'read-excel-file/universal'
import type { RawCell } from './cells'

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
