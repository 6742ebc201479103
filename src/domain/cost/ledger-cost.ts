// Owns the whole-ledger cost recomputation: every draw's and order's cost, sums per account, cost and balance per month, and this month's totals.
//
// Months: interest and penalty are put in the month they ACCRUE (day by day, so a draw held from
// 20 January to 10 February costs in both months, whenever it is paid); fees in the month they
// are CHARGED (an up-front fee on the draw day, an instalment fee on its due date, fees paid ahead
// of the schedule on the day they are paid). That is what the cost chart means by "interest and
// fees per month": the price of carrying the debt in that month.
//
// Rounding rule: per draw and order, the fractional amounts of each month are rounded
// cumulatively (each month gets round(sum so far) - round(sum before)), and the last rounding
// difference against the record's exact cost to date (actual.ts) goes to its largest month, so
// the months always add up to the cost to date to the fen.
//
// Balances: principal still out at each month end. Draws move on their draw and repayment days.
// An order counts from its order date; direct payments reduce it on their days (an instalment
// payment by its principal share) and what statement payments cleared is taken off on its due
// date (or today if sooner), because a statement payment is pooled across the account's orders.
//
// Linear in the records: repayments are grouped by target once; each record is walked once.
import { dayNumber, makeIsoDate, monthOf, type IsoDate } from '../dates'
import { roundFen, type Fen } from '../money'
import { orderBalanceDetails } from '../owed'
import type { Account, Ledger, Repayment } from '../records'
import { DEFAULT_PENALTY_MULTIPLIER, drawCostDetail, orderCostDetail, type CostOptions, type CostSink, type DetailContext } from './actual'
import type { DrawCost, LedgerCost, MonthlyBalance, MonthlyCost, OrderCost } from './types'

interface AccountMonths {
  interest: number[]
  fees: number[]
  penalty: number[]
  principal: number[]
}

function monthKey(index: number): string {
  const y = Math.floor(index / 12)
  return `${y.toString().padStart(4, '0')}-${((index % 12) + 1).toString().padStart(2, '0')}`
}

/** year * 12 + month - 1 of a (validated) date, read by character codes: it runs for every record. */
function monthIndexOf(date: IsoDate): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48)
  return year * 12 + (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1
}

interface MonthBuckets {
  reset(): void
  add(day: number, amount: number): void
  /** Spreads perDay over the days [from, to), month by month. */
  spread(from: number, to: number, perDay: number): void
  /** Adds whole fen per month into `out`, adding up exactly to `target`. */
  settle(target: Fen, out: number[], fallback: number): void
}

/** Fractional amounts of one record by month, settled into whole fen that add up to the record's exact figure. */
function monthBuckets(monthOfDay: (day: number) => number, starts: readonly number[]): MonthBuckets {
  const amounts = new Map<number, number>()
  const addTo = (m: number, amount: number) => amounts.set(m, (amounts.get(m) ?? 0) + amount)
  return {
    reset: () => {
      // Clearing allocates a new table even when empty, and most records leave these empty.
      if (amounts.size > 0) amounts.clear()
    },
    add: (day, amount) => addTo(monthOfDay(day), amount),
    spread(from, to, perDay) {
      let x = from
      while (x < to) {
        const m = monthOfDay(x)
        const end = Math.min(to, starts[m + 1] ?? to)
        addTo(m, perDay * (end - x))
        x = end
      }
    },
    settle(target, out, fallback) {
      if (amounts.size === 0 && target === 0) return
      const months = [...amounts.keys()].sort(ascending)
      let sum = 0
      let settled = 0
      let largest = fallback
      let largestValue = -1
      for (const m of months) {
        sum += amounts.get(m)!
        const whole = roundFen(sum) - settled
        settled += whole
        addAt(out, m, whole)
        if (Math.abs(whole) > largestValue) {
          largestValue = Math.abs(whole)
          largest = m
        }
      }
      if (target !== settled) addAt(out, largest, target - settled)
    }
  }
}

function ascending(a: number, b: number): number {
  return a - b
}

function addAt(list: number[], index: number, amount: number): void {
  list[index] = (list[index] ?? 0) + amount
}

const NONE: readonly Repayment[] = []

