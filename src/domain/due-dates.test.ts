import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths, dayInMonth, daysBetween, daysInMonth, parseIsoDate } from './calendar'
import { defaultOrderDueDate, dueDateForStatement, FALLBACK_WINDOW_DAYS, statementDateFor } from './due-dates'
import type { Account } from './records'

type Cycle = Pick<Account, 'kind' | 'statementDay' | 'dueDay' | 'payLaterWindowDays'>
const huabei = { kind: 'bnplStatement', statementDay: 1, dueDay: 10, payLaterWindowDays: null } satisfies Cycle
const fenfu = { kind: 'bnplStatement', statementDay: 25, dueDay: 10, payLaterWindowDays: null } satisfies Cycle
const card = { kind: 'creditCard', statementDay: 5, dueDay: 23, payLaterWindowDays: null } satisfies Cycle
const zhima = { kind: 'payLaterOrder', statementDay: null, dueDay: null, payLaterWindowDays: 14 } satisfies Cycle

describe('statementDateFor', () => {
  it('bills an order made before the statement day on this month\'s statement', () => {
    expect(statementDateFor('2026-03-10', 15)).toBe('2026-03-15')
    expect(statementDateFor('2026-03-14', 15)).toBe('2026-03-15')
    expect(statementDateFor('2026-03-01', 15)).toBe('2026-03-15')
  })

  it('rolls an order made on or after the statement day into next month', () => {
    expect(statementDateFor('2026-03-15', 15)).toBe('2026-04-15')
    expect(statementDateFor('2026-03-31', 15)).toBe('2026-04-15')
    expect(statementDateFor('2026-01-01', 1)).toBe('2026-02-01')
  })

  it('reads statement day 31 as the last day of a short month, in common and leap years', () => {
    expect(statementDateFor('2026-02-27', 31)).toBe('2026-02-28')
    expect(statementDateFor('2026-02-28', 31)).toBe('2026-03-31')
    expect(statementDateFor('2024-02-28', 31)).toBe('2024-02-29')
    expect(statementDateFor('2024-02-29', 31)).toBe('2024-03-31')
    expect(statementDateFor('2026-04-30', 31)).toBe('2026-05-31')
    // Day 30 after a statement on 01-30 falls on February's last day.
    expect(statementDateFor('2026-01-31', 30)).toBe('2026-02-28')
    expect(statementDateFor('2024-01-31', 30)).toBe('2024-02-29')
  })

  it('rolls over the year in December', () => {
    expect(statementDateFor('2026-12-25', 20)).toBe('2027-01-20')
    expect(statementDateFor('2026-12-31', 31)).toBe('2027-01-31')
    expect(statementDateFor('2026-12-19', 20)).toBe('2026-12-20')
  })

  it('throws on an invalid order date', () => {
    expect(() => statementDateFor('2026-02-30', 1)).toThrow(RangeError)
  })

  it('is the first statement day strictly after the order (property)', () => {
    const dateArb = fc
      .record({ y: fc.integer({ min: 2000, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d }) => dayInMonth(y, m, d))
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 31 }), (orderDate, statementDay) => {
        const statement = statementDateFor(orderDate, statementDay)
        const s = parseIsoDate(statement)!
        expect(statement > orderDate).toBe(true)
        expect(s.day).toBe(Math.min(statementDay, daysInMonth(s.year, s.month)))
        // The cycle before it is not after the order, so no statement day lies in between.
        const before = parseIsoDate(addMonths(statement, -1))!
        const previous = dayInMonth(before.year, before.month, statementDay)
        expect(previous <= orderDate).toBe(true)
        expect(daysBetween(orderDate, statement)).toBeLessThanOrEqual(31)
      })
    )
  })
})

describe('dueDateForStatement', () => {
  it('is in the same month when the due day comes after the statement day', () => {
    expect(dueDateForStatement('2026-02-01', 1, 10)).toBe('2026-02-10')
    expect(dueDateForStatement('2026-03-05', 5, 23)).toBe('2026-03-23')
  })

  it('is in the next month when the due day is on or before the statement day', () => {
    expect(dueDateForStatement('2026-01-25', 25, 10)).toBe('2026-02-10')
    expect(dueDateForStatement('2026-01-10', 10, 10)).toBe('2026-02-10')
    expect(dueDateForStatement('2026-12-25', 25, 10)).toBe('2027-01-10')
  })

  it('clamps the due day to the month end', () => {
    expect(dueDateForStatement('2026-02-20', 20, 31)).toBe('2026-02-28')
    expect(dueDateForStatement('2024-02-20', 20, 31)).toBe('2024-02-29')
    expect(dueDateForStatement('2026-01-31', 31, 30)).toBe('2026-02-28')
    expect(dueDateForStatement('2026-02-28', 31, 25)).toBe('2026-03-25')
  })
})

