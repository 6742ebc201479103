// Owns money: integer fen in, integer fen out; yuan exist only when parsing or formatting.

/** The largest amount the ledger accepts: 10^10 yuan, in fen. */
export const MAX_FEN = 1_000_000_000_000

export type Fen = number

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

export type ParseYuanResult =
  | { ok: true; fen: Fen }
  | { ok: false; code: 'money.empty' | 'money.notNumber' | 'money.tooManyDecimals' | 'money.tooLarge' }

/**
 * Parses what a person types as yuan ("1,234.5", "¥ 88", "12.30") into fen without passing
 * through floating point. Anything ambiguous ("1,2,3", "12.3 4", "1，5") is refused
 * rather than guessed, so "0.29" is exactly 29 fen. Signs are accepted here; whether a
 * negative amount is allowed is the schema's decision.
 */
export function parseYuan(input: string): ParseYuanResult {
  // Commas (either width) and single spaces only as thousands separators; spaces around the sign.
  const trimmed = input.trim().replace(/^([+-]?)\s*[¥￥]\s*/, '$1').replace(/，/g, ',')
  if (trimmed === '') return { ok: false, code: 'money.empty' }
  if (/[, \s]/.test(trimmed) && !/^[+-]?\d{1,3}([, ]\d{3})+(\.\d*)?$/.test(trimmed)) return { ok: false, code: 'money.notNumber' }
  const text = trimmed.replace(/[, ]/g, '')
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text)
  if (!match) return { ok: false, code: 'money.notNumber' }
  const [, sign = '', whole = '', decimals = ''] = match
  if (decimals.length > 2) return { ok: false, code: 'money.tooManyDecimals' }
  const wholeDigits = whole.replace(/^0+(?=\d)/, '')
  if (wholeDigits.length > 11) return { ok: false, code: 'money.tooLarge' }
  const fen = Number(wholeDigits || '0') * 100 + Number(decimals.padEnd(2, '0'))
  if (fen > MAX_FEN) return { ok: false, code: 'money.tooLarge' }
  return { ok: true, fen: sign === '-' && fen !== 0 ? -fen : fen }
}

const grouping = /\B(?=(\d{3})+(?!\d))/g

/** Formats fen as ¥1,234.56 (negative as -¥1,234.56). Exact for every safe integer. */
export function formatFen(fen: Fen, options: { symbol?: boolean } = {}): string {
  const symbol = options.symbol === false ? '' : '¥'
  const negative = fen < 0
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100).toString().replace(grouping, ',')
  const cents = (abs % 100).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${symbol}${yuan}.${cents}`
}

/** Plain yuan text for form fields ("1234.5" -> "1234.50"), without grouping or symbol. */
export function fenToYuanText(fen: Fen): string {
  return formatFen(fen, { symbol: false }).replace(/,/g, '')
}

/**
 * Sums fen, refusing to return anything but the exact safe integer total. Every value and
 * every partial sum is checked: once a partial sum leaves the safe range it has lost
 * precision, and later terms could bring it back into range with a wrong total.
 */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0
  for (const v of values) {
    total += v
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(total))
      throw new RangeError('money sum is outside the safe integer range')
  }
  return total
}

/**
 * Splits an amount into n parts that differ by at most one fen and add up exactly to the
 * whole; the earlier parts take the remainder, so a schedule's last period is never larger.
 */
export function splitFen(total: Fen, parts: number): Fen[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer')
  const base = Math.trunc(total / parts)
  let remainder = total - base * parts
  const step = remainder >= 0 ? 1 : -1
  const out: Fen[] = []
  for (let i = 0; i < parts; i++) {
    if (remainder !== 0) {
      out.push(base + step)
      remainder -= step
    } else out.push(base)
  }
  return out
}

/** Rounds a fractional amount of fen half away from zero (the usual commercial rule). */
export function roundFen(value: number): Fen {
  const r = Math.sign(value) * Math.round(Math.abs(value))
  return r === 0 ? 0 : r
}
