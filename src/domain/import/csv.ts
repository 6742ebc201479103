// Owns reading delimited text into rows of trimmed cells, each row with the line it starts on.

export interface TextRow {
  /** 1-based line of the file where the row starts. */
  line: number
  cells: string[]
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
 * line numbers stay those of the file.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t' = ',', onProgress?: (fraction: number) => void): TextRow[] {
  const rows: TextRow[] = []
  const n = text.length
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let cells: string[] = []
  let cell = ''
  let rowLine = 1
  let rowHasContent = false
  const delim = delimiter.charCodeAt(0)
  let nextReport = 200_000
  const endRow = () => {
    if (rowHasContent || cells.length > 0) {
      cells.push(cleanCell(cell))
      rows.push({ line: rowLine, cells })
    } else rows.push({ line: rowLine, cells: [] })
    cells = []
    cell = ''
    rowHasContent = false
  }
  while (i < n) {
    if (onProgress && i > nextReport) {
      onProgress(i / n)
      nextReport += 200_000
    }
    const c = text.charCodeAt(i)
    if (c === 34 /* " */ && cell.trim() === '') {
      // A quoted cell: read to the closing quote; "" is a quote inside it.
      let j = i + 1
      let value = ''
      for (;;) {
        const q = text.indexOf('"', j)
        if (q < 0) {
          value += text.slice(j)
          j = n
          break
        }
        value += text.slice(j, q)
        if (text.charCodeAt(q + 1) === 34) {
          value += '"'
          j = q + 2
        } else {
          j = q + 1
          break
        }
      }
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++
      cell = value
      rowHasContent = true
      i = j
      // Anything between the closing quote and the delimiter (a stray tab) belongs to the cell.
      while (i < n) {
        const d = text.charCodeAt(i)
        if (d === delim || d === 10 || d === 13) break
        cell += text[i]
        i++
      }
      continue
    }
    if (c === delim) {
      cells.push(cleanCell(cell))
      cell = ''
      rowHasContent = true
      i++
      continue
    }
    if (c === 10 || c === 13) {
      endRow()
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1
      line++
      rowLine = line
      continue
    }
    cell += text[i]
    if (c !== 32 && c !== 9) rowHasContent = true
    i++
  }
  if (rowHasContent || cells.length > 0 || cell !== '') endRow()
  onProgress?.(1)
  return rows
}
