import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  dayInMonth,
  dayInMonthIndex,
  dayNumber,
  dayNumberAddMonths,
  dayNumberOf,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isMonth,
  makeIsoDate,
  monthBounds,
  monthCount,
  monthIndex,
  monthIndexOf,
  monthKey,
  monthlyDueDates,
  monthlyDueDays,
  monthOf,
  monthOfIndex,
  monthStartDay,
  parseIsoDate,
  parseMonth,
  yearOfIndex
} from './calendar'

/** Any valid day between 1901 and 2199, built by parts so the generator cannot produce impossible dates. */
const isoDateArb = fc
  .record({ year: fc.integer({ min: 1901, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => dayInMonth(year, month, day))

describe('parseIsoDate / isIsoDate', () => {
  it('splits a valid date into numbers', () => {
    expect(parseIsoDate('2026-11-21')).toEqual({ year: 2026, month: 11, day: 21 })
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 })
    expect(parseIsoDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 })
  })

  it.each([
    ['2026-02-29', 'February of a common year has 28 days'],
    ['2024-02-30', 'February of a leap year has 29 days'],
    ['1900-02-29', '1900 is divisible by 100 but not 400, so not leap'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-06-31', 'June has 30 days'],
    ['2026-13-01', 'there is no month 13'],
    ['2026-00-10', 'there is no month 0'],
    ['2026-01-00', 'there is no day 0'],
    ['2026-01-32', 'no month has 32 days'],
    ['2026-1-1', 'parts must be zero-padded'],
    ['2026-01-1', 'day must be two digits'],
    ['26-01-01', 'year must be four digits'],
    ['2026/01/01', 'only dashes separate'],
    ['2026-01-01T00:00', 'no time part'],
    [' 2026-01-01', 'no padding'],
    ['', 'empty'],
    ['1899-12-31', 'before the supported range'],
    ['2201-01-01', 'after the supported range']
  ])('rejects %j (%s)', (value) => {
    expect(parseIsoDate(value)).toBeNull()
    expect(isIsoDate(value)).toBe(false)
  })

  it('isIsoDate refuses non-strings', () => {
    expect(isIsoDate(20260101)).toBe(false)
    expect(isIsoDate(null)).toBe(false)
    expect(isIsoDate(new Date(2026, 0, 1))).toBe(false)
    expect(isIsoDate('2026-01-01')).toBe(true)
  })
})

describe('daysInMonth', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2026, 1)).toBe(31)
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2026, 4)).toBe(30)
    expect(daysInMonth(2026, 12)).toBe(31)
  })
})

describe('makeIsoDate / monthOf', () => {
  it('zero-pads parts', () => {
    expect(makeIsoDate(2026, 1, 5)).toBe('2026-01-05')
    expect(makeIsoDate(2026, 12, 31)).toBe('2026-12-31')
  })

  it('takes the month of a date', () => {
    expect(monthOf('2026-03-09')).toBe('2026-03')
  })
})

describe('dayInMonth', () => {
  it('clamps to the last day of the month', () => {
    expect(dayInMonth(2026, 2, 31)).toBe('2026-02-28')
    expect(dayInMonth(2024, 2, 31)).toBe('2024-02-29')
    expect(dayInMonth(2026, 4, 31)).toBe('2026-04-30')
    expect(dayInMonth(2026, 3, 31)).toBe('2026-03-31')
    expect(dayInMonth(2026, 3, 15)).toBe('2026-03-15')
  })
})

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15')
    expect(addMonths('2026-03-31', 2)).toBe('2026-05-31')
    expect(addMonths('2026-01-31', 0)).toBe('2026-01-31')
  })

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
  })

  it('crosses year ends in both directions', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28')
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30')
    expect(addMonths('2026-05-10', -29)).toBe('2023-12-10')
    expect(addMonths('2026-05-10', 360)).toBe('2056-05-10')
  })

  it('throws on an invalid start date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError)
  })

  it('never lands on a later day of month than it started, and stays in the target month (property)', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const out = addMonths(date, months)
        const from = parseIsoDate(date)!
        const to = parseIsoDate(out)
        if (!to) return // left the supported year range; nothing to compare
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(months)
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)))
      })
    )
  })
})

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01')
    expect(addDays('2024-01-01', 365)).toBe('2024-12-31') // 2024 has 366 days
    expect(addDays('2026-03-15', 0)).toBe('2026-03-15')
  })

  it('is not shifted by daylight-saving changes (dates where DST zones switch)', () => {
    // US and EU clocks change on these days; a Date-with-local-time implementation drifts here.
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26')
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02')
    expect(addDays('2026-03-01', 60)).toBe('2026-04-30')
  })
})

