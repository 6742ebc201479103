import { describe, expect, it } from 'vitest'
import { drawBalance, groupRepaymentsByTarget, orderBalances, orderTotal } from '../owed'
import type { Draw, Ledger } from '../records'
import { generateSampleLedger } from '../sample-data'
import { drawCost } from './actual'
import { ledgerCost } from './ledger-cost'
import { cash, draw, emptyLedger, huabei, onBill, orderWith, repay } from '@/test-fixtures'

const today = '2026-11-21'
const ledger = generateSampleLedger({ today })
const cost = ledgerCost(ledger, today)

const sum = (values: Iterable<number>) => {
  let s = 0
  for (const v of values) s += v
  return s
}

describe('ledgerCost on the sample ledger', () => {
  it('costs every draw and order, in whole fen, never negative', () => {
    expect(cost.draws.size).toBe(ledger.draws.length)
    expect(cost.orders.size).toBe(ledger.orders.length)
    for (const c of cost.draws.values()) {
      for (const v of [c.interestPaid, c.feesPaid, c.penaltyPaid, c.accruedUnpaid, c.principalOutstanding, c.owedToday, c.projectedCostToPayoff, c.totalCost]) {
        expect(Number.isSafeInteger(v)).toBe(true)
        expect(v).toBeGreaterThanOrEqual(0)
      }
      expect(c.apr).not.toBeNull()
    }
    for (const c of cost.orders.values()) for (const v of [c.feesPaid, c.feesToCome, c.owed]) expect(Number.isSafeInteger(v) && v >= 0).toBe(true)
  })

  it('agrees with drawCost one by one, and with owed.ts on 随借随还', () => {
    const byTarget = groupRepaymentsByTarget(ledger.repayments)
    const accounts = new Map(ledger.accounts.map((a) => [a.id, a]))
    for (const d of ledger.draws) {
      const one = drawCost(d, byTarget.get(d.id) ?? [], accounts.get(d.accountId)!, today)
      expect(cost.draws.get(d.id)).toEqual(one)
      if (d.method === 'flexible') expect(one.owedToday).toBe(drawBalance(d, byTarget.get(d.id) ?? [], today).owed)
    }
  })

  it('finds the overdue 芝麻 order the sample leaves unpaid, and no overdue draw', () => {
    const overdueOrders = ledger.orders.filter((o) => cost.orders.get(o.id)?.overdue)
    expect(overdueOrders.length).toBeGreaterThanOrEqual(1)
    expect(overdueOrders.every((o) => o.accountId === 'zhima' && o.dueDate < today)).toBe(true)
    expect([...cost.draws.values()].filter((c) => c.overdue)).toEqual([])
  })

  it('monthly cost adds up to each account\'s cost to date, and the months run from the first record to today', () => {
    expect(cost.monthly[0]!.month).toBe('2025-11')
    expect(cost.monthly.at(-1)!.month).toBe('2026-11')
    expect(cost.monthly).toHaveLength(13)
    for (const [accountId, totals] of cost.accounts) {
      const charted = sum(cost.monthly.map((m) => {
        const c = m.byAccount[accountId]
        return c ? c.interest + c.fees + c.penalty : 0
      }))
      expect(charted).toBe(totals.costToDate)
    }
    for (const m of cost.monthly) {
      expect(m.total).toBe(sum(Object.values(m.byAccount).map((c) => c.interest + c.fees + c.penalty)))
      for (const c of Object.values(m.byAccount)) for (const v of [c.interest, c.fees, c.penalty]) expect(Number.isSafeInteger(v) && v >= 0).toBe(true)
    }
  })

  it('cost to date is what each draw and order cost so far: paid plus accrued', () => {
    const drawsToDate = sum(ledger.draws.map((d) => {
      const c = cost.draws.get(d.id)!
      return c.interestPaid + c.feesPaid + c.penaltyPaid + c.accruedUnpaid
    }))
    expect(sum([...cost.accounts.values()].map((a) => a.costToDate))).toBeGreaterThanOrEqual(drawsToDate)
    expect(sum(cost.monthly.map((m) => m.total))).toBe(sum([...cost.accounts.values()].map((a) => a.costToDate)))
    // The orders' share: fees charged so far on instalment plans, and the overdue penalty.
    const ordersShare = sum([...cost.accounts.values()].map((a) => a.costToDate)) - drawsToDate
    const penalties = sum([...cost.orders.values()].map((c) => c.overdue?.penaltyAccrued ?? 0))
    expect(ordersShare).toBeGreaterThanOrEqual(penalties)
    expect(ordersShare).toBeLessThanOrEqual(penalties + sum([...cost.orders.values()].map((c) => c.feesPaid + c.feesToCome)))
  })

  it('the balance at the end of this month is the principal still out today, never negative before', () => {
    const balances = orderBalances(ledger.orders, ledger.repayments, today)
    const ordersOut = sum(ledger.orders.map((o) => {
      const owed = o.status === 'unpaid' ? balances.get(o.id)!.owed : 0
      return o.instalmentCount > 1 ? Math.round((owed * o.amount) / orderTotal(o)) : owed
    }))
    const drawsOut = sum([...cost.draws.values()].map((c) => c.principalOutstanding))
    expect(cost.balances.at(-1)!.total).toBe(drawsOut + ordersOut)
    for (const b of cost.balances) {
      expect(b.total).toBe(sum(Object.values(b.byAccount)))
      for (const v of Object.values(b.byAccount)) expect(v).toBeGreaterThanOrEqual(0)
    }
    // The car loan is a third paid after a year.
    const car = cost.balances.map((b) => b.byAccount.carloan!)
    expect(car[0]).toBe(12_000_000)
    expect(car.at(-1)).toBeLessThan(9_000_000)
  })

  it('owed and projected per account add up the draws and orders', () => {
    const owed = sum([...cost.draws.values()].map((c) => c.owedToday)) + sum([...cost.orders.values()].map((c) => c.owed))
    expect(sum([...cost.accounts.values()].map((a) => a.owed))).toBe(owed)
    expect(cost.accounts.get('baitiao')).toEqual({ costToDate: 0, projected: 0, owed: 0 })
  })

  it('this month: cost charged, repaid, borrowed and due', () => {
    const november = (date: string) => date.startsWith('2026-11') && date <= today
    expect(cost.thisMonth.month).toBe('2026-11')
    expect(cost.thisMonth.cost).toBe(cost.monthly.at(-1)!.total)
    expect(cost.thisMonth.repaid).toBe(sum(ledger.repayments.filter((r) => november(r.date)).map((r) => r.amount)))
    expect(cost.thisMonth.borrowed).toBe(
      sum(ledger.draws.filter((d) => november(d.drawDate)).map((d) => d.principal)) +
        sum(ledger.orders.filter((o) => november(o.orderDate) && (o.status === 'unpaid' || o.status === 'paid')).map((o) => o.amount))
    )
    expect(cost.thisMonth.due).toBeGreaterThan(0)
    expect(cost.thisMonth.due).toBeLessThanOrEqual(sum([...cost.accounts.values()].map((a) => a.owed)))
  })

  it('scales linearly enough to run on a two-year heavy ledger', () => {
    const big = generateSampleLedger({ today, months: 24, scale: 5 })
    const c = ledgerCost(big, today)
    expect(c.draws.size).toBe(big.draws.length)
    expect(c.monthly).toHaveLength(25)
  })
})

