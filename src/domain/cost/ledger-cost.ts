// Owns the whole-ledger cost recomputation: every draw's and order's cost, sums and the real APR per account, cost and balance per month, and this month's totals.
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
// An account's real APR is the XIRR of all its records' flows together (AccountCost.apr): each
// draw's own flows as drawCost solves them (money received, repayments, what is still to pay);
// an order's purchase as money received, its direct payments on their days, and the rest of its
// payments in schedule order: what a statement paid (or marking it paid settled) on its due date,
// or today if that is sooner, and what is still owed on its due date, or today if that has passed,
// with any penalty today. An interest-free order paid on time adds money at no cost.
//
// Linear in the records: repayments are grouped by target once; each record is walked once.
// Speed (npm run bench): per record, no look-up by id where a position will do, no closure, no
// iterator and no array that can be reused; a map of long ids costs more than the arithmetic.
import { dayNumber, makeIsoDate, monthOf, type IsoDate } from '../dates'
import { roundFen, type Fen } from '../money'
import { orderBalanceDetails } from '../owed'
import type { Account, Ledger, Repayment } from '../records'
import { DEFAULT_PENALTY_MULTIPLIER, drawCostDetail, orderCostDetail, type CostOptions, type CostSink, type DetailContext, type OrderAccount } from './actual'
import { xirrOfDays } from './apr'
import type { AccountCost, DrawCost, LedgerCost, MonthlyBalance, MonthlyCost, OrderCost } from './types'

interface AccountMonths {
  interest: number[]
  fees: number[]
  penalty: number[]
  principal: number[]
  /** Every flow of the account's counted records (borrower's view; day numbers), for its real APR. */
  flows: { amounts: number[]; days: number[] }
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

/**
 * Fractional amounts of one record by month, settled into whole fen that add up to the record's
 * exact figure. A table per month and a list of the months touched, reused record after record:
 * a map per record cost more than the figures themselves.
 */
function monthBuckets(monthOfDay: (day: number) => number, starts: readonly number[], monthCount: number): MonthBuckets {
  const sums = new Float64Array(monthCount)
  // Whether a month was touched, even by a zero: settle's fallback month depends on it.
  const seen = new Uint8Array(monthCount)
  const touched: number[] = []
  const addTo = (m: number, amount: number) => {
    if (seen[m] === 0) {
      seen[m] = 1
      touched.push(m)
    }
    sums[m] = sums[m]! + amount
  }
  const reset = () => {
    // Most records touch nothing, and setting an array's length is a call into the runtime.
    if (touched.length === 0) return
    for (let i = 0; i < touched.length; i++) {
      const m = touched[i]!
      sums[m] = 0
      seen[m] = 0
    }
    touched.length = 0
  }
  return {
    reset,
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
      if (touched.length === 0 && target === 0) return
      // An insertion sort: there are only ever a few months, and Array.prototype.sort allocates on every call.
      for (let i = 1; i < touched.length; i++) {
        const m = touched[i]!
        let j = i - 1
        while (j >= 0 && touched[j]! > m) {
          touched[j + 1] = touched[j]!
          j--
        }
        touched[j + 1] = m
      }
      let sum = 0
      let settled = 0
      let largest = fallback
      let largestValue = -1
      for (let i = 0; i < touched.length; i++) {
        const m = touched[i]!
        sum += sums[m]!
        const whole = roundFen(sum) - settled
        settled += whole
        addAt(out, m, whole)
        if (Math.abs(whole) > largestValue) {
          largestValue = Math.abs(whole)
          largest = m
        }
      }
      if (target !== settled) addAt(out, largest, target - settled)
      reset()
    }
  }
}

function flow(months: AccountMonths, day: number, amount: Fen): void {
  months.flows.amounts.push(amount)
  months.flows.days.push(day)
}

function addAt(list: number[], index: number, amount: number): void {
  list[index] = (list[index] ?? 0) + amount
}

const NONE: readonly Repayment[] = []

