// Owns reading delimited text into rows of trimmed cells, each row with the line it starts on.

export interface TextRow {
  /** 1-based line of the file where the row starts. */
  line: number
  cells: string[]
  /**
   * Set on a line whose quote never closes where a cell could end: its cells are left empty and
   * `raw` holds the line as written. The rows after it are read as if it had no quote.
   */
  unbalancedQuote?: true
  raw?: string
  /** Where in `raw` the quote that never closes stands. */
  quoteAt?: number
}

/** A quoted cell spanning more lines than this is a quote left open, not a note with line breaks. */
export const MAX_LINES_IN_CELL = 20

/**
 * The start of a transaction row: a date, then a delimiter later on the same line. A quoted cell
 * whose text holds one of these at a line start has swallowed the rows after an unbalanced quote.
 */
const ROW_START = /^[ \t]*(?:=?")?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/

function swallowsRows(chunk: string, delimiter: string): boolean {
  let lines = 0
  for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) {
    if (++lines > MAX_LINES_IN_CELL) return true
    const end = chunk.indexOf('\n', k + 1)
    const next = chunk.slice(k + 1, end < 0 ? chunk.length : end)
    if (ROW_START.test(next) && next.includes(delimiter)) return true
  }
  return false
}

/**
 * A bill's cell as people see it: padding and the tab that Alipay and WeChat append to order
 * numbers (so that Excel keeps them as text) trimmed; an Excel text guard ="…" unwrapped.
 */
export function cleanCell(raw: string): string {
  const trimmed = raw.trim()
  if (trimmed.length >= 3 && trimmed.startsWith('="') && trimmed.endsWith('"')) return trimmed.slice(2, -1).trim()
  return trimmed
}

/**
 * The delimiter of the table: a bill's header row starts with 交易时间 or 交易创建时间 and the
 * character after that name separates its cells. Comma unless the header says otherwise.
 */
export function detectDelimiter(text: string): ',' | '\t' {
  const match = /(?:^|\n)[\s"\uFEFF]*交易(?:创建)?时间"?\s*?([,\t])/.exec(text.slice(0, 200_000))
  return match?.[1] === '\t' ? '\t' : ','
}

/**
 * Splits text into rows (RFC 4180: quoted cells may hold delimiters, doubled quotes and line
 * breaks; CRLF, LF and lone CR all end a line). Blank lines are kept as rows without cells, so
 * line numbers stay those of the file. Cells are cut out with slice, never built a character at
 * a time: a year of bills is millions of characters.
 *
 * A quote that never closes, or whose cell would run over the start of another transaction row
 * or more than MAX_LINES_IN_CELL lines, is unbalanced: its line becomes a row marked
 * `unbalancedQuote` and reading goes on at the next line, so no row after it is lost.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t' = ',', onProgress?: (fraction: number) => void): TextRow[] {
  const rows: TextRow[] = []
  const n = text.length
  const delim = delimiter.charCodeAt(0)
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let nextReport = 200_000
  while (i < n) {
    if (onProgress && i > nextReport) {
      onProgress(i / n)
      nextReport += 200_000
    }
    const rowLine = line
    const rowStart = i
    const cells: string[] = []
    let unbalanced = -1
    // One row: cells until a line break outside quotes, or the end.
    for (;;) {
      let start = i
      while (start < n && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) && text.charCodeAt(start) !== delim) start++
      let value: string
      let j: number
      if (text.charCodeAt(start) === 34 /* " */) {
        // A quoted cell: to the closing quote; "" is a quote inside it.
        value = ''
        j = start + 1
        let closed = false
        for (;;) {
          const q = text.indexOf('"', j)
          const end = q < 0 ? n : q
          value += text.slice(j, end)
          if (q < 0) {
            j = n
            break
          }
          if (text.charCodeAt(q + 1) === 34) {
            value += '"'
            j = q + 2
          } else {
            j = q + 1
            closed = true
            break
          }
        }
        if (!closed || (value.includes('\n') && swallowsRows(value.replace(/\r\n?/g, '\n'), delimiter))) {
          unbalanced = start
          break
        }
        for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++
        // Anything between the closing quote and the delimiter (a stray tab) belongs to the cell.
        const rest = j
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === delim || c === 10 || c === 13) break
          j++
        }
        value += text.slice(rest, j)
      } else {
        j = i
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === delim || c === 10 || c === 13) break
          j++
        }
        value = text.slice(i, j)
      }
      cells.push(cleanCell(value))
      if (j < n && text.charCodeAt(j) === delim) {
        i = j + 1
        continue
      }
      // End of the row: a line break or the end of the text.
      i = j < n ? j + (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1) : n
      break
    }
    if (unbalanced >= 0) {
      // The bad line on its own, as written; the next line is read afresh.
      let end = rowStart
      while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++
      rows.push({ line: rowLine, cells: [], unbalancedQuote: true, raw: text.slice(rowStart, end), quoteAt: unbalanced < end ? unbalanced - rowStart : 0 })
      i = end < n ? end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1) : n
      line = rowLine + 1
      continue
    }
    line++
    rows.push({ line: rowLine, cells: cells.length === 1 && cells[0] === '' ? [] : cells })
  }
  onProgress?.(1)
  return rows
}
