// Tests the whole-ledger figures (ledger-cost.ts) on the one model of what is owed: each record's walk as the ledger's figure, months that add up to the cost to date, balances, per-account real APR, this month's totals, and late due dates.
import { describe, expect, it } from 'vitest'
import { addMonths, daysBetween, monthOf } from '../calendar'
import type { Draw, Ledger, Order } from '../records'
import { generateSampleLedger } from '../ledger/sample-data'
import { summariseDues } from '../dues/items'
import { messyLedger } from '@/testing/cost-arbitraries'
import { cashByMonth } from './due-items'
import { ledgerCost, statementAccountOf, type LedgerCost } from './ledger-cost'
import { walkLoan } from './loan'
import { walkPayLater } from './pay-later'
import { walkStatement } from './statement'
import { drawBalance, orderBalances } from '@/testing/plain-balances'
import { card, cash, draw, emptyLedger, huabei, ledgerOf, onBill, onOrder, orderWith, repay, zhima } from '@/testing/fixtures'

const sum = (values: Iterable<number>) => {
  let s = 0
  for (const v of values) s += v
  return s
}

/** What one account was charged in each month of the chart, interest + fees + penalty. */
const chartedOf = (c: LedgerCost, accountId: string) =>
  c.monthly.map((m) => {
    const x = m.byAccount[accountId]
    return x ? x.interest + x.fees + x.penalty : 0
  })

const isOpen = (o: Order) => o.status === 'unpaid' || o.status === 'paid'

/**
 * The invariants every ledger keeps, whatever its records: the ledger's figure of each record is
 * that record's own walk; each account's months add up to its cost to date to the fen, never
 * below zero; its balance at the end of this month is its principal out today; its owed,
 * principal, projected and repaid add up its records; and this month's due is the cash every
 * page counts (cashByMonth over the same items).
 */
function expectConsistent(ledger: Ledger, today: string): LedgerCost {
  const c = ledgerCost(ledger, today)
  const accountById = new Map(ledger.accounts.map((a) => [a.id, a]))
  const fallback = { penaltyMultiplier: 1.5, kind: 'other', statementDay: null, dueDay: null } as const
  const expected = new Map<string, { cost: number; owed: number; principal: number; projected: number; repaid: number }>()
  const add = (id: string, part: Partial<{ cost: number; owed: number; principal: number; projected: number; repaid: number }>) => {
    const e = expected.get(id) ?? { cost: 0, owed: 0, principal: 0, projected: 0, repaid: 0 }
    for (const [k, v] of Object.entries(part)) e[k as keyof typeof e] += v
    expected.set(id, e)
  }
  for (const d of ledger.draws) {
    const reps = ledger.repayments.filter((r) => r.targetType === 'draw' && r.targetId === d.id)
    const walk = walkLoan(d, reps, accountById.get(d.accountId) ?? fallback, today)
    expect(c.draws.get(d.id), d.id).toEqual(walk.cost)
    // Cost to date of a draw: paid and accrued interest, fees and penalty.
    if (d.drawDate <= today) add(d.accountId, { cost: walk.interestToDate + walk.feesToDate + walk.penaltyToDate })
    add(d.accountId, { owed: walk.cost.owedToday, principal: walk.cost.principalOutstanding, projected: walk.cost.projectedCostToPayoff })
  }
  const accountIds = new Set(ledger.orders.map((o) => o.accountId))
  for (const id of accountIds) {
    const orders = ledger.orders.filter((o) => o.accountId === id)
    const statement = statementAccountOf(accountById.get(id))
    if (statement) {
      const reps = ledger.repayments.filter((r) => r.accountId === id && r.targetType !== 'draw')
      const walk = walkStatement({ account: statement, orders, repayments: reps, billInstalments: ledger.billInstalments, billFigures: ledger.billFigures }, today)
      expect(c.statements.get(id), id).toEqual(walk)
      add(id, { cost: walk.interestToDate + walk.feesToDate, owed: walk.owed, principal: walk.principalOutstanding, projected: walk.projected })
      for (const o of orders) expect(c.orders.get(o.id)!.owed, o.id).toBe(walk.orders.get(o.id)?.owed ?? 0)
      continue
    }
    for (const o of orders) {
      const reps = ledger.repayments.filter((r) => r.targetType === 'order' && r.targetId === o.id)
      const walk = walkPayLater(o, reps, accountById.get(id) ?? fallback, today)
      expect(c.orders.get(o.id)!.owed, o.id).toBe(walk.cost.owed)
      expect(c.orders.get(o.id)!.overdue, o.id).toEqual(walk.cost.overdue)
      if (isOpen(o) && o.orderDate <= today) add(id, { cost: walk.feesToDate + walk.penaltyToDate })
      add(id, { owed: walk.cost.owed, principal: walk.principalOutstanding, projected: walk.projected })
    }
  }
  for (const r of ledger.repayments) if (r.date <= today) add(r.accountId, { repaid: r.amount })
  for (const [id, e] of expected) {
    const a = c.accounts.get(id)!
    expect(a, id).toMatchObject({ costToDate: e.cost, owed: e.owed, principalOutstanding: e.principal, projected: e.projected, repaid: e.repaid })
  }
  for (const [id, a] of c.accounts) {
    const charted = chartedOf(c, id)
    expect(sum(charted), `months of ${id}`).toBe(a.costToDate)
    expect(c.balances.at(-1)?.byAccount[id] ?? 0, `balance of ${id}`).toBe(a.principalOutstanding)
  }
  for (const m of c.monthly) {
    expect(m.total).toBe(sum(Object.values(m.byAccount).map((x) => x.interest + x.fees + x.penalty)))
    for (const [id, x] of Object.entries(m.byAccount))
      for (const v of [x.interest, x.fees, x.penalty]) {
        expect(Number.isSafeInteger(v), `${m.month} ${id}`).toBe(true)
        expect(v, `${m.month} ${id}`).toBeGreaterThanOrEqual(0)
      }
  }
  for (const b of c.balances) {
    expect(b.total).toBe(sum(Object.values(b.byAccount)))
    for (const v of Object.values(b.byAccount)) expect(v, b.month).toBeGreaterThanOrEqual(0)
  }
  if (c.monthly.length > 0) expect(c.monthly.at(-1)!.month).toBe(monthOf(today))
  expect(c.thisMonth.due).toBe(cashByMonth(c.dues, today).thisMonth)
  return c
}