/** The cost of every record of a ledger as of `today`, with the monthly and per-account views. */
export function ledgerCost(ledger: Ledger, today: IsoDate, options: CostOptions = {}): LedgerCost {
  const todayDay = dayNumber(today)
  const accountById = new Map<string, Account>(ledger.accounts.map((a) => [a.id, a]))
  const fallbackAccount = { penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER }

  const drawRepayments = new Map<string, Repayment[]>()
  const orderRepayments = new Map<string, Repayment[]>()
  for (const r of ledger.repayments) {
    const map = r.targetType === 'draw' ? drawRepayments : r.targetType === 'order' ? orderRepayments : null
    if (!map) continue
    const list = map.get(r.targetId)
    if (list) list.push(r)
    else map.set(r.targetId, [r])
  }
  const orderBalance = orderBalanceDetails(ledger.orders, ledger.repayments, today)

  // The months from the first record to today's; nothing dated after today is counted. Dates
  // compare as strings, so the earliest is found without parsing each one.
  let first = today
  let anyRecord = false
  for (const d of ledger.draws)
    if (d.drawDate <= today) {
      anyRecord = true
      if (d.drawDate < first) first = d.drawDate
    }
  for (const o of ledger.orders)
    if (o.orderDate <= today) {
      anyRecord = true
      if (o.orderDate < first) first = o.orderDate
    }
  const lastMonth = monthIndexOf(today)
  const firstMonth = monthIndexOf(first)
  const monthCount = lastMonth - firstMonth + 1
  // starts[i] is the day number of the first day of month i; one more marks the end of the last month.
  const starts: number[] = []
  for (let i = 0; i <= monthCount; i++) {
    const index = firstMonth + i
    starts.push(dayNumber(makeIsoDate(Math.floor(index / 12), (index % 12) + 1, 1)))
  }
  const monthOfDay = (day: number): number => {
    if (day < starts[0]!) return 0
    let lo = 0
    let hi = monthCount - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= day) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  const perAccount = new Map<string, AccountMonths>()
  const monthsOf = (accountId: string): AccountMonths => {
    let m = perAccount.get(accountId)
    if (!m) {
      const zeros = () => new Array<number>(monthCount).fill(0)
      m = { interest: zeros(), fees: zeros(), penalty: zeros(), principal: zeros() }
      perAccount.set(accountId, m)
    }
    return m
  }

  const interest = monthBuckets(monthOfDay, starts)
  const fees = monthBuckets(monthOfDay, starts)
  const penalty = monthBuckets(monthOfDay, starts)
  let principalOut: number[] = []
  const sink: CostSink = {
    interest: (from, to, perDay) => interest.spread(from, to, perDay),
    penalty: (from, to, perDay) => penalty.spread(from, to, perDay),
    fee: (day, amount) => fees.add(day, amount),
    principal: (day, delta) => addAt(principalOut, monthOfDay(day), delta)
  }
  const resetBuckets = () => {
    interest.reset()
    fees.reset()
    penalty.reset()
  }

  const totals = new Map<string, { costToDate: Fen; projected: Fen; owed: Fen }>()
  const totalsOf = (accountId: string) => {
    let t = totals.get(accountId)
    if (!t) {
      t = { costToDate: 0, projected: 0, owed: 0 }
      totals.set(accountId, t)
    }
    return t
  }
  for (const a of ledger.accounts) totalsOf(a.id)

  const monthEndDay = starts[monthCount]! - 1
  const withSink: DetailContext = { todayDay, dueByDay: monthEndDay, sink }
  const withoutSink: DetailContext = { todayDay, dueByDay: monthEndDay }
  const thisMonthKey = monthOf(today)
  let dueThisMonth = 0
  let borrowedThisMonth = 0

  const draws = new Map<string, DrawCost>()
  for (const draw of ledger.draws) {
    const account = accountById.get(draw.accountId) ?? fallbackAccount
    const counted = draw.drawDate <= today
    const months = counted ? monthsOf(draw.accountId) : null
    if (months) {
      resetBuckets()
      principalOut = months.principal
    }
    const detail = drawCostDetail(draw, drawRepayments.get(draw.id) ?? NONE, account, today, options, months ? withSink : withoutSink)
    draws.set(draw.id, detail.cost)
    const t = totalsOf(draw.accountId)
    t.projected += detail.cost.projectedCostToPayoff
    t.owed += detail.cost.owedToday
    if (!months) continue
    t.costToDate += detail.interestToDate + detail.feesToDate + detail.penaltyToDate
    interest.settle(detail.interestToDate, months.interest, monthCount - 1)
    fees.settle(detail.feesToDate, months.fees, monthCount - 1)
    penalty.settle(detail.penaltyToDate, months.penalty, monthCount - 1)
    dueThisMonth += detail.dueBy
    if (monthOf(draw.drawDate) === thisMonthKey) borrowedThisMonth += draw.principal
  }

  const orders = new Map<string, OrderCost>()
  for (let i = 0; i < ledger.orders.length; i++) {
    const order = ledger.orders[i]!
    const account = accountById.get(order.accountId) ?? fallbackAccount
    const balance = orderBalance.balances[i]!
    const counted = order.orderDate <= today && (order.status === 'unpaid' || order.status === 'paid')
    const months = counted ? monthsOf(order.accountId) : null
    if (months) resetBuckets()
    const detail = orderCostDetail(order, balance, account, today, options, months ? withSink : withoutSink)
    orders.set(order.id, detail.cost)
    const t = totalsOf(order.accountId)
    t.projected += detail.projected
    t.owed += detail.cost.owed
    if (!months) continue
    t.costToDate += detail.feesToDate + detail.penaltyToDate
    fees.settle(detail.feesToDate, months.fees, monthCount - 1)
    penalty.settle(detail.penaltyToDate, months.penalty, monthCount - 1)
    dueThisMonth += detail.dueBy
    if (monthOf(order.orderDate) === thisMonthKey) borrowedThisMonth += order.amount

    // Principal: bought on the order date, paid down by direct payments, the rest on the due date.
    const p = months.principal
    addAt(p, monthIndexOf(order.orderDate) - firstMonth, order.amount)
    const total = order.amount + detail.cost.feesPaid + detail.cost.feesToCome
    let reduced = 0
    for (const r of orderBalance.direct[i]! > 0 ? (orderRepayments.get(order.id) ?? NONE) : NONE) {
      if (r.date > today) continue
      const share = Math.min(order.amount - reduced, order.instalmentCount > 1 ? roundFen((r.amount * order.amount) / total) : r.amount)
      if (share <= 0) continue
      addAt(p, monthIndexOf(r.date) - firstMonth, -share)
      reduced += share
    }
    const rest = order.amount - reduced - detail.principalOutstanding
    if (rest !== 0) addAt(p, monthIndexOf(order.dueDate < today ? order.dueDate : today) - firstMonth, -rest)
  }

  // Accounts in the charts: every account with a counted record, in the ledger's order.
  const chartAccounts = [...ledger.accounts.map((a) => a.id).filter((id) => perAccount.has(id)), ...[...perAccount.keys()].filter((id) => !accountById.has(id))]
  const monthly: MonthlyCost[] = []
  const balances: MonthlyBalance[] = []
  if (anyRecord) {
    const running = new Map<string, number>()
    for (let i = 0; i < monthCount; i++) {
      const byAccount: MonthlyCost['byAccount'] = {}
      const balanceBy: MonthlyBalance['byAccount'] = {}
      let total = 0
      let balanceTotal = 0
      for (const id of chartAccounts) {
        const m = perAccount.get(id)!
        const c = { interest: m.interest[i]!, fees: m.fees[i]!, penalty: m.penalty[i]! }
        byAccount[id] = c
        total += c.interest + c.fees + c.penalty
        const out = (running.get(id) ?? 0) + m.principal[i]!
        running.set(id, out)
        balanceBy[id] = out
        balanceTotal += out
      }
      monthly.push({ month: monthKey(firstMonth + i), byAccount, total })
      balances.push({ month: monthKey(firstMonth + i), byAccount: balanceBy, total: balanceTotal })
    }
  }

  let repaidThisMonth = 0
  for (const r of ledger.repayments) if (r.date <= today && monthOf(r.date) === thisMonthKey) repaidThisMonth += r.amount

  return {
    draws,
    orders,
    accounts: totals,
    monthly,
    balances,
    thisMonth: {
      month: thisMonthKey,
      cost: monthly.length > 0 ? monthly[monthly.length - 1]!.total : 0,
      repaid: repaidThisMonth,
      borrowed: borrowedThisMonth,
      due: dueThisMonth
    }
  }
}
