// Owns parsing one bill file: bytes to text or sheet, the header row found by its columns, each row read or reported with its file, line and column.
import { blankPlaceholder, cellText, parseAmountCell, parseDirection, parseTimeCell, refundRemark, type RawCell } from './cells'
import { detectDelimiter, parseDelimited } from './csv'
import { decodeBill, looksMisdecoded } from './decode'
import { BILL_FIELDS, detectSource, isHeaderRow, SOURCE_FORMATS, type BillField, type Detection } from './sources'
import type { BillRow, ImportProblem, ParsedBill, ProblemCode, ProgressFn } from './types'
import { checkXlsxSize, readXlsxRows } from './xlsx'
import { MAX_BILL_ROWS } from './limits'

/** Far above a year of anyone's bills (about 3 MB for 10,000 rows), low enough to refuse a wrong file early. */
export const MAX_BILL_BYTES = 64 * 1024 * 1024

export interface BillFile {
  fileIndex: number
  name: string
  bytes: Uint8Array
}

interface SheetRow {
  line: number
  cells: RawCell[]
  /** A CSV line whose quote never closes (see parseDelimited): reported, never read. */
  unbalancedQuote?: true
  raw?: string
  quoteAt?: number
}

const REPLACEMENT = '\uFFFD'
const MAX_VALUE_SHOWN = 40

function shown(value: string): string {
  return value.length > MAX_VALUE_SHOWN ? `${value.slice(0, MAX_VALUE_SHOWN)}…` : value
}

function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
}

function isOleCompound(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0
}

function filled(c: RawCell): boolean {
  return c !== null && c !== '' && (typeof c !== 'string' || c.trim() !== '')
}

/**
 * Lines that are not transactions although they sit in or after the table: blank ones, a
 * separator of dashes, a lone remark. A real row has more than one filled cell.
 */
function notARow(row: SheetRow): boolean {
  let count = 0
  let only: RawCell = null
  for (const c of row.cells) {
    if (!filled(c)) continue
    if (++count > 1) return false
    only = c
  }
  return count === 0 || parseTimeCell(typeof only === 'string' ? only.trim() : only) === null
}

/**
 * Reads a bill into rows. Never throws: whatever is wrong with the file or a row becomes a
 * problem naming the file, the line and the column, and the good rows are still returned.
 */
export async function parseBill(file: BillFile, onProgress?: ProgressFn): Promise<ParsedBill> {
  const base = { fileIndex: file.fileIndex, file: file.name }
  const fileProblem = (code: ProblemCode, encoding: string, value = '', line: number | null = null, column: string | null = null): ParsedBill => ({
    ...base,
    source: null,
    encoding,
    headerLine: null,
    dataRows: 0,
    rows: [],
    problems: [{ ...base, line, column, code, value }]
  })
  const { bytes } = file
  if (bytes.length === 0) return fileProblem('empty', '')
  if (bytes.length > MAX_BILL_BYTES) return fileProblem('tooLarge', '')
  if (isOleCompound(bytes)) return fileProblem('legacyXls', '')

  let rows: SheetRow[]
  let encoding: string
  let badBytes = false
  let misdecoded = false
  if (isZip(bytes)) {
    // Before the reader sees it: a sheet whose cells reach row 1,048,576 or column XFD would be
    // laid out as a grid that size in memory.
    const size = checkXlsxSize(bytes)
    if (!size.ok) return size.reason === 'unreadable' ? fileProblem('xlsx', 'xlsx') : fileProblem('sheetTooLarge', 'xlsx', size.extent)
    const sheet = await readXlsxRows(bytes)
    if (!sheet) return fileProblem('xlsx', 'xlsx')
    rows = sheet.map((cells, i) => ({ line: i + 1, cells }))
    encoding = 'xlsx'
    onProgress?.(0.5)
  } else {
    const decoded = decodeBill(bytes)
    encoding = decoded.encoding
    badBytes = !decoded.ok
    misdecoded = looksMisdecoded(decoded.text)
    onProgress?.(0.1)
    rows = parseDelimited(decoded.text, detectDelimiter(decoded.text), onProgress && ((f) => onProgress(0.1 + f * 0.4)))
  }

  const headerAt = rows.findIndex((r) => isHeaderRow(r.cells.map(cellText)))
  if (headerAt < 0) {
    // Bad bytes where the header should be: name the first line they spoil.
    const spoilt = badBytes ? rows.find((r) => r.cells.some((c) => cellText(c).includes(REPLACEMENT))) : undefined
    return fileProblem(badBytes || misdecoded ? 'encoding' : 'notBill', encoding, '', spoilt?.line ?? null)
  }
  const headerRow = rows[headerAt]!
  const header = headerRow.cells.map(cellText)
  if (header.some((c) => c.includes(REPLACEMENT))) return fileProblem('encoding', encoding, '', headerRow.line)
  const preamble = rows
    .slice(0, headerAt)
    .map((r) => r.cells.map(cellText).join(' '))
    .join('\n')
  const detection = detectSource(header, preamble)
  if (!detection) return fileProblem('notBill', encoding, '', headerRow.line)
  if (detection.missing.length > 0)
    return {
      ...fileProblem('missingColumn', encoding),
      source: detection.source,
      headerLine: headerRow.line,
      problems: detection.missing.map((column) => ({ ...base, line: headerRow.line, column, code: 'missingColumn', value: column }))
    }

  const out: BillRow[] = []
  const problems: ImportProblem[] = []
  let dataRows = 0
  const body = rows.slice(headerAt + 1)
  const read = rowReader(detection, header, badBytes, base)
  for (let i = 0; i < body.length; i++) {
    if (onProgress && i % 2000 === 1999) onProgress(0.5 + (i / body.length) * 0.5)
    const row = body[i]!
    if (row.unbalancedQuote) {
      dataRows++
      // Shown from the quote on: that is what to fix.
      problems.push({ ...base, line: row.line, column: null, code: 'unbalancedQuote', value: shown((row.raw ?? '').slice(row.quoteAt ?? 0)) })
      continue
    }
    if (notARow(row)) continue
    // A file past the limit is refused whole: part of a bill is worse than none.
    if (++dataRows > MAX_BILL_ROWS) return { ...fileProblem('tooManyRows', encoding, String(MAX_BILL_ROWS)), source: detection.source, headerLine: headerRow.line }
    const result = read(row)
    if (result.kind === 'problem') problems.push(result.problem)
    else out.push(result.row)
  }
  onProgress?.(1)
  return { ...base, source: detection.source, encoding, headerLine: headerRow.line, dataRows, rows: out, problems }
}

