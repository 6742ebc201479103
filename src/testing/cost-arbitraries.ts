// Owns the fast-check generators and the untidy ledger the cost engine's tests share (test support only; nothing in the app imports it).
import fc from 'fast-check'
import { addDays, addMonths } from '@/domain/calendar'
import { MAX_FEN } from '@/domain/money'
import { RATE_LIMITS, REPAYMENT_METHODS, type Ledger, type RateUnit, type RepaymentMethod } from '@/domain/records'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import type { Offer } from '@/domain/cost/types'

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

/**
 * A deterministic, deliberately untidy ledger for regression pins: every method and rate unit,
 * up-front fees, odd first due dates, late, partial and excess repayments, marked-paid, refunded
 * and cancelled orders, instalment plans, pooled statement payments and an account not in the list.
 */
export function messyLedger(seed: number, draws: number): Ledger {
  let state = seed
  const rnd = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const base = generateSampleLedger({ today: '2026-11-21', months: 1 })
  const accounts = base.accounts.map((a) => ({ ...a, penaltyMultiplier: pick([1, 1.3, 1.5]) }))
  const out: Ledger = { accounts, draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }
  for (let i = 0; i < draws; i++) {
    const method = pick(REPAYMENT_METHODS)
    const rateUnit: RateUnit = method === 'feeInstalment' ? 'monthlyFee' : pick(['daily', 'annual'] as const)
    const rate = rateUnit === 'daily' ? pick([0.0002, 0.0004, 0.0005]) : rateUnit === 'annual' ? pick([0.036, 0.12, 0.24]) : pick([0.006, 0.0075])
    const drawDate = addDays('2024-01-01', Math.floor(rnd() * 1_100))
    const termMonths = pick([1, 3, 6, 12, 24])
    const firstDueDate = rnd() < 0.7 ? addMonths(drawDate, 1) : addDays(drawDate, 1 + Math.floor(rnd() * 27))
    const principal = 1_000 + Math.floor(rnd() * 2_000_000)
    const id = `d${seed}-${i}`
    const accountId = rnd() < 0.05 ? 'ghost' : pick(['mybank', 'jiebei', 'carloan'])
    const upfrontFee = rnd() < 0.2 ? Math.floor(principal * 0.01) : 0
    out.draws.push({ id, accountId, principal, drawDate, channel: 'app', method, rateUnit, rate, termMonths, firstDueDate, upfrontFee, notes: '' })
    const count = Math.floor(rnd() * 5)
    for (let j = 0; j < count; j++)
      out.repayments.push({
        id: `r${id}-${j}`,
        accountId,
        targetType: 'draw',
        targetId: id,
        date: addDays(drawDate, Math.floor(rnd() * 40 * (termMonths + 1))),
        amount: Math.floor(rnd() * principal * 0.6) + 1,
        note: ''
      })
  }
  for (let i = 0; i < draws * 2; i++) {
    const accountId = pick(['huabei', 'fenfu', 'zhima', 'cmbcard', 'baitiao'])
    const orderDate = addDays('2024-01-01', Math.floor(rnd() * 1_100))
    const instalmentCount = rnd() < 0.2 ? pick([3, 6, 12]) : 1
    const amount = 100 + Math.floor(rnd() * 300_000)
    const id = `o${seed}-${i}`
    const dueDate = addDays(orderDate, 5 + Math.floor(rnd() * 40))
    const status = pick(['unpaid', 'unpaid', 'unpaid', 'paid', 'refunded', 'cancelled'] as const)
    const instalmentFeeRate = instalmentCount > 1 ? 0.0075 : 0
    out.orders.push({ id, accountId, merchant: '', item: '', amount, orderDate, dueDate, instalmentCount, instalmentFeeRate, status, externalOrderNo: '', notes: '' })
    if (rnd() < 0.5) {
      const date = addDays(orderDate, Math.floor(rnd() * 60))
      out.repayments.push({ id: `r${id}`, accountId, targetType: 'order', targetId: id, date, amount: Math.floor(amount * pick([0.3, 1, 1.2])) + 1, note: '' })
    }
    if (rnd() < 0.3) {
      const date = addDays(orderDate, Math.floor(rnd() * 60))
      out.repayments.push({ id: `s${id}`, accountId, targetType: 'statement', targetId: accountId, date, amount: Math.floor(amount * rnd()), note: '' })
    }
  }
  return out
}
