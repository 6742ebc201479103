// Tests the monthly report: hand-computed figures on one draw, every figure against the cost engine on the sample ledger, and the dues and flags sections.
import { describe, expect, it } from 'vitest'
import { ledgerCost } from '../cost/ledger-cost'
import type { LedgerCost } from '../cost/ledger-cost'
import type { Ledger } from '../records'
import { generateSampleLedger } from '../ledger/sample-data'
import { cash, draw, emptyLedger, huabei, repay } from '@/testing/fixtures'
import { monthBounds } from '../calendar'
import { assembleMonthReport, assembleMonthReports, costAtEndOf, ledgerCutter, ledgerUpTo, monthReports, reportableMonths, type ReportFlag } from './month-report'

const none = { dues: [], flags: [] }

describe('a month report of one 随借随还 draw (10,000 at 0.04% a day: 400 fen a day)', () => {
  // Drawn 2026-01-01, 2,000 repaid on 2026-02-01 (interest 12,400 first), the rest on 2026-02-11.
  const first = repay('rp-1', { date: '2026-02-01', amount: 200_000 })
  // After the first payment: principal 1,000,000 - 187,600 = 812,400; ten days at 0.04% = 3,249.6 fen.
  const rest = repay('rp-2', { date: '2026-02-11', amount: 812_400 + 3_250 })
  const ledger: Ledger = { ...emptyLedger, accounts: [cash], draws: [draw], repayments: [first, rest] }
  const january = assembleMonthReport(ledger, '2026-01', '2026-03-15', none)
  const february = assembleMonthReport(ledger, '2026-02', '2026-03-15', none)

  it('reads January at the end of its last day: 31 days of interest, nothing of 1 February', () => {
    expect(january.asOf).toBe('2026-01-31')
    expect(january.complete).toBe(true)
    expect(january.totals.borrowed).toBe(1_000_000)
    expect(january.totals.repaid).toBe(0)
    expect(january.totals.interestCharged).toBe(12_400)
    expect(january.totals.costCharged).toBe(12_400)
    expect(january.totals.interestPaid).toBe(0)
    expect(january.totals.principalOutstanding).toBe(1_000_000)
    expect(january.totals.owed).toBe(1_012_400)
    expect(january.loans.map((l) => [l.id, l.owed])).toEqual([['dr-1', 1_012_400]])
    expect(january.counts).toEqual({ draws: 1, orders: 0, repayments: 0, inquiries: 0, hardInquiries: 0 })
  })

  it('puts both repayments, the interest they paid and ten more days of interest in February', () => {
    expect(february.totals.borrowed).toBe(0)
    expect(february.totals.repaid).toBe(200_000 + 815_650)
    expect(february.totals.interestPaid).toBe(12_400 + 3_250)
    expect(february.totals.interestCharged).toBe(3_250)
    expect(february.totals.principalOutstanding).toBe(0)
    expect(february.totals.owed).toBe(0)
    expect(february.loans).toEqual([])
    expect(february.accounts.map((a) => [a.name, a.repaid, a.costCharged])).toEqual([['网商贷', 1_015_650, 3_250]])
  })

  it('reads the running month as of today, with today not yet accrued', () => {
    const running = assembleMonthReport({ ...ledger, repayments: [] }, '2026-01', '2026-01-11', none)
    expect(running.complete).toBe(false)
    expect(running.asOf).toBe('2026-01-11')
    expect(running.totals.interestCharged).toBe(10 * 400)
    expect(running.totals.owed).toBe(1_004_000)
  })
})

