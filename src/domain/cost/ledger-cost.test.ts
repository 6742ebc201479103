import { describe, expect, it } from 'vitest'
import { drawBalance, groupRepaymentsByTarget, orderBalances, orderTotal } from '../owed'
import type { Draw, Ledger } from '../records'
import { generateSampleLedger } from '../sample-data'
import { drawCost } from './actual'
import { messyLedger } from './arbitraries'
import { ledgerCost } from './ledger-cost'
import type { LedgerCost } from './types'
import { cash, draw, emptyLedger, huabei, onBill, onOrder, orderWith, repay, zhima } from '@/test-fixtures'

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
    // 京东白条's orders are all interest-free and paid on time: they cost nothing, a real APR of 0.
    expect(cost.accounts.get('baitiao')).toEqual({ costToDate: 0, projected: 0, owed: 0, apr: { periodRate: 0, aprSimple: 0, aprCompound: 0 } })
  })

  it('an account of one draw has that draw\'s real APR, to the last digit', () => {
    const car = ledger.draws.filter((d) => d.accountId === 'carloan')
    expect(car).toHaveLength(1)
    expect(cost.accounts.get('carloan')!.apr).toEqual(cost.draws.get(car[0]!.id)!.apr)
    expect(cost.accounts.get('carloan')!.apr).not.toBeNull()
    // Every account of the sample has a counted record, so every one has a rate. 网商贷's draws all
    // cost 0.04% a day, 14.6% a year naively; the IRR is a little lower, because simple interest of
    // n days is less than n days compounded: repaid after 40 days, (1 + 0.016)^(1/40) - 1 is 14.49%.
    for (const a of cost.accounts.values()) expect(a.apr).not.toBeNull()
    expect(cost.accounts.get('mybank')!.apr!.aprSimple).toBeLessThan(0.146)
    expect(cost.accounts.get('mybank')!.apr!.aprSimple).toBeGreaterThan(0.14)
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

  it('the real APR of each account pools its draws and orders', () => {
    // 现金: two draws of 10,000 yuan at 0.04% a day, each repaid after 10 days with 400 * 10 = 4,000
    // of interest, the second drawn the day the first is repaid. The flows: +1,000,000 on 01-01,
    // -1,004,000 + 1,000,000 = -4,000 on 01-11, -1,004,000 on 01-21. With x = 1 / (1 + r)^10:
    // 1,004,000 x^2 + 4,000 x - 1,000,000 = 0, x = (-4,000 + 2,004,000) / 2,008,000 = 1 / 1.004,
    // so r = 1.004^(1/10) - 1 a day, each draw's own rate.
    const second: Draw = { ...draw, id: 'dr-2', drawDate: '2026-01-11', firstDueDate: '2026-02-11' }
    // 花呗: 100 yuan bought 01-05 and paid by the statement on its due date 02-10, and 50 yuan bought
    // 02-05, due 03-10: interest-free, received and repaid at no cost, so exactly 0.
    // 芝麻: 100 yuan bought 01-05, due 02-10, unpaid on 03-01: 10,000 * 0.0005 * 1.5 * 19 days =
    // 142.5 -> 143 of penalty, owed today with the 10,000: (10,143 / 10,000)^(1/55) - 1 a day.
    const small: Ledger = {
      ...emptyLedger,
      accounts: [cash, huabei, zhima],
      draws: [draw, second],
      orders: [orderWith('od-1'), orderWith('od-2', { amount: 5_000, orderDate: '2026-02-05', dueDate: '2026-03-10' }), orderWith('od-z', { accountId: 'zhima' })],
      repayments: [
        repay('r1', { date: '2026-01-11', amount: 1_004_000 }),
        repay('r2', { targetId: 'dr-2', date: '2026-01-21', amount: 1_004_000 }),
        repay('b1', { ...onBill, date: '2026-02-10', amount: 10_000 })
      ]
    }
    const c = ledgerCost(small, '2026-03-01')
    expect(c.accounts.get('cash')!.apr!.periodRate).toBeCloseTo(Math.pow(1.004, 1 / 10) - 1, 14)
    expect(c.accounts.get('cash')!.apr!.periodRate).toBeCloseTo(c.draws.get('dr-1')!.apr!.periodRate, 14)
    expect(c.accounts.get('huabei')!.apr).toEqual({ periodRate: 0, aprSimple: 0, aprCompound: 0 })
    expect(c.orders.get('od-z')!.overdue?.penaltyAccrued).toBe(143)
    expect(c.accounts.get('zhima')!.apr!.periodRate).toBeCloseTo(Math.pow(1.0143, 1 / 55) - 1, 14)
    // With only the first draw, the account's flows are the draw's: the same figure to the last digit.
    const one = ledgerCost({ ...small, draws: [draw], repayments: [small.repayments[0]!] }, '2026-03-01')
    expect(one.accounts.get('cash')!.apr).toEqual(one.draws.get('dr-1')!.apr)
  })

  it('an instalment plan paid on schedule: the account\'s rate by the day is close to the plan\'s by the month', () => {
    // 6,000 yuan in 6 instalments at 0.75% a month (see actual.test.ts): 104,500 on each 10th from
    // 02-10. 600,000 = 104,500 * (1 - (1 + r)^-6) / r at r = 1.2723% a month: 15.27% simple.
    // Bought a month before the first due date, so the first period is a month long as the monthly IRR assumes.
    const plan = orderWith('od-6', { amount: 600_000, instalmentCount: 6, instalmentFeeRate: 0.0075, orderDate: '2026-01-10', dueDate: '2026-02-10' })
    const paid = ['2026-02-10', '2026-03-10', '2026-04-10'].map((date, k) => repay(`p${k}`, { ...onOrder, targetId: 'od-6', date, amount: 104_500 }))
    const c = ledgerCost({ ...emptyLedger, accounts: [huabei], orders: [plan], repayments: paid }, '2026-04-20')
    const monthly = c.orders.get('od-6')!.apr!.aprSimple
    expect(monthly).toBeCloseTo(0.1527, 4)
    expect(Math.abs(c.accounts.get('huabei')!.apr!.aprSimple - monthly)).toBeLessThan(0.005)
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

/** Sums and month-weighted totals of everything ledgerCost returns, APR sums to 12 significant digits: a compact fingerprint of its figures. */
function fingerprint(c: LedgerCost) {
  const d = { interestPaid: 0, feesPaid: 0, penaltyPaid: 0, accruedUnpaid: 0, principalOutstanding: 0, owedToday: 0 }
  const dt = { projectedCostToPayoff: 0, totalCost: 0 }
  const dd = { overdue: 0, overdueDays: 0, overduePenalty: 0, cleared: 0, noApr: 0, aprSimple: 0 }
  for (const x of c.draws.values()) {
    d.interestPaid += x.interestPaid
    d.feesPaid += x.feesPaid
    d.penaltyPaid += x.penaltyPaid
    d.accruedUnpaid += x.accruedUnpaid
    d.principalOutstanding += x.principalOutstanding
    d.owedToday += x.owedToday
    dt.projectedCostToPayoff += x.projectedCostToPayoff
    dt.totalCost += x.totalCost
    if (x.overdue) {
      dd.overdue++
      dd.overdueDays += x.overdue.days
      dd.overduePenalty += x.overdue.penaltyAccrued
    }
    if (x.cleared) dd.cleared++
    if (x.apr) dd.aprSimple += x.apr.aprSimple
    else dd.noApr++
  }
  const o = { feesPaid: 0, feesToCome: 0, owed: 0, overdue: 0, overdueDays: 0, overduePenalty: 0, aprSimple: 0 }
  for (const x of c.orders.values()) {
    o.feesPaid += x.feesPaid
    o.feesToCome += x.feesToCome
    o.owed += x.owed
    if (x.overdue) {
      o.overdue++
      o.overdueDays += x.overdue.days
      o.overduePenalty += x.overdue.penaltyAccrued
    }
    if (x.apr) o.aprSimple += x.apr.aprSimple
  }
  return {
    draws: { ...d, ...dt, ...dd, aprSimple: Number(dd.aprSimple.toPrecision(12)) },
    orders: { ...o, aprSimple: Number(o.aprSimple.toPrecision(12)) },
    accounts: Object.fromEntries([...c.accounts].map(([id, a]) => [id, [a.costToDate, a.projected, a.owed]])),
    // Totals, and weighted by month so a figure moved to another month shows.
    monthly: [c.monthly.length, sum(c.monthly.map((m) => m.total)), sum(c.monthly.map((m, i) => (i + 1) * m.total))],
    balances: [sum(c.balances.map((b) => b.total)), sum(c.balances.map((b, i) => (i + 1) * b.total))],
    thisMonth: c.thisMonth
  }
}

describe('ledgerCost gives the figures it gave before it was made faster', () => {
  // Taken from the engine as it was before the speed work (commit 5070345), which compared equal
  // record by record, with the real APRs to the last digit, on these and on the ten-year bench ledgers.
  it('on the sample ledger', () => {
    expect(fingerprint(ledgerCost(generateSampleLedger({ today, months: 24, scale: 2 }), today))).toEqual({
      draws: {
        interestPaid: 2_024_625, feesPaid: 0, penaltyPaid: 0, accruedUnpaid: 64_527, principalOutstanding: 13_969_357, owedToday: 14_033_884, projectedCostToPayoff: 892_441,
        totalCost: 2_981_593, overdue: 0, overdueDays: 0, overduePenalty: 0, cleared: 123, noApr: 0, aprSimple: 20.494701974
      },
      orders: { feesPaid: 120_594, feesToCome: 11_610, owed: 1_223_904, overdue: 7, overdueDays: 93, overduePenalty: 1009, aprSimple: 3.8816809096 },
      accounts: {
        mybank: [980_546, 538_419, 3_939_193], jiebei: [424_460, 261_587, 5_756_488], huabei: [120_594, 11_610, 328_768], fenfu: [0, 0, 0], baitiao: [0, 0, 51_305],
        zhima: [1009, 0, 112_534], cmbcard: [0, 0, 731_297], carloan: [684_146, 92_435, 4_338_203]
      },
      monthly: [25, 2_210_755, 29_413_615],
      balances: [351_391_090, 4_381_623_544],
      thisMonth: { month: '2026-11', cost: 78_077, repaid: 2_169_531, borrowed: 5_333_864, due: 1_186_728 }
    })
  })

  it('on an untidy ledger: late, partial and excess repayments, fees, penalties, every method', () => {
    expect(fingerprint(ledgerCost(messyLedger(7, 120), today))).toEqual({
      draws: {
        interestPaid: 9_636_312, feesPaid: 2_423_126, penaltyPaid: 237_509, accruedUnpaid: 19_352_425, principalOutstanding: 57_023_797, owedToday: 76_500_033,
        projectedCostToPayoff: 1_758_376, totalCost: 33_407_748, overdue: 82, overdueDays: 37_494, overduePenalty: 12_921_052, cleared: 21, noApr: 5, aprSimple: 87.0254458448
      },
      orders: { feesPaid: 114_251, feesToCome: 126_385, owed: 13_137_944, overdue: 62, overdueDays: 26_625, overduePenalty: 2_749_913, aprSimple: 7.03802800845 },
      accounts: {
        mybank: [10_847_424, 152_462, 22_599_934], jiebei: [8_105_793, 1_006_542, 22_099_270], huabei: [611_599, 3274, 3_438_905], fenfu: [205_878, 10_028, 1_366_468],
        baitiao: [873_034, 5760, 3_754_322], zhima: [562_470, 1024, 2_350_349], cmbcard: [717_482, 0, 2_227_900], carloan: [11_633_251, 581_153, 27_925_030],
        ghost: [1_062_904, 18_219, 3_875_799]
      },
      monthly: [35, 34_619_835, 782_897_961],
      balances: [1_407_216_762, 31_595_436_069],
      thisMonth: { month: '2026-11', cost: 963_996, repaid: 681_884, borrowed: 2_937_725, due: 74_569_901 }
    })
    expect(fingerprint(ledgerCost(messyLedger(7, 120), '2025-06-30'))).toEqual({
      draws: {
        interestPaid: 2_670_750, feesPaid: 1_688_970, penaltyPaid: 74_641, accruedUnpaid: 4_749_804, principalOutstanding: 37_797_135, owedToday: 42_853_859,
        projectedCostToPayoff: 4_847_759, totalCost: 14_031_924, overdue: 43, overdueDays: 10_113, overduePenalty: 3_053_692, cleared: 8, noApr: 56, aprSimple: 54.3110580722
      },
      orders: { feesPaid: 72_764, feesToCome: 86_536, owed: 6_688_093, overdue: 37, overdueDays: 8143, overduePenalty: 775_420, aprSimple: 7.03802800845 },
      accounts: {
        mybank: [3_144_027, 1_166_768, 14_657_565], jiebei: [3_069_379, 2_214_033, 10_947_143], huabei: [255_397, 0, 1_780_794], fenfu: [63_194, 0, 227_092],
        baitiao: [159_153, 1835, 1_590_548], zhima: [188_397, 0, 1_612_143], cmbcard: [264_107, 2637, 1_477_516], carloan: [2_549_246, 1_333_690, 12_557_957],
        ghost: [421_513, 133_268, 4_691_194]
      },
      monthly: [18, 10_114_413, 126_624_633],
      balances: [482_745_816, 5_806_902_649],
      thisMonth: { month: '2025-06', cost: 811_212, repaid: 2_114_965, borrowed: 2_893_755, due: 34_293_213 }
    })
  })
})
