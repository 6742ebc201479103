import { describe, expect, it } from 'vitest'
import type { Draw, Repayment } from '../records'
import { drawCost, earlyPayoff, walkLoan } from './loan'
import { cash, draw as flexDraw, repay } from '@/testing/fixtures'

/**
 * Story 2 of issue 10: ¥10,000 网商贷 等额本息 at 0.04% a day over 12 months, drawn 2026-01-10,
 * due on the 10th. Level payment from r = 0.04% x 30 = 1.2% a month:
 *   1,000,000 x 0.012 x 1.012^12 / (1.012^12 - 1) = 89,975.43 -> 89,975 fen (¥899.75).
 * Period 1 (01-10 .. 02-10, 31 days): interest 1,000,000 x 0.0004 x 31 = 12,400; principal 77,575.
 * Period 2 (02-10 .. 03-10, 28 days): interest 922,425 x 0.0004 x 28 = 10,331.16 -> 10,331; principal 79,644.
 */
const wsd = { ...flexDraw, id: 'dr-wsd', drawDate: '2026-01-10', firstDueDate: '2026-02-10', method: 'equalInstalment' } satisfies Draw
const onWsd = (id: string, date: string, amount: number): Repayment => repay(id, { targetId: 'dr-wsd', date, amount })

describe('story 2: an instalment missed, then the pre-filled payment', () => {
  it('twenty days late, the overdue item is the instalment plus penalty at 0.04% x 1.5 on it', () => {
    // 2026-03-02 is 20 days after 02-10: penalty 89,975 x 0.0006 x 20 = 1,079.70 -> 1,080 (¥10.80).
    const w = walkLoan(wsd, [], cash, '2026-03-02', {}, { detail: true })
    expect(w.cost.overdue).toEqual({ since: '2026-02-10', days: 20, penaltyAccrued: 1_080, amount: 91_055 })
    const overdue = w.dues.find((d) => d.kind === 'overdue')!
    // What clears it: 89,975 + 1,080 = 91,055 (¥910.55).
    expect(overdue).toMatchObject({ amount: 91_055, clearAmount: 91_055, overdue: { days: 20, penalty: 1_080 } })
    // The next instalment is the contract's, and clearing it today takes both.
    expect(w.dues.find((d) => d.period?.index === 2)).toMatchObject({ dueDate: '2026-03-10', amount: 89_975, clearAmount: 91_055 + 89_975 })
  })

  it('paying exactly that settles period 1 with its penalty, and period 2 stays ¥899.75', () => {
    const w = walkLoan(wsd, [onWsd('r1', '2026-03-02', 91_055)], cash, '2026-03-03', {}, { detail: true })
    expect(w.cost.overdue).toBeNull()
    expect(w.cost.penaltyPaid).toBe(1_080)
    expect(w.cost.interestPaid).toBe(12_400)
    expect(w.rows[0]).toMatchObject({ status: 'paid', paid: 89_975, penaltyPaid: 1_080, paidOn: '2026-03-02' })
    expect(w.rows[1]).toMatchObject({ principal: 79_644, interest: 10_331, payment: 89_975, paid: 0, status: 'upcoming' })
    expect(w.dues).toHaveLength(11)
    expect(w.dues[0]).toMatchObject({ kind: 'period', dueDate: '2026-03-10', amount: 89_975, clearAmount: 89_975 })
    // Principal out: 1,000,000 - 77,575 = 922,425; interest accrued since 03-10's period began on
    // 02-10: 10,331 x 21/28 = 7,748.25 -> 7,748.
    expect(w.cost.principalOutstanding).toBe(922_425)
    expect(w.cost.accruedUnpaid).toBe(7_748)
    expect(w.cost.owedToday).toBe(922_425 + 7_748)
    // One late period toward 连三累六: 02-10, 89,975 short.
    expect(w.late).toEqual([{ accountId: 'cash', dueDate: '2026-02-10', shortfall: 89_975, records: [{ type: 'draw', id: 'dr-wsd' }] }])
  })

  it('paying the instalment on its due date is on time: no penalty, no late period', () => {
    const w = walkLoan(wsd, [onWsd('r1', '2026-02-10', 89_975)], cash, '2026-02-20', {}, { detail: true })
    expect(w.late).toEqual([])
    expect(w.cost.penaltyPaid).toBe(0)
    expect(w.rows[0]!.status).toBe('paid')
  })

  it('paying the instalment a few days early takes it as the instalment, not a prepayment', () => {
    const w = walkLoan(wsd, [onWsd('r1', '2026-02-07', 89_975)], cash, '2026-02-20', {}, { detail: true })
    expect(w.rows[0]).toMatchObject({ status: 'paid', paidOn: '2026-02-07' })
    expect(w.rows[1]!.payment).toBe(89_975)
    expect(w.prepayments).toEqual([])
  })
})

