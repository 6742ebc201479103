// Owns calendar days: local 'YYYY-MM-DD' strings, compared as strings, computed by parts (never UTC parsing).

export type IsoDate = string

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

export function daysInMonth(year: number, month: number): number {
  return new Date(year, month, 0).getDate()
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(value)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  if (day > daysInMonth(year, month)) return null
  return { year, month, day }
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
  const { year, month, day } = parts(date)
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000)
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
