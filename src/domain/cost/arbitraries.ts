// Owns the fast-check generators the cost engine's property tests share (test support only; nothing in the app imports it).
import fc from 'fast-check'
import { addDays } from '../dates'
import { MAX_FEN } from '../money'
import { RATE_LIMITS, REPAYMENT_METHODS, type RateUnit, type RepaymentMethod } from '../records'
import type { Offer } from './types'

/** Any offer the calculator accepts: a method with a rate unit it takes, a rate within the plausible limits. */
export const anyOffer: fc.Arbitrary<Offer> = fc
  .record({
    method: fc.constantFrom<RepaymentMethod>(...REPAYMENT_METHODS),
    annual: fc.boolean(),
    rateShare: fc.double({ min: 0, max: 1, noNaN: true }),
    principal: fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: MAX_FEN })),
    termMonths: fc.oneof(fc.integer({ min: 1, max: 36 }), fc.integer({ min: 1, max: 360 })),
    startOffset: fc.integer({ min: 0, max: 3_650 }),
    // At most 28 days, so the first due date is always within a one-month term.
    firstDueDays: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined })
  })
  .map(({ method, annual, rateShare, principal, termMonths, startOffset, firstDueDays }) => {
    const rateUnit: RateUnit = method === 'feeInstalment' ? 'monthlyFee' : annual ? 'annual' : 'daily'
    const startDate = addDays('2020-01-01', startOffset)
    return {
      principal,
      method,
      rateUnit,
      rate: rateShare * RATE_LIMITS[rateUnit],
      termMonths,
      startDate,
      ...(firstDueDays !== undefined ? { firstDueDate: addDays(startDate, firstDueDays) } : {})
    }
  })