describe('ledgerCost on the sample ledger', () => {
  const today = '2026-11-21'
  const ledger = generateSampleLedger({ today })
  const cost = ledgerCost(ledger, today)
  const drawReps = (d: Draw) => ledger.repayments.filter((r) => r.targetType === 'draw' && r.targetId === d.id)

  it('costs every draw, order and account in whole fen, never negative', () => {
    expect(cost.draws.size).toBe(ledger.draws.length)
    expect(cost.orders.size).toBe(ledger.orders.length)
    expect([...cost.accounts.keys()].sort()).toEqual(ledger.accounts.map((a) => a.id).sort())
    // One walk per statement account: 花呗, 分付, 白条 and the card.
    expect([...cost.statements.keys()].sort()).toEqual(['baitiao', 'cmbcard', 'fenfu', 'huabei'])
    for (const [id, c] of cost.draws) {
      for (const v of [c.repaid, c.interestPaid, c.feesPaid, c.penaltyPaid, c.accruedUnpaid, c.principalOutstanding, c.owedToday, c.projectedCostToPayoff, c.totalCost]) {
        expect(Number.isSafeInteger(v), id).toBe(true)
        expect(v, id).toBeGreaterThanOrEqual(0)
      }
      // Everything repaid is principal or cost: repaid = principal repaid + interest + fees + penalty paid.
      const d = ledger.draws.find((x) => x.id === id)!
      expect(c.repaid, id).toBe(d.principal - c.principalOutstanding + c.interestPaid + c.feesPaid + c.penaltyPaid)
      if (d.drawDate < today) expect(c.apr, id).not.toBeNull()
    }
    for (const [id, c] of cost.orders) for (const v of [c.feesPaid, c.feesToCome, c.owed, c.paid, c.principalOutstanding]) expect(Number.isSafeInteger(v) && v >= 0, id).toBe(true)
    for (const [id, a] of cost.accounts) for (const v of [a.costToDate, a.projected, a.owed, a.principalOutstanding, a.repaid]) expect(Number.isSafeInteger(v) && v >= 0, id).toBe(true)
  })

  it('every figure is its record\'s own walk, and the accounts, months, balances and this month add them up', () => {
    expectConsistent(ledger, today)
  })

  it('a 随借随还 draw repaid before the end of its term agrees with the plain model to the fen', () => {
    const flexible = ledger.draws.filter((d) => d.method === 'flexible')
    expect(flexible.length).toBeGreaterThan(10)
    for (const d of flexible) {
      // Where the two models agree: before the end of the term (no penalty), interest first, then principal.
      expect(addMonths(d.firstDueDate, d.termMonths - 1) > today, d.id).toBe(true)
      const plain = drawBalance(d, drawReps(d), today)
      expect(cost.draws.get(d.id), d.id).toMatchObject({ owedToday: plain.owed, principalOutstanding: plain.principalOutstanding, accruedUnpaid: plain.interestAccrued, repaid: plain.repaid })
    }
  })

  it('a pay-later order, and an order on a bill always paid in full, agrees with the plain model', () => {
    const plain = orderBalances(ledger.orders, ledger.repayments, today)
    let checked = 0
    for (const o of ledger.orders) {
      const walk = cost.statements.get(o.accountId)
      // The plain model spreads a bill payment over orders earliest due first: the same as the
      // bills only on a statement account without 分期 and never revolving.
      if (walk && (walk.revolving !== null || walk.interestToDate > 0 || ledger.orders.some((x) => x.accountId === o.accountId && x.instalmentCount > 1))) continue
      if (o.orderDate > today) continue
      expect(cost.orders.get(o.id)!.owed, o.id).toBe(plain.get(o.id)!.owed)
      checked++
    }
    // 芝麻 (per order), 分付 and 白条 (bills paid in full).
    expect(checked).toBeGreaterThan(50)
  })

  it('the only late due date is the 芝麻 order the sample leaves unpaid: no draw, no bill (the card\'s minimum was paid on time)', () => {
    const left = [...ledger.orders].reverse().find((o) => o.accountId === 'zhima' && o.status === 'unpaid' && o.dueDate < today && !ledger.repayments.some((r) => r.targetId === o.id))!
    expect(cost.late).toEqual([{ accountId: 'zhima', dueDate: left.dueDate, shortfall: left.amount, records: [{ type: 'order', id: left.id }] }])
    expect([...cost.draws.values()].filter((c) => c.overdue)).toEqual([])
    // The order's penalty is the ledger's estimate, apart from what it owes: 芝麻's multiplier is 1,
    // so amount x 0.05% x 1 for each day since the due date.
    const days = cost.orders.get(left.id)!.overdue!.days
    expect(days).toBe(daysBetween(left.dueDate, today))
    const penalty = Math.round(left.amount * 0.0005 * days)
    expect(cost.orders.get(left.id)).toMatchObject({ owed: left.amount, overdue: { since: left.dueDate, days, penaltyAccrued: penalty } })
    const zhimaOwed = sum(ledger.orders.filter((o) => o.accountId === 'zhima').map((o) => cost.orders.get(o.id)!.owed))
    expect(cost.accounts.get('zhima')).toMatchObject({ owed: zhimaOwed, costToDate: penalty })
    // The card's last judged bill had its minimum paid: on time, and the rest revolves.
    const cardBills = cost.statements.get('cmbcard')!.bills.filter((b) => b.status !== 'open' && b.status !== 'upcoming')
    expect(cardBills.at(-1)!.status).toBe('minimumPaid')
    expect(cost.statements.get('cmbcard')!.revolving).not.toBeNull()
    expect(cost.statements.get('cmbcard')!.bills.some((b) => b.status === 'belowMinimum')).toBe(false)
  })

  it('months run from the first counted record to today', () => {
    const first = [...ledger.draws.map((d) => d.drawDate), ...ledger.orders.filter(isOpen).map((o) => o.orderDate)].sort()[0]!
    expect(cost.monthly[0]!.month).toBe(monthOf(first))
    expect(cost.monthly.at(-1)!.month).toBe('2026-11')
    // The sample runs 12 months back from 2026-11-21, its first record in 2025-11: 13 months.
    expect(cost.monthly).toHaveLength(13)
    expect(cost.balances.map((b) => b.month)).toEqual(cost.monthly.map((m) => m.month))
  })

  it('interest-free bills paid in full on time cost nothing: 白条 and 分付 cost 0 at a real APR of exactly 0', () => {
    for (const id of ['baitiao', 'fenfu']) {
      expect(cost.accounts.get(id), id).toMatchObject({ costToDate: 0, projected: 0, apr: { periodRate: 0, aprSimple: 0, aprCompound: 0 } })
      expect(sum(chartedOf(cost, id))).toBe(0)
    }
  })

  it('an account of one draw has that draw\'s real APR to the last digit; 网商贷 pools below its naive 14.6%', () => {
    const car = ledger.draws.filter((d) => d.accountId === 'carloan')
    expect(car).toHaveLength(1)
    expect(cost.accounts.get('carloan')!.apr).toEqual(cost.draws.get(car[0]!.id)!.apr)
    for (const [id, a] of cost.accounts) expect(a.apr, id).not.toBeNull()
    // 网商贷's draws all cost 0.04% a day, 0.0004 x 365 = 14.6% a year naively. Held n days, a draw's
    // IRR per day is (1 + 0.0004 n)^(1/n) - 1, a little lower: at n = 75 (the longest the sample
    // holds one), (1.03)^(1/75) - 1 = 0.000394 a day, 14.39% a year. The pool lies between.
    const mybank = cost.accounts.get('mybank')!.apr!.aprSimple
    expect(mybank).toBeLessThan(0.146)
    expect(mybank).toBeGreaterThan((Math.pow(1.03, 1 / 75) - 1) * 365 - 0.001)
  })

  it('the car loan: ¥120,000 out at the start, a month of principal repaid on each due date', () => {
    const car = cost.balances.map((b) => b.byAccount.carloan!)
    expect(car[0]).toBe(12_000_000)
    for (let i = 1; i < car.length; i++) expect(car[i]!).toBeLessThanOrEqual(car[i - 1]!)
    // 4.2% a year over 36 months: r = 0.0035, payment 12,000,000 x r x 1.0035^36 / (1.0035^36 - 1)
    // = 355,356.44 -> 355,356 (1.0035^36 = 1.134033). After 11 payments (12-24 .. 10-24) the balance
    // is 12,000,000 x 1.0035^11 - 355,356 x (1.0035^11 - 1) / 0.0035 = 12,470,170.49 - 3,978,045.35
    // = 8,492,125.14, give or take the fen each period's interest is rounded by.
    const growth = Math.pow(1.0035, 11)
    const expected = 12_000_000 * growth - (355_356 * (growth - 1)) / 0.0035
    expect(Math.abs(car.at(-1)! - expected)).toBeLessThan(11) // a fen of rounding a period at most
  })

  it('this month: cost charged, repaid, borrowed, and the cash due that the dues page shows', () => {
    const november = (date: string) => date.startsWith('2026-11') && date <= today
    expect(cost.thisMonth.month).toBe('2026-11')
    expect(cost.thisMonth.cost).toBe(cost.monthly.at(-1)!.total)
    expect(cost.thisMonth.repaid).toBe(sum(ledger.repayments.filter((r) => november(r.date)).map((r) => r.amount)))
    expect(cost.thisMonth.borrowed).toBe(
      sum(ledger.draws.filter((d) => november(d.drawDate)).map((d) => d.principal)) + sum(ledger.orders.filter((o) => november(o.orderDate) && isOpen(o)).map((o) => o.amount))
    )
    expect(cost.thisMonth.due).toBe(summariseDues(cost.dues, today).cashThisMonth)
    // The overdue 芝麻 order is in it, whatever day of the month.
    expect(cost.thisMonth.due).toBeGreaterThanOrEqual(sum(cost.dues.filter((d) => d.overdue).map((d) => d.amount)))
    expect(cost.thisMonth.due).toBeGreaterThan(0)
  })

  it('scales to a two-year heavy ledger and to an untidy one with every figure still adding up', () => {
    const big = generateSampleLedger({ today, months: 24, scale: 5 })
    const c = expectConsistent(big, today)
    expect(c.draws.size).toBe(big.draws.length)
    expect(c.orders.size).toBe(big.orders.length)
    expect(c.monthly).toHaveLength(25)
    // Late, partial and excess repayments, fees, penalties, every method, an account not in the list.
    for (const day of ['2025-06-30', today]) expectConsistent(messyLedger(7, 120), day)
  })
})