describe('allocation order on two overdue periods', () => {
  // Both periods missed; on 2026-03-20: period 1 is 38 days late (89,975 x 0.0006 x 38 = 2,051.43),
  // period 2 is 10 days late (89,975 x 0.0006 x 10 = 539.85 -> 540). 100,000 fen is paid.
  const reps = [onWsd('r1', '2026-03-20', 100_000)]

  it('costsFirst: both penalties (2,051 + 540), both interests (12,400 + 10,331), then principal oldest first', () => {
    const w = walkLoan(wsd, reps, { ...cash, repaymentOrder: 'costsFirst' }, '2026-03-20', {}, { detail: true })
    const split = w.splits[0]!
    expect(split).toEqual({ repaymentId: 'r1', principal: 100_000 - 2_051 - 540 - 12_400 - 10_331, interest: 22_731, fees: 0, penalty: 2_591 })
    // 100,000 - 2,591 - 22,731 = 74,678 of principal goes to period 1 (of 77,575), none to period 2.
    expect(w.rows[0]!.paid).toBe(12_400 + 74_678)
    expect(w.rows[1]!.paid).toBe(10_331)
  })

  it('oldestFirst: period 1 whole (penalty 2,051, interest, principal), then period 2 penalty 540 and interest', () => {
    const w = walkLoan(wsd, reps, { ...cash, repaymentOrder: 'oldestFirst' }, '2026-03-20', {}, { detail: true })
    // 100,000 - 2,051 - 89,975 = 7,974 left: 540 penalty, 7,434 of interest on period 2.
    expect(w.splits[0]).toEqual({ repaymentId: 'r1', principal: 77_575, interest: 12_400 + 7_434, fees: 0, penalty: 2_051 + 540 })
    expect(w.rows[0]!.status).toBe('paid')
    expect(w.rows[1]!.paid).toBe(7_434)
  })
})

describe('prepayment and payoff', () => {
  it('money beyond the current instalment lowers the later payments, the term kept', () => {
    // On 02-10 the instalment 89,975 plus 100,000: principal left after period 1 is 922,425, so
    // 822,425 is re-planned over 11 periods; every later payment is lower than 89,975.
    const w = walkLoan(wsd, [onWsd('r1', '2026-02-10', 189_975)], cash, '2026-02-11', {}, { detail: true })
    expect(w.prepayments).toEqual([{ date: '2026-02-10', amount: 100_000 }])
    expect(w.cost.principalOutstanding).toBe(822_425)
    expect(w.rows[1]!.payment).toBeLessThan(89_975)
    expect(w.rows.slice(1).reduce((s, r) => s + r.principal, 0)).toBe(822_425)
  })

  it('paying off mid-period costs the interest for the days elapsed only', () => {
    // On 2026-01-20, 10 days in: 1,000,000 x 0.0004 x 10 = 4,000 (12,400 x 10/31 = 4,000).
    const w = walkLoan(wsd, [], cash, '2026-01-20', {}, { detail: true })
    expect(w.cost.owedToday).toBe(1_004_000)
    const paid = walkLoan(wsd, [onWsd('r1', '2026-01-20', 1_004_000)], cash, '2026-01-21', {}, { detail: true })
    expect(paid.cost).toMatchObject({ cleared: true, interestPaid: 4_000, owedToday: 0, projectedCostToPayoff: 0 })
    expect(paid.dues).toEqual([])
  })

  it('a payment above what clears the draw is an overpayment the store refuses', () => {
    const w = walkLoan(wsd, [onWsd('r1', '2026-01-20', 1_004_001)], cash, '2026-01-21', {}, { detail: true })
    expect(w.overpaid?.id).toBe('r1')
  })

  it('earlyPayoff on a partial prepayment: the saving is the interest on the prepaid principal', () => {
    // On 02-10 (a due date), keeping the loan costs the schedule's interest to come; paying 189,975
    // pays the instalment and prepays 100,000, so the later interest falls.
    const e = earlyPayoff(wsd, [], '2026-02-10', { penaltyMultiplier: 1.5, amount: 189_975 })
    expect(e.payoffAmount).toBe(1_012_400)
    expect(e.amountApplied).toBe(189_975)
    expect(e.interestSaved).toBeGreaterThan(0)
    expect(e.costIfPaidOff).toBe(e.costIfKept - e.interestSaved)
  })
})

