// Tests the cost memo (ledger-cost.ts createCostMemo): ledgerCost with a memo, over any sequence of days, edits and month cut-offs, is ledgerCost without one, field for field; and what it reuses and re-walks.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, makeIsoDate, type IsoDate } from '../calendar'
import type { Ledger } from '../records'
import { messyLedger } from '@/testing/cost-arbitraries'
import { cash, draw, ledgerOf, repay } from '@/testing/fixtures'
import { addMonthsToMonth, monthBounds } from '../calendar'
import { assembleMonthReport, ledgerUpTo, monthReports } from '../report/month-report'
import { createCostMemo, ledgerCost } from './ledger-cost'

interface AddStep {
  kind: 'add'
  what: 'repayment' | 'order' | 'figure' | 'instalment'
  pick: number
  days: number
}
type Step = { kind: 'day'; days: number } | { kind: 'cut'; months: number } | { kind: 'delete' | 'edit'; what: 'draw' | 'order' | 'repayment' | 'account'; pick: number } | AddStep

const anyStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 0, max: 1_200 }) }),
  fc.record({ kind: fc.constant('cut' as const), months: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'edit' as const), what: fc.constantFrom('draw' as const, 'order' as const, 'repayment' as const, 'account' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), what: fc.constantFrom('repayment' as const, 'order' as const, 'figure' as const, 'instalment' as const), pick: fc.nat(), days: fc.integer({ min: 0, max: 400 }) })
)

const replaceAt = <T>(list: readonly T[], i: number, value: T): T[] => list.map((x, k) => (k === i ? value : x))

/** The ledger after one edit: every changed record is a new object, the others the same objects, as the store hands them out. */
function edited(ledger: Ledger, step: Extract<Step, { kind: 'delete' | 'edit' | 'add' }>, n: number): Ledger {
  const { pick } = step
  if (step.kind === 'delete') {
    if (step.what === 'draw' && ledger.draws.length > 0) return { ...ledger, draws: ledger.draws.filter((_, k) => k !== pick % ledger.draws.length) }
    if (step.what === 'order' && ledger.orders.length > 0) return { ...ledger, orders: ledger.orders.filter((_, k) => k !== pick % ledger.orders.length) }
    if (step.what === 'repayment' && ledger.repayments.length > 0) return { ...ledger, repayments: ledger.repayments.filter((_, k) => k !== pick % ledger.repayments.length) }
    return ledger
  }
  if (step.kind === 'edit') {
    if (step.what === 'draw' && ledger.draws.length > 0) {
      const i = pick % ledger.draws.length
      return { ...ledger, draws: replaceAt(ledger.draws, i, { ...ledger.draws[i]!, principal: ledger.draws[i]!.principal + 1_000 }) }
    }
    if (step.what === 'order' && ledger.orders.length > 0) {
      const i = pick % ledger.orders.length
      const o = ledger.orders[i]!
      return { ...ledger, orders: replaceAt(ledger.orders, i, { ...o, status: o.status === 'paid' ? 'unpaid' : 'paid' }) }
    }
    if (step.what === 'repayment' && ledger.repayments.length > 0) {
      const i = pick % ledger.repayments.length
      const r = ledger.repayments[i]!
      return { ...ledger, repayments: replaceAt(ledger.repayments, i, { ...r, amount: r.amount + 100, date: addDays(r.date, 3) }) }
    }
    if (step.what === 'account' && ledger.accounts.length > 0) {
      const i = pick % ledger.accounts.length
      const a = ledger.accounts[i]!
      return { ...ledger, accounts: replaceAt(ledger.accounts, i, { ...a, penaltyMultiplier: a.penaltyMultiplier === 1.3 ? 1.5 : 1.3 }) }
    }
    return ledger
  }
  return added(ledger, step as AddStep, n)
}