describe('ledgerCost on small ledgers', () => {
  it('an empty ledger has nothing to chart, owe or count', () => {
    const c = ledgerCost(emptyLedger, '2026-11-21')
    expect(c.monthly).toEqual([])
    expect(c.balances).toEqual([])
    expect(c.dues).toEqual([])
    expect(c.late).toEqual([])
    expect(c.thisMonth).toEqual({ month: '2026-11', cost: 0, repaid: 0, borrowed: 0, due: 0 })
    // An account with no records is there, with nothing on it.
    expect(ledgerCost(ledgerOf({ accounts: [cash] }), '2026-11-21').accounts.get('cash')).toEqual({ costToDate: 0, projected: 0, owed: 0, principalOutstanding: 0, repaid: 0, apr: null })
  })

  it('puts interest in the month it accrues, and leaves out what is dated after today', () => {
    // ¥10,000 at 0.04% a day from 2026-01-01 (400 fen a day), repaid 2026-02-11 with 41 days of
    // interest: 1,000,000 + 41 x 400 = 1,016,400.
    const paid = [repay('r1', { date: '2026-02-11', amount: 1_016_400 })]
    const later: Draw = { ...draw, id: 'dr-2', drawDate: '2026-04-01', firstDueDate: '2026-05-01' }
    const small = ledgerOf({ accounts: [cash], draws: [draw, later], repayments: paid })
    const c = expectConsistent(small, '2026-03-15')
    // January: 31 days x 400 = 12,400; February: 10 days (02-01 .. 02-10) x 400 = 4,000; March: nothing.
    expect(c.monthly.map((m) => [m.month, m.byAccount.cash!.interest])).toEqual([
      ['2026-01', 12_400],
      ['2026-02', 4_000],
      ['2026-03', 0]
    ])
    expect(c.balances.map((b) => b.total)).toEqual([1_000_000, 0, 0])
    expect(c.draws.get('dr-2')).toMatchObject({ owedToday: 0, principalOutstanding: 0, apr: null })
    expect(c.accounts.get('cash')).toMatchObject({ costToDate: 16_400, owed: 0, principalOutstanding: 0, repaid: 1_016_400 })
    expect(c.dues).toEqual([])
    // The plain model agrees: cleared on 02-11.
    expect(drawBalance(draw, paid, '2026-03-15').owed).toBe(0)
  })

  it('a missed instalment: penalty replaces interest on the arrears, each in the month it accrues', () => {
    // Story 2 (loan.test.ts): ¥10,000 等额本息 at 0.04% a day over 12 months from 2026-01-10, due on
    // the 10th. r = 0.0004 x 30 = 1.2%: payment 1,000,000 x 0.012 x 1.012^12 / (1.012^12 - 1) = 89,975.
    // Period 1 (01-10 .. 02-10, 31 days): interest 1,000,000 x 0.0004 x 31 = 12,400, principal 77,575.
    // Period 2 (02-10 .. 03-10, 28 days): interest 922,425 x 0.0004 x 28 = 10,331, principal 79,644.
    const wsd: Draw = { ...draw, id: 'dr-wsd', drawDate: '2026-01-10', firstDueDate: '2026-02-10', method: 'equalInstalment' }
    const c = expectConsistent(ledgerOf({ accounts: [cash], draws: [wsd] }), '2026-03-02')
    // Interest: period 1's 12,400 at 400 a day: January 22 days (01-10 .. 01-31) = 8,800, February
    // 9 days = 3,600; period 2's 10,331 / 28 a day for the 20 days elapsed (02-10 .. 03-01):
    // 19 in February = 7,010.32, 1 in March = 368.96. Months rounded cumulatively: January 8,800;
    // February round(19,410.32) - 8,800 = 10,610; March round(19,779.29) - 19,410 = 369.
    // Penalty on the 89,975 in arrears at 0.04% x 1.5 = 0.06% a day from 02-10: 53.985 a day,
    // 19 days in February = 1,025.72 -> 1,026, 1 in March -> round(1,079.70) - 1,026 = 54.
    expect(c.monthly.map((m) => [m.month, m.byAccount.cash])).toEqual([
      ['2026-01', { interest: 8_800, fees: 0, penalty: 0 }],
      ['2026-02', { interest: 10_610, fees: 0, penalty: 1_026 }],
      ['2026-03', { interest: 369, fees: 0, penalty: 54 }]
    ])
    // Cost to date: 12,400 + round(10,331 x 20 / 28 = 7,379.29) = 19,779 interest + 1,080 penalty.
    // Owed today: all the principal 1,000,000 + 19,779 + 1,080 = 1,020,859.
    expect(c.accounts.get('cash')).toMatchObject({ costToDate: 20_859, owed: 1_020_859, principalOutstanding: 1_000_000 })
    expect(c.thisMonth.cost).toBe(369 + 54)
    // Cash due this month: the arrears 89,975 + 1,080 = 91,055 (overdue) and period 2 on 03-10
    // (89,975): 181,030. Period 3 (04-10) is next month's.
    expect(c.thisMonth.due).toBe(91_055 + 89_975)
    expect(c.late).toEqual([{ accountId: 'cash', dueDate: '2026-02-10', shortfall: 89_975, records: [{ type: 'draw', id: 'dr-wsd' }] }])
  })

  it('the real APR of each account pools its draws and orders', () => {
    // 现金: two draws of ¥10,000 at 0.04% a day, each repaid after 10 days with 400 x 10 = 4,000 of
    // interest, the second drawn the day the first is repaid. The flows: +1,000,000 on 01-01,
    // -1,004,000 + 1,000,000 = -4,000 on 01-11, -1,004,000 on 01-21. With x = 1 / (1 + r)^10:
    // 1,004,000 x^2 + 4,000 x - 1,000,000 = 0, x = (-4,000 + 2,004,000) / 2,008,000 = 1 / 1.004,
    // so r = 1.004^(1/10) - 1 a day, each draw's own rate.
    const second: Draw = { ...draw, id: 'dr-2', drawDate: '2026-01-11', firstDueDate: '2026-02-11' }
    // 花呗: ¥100 bought 01-05 (02-01 bill) paid in full on its due date 02-10, and ¥50 bought 02-05
    // (03-01 bill, not yet due): interest-free, so the flows net to nothing and the rate is exactly 0.
    // 芝麻: ¥100 bought 01-05, due 02-10, unpaid on 03-01: the penalty estimate is
    // 10,000 x 0.0005 x 1.5 x 19 days = 142.5 -> 143, counted as still to pay today with the
    // 10,000: (10,143 / 10,000)^(1/55) - 1 a day (01-05 .. 03-01 is 55 days).
    const small = ledgerOf({
      accounts: [cash, huabei, zhima],
      draws: [draw, second],
      orders: [orderWith('od-1'), orderWith('od-2', { amount: 5_000, orderDate: '2026-02-05', dueDate: '2026-03-10' }), orderWith('od-z', { accountId: 'zhima' })],
      repayments: [repay('r1', { date: '2026-01-11', amount: 1_004_000 }), repay('r2', { targetId: 'dr-2', date: '2026-01-21', amount: 1_004_000 }), repay('b1', { ...onBill, date: '2026-02-10', amount: 10_000 })]
    })
    const c = expectConsistent(small, '2026-03-01')
    expect(c.accounts.get('cash')!.apr!.periodRate).toBeCloseTo(Math.pow(1.004, 1 / 10) - 1, 14)
    expect(c.accounts.get('cash')!.apr!.periodRate).toBeCloseTo(c.draws.get('dr-1')!.apr!.periodRate, 14)
    expect(c.accounts.get('huabei')).toMatchObject({ costToDate: 0, owed: 5_000, apr: { periodRate: 0, aprSimple: 0, aprCompound: 0 } })
    // The penalty is apart from what is owed, but it is the account's cost.
    expect(c.orders.get('od-z')).toMatchObject({ owed: 10_000, overdue: { since: '2026-02-10', days: 19, penaltyAccrued: 143 } })
    expect(c.accounts.get('zhima')).toMatchObject({ costToDate: 143, owed: 10_000 })
    expect(c.accounts.get('zhima')!.apr!.periodRate).toBeCloseTo(Math.pow(1.0143, 1 / 55) - 1, 14)
    // With only the first draw, the account's flows are the draw's: the same figure to the last digit.
    const one = ledgerCost({ ...small, draws: [draw], repayments: [small.repayments[0]!] }, '2026-03-01')
    expect(one.accounts.get('cash')!.apr).toEqual(one.draws.get('dr-1')!.apr)
  })

  it('a 分期 plan on 花呗 paid period by period: its rate by the day is close to the plan\'s by the month', () => {
    // ¥6,000 in 6 at 0.75% a month: 100,000 + 600,000 x 0.0075 = 4,500 fee = 104,500 on each bill,
    // due 02-10 .. 07-10 (bought 01-10, so on the 02-01 bill). The monthly IRR r solves
    // 600,000 = 104,500 x (1 - (1 + r)^-6) / r: found by bisection here, near 1.272%.
    const plan = orderWith('od-6', { amount: 600_000, instalmentCount: 6, instalmentFeeRate: 0.0075, orderDate: '2026-01-10', dueDate: '2026-02-10' })
    const paid = ['2026-02-10', '2026-03-10', '2026-04-10'].map((date, k) => repay(`p${k}`, { ...onOrder, targetId: 'od-6', date, amount: 104_500 }))
    const c = expectConsistent(ledgerOf({ accounts: [huabei], orders: [plan], repayments: paid }), '2026-04-20')
    let lo = 0
    let hi = 0.1
    for (let i = 0; i < 200; i++) {
      const r = (lo + hi) / 2
      if ((104_500 * (1 - Math.pow(1 + r, -6))) / r > 600_000) lo = r
      else hi = r
    }
    const monthly = c.orders.get('od-6')!.apr!.aprSimple
    expect(monthly).toBeCloseTo(lo * 12, 6)
    expect(Math.abs(c.accounts.get('huabei')!.apr!.aprSimple - monthly)).toBeLessThan(0.005)
    // Fees charged to date: the three bills issued (02-01, 03-01, 04-01), 3 x 4,500 = 13,500; three to come.
    expect(c.accounts.get('huabei')).toMatchObject({ costToDate: 13_500, projected: 13_500, owed: 3 * 104_500, principalOutstanding: 300_000 })
    expect(c.orders.get('od-6')).toMatchObject({ owed: 3 * 104_500, feesPaid: 13_500, feesToCome: 13_500, status: 'partlyPaid' })
  })

  it('a 花呗 order paid by its bill leaves the balance on its due date; unpaid, the bill is overdue for what is short of its minimum', () => {
    const o = orderWith('od-1') // ¥100 on 花呗, bought 2026-01-05: the 02-01 bill, due 02-10
    const small = ledgerOf({ accounts: [huabei], orders: [o], repayments: [repay('b1', { ...onBill, date: '2026-02-10', amount: 10_000 })] })
    const c = expectConsistent(small, '2026-03-01')
    expect(c.balances.map((b) => [b.month, b.total])).toEqual([
      ['2026-01', 10_000],
      ['2026-02', 0],
      ['2026-03', 0]
    ])
    expect(c.monthly.every((m) => m.total === 0)).toBe(true)
    expect(c.late).toEqual([])

    // Unpaid: the 02-01 bill's minimum is 10% of 10,000 = 1,000; nothing paid by 02-10 is overdue
    // (花呗: no grace days, no 违约金). The unpaid 10,000 bears 0.05% a day from 02-11: 5 fen a day,
    // 18 days to the 03-01 statement = 90, posted on the 03-01 bill, all of it February's.
    const unpaid = expectConsistent({ ...small, repayments: [] }, '2026-03-01')
    expect(unpaid.monthly.map((m) => m.byAccount.huabei!.interest)).toEqual([0, 90, 0])
    expect(unpaid.accounts.get('huabei')).toMatchObject({ costToDate: 90, owed: 10_090, principalOutstanding: 10_000 })
    expect(unpaid.late).toEqual([{ accountId: 'huabei', dueDate: '2026-02-10', shortfall: 1_000, records: [{ type: 'order', id: 'od-1' }] }])
    // The overdue item is the 1,000 short of the minimum (days 03-01 - 02-10 = 19); the 03-01 bill
    // (due 03-10) adds the rest: 10,000 + 90 - 1,000 = 9,090. Both are this month's cash: 10,090.
    expect(unpaid.dues.map((d) => [d.key, d.amount, d.clearAmount, d.overdue])).toEqual([
      ['bill:huabei:2026-02-10', 1_000, 1_000, { days: 19, penalty: 0 }],
      ['bill:huabei:2026-03-10', 9_090, 10_090, null],
      // The next bill so far: the revolving interest to its statement day, 10,000 x 0.0005 x 31 = 155.
      ['bill:huabei:2026-04-10', 155, 10_090, null]
    ])
    expect(unpaid.thisMonth.due).toBe(10_090)
  })

  it('a pay-later order\'s overdue penalty is an estimate: cost to date, never part of what is owed or due', () => {
    // ¥100 on 芝麻 bought 01-05, due 01-19 (14 days). On 02-20 it is 32 days late: 10,000 x 0.0005 x
    // 1.5 = 7.5 fen a day -> 240. January holds 13 days (01-19 .. 01-31) = 97.5 -> 98, February
    // 19 days -> 240 - 98 = 142.
    const o = orderWith('oz', { accountId: 'zhima', orderDate: '2026-01-05', dueDate: '2026-01-19', amount: 10_000 })
    const c = expectConsistent(ledgerOf({ accounts: [zhima], orders: [o] }), '2026-02-20')
    expect(c.orders.get('oz')).toMatchObject({ owed: 10_000, status: 'unpaid', overdue: { since: '2026-01-19', days: 32, penaltyAccrued: 240 } })
    expect(c.monthly.map((m) => m.byAccount.zhima!.penalty)).toEqual([98, 142])
    expect(c.accounts.get('zhima')).toMatchObject({ costToDate: 240, owed: 10_000 })
    expect(c.dues).toEqual([expect.objectContaining({ key: 'order:oz', amount: 10_000, clearAmount: 10_000, overdue: { days: 32, penalty: 240 } })])
    expect(c.thisMonth.due).toBe(10_000)
  })

  it('a pay-later order paid late never makes a month\'s cost negative', () => {
    // The same order paid on 02-10, 22 days late. The estimate accrued 7.5 fen a day from 01-19:
    // 13 days in January (97.5) and 9 in February (67.5). Whether the ledger keeps that estimate as
    // cost (January 98, February 67) or drops it once the order is paid without a fee (0 and 0), no
    // month of a cost chart is below zero, and the months add up to the cost to date.
    const o = orderWith('oz', { accountId: 'zhima', orderDate: '2026-01-05', dueDate: '2026-01-19', amount: 10_000 })
    const paidLate = repay('p', { accountId: 'zhima', targetType: 'order', targetId: 'oz', date: '2026-02-10', amount: 10_000 })
    const c = ledgerCost(ledgerOf({ accounts: [zhima], orders: [o], repayments: [paidLate] }), '2026-02-20')
    expect(c.orders.get('oz')).toMatchObject({ owed: 0, status: 'paid' })
    expect(c.late).toEqual([{ accountId: 'zhima', dueDate: '2026-01-19', shortfall: 10_000, records: [{ type: 'order', id: 'oz' }] }])
    expect(sum(c.monthly.map((m) => m.total))).toBe(c.accounts.get('zhima')!.costToDate)
    for (const m of c.monthly) expect(m.byAccount.zhima!.penalty, m.month).toBeGreaterThanOrEqual(0)
  })

  describe('a card bill with only its minimum paid (DOMAIN.md reference scenario)', () => {
    // Card: statement day 5, due day 23, 3 grace days, 全额计息 at 0.05% a day. ¥5,000 bought 10-10
    // (the 11-05 bill), ¥500 (its 10% minimum) paid 11-20: on time; ¥4,500 revolves.
    const purchase = orderWith('od-5000', { accountId: 'card', orderDate: '2026-10-10', dueDate: '2026-11-23', amount: 500_000 })
    const minimum = repay('rp-500', { accountId: 'card', targetType: 'statement', targetId: 'card', date: '2026-11-20', amount: 50_000 })
    const small = ledgerOf({ accounts: [card], orders: [purchase], repayments: [minimum] })

    it('is on time: no late month, no overdue item; its interest is the account\'s cost', () => {
      const c = expectConsistent(small, '2026-12-06')
      expect(c.late).toEqual([])
      expect(c.dues.every((d) => d.overdue === null)).toBe(true)
      // Interest to 12-05 (the 12-05 bill): 5,000 x 0.0005 x 41 (10-10 .. 11-19) = 102.50 and
      // 4,500 x 0.0005 x 15 (11-20 .. 12-04) = 33.75, ¥136.25; then 12-05 itself: 4,500 x 0.0005 =
      // 2.25. Cost to date 13,625 + 225 = 13,850; owed 450,000 + 13,625 + 225 = 463,850.
      expect(c.accounts.get('card')).toMatchObject({ costToDate: 13_850, owed: 463_850, principalOutstanding: 450_000, repaid: 50_000 })
      // Principal out at each month end: 5,000 in October, 4,500 after the minimum.
      expect(c.balances.map((b) => [b.month, b.total])).toEqual([
        ['2026-10', 500_000],
        ['2026-11', 450_000],
        ['2026-12', 450_000]
      ])
    })

    it('its revolving interest is in the month each day of it accrues', () => {
      // 全额计息 charges the bill's purchase from its posting day; the ledger puts interest in the
      // month it accrues (ledger-cost.ts header): October 10-10 .. 10-31, 22 days x 250 = 5,500;
      // November 19 days x 250 (11-01 .. 11-19) + 11 days x 225 (11-20 .. 11-30) = 4,750 + 2,475 =
      // 7,225; December 5 days x 225 (12-01 .. 12-05) = 1,125. Total 13,850.
      const c = ledgerCost(small, '2026-12-06')
      expect(c.monthly.map((m) => [m.month, m.byAccount.card!.interest])).toEqual([
        ['2026-10', 5_500],
        ['2026-11', 7_225],
        ['2026-12', 1_125]
      ])
    })
  })

  it('late due dates of every kind, from every walk, in date order', () => {
    // A draw's missed period (cash, 02-10), a 花呗 bill below its minimum (02-10), a 芝麻 order (01-19).
    const wsd: Draw = { ...draw, id: 'dr-wsd', drawDate: '2026-01-10', firstDueDate: '2026-02-10', method: 'equalInstalment' }
    const c = ledgerCost(
      ledgerOf({ accounts: [cash, huabei, zhima], draws: [wsd], orders: [orderWith('od-1'), orderWith('oz', { accountId: 'zhima', dueDate: '2026-01-19' })] }),
      '2026-02-20'
    )
    expect(c.late).toEqual([
      { accountId: 'zhima', dueDate: '2026-01-19', shortfall: 10_000, records: [{ type: 'order', id: 'oz' }] },
      { accountId: 'cash', dueDate: '2026-02-10', shortfall: 89_975, records: [{ type: 'draw', id: 'dr-wsd' }] },
      // 花呗: 10% of the ¥100 bill short.
      { accountId: 'huabei', dueDate: '2026-02-10', shortfall: 1_000, records: [{ type: 'order', id: 'od-1' }] }
    ])
  })

  it('this month counts what was borrowed and repaid in it, on every kind of account', () => {
    const today = '2026-02-20'
    const feb: Draw = { ...draw, id: 'dr-feb', drawDate: '2026-02-03', firstDueDate: '2026-03-03' }
    const records: Partial<Ledger> = {
      accounts: [cash, huabei, zhima],
      draws: [draw, feb, { ...draw, id: 'dr-later', drawDate: '2026-02-25', firstDueDate: '2026-03-25' }],
      orders: [
        orderWith('od-1'),
        orderWith('od-feb', { orderDate: '2026-02-02', dueDate: '2026-03-10', amount: 7_000 }),
        orderWith('od-gone', { orderDate: '2026-02-04', dueDate: '2026-03-10', amount: 9_999, status: 'refunded' }),
        orderWith('oz', { accountId: 'zhima', orderDate: '2026-02-06', dueDate: '2026-02-20', amount: 3_000 })
      ],
      repayments: [repay('r-jan', { date: '2026-01-31', amount: 100 }), repay('r-feb', { date: '2026-02-10', amount: 200 }), repay('b', { ...onBill, date: '2026-02-10', amount: 10_000 })]
    }
    const c = expectConsistent(ledgerOf(records), today)
    // Borrowed in February up to today: the 02-03 draw 1,000,000 + 7,000 + 3,000 (the refunded
    // order and the draw dated 02-25 do not count). Repaid: 200 + 10,000.
    expect(c.thisMonth).toMatchObject({ month: '2026-02', borrowed: 1_010_000, repaid: 10_200 })
  })
})
