// Owns turning form text into record fields (yuan to fen, percent to decimal, dayjs to 'YYYY-MM-DD'), collecting issues by field.
import type { Dayjs } from 'dayjs'
import { MAX_FEN, parseYuan, fenToYuanText, type Fen } from '@/domain/money'
import type { FieldIssue } from '@/domain/records'
import dayjs from 'dayjs'

export interface FormParser {
  issues: FieldIssue[]
  /** Stand-ins of the right type for unparseable fields, so the schema can still judge every other field. */
  placeholders: Record<string, unknown>
  fen(path: string, text: string | undefined): Fen
  optionalFen(path: string, text: string | undefined): Fen | null
  /** A percent as typed ("0.04") to a plain decimal (0.0004). */
  percent(path: string, text: string | number | undefined): number
  date(value: Dayjs | null | undefined): string
  optionalDate(value: Dayjs | null | undefined): string | null
}

const moneyMessages: Record<string, string> = {
  'money.empty': 'validation.amount',
  'money.notNumber': 'validation.amount',
  'money.tooManyDecimals': 'validation.amountFen',
  'money.tooLarge': 'validation.amountTooLarge'
}

export function createFormParser(): FormParser {
  const issues: FieldIssue[] = []
  const placeholders: Record<string, unknown> = {}
  const fen = (path: string, text: string | undefined): Fen => {
    const parsed = parseYuan(text ?? '')
    if (parsed.ok) return parsed.fen
    issues.push({ path, message: moneyMessages[parsed.code] ?? 'validation.amount' })
    placeholders[path] = MAX_FEN
    return Number.NaN
  }
  return {
    issues,
    placeholders,
    fen,
    optionalFen: (path, text) => (text === undefined || text.trim() === '' ? null : fen(path, text)),
    percent: (path, text) => {
      const raw = typeof text === 'number' ? String(text) : (text ?? '').trim().replace(/%$/, '')
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw)) {
        issues.push({ path, message: 'validation.rate' })
        placeholders[path] = 0
        return Number.NaN
      }
      // Round away the binary noise of /100 (0.03/100 = 0.00030000000000000003).
      return Math.round((Number(raw) / 100) * 1e12) / 1e12
    },
    date: (value) => (value && value.isValid() ? value.format('YYYY-MM-DD') : ''),
    optionalDate: (value) => (value && value.isValid() ? value.format('YYYY-MM-DD') : null)
  }
}

export function yuanText(fen: Fen | null | undefined): string {
  return fen === null || fen === undefined ? '' : fenToYuanText(fen)
}

/** 0.0004 -> "0.04": the percent a person typed, without float noise. */
export function percentText(rate: number): string {
  return String(Math.round(rate * 100 * 1e10) / 1e10)
}

export function toDayjs(date: string | null | undefined): Dayjs | null {
  // dayjs reads 'YYYY-MM-DD' as a local day.
  return date ? dayjs(date) : null
}