describe('every figure of a sample month equals the cost engine', () => {
  const today = '2026-11-21'
  const ledger = generateSampleLedger({ today })
  const report = assembleMonthReport(ledger, '2026-10', today, none)
  // The engine as the overview runs it on the month's last day, and at the end of the months.
  const onLastDay = ledgerCost(ledger, '2026-10-31')
  const atEnd = costAtEndOf(ledger, '2026-10-31')
  const atEndBefore = costAtEndOf(ledger, '2026-09-30')
  const october = atEnd.monthly.find((m) => m.month === '2026-10')!
  const octoberBalance = atEnd.balances.find((m) => m.month === '2026-10')!
  const sumOf = (pick: (c: { interest: number; fees: number; penalty: number }) => number) =>
    Object.values(october.byAccount).reduce((s, c) => s + pick(c), 0)
  const paidDiff = (pick: (c: LedgerCost, id: string, type: 'draw' | 'order') => number) => {
    let total = 0
    for (const d of ledger.draws) total += pick(atEnd, d.id, 'draw') - pick(atEndBefore, d.id, 'draw')
    for (const o of ledger.orders) total += pick(atEnd, o.id, 'order') - pick(atEndBefore, o.id, 'order')
    return total
  }

  it('has figures to compare (the month is not empty)', () => {
    expect(report.totals.borrowed).toBeGreaterThan(0)
    expect(report.totals.interestPaid).toBeGreaterThan(0)
  })
  it('new borrowing', () => expect(report.totals.borrowed).toBe(onLastDay.thisMonth.borrowed))
  it('repayments', () => expect(report.totals.repaid).toBe(onLastDay.thisMonth.repaid))
  it('cost charged', () => expect(report.totals.costCharged).toBe(october.total))
  it('interest charged', () => expect(report.totals.interestCharged).toBe(sumOf((c) => c.interest)))
  it('fees charged', () => expect(report.totals.feesCharged).toBe(sumOf((c) => c.fees)))
  it('penalty charged', () => expect(report.totals.penaltyCharged).toBe(sumOf((c) => c.penalty)))
  it('interest paid', () => expect(report.totals.interestPaid).toBe(paidDiff((c, id, t) => (t === 'draw' ? (c.draws.get(id)?.interestPaid ?? 0) : 0))))
  it('fees paid', () =>
    expect(report.totals.feesPaid).toBe(paidDiff((c, id, t) => (t === 'draw' ? (c.draws.get(id)?.feesPaid ?? 0) : (c.orders.get(id)?.feesPaid ?? 0)))))
  it('penalty paid', () => expect(report.totals.penaltyPaid).toBe(paidDiff((c, id, t) => (t === 'draw' ? (c.draws.get(id)?.penaltyPaid ?? 0) : 0))))
  it('cost paid is the three added', () => expect(report.totals.costPaid).toBe(report.totals.interestPaid + report.totals.feesPaid + report.totals.penaltyPaid))
  it('principal outstanding at the month end', () => expect(report.totals.principalOutstanding).toBe(octoberBalance.total))
  it('owed at the month end', () => expect(report.totals.owed).toBe([...atEnd.accounts.values()].reduce((s, a) => s + a.owed, 0)))
  it('each account: cost, outstanding, owed and real APR', () => {
    for (const row of report.accounts) {
      const c = october.byAccount[row.accountId]
      expect(row.costCharged).toBe(c ? c.interest + c.fees + c.penalty : 0)
      expect(row.principalOutstanding).toBe(octoberBalance.byAccount[row.accountId] ?? 0)
      expect(row.owed).toBe(atEnd.accounts.get(row.accountId)!.owed)
      expect(row.apr).toEqual(atEnd.accounts.get(row.accountId)!.apr)
    }
    expect(report.accounts.reduce((s, a) => s + a.borrowed, 0)).toBe(report.totals.borrowed)
    expect(report.accounts.reduce((s, a) => s + a.repaid, 0)).toBe(report.totals.repaid)
  })
  it('each open loan: the real APR and what is owed', () => {
    expect(report.loans.length).toBeGreaterThan(0)
    for (const loan of report.loans) {
      const c = loan.type === 'draw' ? atEnd.draws.get(loan.id)! : atEnd.orders.get(loan.id)!
      expect(loan.apr).toEqual(c.apr)
      expect(loan.owed).toBe('owedToday' in c ? c.owedToday : c.owed)
      expect(loan.owed).toBeGreaterThan(0)
    }
    // Highest real APR first.
    const aprs = report.loans.map((l) => l.apr?.aprSimple ?? -1)
    expect(aprs).toEqual([...aprs].sort((a, b) => b - a))
  })

  it('the running month equals the overview\'s "this month"', () => {
    const running = assembleMonthReport(ledger, '2026-11', today, none)
    const overview = ledgerCost(ledger, today).thisMonth
    expect(running.totals.borrowed).toBe(overview.borrowed)
    expect(running.totals.repaid).toBe(overview.repaid)
    expect(running.totals.costCharged).toBe(overview.cost)
  })

  it('the months\' paid cost adds up to everything the engine counts as paid today', () => {
    const reports = assembleMonthReports(ledger, reportableMonths(ledger, today)[0]!, '2026-11', today, none)
    const now = ledgerCost(ledger, today)
    let paid = 0
    for (const c of now.draws.values()) paid += c.interestPaid + c.feesPaid + c.penaltyPaid
    // Bills pay a statement account's interest and fees, counted once for the account; other orders their own fees.
    for (const s of now.statements.values()) paid += s.interestPaid + s.feesPaid
    for (const o of ledger.orders) if (!now.statements.has(o.accountId)) paid += now.orders.get(o.id)?.feesPaid ?? 0
    expect(reports.reduce((s, r) => s + r.totals.costPaid, 0)).toBe(paid)
    expect(reports.at(-2)).toEqual(report)
  })

  it('charts up to twelve months ending with the report month', () => {
    expect(report.chart.map((m) => m.month)).toEqual(['2025-11', '2025-12', ...Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)])
    expect(report.chart.at(-1)).toEqual({ month: '2026-10', interest: report.totals.interestCharged, fees: report.totals.feesCharged, penalty: report.totals.penaltyCharged, principalOutstanding: report.totals.principalOutstanding })
    expect(report.costShare.reduce((s, c) => s + c.cost, 0)).toBe(report.totals.costCharged)
  })
})