function added(ledger: Ledger, step: AddStep, n: number): Ledger {
  const { pick } = step
  const id = `new-${n}`
  if (step.what === 'repayment' && ledger.draws.length > 0) {
    const d = ledger.draws[pick % ledger.draws.length]!
    return { ...ledger, repayments: [...ledger.repayments, { id, accountId: d.accountId, targetType: 'draw', targetId: d.id, date: addDays(d.drawDate, step.days), amount: 50_000, note: '' }] }
  }
  if (step.what === 'order' && ledger.orders.length > 0) {
    const o = ledger.orders[pick % ledger.orders.length]!
    return { ...ledger, orders: [...ledger.orders, { ...o, id, orderDate: addDays(o.orderDate, step.days), dueDate: addDays(o.dueDate, step.days) }] }
  }
  // A printed minimum or a 账单分期 on a bill of 花呗 (statement day 1).
  const statementDate = makeIsoDate(2024 + (pick % 3), 1 + (step.days % 12), 1)
  if (step.what === 'figure') return { ...ledger, billFigures: [...ledger.billFigures, { id, accountId: 'huabei', statementDate, minimum: 1_000 + (pick % 5_000), notes: '' }] }
  return {
    ...ledger,
    billInstalments: [...ledger.billInstalments, { id, accountId: 'huabei', statementDate, date: addDays(statementDate, pick % 9), amount: 10_000 + (pick % 50_000), count: 3 + (pick % 4), feeRate: 0.0075, notes: '' }]
  }
}

describe('ledgerCost with a memo', () => {
  it('is ledgerCost without one, for every field, over any days, edits and month cut-offs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 1_200 }), fc.array(anyStep, { minLength: 1, maxLength: 10 }), (seed, startDays, steps) => {
        let ledger = messyLedger(seed, 6)
        let today: IsoDate = addDays('2024-01-01', startDays)
        const memo = createCostMemo()
        expect(ledgerCost(ledger, today, {}, memo)).toEqual(ledgerCost(ledger, today))
        steps.forEach((step, n) => {
          if (step.kind === 'day') today = addDays('2024-01-01', step.days)
          else if (step.kind === 'cut') {
            // As monthReports reads a finished month: the records up to its last day, as of the next day.
            const { to } = monthBounds(addMonthsToMonth('2024-01', step.months))
            const upTo = ledgerUpTo(ledger, to)
            expect(ledgerCost(upTo, addDays(to, 1), {}, memo)).toEqual(ledgerCost(upTo, addDays(to, 1)))
            return
          } else ledger = edited(ledger, step, n)
          expect(ledgerCost(ledger, today, {}, memo)).toEqual(ledgerCost(ledger, today))
        })
      }),
      { numRuns: 60 }
    )
  })

  it('is ledgerCost without one over the month cut-offs of an export, and with another overdue rate', () => {
    const ledger = messyLedger(11, 40)
    const memo = createCostMemo()
    for (let m = '2023-12'; m <= '2027-03'; m = addMonthsToMonth(m, 1)) {
      const { to } = monthBounds(m)
      const upTo = ledgerUpTo(ledger, to)
      expect(ledgerCost(upTo, addDays(to, 1), {}, memo), m).toEqual(ledgerCost(upTo, addDays(to, 1)))
    }
    // Another overdue rate: nothing walked at the default rate is taken for it.
    expect(ledgerCost(ledger, '2027-04-01', { overdueDailyRate: 0.001 }, memo)).toEqual(ledgerCost(ledger, '2027-04-01', { overdueDailyRate: 0.001 }))
  })

  it('leaves the month reports of a range as each month alone makes them', () => {
    const ledger = messyLedger(5, 30)
    const today = '2026-11-21'
    const reports = [...monthReports(ledger, '2024-01', '2026-11', today, { dues: [], flags: [] })]
    for (const r of reports) expect(r, r.month).toEqual(assembleMonthReport(ledger, r.month, today, { dues: [], flags: [] }))
  })
})