describe('随借随还', () => {
  // The fixture: ¥10,000 at 0.04% a day from 2026-01-01, 400 fen a day, due whole on 2027-01-01.
  it('accrues by the day and is one item due at the end of the term', () => {
    const w = walkLoan(flexDraw, [], cash, '2026-01-31', {}, { detail: true })
    // 30 days x 400 = 12,000 accrued; 335 days more to 2027-01-01 = 134,000.
    expect(w.cost).toMatchObject({ accruedUnpaid: 12_000, owedToday: 1_012_000, projectedCostToPayoff: 134_000 })
    expect(w.dues).toEqual([{ kind: 'term', dueDate: '2027-01-01', amount: 1_146_000, clearAmount: 1_012_000, period: null, overdue: null }])
  })

  it('past the end of term penalty at 0.04% x 1.5 replaces interest, on principal and the interest unpaid', () => {
    // Owed 2027-01-01: 1,000,000 + 365 x 400 = 1,146,000. Ten days later: 1,146,000 x 0.0006 x 10 = 6,876.
    const w = walkLoan(flexDraw, [], cash, '2027-01-11', {}, { detail: true })
    expect(w.cost.overdue).toEqual({ since: '2027-01-01', days: 10, penaltyAccrued: 6_876, amount: 1_152_876 })
    expect(w.cost.owedToday).toBe(1_152_876)
    expect(w.late).toEqual([{ accountId: 'cash', dueDate: '2027-01-01', shortfall: 1_146_000, records: [{ type: 'draw', id: 'dr-1' }] }])
    // On the due date itself nothing is late.
    expect(walkLoan(flexDraw, [], cash, '2027-01-01', {}, { detail: true }).cost.overdue).toBeNull()
  })

  it('a repayment pays interest first, then principal', () => {
    // 2026-01-11: 10 x 400 = 4,000 interest, 500,000 principal; then 20 days on 500,000 = 4,000.
    const c = drawCost(flexDraw, [repay('r1', { date: '2026-01-11', amount: 504_000 })], cash, '2026-01-31')
    expect(c).toMatchObject({ interestPaid: 4_000, principalOutstanding: 500_000, accruedUnpaid: 4_000, owedToday: 504_000, repaid: 504_000 })
  })
})

describe('分期 with a monthly fee', () => {
  /** ¥12,000 at 0.6% a month over 12 months: 107,200 a month (100,000 principal + 7,200 fee). */
  const feeDraw = { ...flexDraw, id: 'dr-fee', principal: 1_200_000, method: 'feeInstalment', rateUnit: 'monthlyFee', rate: 0.006 } satisfies Draw
  it('paying ahead pays the next periods whole; the fee stays owed on a payoff', () => {
    const w = walkLoan(feeDraw, [repay('r1', { targetId: 'dr-fee', date: '2026-01-15', amount: 214_400 })], cash, '2026-01-16', {}, { detail: true })
    expect(w.rows[0]!.status).toBe('paid')
    expect(w.rows[1]!.status).toBe('paid')
    // Payoff: 10 periods x 107,200 = 1,072,000, every fee included.
    expect(w.cost.owedToday).toBe(1_072_000)
  })
})