describe('dues of the next month and risk flags', () => {
  const ledger: Ledger = { ...emptyLedger, accounts: [cash, huabei], draws: [draw] }
  const dues = [
    { date: '2026-02-10', accountId: 'huabei', what: '1 月账单', amount: 30_000 },
    { date: '2026-03-01', accountId: 'cash', what: '到期', amount: 1 },
    { date: '2026-02-01', accountId: 'cash', what: '第 1 期', amount: 12_400 },
    { date: '2026-01-31', accountId: 'cash', what: '本月', amount: 2 }
  ]
  const flags: ReportFlag[] = [
    { severity: 'info', title: '网贷机构较多', source: 'FOLK' },
    { severity: 'critical', title: '近一个月硬查询 4 次', source: 'BANK' },
    { severity: 'warning', title: '真实年化超过 24%', source: 'REG' }
  ]
  const report = assembleMonthReport(ledger, '2026-01', '2026-02-15', { dues, flags })

  it('keeps the next month\'s dues, by date, with their account names', () => {
    expect(report.nextMonth).toBe('2026-02')
    expect(report.dues.map((d) => [d.date, d.accountName, d.what, d.amount])).toEqual([
      ['2026-02-01', '网商贷', '第 1 期', 12_400],
      ['2026-02-10', '花呗', '1 月账单', 30_000]
    ])
  })

  it('orders flags by severity, high first', () => {
    expect(report.flags.map((f) => f.severity)).toEqual(['critical', 'warning', 'info'])
  })

  it('gives empty sections when there is nothing', () => {
    const empty = assembleMonthReport(ledger, '2026-01', '2026-02-15', none)
    expect(empty.dues).toEqual([])
    expect(empty.flags).toEqual([])
  })

  it('asks a per-month source with what was known at the month end: records up to it, the engine on the day after', () => {
    const later = { ...draw, id: 'dr-2', drawDate: '2026-02-03', firstDueDate: '2026-03-03' }
    const seen: { month: string; day: string; draws: string[]; owed: number }[] = []
    const source = (c: { month: string; day: string; ledger: Ledger; cost: LedgerCost }) => {
      seen.push({ month: c.month, day: c.day, draws: c.ledger.draws.map((d) => d.id), owed: [...c.cost.accounts.values()].reduce((s, a) => s + a.owed, 0) })
      return { dues: [{ date: '2026-02-01', accountId: 'cash', what: c.month, amount: 1 }], flags: [] }
    }
    const withLater = { ...ledger, draws: [draw, later] }
    const january = assembleMonthReport(withLater, '2026-01', '2026-02-15', source)
    const february = assembleMonthReport(withLater, '2026-02', '2026-02-15', source)
    // January ended: the draw of 3 February is not yet there, and the engine runs as of 1 February.
    expect(seen[0]).toEqual({ month: '2026-01', day: '2026-02-01', draws: ['dr-1'], owed: 1_012_400 })
    // February still runs: everything, as of today.
    expect(seen[1]?.day).toBe('2026-02-15')
    expect(seen[1]?.draws).toEqual(['dr-1', 'dr-2'])
    expect(january.dues.map((d) => d.what)).toEqual(['2026-01'])
    expect(february.dues).toEqual([])
  })
})