describe('what the memo reuses', () => {
  // 10,000 yuan at 0.04% a day drawn 2026-01-01 (400 fen a day), on a one-month term: due 2026-02-01.
  const shortDraw = { ...draw, termMonths: 1 }
  // Cleared on 2026-01-11: 10 days held (the draw day accrues, the repayment day does not) = 10 x 400 = 4,000 fen interest.
  const payoff = repay('r-1', { date: '2026-01-11', amount: 1_004_000 })

  it('keeps a cleared draw past its last due date for later days, and its figures stay the rule', () => {
    const ledger = ledgerOf({ accounts: [cash], draws: [shortDraw], repayments: [payoff] })
    const memo = createCostMemo()
    const march = ledgerCost(ledger, '2026-03-01', {}, memo)
    const april = ledgerCost(ledger, '2026-04-01', {}, memo)
    expect(april.draws.get('dr-1')).toBe(march.draws.get('dr-1'))
    expect(april.draws.get('dr-1')).toMatchObject({ interestPaid: 4_000, owedToday: 0, cleared: true })
    // All 4,000 fen in January; the months after it cost nothing.
    expect(april.monthly.map((m) => m.total)).toEqual([4_000, 0, 0, 0])
    expect(april).toEqual(ledgerCost(ledger, '2026-04-01'))
  })

  it('walks again a draw still running on a new day: 1,000,000 + 400 a day', () => {
    const ledger = ledgerOf({ accounts: [cash], draws: [draw] })
    const memo = createCostMemo()
    // 2026-01-11: 10 days accrued = 4,000 fen; 2026-01-21: 20 days = 8,000 fen.
    expect(ledgerCost(ledger, '2026-01-11', {}, memo).draws.get('dr-1')!.owedToday).toBe(1_004_000)
    expect(ledgerCost(ledger, '2026-01-21', {}, memo).draws.get('dr-1')!.owedToday).toBe(1_008_000)
  })

  it('walks again a cleared draw before its last due date, and on an earlier day', () => {
    const ledger = ledgerOf({ accounts: [cash], draws: [shortDraw], repayments: [payoff] })
    const memo = createCostMemo()
    const jan = ledgerCost(ledger, '2026-01-20', {}, memo)
    expect(ledgerCost(ledger, '2026-01-25', {}, memo).draws.get('dr-1')).not.toBe(jan.draws.get('dr-1'))
    const may = ledgerCost(ledger, '2026-05-01', {}, memo)
    // Before the repayment the draw is still out: 1,000,000 + 9 days x 400 = 1,003,600 on 2026-01-10.
    const early = ledgerCost(ledger, '2026-01-10', {}, memo)
    expect(early.draws.get('dr-1')).not.toBe(may.draws.get('dr-1'))
    expect(early.draws.get('dr-1')!.owedToday).toBe(1_003_600)
  })

  it('walks again when any input changes, and forgets a deleted record', () => {
    const memo = createCostMemo()
    const ledger = ledgerOf({ accounts: [cash], draws: [shortDraw], repayments: [payoff] })
    const first = ledgerCost(ledger, '2026-03-01', {}, memo)
    // The same records in new lists (a cut-off): reused.
    expect(ledgerCost({ ...ledger, draws: [...ledger.draws], repayments: [...ledger.repayments] }, '2026-03-01', {}, memo).draws.get('dr-1')).toBe(first.draws.get('dr-1'))
    // The account's penalty multiplier edited: a new account object, walked again (same figures: nothing was late).
    const edited = ledgerCost({ ...ledger, accounts: [{ ...cash, penaltyMultiplier: 1.3 }] }, '2026-03-01', {}, memo)
    expect(edited.draws.get('dr-1')).not.toBe(first.draws.get('dr-1'))
    expect(edited.draws.get('dr-1')).toEqual(first.draws.get('dr-1'))
    // Deleted, then the very same objects back: the memo kept only what its last run met, so it walks again.
    const kept = ledgerCost(ledger, '2026-03-01', {}, memo).draws.get('dr-1')
    ledgerCost({ ...ledger, draws: [] }, '2026-03-01', {}, memo)
    expect(ledgerCost(ledger, '2026-03-01', {}, memo).draws.get('dr-1')).not.toBe(kept)
  })
})