type RowResult = { kind: 'row'; row: BillRow } | { kind: 'problem'; problem: ImportProblem }

/**
 * Makes the reader of one file's rows. What depends only on the header (each field's column and
 * its name) is worked out here once, so reading a row allocates nothing but its result.
 */
function rowReader(detection: Detection, header: readonly string[], badBytes: boolean, base: Pick<BillRow, 'fileIndex' | 'file'>): (row: SheetRow) => RowResult {
  const { fileIndex, file } = base
  const { index, source } = detection
  const format = SOURCE_FORMATS[source]
  const columnName = (field: BillField) => header[index[field]] ?? format.columns[field] ?? field
  const names = Object.fromEntries(BILL_FIELDS.map((f) => [f, columnName(f)]))
  // Every column the source needs must be in the row; optional ones may be cut off at its end.
  const needed = BILL_FIELDS.filter((f) => index[f] >= 0 && !format.optional.includes(f)).sort((a, b) => index[a] - index[b])
  const at = (cells: readonly RawCell[], field: BillField): RawCell | undefined => (index[field] >= 0 ? cells[index[field]] : undefined)
  const text = (cells: readonly RawCell[], field: BillField): string => cellText(at(cells, field))
  const problem = (line: number, code: ProblemCode, field: BillField, value: string): RowResult => ({
    kind: 'problem',
    problem: { fileIndex, file, line, column: names[field] ?? field, code, value: shown(value) }
  })

  return (row) => {
    const { cells, line } = row
    if (badBytes) {
      const bad = cells.findIndex((c) => cellText(c).includes(REPLACEMENT))
      if (bad >= 0) return { kind: 'problem', problem: { fileIndex, file, line, column: header[bad] ?? null, code: 'rowEncoding', value: shown(cellText(cells[bad])) } }
    }
    for (const field of needed) if (index[field] >= cells.length) return problem(line, 'shortRow', field, '')
    const timeCell = at(cells, 'time')
    const time = parseTimeCell(typeof timeCell === 'string' ? timeCell.trim() : timeCell)
    if (!time) return problem(line, 'badDate', 'time', text(cells, 'time'))
    const amountCell = at(cells, 'amount')
    const amount = parseAmountCell(typeof amountCell === 'string' ? amountCell.trim() : amountCell)
    if (!amount) return problem(line, 'badAmount', 'amount', text(cells, 'amount'))
    let direction = parseDirection(text(cells, 'direction'))
    const status = blankPlaceholder(text(cells, 'status'))
    const type = blankPlaceholder(text(cells, 'type'))
    const item = blankPlaceholder(text(cells, 'item'))
    if (amount.negative) {
      // A minus sign is money coming back: fine on a refund, which it turns into money in; on
      // anything else its meaning is unknown, and reading it as a purchase would invent a debt.
      if (!/退款/.test(`${status} ${type} ${item}`)) return problem(line, 'negativeAmount', 'amount', text(cells, 'amount'))
      if (direction === 'out') direction = 'in'
    }
    const parsed: BillRow = {
      fileIndex,
      file,
      line,
      source,
      date: time.date,
      time: time.time,
      type,
      counterparty: blankPlaceholder(text(cells, 'counterparty')),
      item,
      direction,
      amount: amount.fen,
      method: blankPlaceholder(text(cells, 'method')),
      status,
      tradeNo: blankPlaceholder(text(cells, 'tradeNo')),
      merchantOrderNo: blankPlaceholder(text(cells, 'merchantOrderNo')),
      note: blankPlaceholder(text(cells, 'note')),
      // A purchase that was refunded afterwards says so in its amount (JD) or its status (WeChat).
      rowRefund: amount.refund ?? (direction === 'out' && status.includes('退款') ? refundRemark(status) : null)
    }
    return { kind: 'row', row: parsed }
  }
}