/** The cost of every record of a ledger as of `today`, with the monthly and per-account views. */
export function ledgerCost(ledger: Ledger, today: IsoDate, options: CostOptions = {}): LedgerCost {
  const todayDay = dayNumber(today)
  const accountById = new Map<string, Account>(ledger.accounts.map((a) => [a.id, a]))
  // A record whose account is missing: the default multiplier, and no cycle (instalments a month apart).
  const fallbackAccount: OrderAccount = { penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER, kind: 'other', statementDay: null, dueDay: null }

  // Repayments by draw position, so the draws need no look-up by id (a map of long ids is the
  // slowest thing here), and by order id. A repayment usually follows one on the same target,
  // which spares most look-ups.
  const drawCount = ledger.draws.length
  const drawIndex = new Map<string, number>()
  // Where an id repeats, every draw of it shares the first one's repayments, as grouping by id does.
  const sameAs = new Map<number, number>()
  for (let i = 0; i < drawCount; i++) {
    const id = ledger.draws[i]!.id
    const size = drawIndex.size
    drawIndex.set(id, i)
    if (drawIndex.size === size) {
      const firstIndex = ledger.draws.findIndex((d) => d.id === id)
      drawIndex.set(id, firstIndex)
      sameAs.set(i, firstIndex)
    }
  }
  const drawRepayments: (Repayment[] | undefined)[] = new Array<Repayment[] | undefined>(drawCount)
  const orderRepayments = new Map<string, Repayment[]>()
  let lastDrawTarget = ''
  let lastDrawList: Repayment[] | undefined
  let lastOrderTarget = ''
  let lastOrderList: Repayment[] | undefined
  for (const r of ledger.repayments) {
    if (r.targetType === 'draw') {
      if (lastDrawList === undefined || r.targetId !== lastDrawTarget) {
        const i = drawIndex.get(r.targetId)
        if (i === undefined) continue
        lastDrawTarget = r.targetId
        lastDrawList = drawRepayments[i] ??= []
      }
      lastDrawList.push(r)
    } else if (r.targetType === 'order') {
      if (lastOrderList === undefined || r.targetId !== lastOrderTarget) {
        lastOrderTarget = r.targetId
        lastOrderList = orderRepayments.get(r.targetId)
        if (!lastOrderList) orderRepayments.set(r.targetId, (lastOrderList = []))
      }
      lastOrderList.push(r)
    }
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
  // The day number of a date up to today from the month table, sparing a parse; later ones are parsed.
  const dayOf = (date: IsoDate): number =>
    date <= today && date >= first ? starts[monthIndexOf(date) - firstMonth]! + (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48) - 1 : dayNumber(date)
  // The month of every day in the charted months, looked up rather than searched: the walks ask
  // for it on every span of interest. Days before the first month count in it, days after the
  // last in the last.
  const firstDay = starts[0]!
  const monthByDay = new Uint16Array(starts[monthCount]! - firstDay)
  for (let i = 0; i < monthCount; i++) monthByDay.fill(i, starts[i]! - firstDay, starts[i + 1]! - firstDay)
  const monthOfDay = (day: number): number => {
    const offset = day - firstDay
    if (offset < 0) return 0
    return offset < monthByDay.length ? monthByDay[offset]! : monthCount - 1
  }

  const perAccount = new Map<string, AccountMonths>()
  const monthsOf = (accountId: string): AccountMonths => {
    let m = perAccount.get(accountId)
    if (!m) {
      const zeros = () => new Array<number>(monthCount).fill(0)
      m = { interest: zeros(), fees: zeros(), penalty: zeros(), principal: zeros(), flows: { amounts: [], days: [] } }
      perAccount.set(accountId, m)
    }
    return m
  }

  const interest = monthBuckets(monthOfDay, starts, monthCount)
  const fees = monthBuckets(monthOfDay, starts, monthCount)
  const penalty = monthBuckets(monthOfDay, starts, monthCount)
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

  const totals = new Map<string, AccountCost>()
  const totalsOf = (accountId: string) => {
    let t = totals.get(accountId)
    if (!t) {
      t = { costToDate: 0, projected: 0, owed: 0, apr: null }
      totals.set(accountId, t)
    }
    return t
  }
  for (const a of ledger.accounts) totalsOf(a.id)

  // Each record's account, its totals and its months: consecutive records mostly share one, so the
  // last is kept to spare three look-ups a record.
  interface AccountState {
    id: string
    account: OrderAccount
    totals: AccountCost
  }
  const states = new Map<string, AccountState>()
  let lastState: AccountState | null = null
  const stateOf = (accountId: string): AccountState => {
    if (lastState !== null && lastState.id === accountId) return lastState
    let state = states.get(accountId)
    if (!state) {
      state = { id: accountId, account: accountById.get(accountId) ?? fallbackAccount, totals: totalsOf(accountId) }
      states.set(accountId, state)
    }
    lastState = state
    return state
  }
  let lastMonthsId = ''
  let lastMonths: AccountMonths | null = null
  const monthsOfCached = (accountId: string): AccountMonths => {
    if (lastMonths === null || lastMonthsId !== accountId) {
      lastMonths = monthsOf(accountId)
      lastMonthsId = accountId
    }
    return lastMonths
  }

  const monthEndDay = starts[monthCount]! - 1
  const withSink: DetailContext = { todayDay, dueByDay: monthEndDay, sink, ownRepayments: true }
  const withoutSink: DetailContext = { todayDay, dueByDay: monthEndDay, ownRepayments: true }
  const thisMonthKey = monthOf(today)
  let dueThisMonth = 0
  let borrowedThisMonth = 0

  const draws = new Map<string, DrawCost>()
  for (let i = 0; i < drawCount; i++) {
    const draw = ledger.draws[i]!
    const state = stateOf(draw.accountId)
    const counted = draw.drawDate <= today
    const months = counted ? monthsOfCached(draw.accountId) : null
    if (months) {
      resetBuckets()
      principalOut = months.principal
    }
    const reps = drawRepayments[sameAs.size > 0 ? (sameAs.get(i) ?? i) : i] ?? NONE
    if (months) withSink.flows = months.flows
    const detail = drawCostDetail(draw, reps, state.account, today, options, months ? withSink : withoutSink)
    draws.set(draw.id, detail.cost)
    const t = state.totals
    t.projected += detail.cost.projectedCostToPayoff
    t.owed += detail.cost.owedToday
    if (!months) continue
    t.costToDate += detail.interestToDate + detail.feesToDate + detail.penaltyToDate
    interest.settle(detail.interestToDate, months.interest, monthCount - 1)
    fees.settle(detail.feesToDate, months.fees, monthCount - 1)
    penalty.settle(detail.penaltyToDate, months.penalty, monthCount - 1)
    dueThisMonth += detail.dueBy
    if (draw.drawDate.startsWith(thisMonthKey)) borrowedThisMonth += draw.principal
  }

  const orders = new Map<string, OrderCost>()
  for (let i = 0; i < ledger.orders.length; i++) {
    const order = ledger.orders[i]!
    const state = stateOf(order.accountId)
    const balance = orderBalance.balances[i]!
    const counted = order.orderDate <= today && (order.status === 'unpaid' || order.status === 'paid')
    const months = counted ? monthsOfCached(order.accountId) : null
    if (months) resetBuckets()
    const detail = orderCostDetail(order, balance, state.account, today, options, months ? withSink : withoutSink)
    orders.set(order.id, detail.cost)
    const t = state.totals
    t.projected += detail.projected
    t.owed += detail.cost.owed
    if (!months) continue
    t.costToDate += detail.feesToDate + detail.penaltyToDate
    fees.settle(detail.feesToDate, months.fees, monthCount - 1)
    penalty.settle(detail.penaltyToDate, months.penalty, monthCount - 1)
    dueThisMonth += detail.dueBy
    if (order.orderDate.startsWith(thisMonthKey)) borrowedThisMonth += order.amount

    // Principal: bought on the order date, paid down by direct payments, the rest on the due date.
    const p = months.principal
    addAt(p, monthIndexOf(order.orderDate) - firstMonth, order.amount)
    const total = order.amount + detail.cost.feesPaid + detail.cost.feesToCome
    // Flows: the purchase is money received; direct payments are paid on their days.
    const orderDay = dayOf(order.orderDate)
    flow(months, orderDay, order.amount)
    const direct = orderBalance.direct[i]!
    let reduced = 0
    const paidDirectly = direct > 0 ? (orderRepayments.get(order.id) ?? NONE) : NONE
    for (let k = 0; k < paidDirectly.length; k++) {
      const r = paidDirectly[k]!
      if (r.date > today) continue
      flow(months, dayOf(r.date), -r.amount)
      const share = Math.min(order.amount - reduced, order.instalmentCount > 1 ? roundFen((r.amount * order.amount) / total) : r.amount)
      if (share <= 0) continue
      addAt(p, monthIndexOf(r.date) - firstMonth, -share)
      reduced += share
    }
    const rest = order.amount - reduced - detail.principalOutstanding
    if (rest !== 0) addAt(p, monthIndexOf(order.dueDate < today ? order.dueDate : today) - firstMonth, -rest)
    // The rest of the payments in schedule order: what a statement paid (or marking it paid
    // settled) on its due date, or today if that is sooner; what is still owed on its due date, or
    // today if that has passed, as drawCost dates what is overdue.
    const paidTo = Math.max(direct, order.status === 'paid' ? total : Math.min(total, balance.repaid))
    if (detail.plan) {
      let day = orderDay
      let cum = 0
      for (let k = 0; k < detail.plan.length; k++) {
        const period = detail.plan[k]!
        day += period.days
        const end = cum + period.payment
        if (paidTo > cum && direct < end) flow(months, Math.min(day, todayDay), -(Math.min(end, paidTo) - Math.max(cum, direct)))
        if (total > paidTo && end > paidTo) flow(months, Math.max(day, todayDay), -(Math.min(end, total) - Math.max(cum, paidTo)))
        cum = end
      }
    } else if (total > direct) {
      const dueDay = dayOf(order.dueDate)
      if (paidTo > direct) flow(months, Math.min(dueDay, todayDay), -(paidTo - direct))
      if (total > paidTo) flow(months, Math.max(dueDay, todayDay), -(total - paidTo))
    }
    if (detail.penaltyToDate > 0) flow(months, todayDay, -detail.penaltyToDate)
  }
  for (const [id, t] of totals) {
    const m = perAccount.get(id)
    t.apr = m ? xirrOfDays(m.flows.amounts, m.flows.days) : null
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
  for (const r of ledger.repayments) if (r.date <= today && r.date.startsWith(thisMonthKey)) repaidThisMonth += r.amount

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
