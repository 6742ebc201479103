// Owns the calendar: local 'YYYY-MM-DD' days and 'YYYY-MM' months, their day and month numbers, and every step between them (computed by parts, never UTC parsing).

export type IsoDate = string

/** A month key, 'YYYY-MM': the first seven characters of an IsoDate, so it sorts as a string too. */
export type MonthKey = string

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in month 1-12 of a year: the fast path for months already known to be in range (the leap-year test inline: dayNumber runs it per date). */
function monthLength(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}

// Arithmetic rather than a Date object: this runs for every date the cost engine reads.
export function daysInMonth(year: number, month: number): number {
  // Months outside 1-12 roll into the neighbouring years, as Date(year, month, 0) does.
  if (month >= 1 && month <= 12) return monthLength(year, month)
  const index = year * 12 + month - 1
  const y = Math.floor(index / 12)
  return monthLength(y, index - y * 12 + 1)
}

// Month numbers: year * 12 + month - 1, so stepping months is adding integers and the difference of
// two is the months between them.

/** The month number of a year and month (1-12). */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1
}

/** The year of a month number. */
export function yearOfIndex(index: number): number {
  return Math.floor(index / 12)
}

/** The month (1-12) of a month number. */
export function monthOfIndex(index: number): number {
  return index - Math.floor(index / 12) * 12 + 1
}

/**
 * The month number of a (validated) date or month key, read by character codes: the cost engine
 * calls it for every record, so there is no parsing and no check.
 */
export function monthIndexOf(date: IsoDate | MonthKey): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48)
  return year * 12 + (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1
}

/** The 'YYYY-MM' key of a month number. */
export function monthKey(index: number): MonthKey {
  const y = yearOfIndex(index)
  return `${pad(y, 4)}-${pad(index - y * 12 + 1)}`
}

/** The day number of the first day of a month number. */
export function monthStartDay(index: number): number {
  const y = yearOfIndex(index)
  return dayNumberOf(y, index - y * 12 + 1, 1)
}

/** The date with the given day of a month number, clamped to the month's end (31 in April is the 30th). */
export function dayInMonthIndex(index: number, day: number): IsoDate {
  const y = yearOfIndex(index)
  return dayInMonth(y, index - y * 12 + 1, day)
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
  // Every month has 28 days: only the last few need the month's length.
  if (day > 28 && day > monthLength(year, month)) return -1
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
  const y = yearOfIndex(index)
  const m = index - y * 12 + 1
  return dayNumberOf(y, m, Math.min(day, monthLength(y, m)))
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
  const y = yearOfIndex(index)
  const m = index - y * 12 + 1
  return makeIsoDate(y, m, Math.min(day, monthLength(y, m)))
}

/** The date in the given month with the given day of month, clamped to the month's end. */
export function dayInMonth(year: number, month: number, day: number): IsoDate {
  return makeIsoDate(year, month, Math.min(day, daysInMonth(year, month)))
}

/**
 * firstDue, then the same day of each following month (clamped to a short month's end, and
 * always counted from the first date so a 31st stays a 31st where the month has one).
 * Parses once: the ledger-wide recomputation builds tens of thousands of these.
 */
export function monthlyDueDates(firstDue: IsoDate, count: number): IsoDate[] {
  const { year, month, day } = parts(firstDue)
  const out: IsoDate[] = []
  for (let k = 0; k < count; k++) {
    const index = year * 12 + (month - 1) + k
    const y = yearOfIndex(index)
    const m = index - y * 12 + 1
    out.push(makeIsoDate(y, m, Math.min(day, monthLength(y, m))))
  }
  return out
}

/** dayNumber of each of monthlyDueDates(firstDue, count), worked out without building the dates. */
export function monthlyDueDays(firstDue: IsoDate, count: number): number[] {
  const { year, month, day } = parts(firstDue)
  const out: number[] = []
  for (let k = 0; k < count; k++) {
    const index = year * 12 + (month - 1) + k
    const y = yearOfIndex(index)
    const m = index - y * 12 + 1
    out.push(dayNumberOf(y, m, Math.min(day, monthLength(y, m))))
  }
  return out
}

/** The month key of a date. */
export function monthOf(date: IsoDate): MonthKey {
  return date.slice(0, 7)
}

export function isMonth(value: string): value is MonthKey {
  return value.length === 7 && parseIsoDate(`${value}-01`) !== null
}

/** The year and month (1-12) of a month key. */
export function parseMonth(month: MonthKey): { year: number; month: number } {
  const p = parseIsoDate(`${month}-01`)
  if (month.length !== 7 || !p) throw new RangeError(`not a month: ${month}`)
  return { year: p.year, month: p.month }
}

/** The first and last day of a month. */
export function monthBounds(month: MonthKey): { from: IsoDate; to: IsoDate } {
  const p = parseMonth(month)
  return { from: makeIsoDate(p.year, p.month, 1), to: makeIsoDate(p.year, p.month, monthLength(p.year, p.month)) }
}

/** The month `months` after (or before, when negative) a month. */
export function addMonthsToMonth(month: MonthKey, months: number): MonthKey {
  const p = parseMonth(month)
  return monthKey(monthIndex(p.year, p.month) + months)
}

/** How many months `first` to `last` spans, both included (0 when last is before first). */
export function monthCount(first: MonthKey, last: MonthKey): number {
  return Math.max(0, monthIndexOf(last) - monthIndexOf(first) + 1)
}
