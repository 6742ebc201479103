// Owns reading one bill cell: amounts (¥ prefix, thousands separators, a refund note in brackets) to fen, times to local dates, 收/支 to a direction.
import { dayNumberOf, fromDayNumber, isIsoDate, makeIsoDate, type IsoDate } from '../calendar'
import { MAX_FEN, parseYuan, type Fen } from '../money'
import type { Direction, RowRefund } from './types'

/** What a spreadsheet cell can hold; CSV cells are always strings. */
export type RawCell = string | number | boolean | Date | null

export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString()
  return String(cell).trim()
}

const PLAIN_AMOUNT = /^\d{1,11}(?:\.\d{1,2})?$/

export interface AmountCell {
  fen: Fen
  negative: boolean
  /** JD writes refunds into the amount: "44.00(已全额退款)", "44.00(已退款10.00)". */
  refund: RowRefund | null
}

function yuanToFen(text: string): Fen | null {
  const parsed = parseYuan(text)
  return parsed.ok ? parsed.fen : null
}

/** Reads a refund remark: 已全额退款, 全额退款, 已退款(￥10.00), 已退款10.00, 部分退款 ¥10. */
export function refundRemark(text: string): RowRefund | null {
  const t = text.replace(/\s/g, '')
  if (t === '') return null
  if (/全额退款/.test(t)) return { full: true }
  const partial = /退款[(（]?[¥￥]?([\d,]+(?:\.\d+)?)/.exec(t)
  if (partial) {
    const fen = yuanToFen(partial[1]!)
    if (fen !== null && fen > 0) return { full: false, amount: fen }
  }
  if (/^已退款$|^退款成功$/.test(t)) return { full: true }
  return null
}

/** Parses an amount cell, or null when it is not an amount. Zero is an amount (some bills list free orders). */
export function parseAmountCell(cell: RawCell | undefined): AmountCell | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return null
    const fen = Math.round(cell * 100)
    // More than two decimals is not money; a float's last-bit noise is.
    if (Math.abs(cell * 100 - fen) > 1e-6 || Math.abs(fen) > MAX_FEN) return null
    return { fen: Math.abs(fen), negative: fen < 0, refund: null }
  }
  if (typeof cell !== 'string') return null
  let text = cell.trim()
  // The common case, a plain "123.45", without the general parser's regexes.
  if (PLAIN_AMOUNT.test(text)) {
    const dot = text.indexOf('.')
    const fen = dot < 0 ? Number(text) * 100 : Number(text.slice(0, dot)) * 100 + Number(text.slice(dot + 1).padEnd(2, '0'))
    if (fen <= MAX_FEN) return { fen, negative: false, refund: null }
  }
  let refund: RowRefund | null = null
  const last = text.charCodeAt(text.length - 1)
  const bracket = last === 0x29 || last === 0xff09 ? /^(.*?)[(（]([^()（）]*)[)）]$/.exec(text) : null
  if (bracket) {
    refund = refundRemark(bracket[2]!)
    if (!refund) return null
    text = bracket[1]!.trim()
  }
  const fen = yuanToFen(text)
  if (fen === null || Math.abs(fen) > MAX_FEN) return null
  return { fen: Math.abs(fen), negative: fen < 0, refund }
}

export interface TimeCell {
  date: IsoDate
  time: string
}

const pad = (n: number) => n.toString().padStart(2, '0')

function digit(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c >= 48 && c <= 57
}

/** "YYYY-MM-DD HH:mm:ss", as every bill writes it, checked by character: the general parser's regex is for the rest. */
function isoTime(text: string): TimeCell | null {
  if (text.length !== 19 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null
  if (!digit(text, 11) || !digit(text, 12) || !digit(text, 14) || !digit(text, 15) || !digit(text, 17) || !digit(text, 18)) return null
  const date = text.slice(0, 10)
  const hour = Number(text.slice(11, 13))
  if (!isIsoDate(date) || hour > 23 || text.charCodeAt(14) > 53 || text.charCodeAt(17) > 53) return null
  return { date, time: text.slice(11) }
}

/** Excel's day 0 is 1899-12-30 (its serials count the non-existent 1900-02-29). */
const EXCEL_EPOCH = dayNumberOf(1899, 12, 30)

/**
 * Parses a transaction time: "2026-11-03 12:34:56", "2026/11/3 9:05", "2026年11月3日 09:05:00",
 * a bare date, a spreadsheet date (read-excel-file gives the wall-clock time as a UTC Date) or
 * an Excel serial number. The bill's own wall-clock day is the local date; no time zone applies.
 */
export function parseTimeCell(cell: RawCell | undefined): TimeCell | null {
  if (cell instanceof Date) {
    const ms = cell.getTime()
    if (Number.isNaN(ms)) return null
    // Spreadsheet times are fractions of a day: 12:00:01 can arrive as 12:00:00.999.
    const d = new Date(Math.round(ms / 1000) * 1000)
    const date = makeIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
    return isIsoDate(date) ? { date, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` } : null
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return null
    const seconds = Math.round((cell - Math.floor(cell)) * 86_400)
    const days = Math.floor(cell) + Math.floor(seconds / 86_400)
    const s = seconds % 86_400
    const date = fromDayNumber(EXCEL_EPOCH + days)
    return isIsoDate(date) ? { date, time: `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` } : null
  }
  if (typeof cell !== 'string') return null
  const fast = isoTime(cell)
  if (fast) return fast
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(cell.trim())
  if (!m) return null
  const date = makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  if (!isIsoDate(date)) return null
  if (m[4] === undefined) return { date, time: '' }
  const h = Number(m[4])
  const min = Number(m[5])
  const sec = m[6] === undefined ? 0 : Number(m[6])
  if (h > 23 || min > 59 || sec > 59) return null
  return { date, time: `${pad(h)}:${pad(min)}:${pad(sec)}` }
}

/** 收/支: 支出 and 收入; everything else (不计收支, "/", 其他, empty) moves no money in or out. */
export function parseDirection(text: string): Direction {
  const t = text.replace(/\s/g, '')
  if (t === '支出' || t === '支') return 'out'
  if (t === '收入' || t === '收') return 'in'
  return 'none'
}

/** WeChat writes "/" for an empty cell. */
export function blankPlaceholder(text: string): string {
  return text === '/' || text === '-' || text === '--' ? '' : text
}