describe('daysBetween / dayNumber', () => {
  it('counts days from a to b, negative when b is earlier', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30)
    expect(daysBetween('2026-01-31', '2026-01-01')).toBe(-30)
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28)
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0)
  })

  it('numbers days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('1969-12-31')).toBe(-1)
    expect(fromDayNumber(0)).toBe('1970-01-01')
    expect(fromDayNumber(-1)).toBe('1969-12-31')
    // 2026-01-01 is 56 years after 1970 with 14 leap days in between: 56 * 365 + 14 = 20454.
    expect(dayNumber('2026-01-01')).toBe(20_454)
  })

  it('throws on an invalid date', () => {
    expect(() => daysBetween('2026-02-29', '2026-03-01')).toThrow(RangeError)
    expect(() => dayNumberAddMonths('2026-02-29', 1)).toThrow(RangeError)
  })

  it('dayNumberOf and dayNumberAddMonths are dayNumber without building a date (property)', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -400, max: 400 }), (date, months) => {
        const later = addMonths(date, months)
        if (!isIsoDate(later)) return // left the supported year range
        expect(dayNumberAddMonths(date, months)).toBe(dayNumber(later))
        const p = parseIsoDate(date)!
        expect(dayNumberOf(p.year, p.month, p.day)).toBe(dayNumber(date))
      })
    )
    expect(dayNumberAddMonths('2024-01-31', 1)).toBe(dayNumber('2024-02-29'))
  })

  it('addDays(d, n) is n days after d, and fromDayNumber inverts dayNumber (property)', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
        const later = addDays(date, n)
        if (!isIsoDate(later)) return // left the supported year range
        expect(daysBetween(date, later)).toBe(n)
        expect(fromDayNumber(dayNumber(date))).toBe(date)
        expect(later > date).toBe(n > 0)
      })
    )
  })
})

describe('monthly series', () => {
  it('monthlyDueDates matches addMonths across leap years and year ends', () => {
    expect(monthlyDueDates('2023-12-31', 3)).toEqual(['2023-12-31', '2024-01-31', '2024-02-29'])
    expect(monthlyDueDates('2099-11-30', 4)).toEqual(['2099-11-30', '2099-12-30', '2100-01-30', '2100-02-28'])
  })

  it('monthlyDueDates(d, n)[k] is addMonths(d, k) (property)', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 1, max: 40 }), (first, count) => {
        expect(monthlyDueDates(first, count)).toEqual(Array.from({ length: count }, (_, k) => addMonths(first, k)))
      })
    )
  })

  it('monthlyDueDays are the day numbers of monthlyDueDates (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 360 }), (offset, count) => {
        const first = addDays('1905-01-01', offset)
        expect(monthlyDueDays(first, count)).toEqual(monthlyDueDates(first, count).map(dayNumber))
      })
    )
  })
})

describe('months', () => {
  it('month numbers are year * 12 + month - 1, read from a date or a month key', () => {
    expect(monthIndex(2026, 1)).toBe(2026 * 12)
    expect(monthIndexOf('2026-11-21')).toBe(monthIndex(2026, 11))
    expect(monthIndexOf('2026-11')).toBe(monthIndex(2026, 11))
    expect(monthKey(monthIndex(2026, 12) + 1)).toBe('2027-01')
    expect(monthKey(monthIndex(2026, 1) - 1)).toBe('2025-12')
    expect(dayInMonthIndex(monthIndex(2028, 2), 31)).toBe('2028-02-29')
    expect(monthStartDay(monthIndex(2026, 3))).toBe(dayNumber('2026-03-01'))
  })

  it('a month number, its key, its parts and its first day agree (property)', () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        const index = monthIndexOf(date)
        const p = parseIsoDate(date)!
        expect(index).toBe(monthIndex(p.year, p.month))
        expect([yearOfIndex(index), monthOfIndex(index)]).toEqual([p.year, p.month])
        expect(monthKey(index)).toBe(monthOf(date))
        expect(parseMonth(monthOf(date))).toEqual({ year: p.year, month: p.month })
        expect(fromDayNumber(monthStartDay(index))).toBe(`${monthOf(date)}-01`)
        expect(addMonthsToMonth(monthOf(date), 5)).toBe(monthOf(addMonths(`${monthOf(date)}-01`, 5)))
      })
    )
  })

  it('month keys: validity, bounds, steps and spans', () => {
    expect(isMonth('2026-02')).toBe(true)
    expect(isMonth('2026-13')).toBe(false)
    expect(isMonth('2026-1')).toBe(false)
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(() => monthBounds('2026-13')).toThrow(RangeError)
    expect(() => parseMonth('2026-1')).toThrow(RangeError)
    expect(addMonthsToMonth('2026-11', 2)).toBe('2027-01')
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12')
    expect(monthCount('2025-11', '2026-02')).toBe(4)
    expect(monthCount('2026-02', '2026-02')).toBe(1)
    expect(monthCount('2026-03', '2026-02')).toBe(0)
  })

  it('daysInMonth rolls months outside 1-12 into the neighbouring years', () => {
    expect(daysInMonth(2023, 14)).toBe(29)
    expect(daysInMonth(2025, 0)).toBe(31)
    expect(daysInMonth(2025, -10)).toBe(29)
  })
})
