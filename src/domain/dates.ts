// Owns calendar days: local 'YYYY-MM-DD' strings, compared as strings, computed by parts (never UTC parsing).

export type IsoDate = string

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

// Arithmetic rather than a Date object: this runs for every date the cost engine reads.
export function daysInMonth(year: number, month: number): number {
  // Months outside 1-12 roll into the neighbouring years, as Date(year, month, 0) does.
  const index = year * 12 + month - 1
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29
  return MONTH_DAYS[m - 1]!
}

/** The number in `length` ASCII digits at `from`, or -1: the same strings /\d{n}/ accepts, without a regex's allocations. */
function digitsAt(value: string, from: number, length: number): number {
  let n = 0
  for (let i = from; i < from + length; i++) {
    const c = value.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/**
 * A valid date as the number year * 10,000 + month * 100 + day, or -1: parseIsoDate without the
 * object, for dayNumber, which the cost engine calls for every date of every record.
 */
function packedDate(value: string): number {
  // Exactly YYYY-MM-DD, read by character codes.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 2)
  const day = digitsAt(value, 8, 2)
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return -1
  if (day > daysInMonth(year, month)) return -1
  return year * 10_000 + month * 100 + day
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const packed = packedDate(value)
  if (packed < 0) return null
  return { year: Math.floor(packed / 10_000), month: Math.floor(packed / 100) % 100, day: packed % 100 }
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null
}

function pad(n: number, width = 2): string {
  return n.toString().padStart(width, '0')
}

export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  const p = parseIsoDate(date)
  if (!p) throw new RangeError(`not a valid date: ${date}`)
  return p
}

/** Day number since 1970-01-01 for a local calendar day; DST cannot shift it because UTC is used for the arithmetic only. */
export function dayNumber(date: IsoDate): number {
  const packed = packedDate(date)
  if (packed < 0) throw new RangeError(`not a valid date: ${date}`)
  return dayNumberOf(Math.floor(packed / 10_000), Math.floor(packed / 100) % 100, packed % 100)
}

/** dayNumber(addMonths(date, months)) without building the date in between: the cost engine's end-of-term day. */
export function dayNumberAddMonths(date: IsoDate, months: number): number {
  const packed = packedDate(date)
  if (packed < 0) throw new RangeError(`not a valid date: ${date}`)
  const year = Math.floor(packed / 10_000)
  const month = Math.floor(packed / 100) % 100
  const day = packed % 100
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return dayNumberOf(y, m, Math.min(day, daysInMonth(y, m)))
}

/** The day number of a (valid) year, month and day: dayNumber without a date to parse. H. Hinnant's algorithm: pure arithmetic, as the cost engine calls it per record. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * 86_400_000)
  return makeIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** Days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a)
}

/** Adds months, clamping the day to the end of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return makeIsoDate(y, m, Math.min(day, daysInMonth(y, m)))
}

/** The date in the given month with the given day of month, clamped to the month's end. */
export function dayInMonth(year: number, month: number, day: number): IsoDate {
  return makeIsoDate(year, month, Math.min(day, daysInMonth(year, month)))
}

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7)
}