describe('defaultOrderDueDate', () => {
  it('follows a 花呗-style cycle (bill on the 1st, due on the 10th)', () => {
    expect(defaultOrderDueDate(huabei, '2026-01-05')).toBe('2026-02-10')
    expect(defaultOrderDueDate(huabei, '2026-01-01')).toBe('2026-02-10')
    expect(defaultOrderDueDate(huabei, '2025-12-31')).toBe('2026-01-10')
  })

  it('bills the last day of a month on the next 1st and makes it due that month (issue 13)', () => {
    // By hand: statement day 1, due day 9. An order on 2027-01-31 is after the 01-01 statement, so it
    // is on the bill of 2027-02-01; due day 9 > statement day 1, so that bill is due 2027-02-09.
    const huabei9 = { ...huabei, dueDay: 9 }
    expect(defaultOrderDueDate(huabei9, '2027-01-31')).toBe('2027-02-09')
    // February's last day: on the 03-01 bill, due 03-09; the statement day itself rolls into next month.
    expect(defaultOrderDueDate(huabei9, '2027-02-28')).toBe('2027-03-09')
    expect(defaultOrderDueDate(huabei9, '2027-02-01')).toBe('2027-03-09')
  })

  it('follows a cycle whose due day is in the month after the statement', () => {
    // Bill on the 25th, due on the 10th of the next month.
    expect(defaultOrderDueDate(fenfu, '2026-01-24')).toBe('2026-02-10')
    expect(defaultOrderDueDate(fenfu, '2026-01-25')).toBe('2026-03-10')
    expect(defaultOrderDueDate(fenfu, '2026-12-26')).toBe('2027-02-10')
    expect(defaultOrderDueDate(card, '2026-11-30')).toBe('2026-12-23')
    expect(defaultOrderDueDate(card, '2026-12-05')).toBe('2027-01-23')
  })

  it('handles statement day 31 through February', () => {
    const endOfMonth = { kind: 'creditCard', statementDay: 31, dueDay: 20, payLaterWindowDays: null } satisfies Cycle
    expect(defaultOrderDueDate(endOfMonth, '2026-02-10')).toBe('2026-03-20') // billed 02-28
    expect(defaultOrderDueDate(endOfMonth, '2026-02-28')).toBe('2026-04-20') // billed 03-31
    expect(defaultOrderDueDate(endOfMonth, '2024-02-28')).toBe('2024-03-20') // billed 02-29
    expect(defaultOrderDueDate(endOfMonth, '2024-02-29')).toBe('2024-04-20') // billed 03-31
  })

  it('uses the per-order window of a pay-later account', () => {
    expect(defaultOrderDueDate(zhima, '2026-11-21')).toBe('2026-12-05')
    expect(defaultOrderDueDate(zhima, '2026-12-25')).toBe('2027-01-08')
    expect(defaultOrderDueDate(zhima, '2024-02-20')).toBe('2024-03-05') // through 29 February
    expect(defaultOrderDueDate(zhima, '2026-02-20')).toBe('2026-03-06')
    expect(defaultOrderDueDate({ ...zhima, payLaterWindowDays: 7 }, '2026-01-28')).toBe('2026-02-04')
  })

  it('falls back to 30 days without a cycle or window, or with half a cycle', () => {
    expect(FALLBACK_WINDOW_DAYS).toBe(30)
    const none = { kind: 'other', statementDay: null, dueDay: null, payLaterWindowDays: null } satisfies Cycle
    expect(defaultOrderDueDate(none, '2026-01-15')).toBe('2026-02-14')
    expect(defaultOrderDueDate({ ...none, statementDay: 5 }, '2026-01-15')).toBe('2026-02-14')
    expect(defaultOrderDueDate({ ...none, statementDay: 5, payLaterWindowDays: 10 }, '2026-01-15')).toBe('2026-01-25')
  })

  it('a full cycle wins over a window', () => {
    expect(defaultOrderDueDate({ ...huabei, payLaterWindowDays: 3 }, '2026-01-05')).toBe('2026-02-10')
  })
})

describe('a short month never makes a statement due on its own day', () => {
  it('statement 28th, due 30th: February 2026 (28 days) rolls the due date into March', async () => {
    const { dueDateForStatement } = await import('./due-dates')
    expect(dueDateForStatement('2026-02-28', 28, 30)).toBe('2026-03-30')
    // A normal month keeps the same-month due date.
    expect(dueDateForStatement('2026-01-28', 28, 30)).toBe('2026-01-30')
    // In leap-year February the 30th clamps to the 29th, a day after the statement: it stays.
    expect(dueDateForStatement('2024-02-28', 28, 30)).toBe('2024-02-29')
  })
})