describe('ledgerCost on small ledgers', () => {
  it('an empty ledger has nothing to chart', () => {
    const c = ledgerCost(emptyLedger, today)
    expect(c.monthly).toEqual([])
    expect(c.balances).toEqual([])
    expect(c.thisMonth).toEqual({ month: '2026-11', cost: 0, repaid: 0, borrowed: 0, due: 0 })
  })

  it('puts interest in the month it accrues, and leaves out what is dated after today', () => {
    // 10,000 yuan at 0.04% a day from 2026-01-01 (400 fen a day), repaid 2026-02-11 with 41 days of interest.
    const paid = [repay('r1', { date: '2026-02-11', amount: 1_016_400 })]
    const later: Draw = { ...draw, id: 'dr-2', drawDate: '2026-04-01', firstDueDate: '2026-05-01' }
    const small: Ledger = { ...emptyLedger, accounts: [cash], draws: [draw, later], repayments: paid }
    const c = ledgerCost(small, '2026-03-15')
    // January: 31 days * 400; February: 10 days * 400; March: nothing.
    expect(c.monthly.map((m) => [m.month, m.byAccount.cash!.interest])).toEqual([
      ['2026-01', 12_400],
      ['2026-02', 4_000],
      ['2026-03', 0]
    ])
    expect(c.balances.map((b) => b.total)).toEqual([1_000_000, 0, 0])
    expect(c.draws.get('dr-2')).toMatchObject({ owedToday: 0, apr: null })
    expect(c.accounts.get('cash')).toMatchObject({ costToDate: 16_400, owed: 0 })
  })

  it('an order paid by a statement leaves the balance on its due date', () => {
    const o = orderWith('od-1') // 100 yuan on 花呗, 2026-01-05, due 2026-02-10
    const small: Ledger = { ...emptyLedger, accounts: [huabei], orders: [o], repayments: [repay('b1', { ...onBill, date: '2026-02-10', amount: 10_000 })] }
    const c = ledgerCost(small, '2026-03-01')
    expect(c.balances.map((b) => [b.month, b.total])).toEqual([
      ['2026-01', 10_000],
      ['2026-02', 0],
      ['2026-03', 0]
    ])
    expect(c.monthly.every((m) => m.total === 0)).toBe(true)
    // Unpaid, it is overdue and its penalty is charged day by day: 10,000 * 0.0005 * 1.5 * 19 days = 142.5 -> 143.
    const unpaid = ledgerCost({ ...small, repayments: [] }, '2026-03-01')
    expect(unpaid.orders.get('od-1')?.overdue?.penaltyAccrued).toBe(143)
    expect(sum(unpaid.monthly.map((m) => m.byAccount.huabei!.penalty))).toBe(143)
    expect(unpaid.thisMonth.due).toBe(10_143)
  })
})