describe('months', () => {
  it('bounds a month, leap February included', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(() => monthBounds('2026-13')).toThrow(RangeError)
    expect(() => monthBounds('2026-1')).toThrow(RangeError)
  })

  it('offers the months from the first record to today, and refuses one not yet begun', () => {
    const ledger: Ledger = { ...emptyLedger, accounts: [cash], draws: [draw] }
    expect(reportableMonths(ledger, '2026-03-02')).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(reportableMonths(emptyLedger, '2026-03-02')).toEqual(['2026-03'])
    expect(() => assembleMonthReport(ledger, '2026-04', '2026-03-02', none)).toThrow(RangeError)
  })

  it('reports an empty month with zeros', () => {
    const report = assembleMonthReport(emptyLedger, '2026-03', '2026-03-02', none)
    expect(Object.values(report.totals).every((v) => v === 0)).toBe(true)
    expect(report.accounts).toEqual([])
    expect(report.loans).toEqual([])
  })
})

describe('the reports of a range of months (the export\'s), one engine memo and one set of month buckets for all', () => {
  const today = '2026-11-21'
  const ledger = generateSampleLedger({ today, months: 24, scale: 1 })
  const months = reportableMonths(ledger, today)

  it('equal, month by month, the report the page assembles for that month alone', () => {
    expect(months.length).toBeGreaterThanOrEqual(24)
    const reports = [...monthReports(ledger, months[0]!, months.at(-1)!, today, none)]
    expect(reports.map((r) => r.month)).toEqual(months)
    for (const r of reports) expect(r, r.month).toEqual(assembleMonthReport(ledger, r.month, today, none))
  })

  it('equal them too when the records are not in date order (the cut filters instead of slicing)', () => {
    const shuffled: Ledger = {
      ...ledger,
      draws: [...ledger.draws].reverse(),
      orders: [...ledger.orders].reverse(),
      repayments: [...ledger.repayments].reverse(),
      inquiries: [...ledger.inquiries].reverse()
    }
    const from = months.at(-6)!
    for (const r of monthReports(shuffled, from, months.at(-1)!, today, none)) expect(r, r.month).toEqual(assembleMonthReport(shuffled, r.month, today, none))
  })

  it('cut the ledger as ledgerUpTo does, in date order or not', () => {
    const reversed: Ledger = { ...ledger, repayments: [...ledger.repayments].reverse() }
    for (const l of [ledger, reversed]) {
      const cut = ledgerCutter(l)
      for (const day of ['2020-01-01', '2025-06-30', '2025-12-31', '2026-11-21']) expect(cut(day), day).toEqual(ledgerUpTo(l, day))
    }
  })

  it('gives the hand-checked figures of one 随借随还 draw, month after month', () => {
    // 10,000 yuan drawn 2026-01-01 at 0.04% a day: 1,000,000 fen * 0.0004 = 400 fen a day.
    // January: 31 days held (the draw day accrues) = 12,400 fen charged, none paid.
    // 2,000 yuan paid 2026-02-01 pays the 12,400 interest first, then 187,600 principal: 812,400 out.
    // 812,400 * 0.0004 = 324.96 fen a day for 1-10 February (the day of the last payment does not
    // accrue): 3,249.6, so 3,250 fen charged in February, paid with the rest on 2026-02-11.
    const first = repay('rp-1', { date: '2026-02-01', amount: 200_000 })
    const rest = repay('rp-2', { date: '2026-02-11', amount: 812_400 + 3_250 })
    const one: Ledger = { ...emptyLedger, accounts: [cash], draws: [draw], repayments: [first, rest] }
    const [january, february, march] = [...monthReports(one, '2026-01', '2026-03', '2026-03-15', none)]
    expect([january!.totals.interestCharged, january!.totals.interestPaid, january!.totals.owed]).toEqual([12_400, 0, 1_012_400])
    expect([february!.totals.interestCharged, february!.totals.interestPaid, february!.totals.owed]).toEqual([3_250, 12_400 + 3_250, 0])
    expect([march!.totals.interestCharged, march!.totals.principalOutstanding]).toEqual([0, 0])
  })
})
