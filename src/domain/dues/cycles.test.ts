// Tests the statement cycle rules: cycle boundaries, month ends, leap years, and instalments across bills.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, daysInMonth, makeIsoDate } from '../dates'
import { defaultOrderDueDate } from '../due-dates'
import { billDueDates, cycleOfDueDate, cycleOfOrder, cycleOfStatement } from './cycles'

const huabei = { statementDay: 1, dueDay: 10 }
const fenfu = { statementDay: 25, dueDay: 10 }
const endOfMonth = { statementDay: 31, dueDay: 20 }
const card = { statementDay: 5, dueDay: 31 }

describe('cycleOfOrder: which bill an order is on', () => {
  it('bills orders from the previous statement day up to the day before this one', () => {
    expect(cycleOfOrder('2026-03-25', fenfu)).toEqual({ from: '2026-03-25', statementDate: '2026-04-25', dueDate: '2026-05-10' })
    expect(cycleOfOrder('2026-03-24', fenfu)).toEqual({ from: '2026-02-25', statementDate: '2026-03-25', dueDate: '2026-04-10' })
  })

  it('rolls an order made on the statement day into the next bill', () => {
    expect(cycleOfOrder('2026-04-01', huabei).statementDate).toBe('2026-05-01')
    expect(cycleOfOrder('2026-03-31', huabei).statementDate).toBe('2026-04-01')
    expect(cycleOfOrder('2026-04-01', huabei).dueDate).toBe('2026-05-10')
  })

  it('reads a statement day of 31 as a short month\'s last day, in common and leap years', () => {
    expect(cycleOfOrder('2026-02-27', endOfMonth)).toEqual({ from: '2026-01-31', statementDate: '2026-02-28', dueDate: '2026-03-20' })
    expect(cycleOfOrder('2026-02-28', endOfMonth)).toEqual({ from: '2026-02-28', statementDate: '2026-03-31', dueDate: '2026-04-20' })
    expect(cycleOfOrder('2028-02-28', endOfMonth)).toEqual({ from: '2028-01-31', statementDate: '2028-02-29', dueDate: '2028-03-20' })
    expect(cycleOfOrder('2028-02-29', endOfMonth).statementDate).toBe('2028-03-31')
  })

  it('puts a due day of 31 on the last day of February', () => {
    expect(cycleOfOrder('2026-01-20', card).dueDate).toBe('2026-02-28')
    expect(cycleOfOrder('2028-01-20', card).dueDate).toBe('2028-02-29')
    expect(cycleOfOrder('2026-02-20', card).dueDate).toBe('2026-03-31')
  })

  it('agrees with the due date an order is given when recorded, for every day and cycle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), (offset, statementDay, dueDay) => {
        const orderDate = addDays('2024-01-01', offset)
        const days = { statementDay, dueDay }
        const cycle = cycleOfOrder(orderDate, days)
        expect(cycle.dueDate).toBe(defaultOrderDueDate({ kind: 'bnplStatement', statementDay, dueDay, payLaterWindowDays: null }, orderDate))
        expect(orderDate >= cycle.from && orderDate < cycle.statementDate).toBe(true)
        expect(cycle.dueDate > cycle.statementDate).toBe(true)
      })
    )
  })
})

describe('cycleOfDueDate: which statement falls due on a day', () => {
  it('finds the statement of a due date in the same or the following month', () => {
    expect(cycleOfDueDate('2026-04-10', huabei)?.statementDate).toBe('2026-04-01')
    expect(cycleOfDueDate('2026-04-10', fenfu)?.statementDate).toBe('2026-03-25')
    expect(cycleOfDueDate('2026-02-28', card)?.statementDate).toBe('2026-02-05')
  })

  it('returns null for a due date set by hand off the cycle', () => {
    expect(cycleOfDueDate('2026-04-11', huabei)).toBeNull()
  })

  it('inverts cycleOfStatement for every statement of several years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), (month, statementDay, dueDay) => {
        const days = { statementDay, dueDay }
        const y = 2024 + Math.floor(month / 12)
        const m = (month % 12) + 1
        const statementDate = makeIsoDate(y, m, Math.min(statementDay, daysInMonth(y, m)))
        const cycle = cycleOfStatement(statementDate, days)
        // Two statements can share a due date where a short month leaves no grace; then the later one is found.
        const found = cycleOfDueDate(cycle.dueDate, days)
        expect(found?.dueDate).toBe(cycle.dueDate)
      })
    )
  })
})

describe('billDueDates: an instalment plan spread over bills', () => {
  it('puts one period on each following bill', () => {
    expect(billDueDates('2026-04-10', 3, huabei)).toEqual(['2026-04-10', '2026-05-10', '2026-06-10'])
  })

  it('keeps a due day of 31 at each month\'s end, February included', () => {
    expect(billDueDates('2026-01-31', 4, card)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'])
    expect(billDueDates('2028-02-29', 2, card)).toEqual(['2028-02-29', '2028-03-31'])
  })

  it('rolls over the year', () => {
    expect(billDueDates('2026-11-10', 3, fenfu)).toEqual(['2026-11-10', '2026-12-10', '2027-01-10'])
  })

  it('keeps the same day each month for a first due date off the cycle', () => {
    expect(billDueDates('2026-04-11', 2, huabei)).toEqual(['2026-04-11', '2026-05-11'])
  })
})
