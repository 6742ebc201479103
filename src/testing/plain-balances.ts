// Owns the plain model of what is owed (interest first, then principal; bills spread over orders, earliest due first): the first model of the ledger, kept only as a test oracle for the cost engine where the two agree.
//
// A first, conservative model until the cost engine supplies full schedules:
// - daily and annual rates accrue daily on the principal still out (annual / 360 per day, the
//   bank convention); the draw day accrues, the repayment day does not; a repayment pays the
//   accrued interest first, then principal; interest is rounded to the fen when it is paid.
// - 分期 with a monthly fee owes principal + n * round(P * f); repayments cover fee and
//   principal in proportion.
// - a pay-later order owes its amount (plus instalment fees) until paid, refunded or cancelled;
//   repayments against a whole statement go to the account's open single-payment orders,
//   earliest due first, then to instalment plans.
import { daysBetween, type IsoDate } from '@/domain/calendar'
import { roundFen, type Fen } from '@/domain/money'
import type { Draw, Order, Repayment } from '@/domain/records'

export interface DrawBalance {
  principalOutstanding: Fen
  interestAccrued: Fen
  owed: Fen
  repaid: Fen
}

export function dailyRateOf(draw: Pick<Draw, 'rate' | 'rateUnit'>): number {
  if (draw.rateUnit === 'daily') return draw.rate
  if (draw.rateUnit === 'annual') return draw.rate / 360
  return 0
}

export function instalmentFee(principal: Fen, monthlyFeeRate: number): Fen {
  return roundFen(principal * monthlyFeeRate)
}

function byDate(a: Repayment, b: Repayment): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}

/** The balance of one draw as of a day, given the repayments made against it (any order). */
export function drawBalance(draw: Draw, repayments: readonly Repayment[], asOf: IsoDate): DrawBalance {
  const relevant = repayments.filter((r) => r.date <= asOf).sort(byDate)
  const repaid = relevant.reduce((s, r) => s + r.amount, 0)
  if (draw.method === 'feeInstalment') {
    const total = draw.principal + instalmentFee(draw.principal, draw.rate) * draw.termMonths
    const owed = Math.max(0, total - repaid)
    const principalOutstanding = Math.min(draw.principal, roundFen((owed * draw.principal) / total))
    return { principalOutstanding, interestAccrued: owed - principalOutstanding, owed, repaid }
  }
  const d = dailyRateOf(draw)
  let principal = draw.principal
  let accrued = 0 // fractional fen
  let last = draw.drawDate
  for (const r of relevant) {
    if (r.date > last) {
      accrued += principal * d * daysBetween(last, r.date)
      last = r.date
    }
    const interestDue = roundFen(accrued)
    const toInterest = Math.min(r.amount, interestDue)
    accrued = Math.max(0, accrued - toInterest)
    if (interestDue - toInterest === 0) accrued = 0
    principal = Math.max(0, principal - (r.amount - toInterest))
  }
  if (asOf > last && principal > 0) accrued += principal * d * daysBetween(last, asOf)
  const interestAccrued = principal > 0 || accrued > 0 ? roundFen(accrued) : 0
  return { principalOutstanding: principal, interestAccrued, owed: principal + interestAccrued, repaid }
}

export function orderTotal(order: Pick<Order, 'amount' | 'instalmentCount' | 'instalmentFeeRate'>): Fen {
  if (order.instalmentCount <= 1) return order.amount
  return order.amount + instalmentFee(order.amount, order.instalmentFeeRate) * order.instalmentCount
}

export type EffectiveOrderStatus = 'unpaid' | 'partlyPaid' | 'paid' | 'refunded' | 'cancelled'

export interface OrderBalance {
  total: Fen
  repaid: Fen
  owed: Fen
  status: EffectiveOrderStatus
}

export function orderBalance(order: Order, repaid: Fen): OrderBalance {
  const total = orderTotal(order)
  if (order.status === 'refunded' || order.status === 'cancelled') return { total, repaid, owed: 0, status: order.status }
  if (order.status === 'paid') return { total, repaid, owed: 0, status: 'paid' }
  const owed = Math.max(0, total - repaid)
  return { total, repaid, owed, status: owed === 0 ? 'paid' : repaid > 0 ? 'partlyPaid' : 'unpaid' }
}

/** Sums repayments per target id (draw, order or statement account), up to a day. */
export function repaidByTarget(repayments: readonly Repayment[], asOf?: IsoDate): Map<string, Fen> {
  const out = new Map<string, Fen>()
  for (const r of repayments) {
    if (asOf !== undefined && r.date > asOf) continue
    out.set(r.targetId, (out.get(r.targetId) ?? 0) + r.amount)
  }
  return out
}

export function groupRepaymentsByTarget(repayments: readonly Repayment[]): Map<string, Repayment[]> {
  const out = new Map<string, Repayment[]>()
  for (const r of repayments) {
    const list = out.get(r.targetId)
    if (list) list.push(r)
    else out.set(r.targetId, [r])
  }
  return out
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The order a bill payment clears orders in: single-payment orders first, earliest due first;
 * instalment plans are paid period by period. Ties fall back to the order date and then the id,
 * so the split is stable. Compared field by field: building key strings per comparison was the
 * slowest step of a ten-year ledger.
 */
function byBillingOrder(a: Order, b: Order): number {
  return (
    (a.instalmentCount > 1 ? 1 : 0) - (b.instalmentCount > 1 ? 1 : 0) ||
    compareText(a.dueDate, b.dueDate) ||
    compareText(a.orderDate, b.orderDate) ||
    compareText(a.id, b.id)
  )
}

/** A date's (year, month, day) as one number in the order the strings sort in, or -1 for anything but a valid-looking 'YYYY-MM-DD' from 1900 to 2200. */
function dateKey(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1
  let year = 0
  for (let i = 0; i < 4; i++) {
    const c = date.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    year = year * 10 + c
  }
  const m1 = date.charCodeAt(5) - 48
  const m2 = date.charCodeAt(6) - 48
  const d1 = date.charCodeAt(8) - 48
  const d2 = date.charCodeAt(9) - 48
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1
  const month = m1 * 10 + m2
  const day = d1 * 10 + d2
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return -1
  return ((year - 1900) * 12 + month - 1) * 31 + day - 1
}

// Index room in a packed sort key: up to 2^18 orders, with 35 bits of key above (53 in all).
const INDEX_ROOM = 262_144
const DATE_ROOM = 131_072

/**
 * The indices of the orders sorted by byBillingOrder. The kind and both dates are packed with the
 * index into one number and sorted as plain numbers (a comparator over tens of thousands of orders
 * was the slowest step of a ten-year ledger); only orders that tie on all three are then put in
 * id order. The same order as sorting with byBillingOrder, which it falls back to for dates it
 * cannot pack or for more orders than the key has room for.
 */
function billingOrderOf(orders: readonly Order[]): number[] {
  const n = orders.length
  const byComparator = () => orders.map((_, i) => i).sort((a, b) => byBillingOrder(orders[a]!, orders[b]!))
  if (n > INDEX_ROOM) return byComparator()
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const o = orders[i]!
    const due = dateKey(o.dueDate)
    const ordered = dateKey(o.orderDate)
    if (due < 0 || ordered < 0) return byComparator()
    keys[i] = (((o.instalmentCount > 1 ? 1 : 0) * DATE_ROOM + due) * DATE_ROOM + ordered) * INDEX_ROOM + i
  }
  keys.sort()
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) out[i] = keys[i]! % INDEX_ROOM
  // Orders equal on kind and dates follow their ids, by an insertion sort of each such run (a few
  // orders bought the same day): stable, so equal ids stay in index order as the comparator keeps them.
  let start = 0
  for (let i = 1; i <= n; i++) {
    if (i < n && keys[i]! - (keys[i]! % INDEX_ROOM) === keys[start]! - (keys[start]! % INDEX_ROOM)) continue
    for (let j = start + 1; j < i; j++) {
      const index = out[j]!
      const id = orders[index]!.id
      let k = j - 1
      while (k >= start && compareText(orders[out[k]!]!.id, id) > 0) {
        out[k + 1] = out[k]!
        k--
      }
      out[k + 1] = index
    }
    start = i
  }
  return out
}

export interface OrderBalanceDetails {
  /** The balance of each order, in the same order as the orders given. */
  balances: OrderBalance[]
  /** What was paid on each order directly (not through a statement), in the same order. */
  direct: Fen[]
  /** Indices of the orders in the order bill payments clear them. */
  billingOrder: number[]
}

/**
 * orderBalances as arrays beside the orders, for the cost engine: a ten-year ledger has tens of
 * thousands of orders, and looking each one up by id again costs more than the work itself.
 */
export function orderBalanceDetails(orders: readonly Order[], repayments: readonly Repayment[], asOf?: IsoDate): OrderBalanceDetails {
  // One pass over the repayments: a ten-year ledger has tens of thousands of them.
  const directById = new Map<string, Fen>()
  const statementPool = new Map<string, Fen>()
  for (const r of repayments) {
    if (asOf !== undefined && r.date > asOf) continue
    const map = r.targetType === 'order' ? directById : r.targetType === 'statement' ? statementPool : null
    if (map) map.set(r.targetId, (map.get(r.targetId) ?? 0) + r.amount)
  }
  // What each order was paid directly, what a bill may still pay on it, and its account's bill:
  // read in the orders' own order, so the pass in billing order below (which jumps about among
  // tens of thousands of orders) touches only these arrays, not the records.
  const n = orders.length
  const direct = new Array<Fen>(n).fill(0)
  const open = new Float64Array(n)
  const poolOf = new Int32Array(n)
  const pools: Fen[] = []
  const poolIndex = new Map<string, number>()
  let lastAccount = ''
  let lastPool = -1
  for (let i = 0; i < n; i++) {
    const order = orders[i]!
    const repaid = directById.size > 0 ? (directById.get(order.id) ?? 0) : 0
    direct[i] = repaid
    // An order marked paid still takes its share of the bill that paid it, so the rest of the
    // bill does not spill onto orders that were never paid.
    open[i] = order.status === 'unpaid' || order.status === 'paid' ? Math.max(0, orderTotal(order) - repaid) : 0
    if (i === 0 || order.accountId !== lastAccount) {
      lastAccount = order.accountId
      let k = poolIndex.get(lastAccount)
      if (k === undefined) {
        const pool = statementPool.get(lastAccount)
        k = pool === undefined ? -1 : pools.push(pool) - 1
        poolIndex.set(lastAccount, k)
      }
      lastPool = k
    }
    poolOf[i] = lastPool
  }
  const billingOrder = billingOrderOf(orders)
  const used = new Float64Array(n)
  for (const i of billingOrder) {
    const k = poolOf[i]!
    if (k < 0) continue
    const pool = pools[k]!
    used[i] = Math.min(pool, open[i]!)
    if (used[i]! > 0) pools[k] = pool - used[i]!
  }
  const balances = new Array<OrderBalance>(n)
  for (let i = 0; i < n; i++) balances[i] = orderBalance(orders[i]!, direct[i]! + used[i]!)
  return { balances, direct, billingOrder }
}

/**
 * Balances of every order, with statement repayments of each account spread over that
 * account's open orders, earliest due date first. Returns a map keyed by order id.
 */
export function orderBalances(orders: readonly Order[], repayments: readonly Repayment[], asOf?: IsoDate): Map<string, OrderBalance> {
  const { balances, billingOrder } = orderBalanceDetails(orders, repayments, asOf)
  const out = new Map<string, OrderBalance>()
  for (const i of billingOrder) out.set(orders[i]!.id, balances[i]!)
  return out
}

export interface AccountBalance {
  owedOnDraws: Fen
  owedOnOrders: Fen
  owed: Fen
  principalOutstanding: Fen
  repaid: Fen
}

/** What each account still owes as of a day: draws (with accrued interest) plus open orders. */
export function drawBalances(draws: readonly Draw[], repayments: readonly Repayment[], asOf: IsoDate): Map<string, DrawBalance> {
  const byTarget = groupRepaymentsByTarget(repayments.filter((r) => r.targetType === 'draw'))
  return new Map(draws.map((d) => [d.id, drawBalance(d, byTarget.get(d.id) ?? [], asOf)]))
}

/**
 * Draw balances with the cost engine's figures where it has them: what a draw owes is the engine's
 * (penalty on arrears included), the same the store caps repayments at; the plain balance supplies
 * what the engine does not (the amount repaid). Every screen and the risk rules read these.
 */
export function withEngineFigures(
  plain: ReadonlyMap<string, DrawBalance>,
  engine: ReadonlyMap<string, { owedToday: Fen; principalOutstanding: Fen; accruedUnpaid: Fen }>
): Map<string, DrawBalance> {
  return new Map(
    [...plain].map(([id, b]) => {
      const c = engine.get(id)
      return [id, c ? { ...b, owed: c.owedToday, principalOutstanding: c.principalOutstanding, interestAccrued: c.accruedUnpaid } : b]
    })
  )
}

/** What each account still owes as of a day: draws (with accrued interest) plus open orders. */
export function accountBalances(
  draws: readonly Draw[],
  orders: readonly Order[],
  repayments: readonly Repayment[],
  asOf: IsoDate
): Map<string, AccountBalance> {
  return sumAccountBalances(draws, orders, repayments, asOf, drawBalances(draws, repayments, asOf), orderBalances(orders, repayments, asOf))
}

/** The same sums from balances already worked out, so a screen that shows both does the work once. */
export function sumAccountBalances(
  draws: readonly Draw[],
  orders: readonly Order[],
  repayments: readonly Repayment[],
  asOf: IsoDate,
  byDraw: ReadonlyMap<string, DrawBalance>,
  byOrder: ReadonlyMap<string, OrderBalance>
): Map<string, AccountBalance> {
  const out = new Map<string, AccountBalance>()
  const get = (accountId: string): AccountBalance => {
    let b = out.get(accountId)
    if (!b) {
      b = { owedOnDraws: 0, owedOnOrders: 0, owed: 0, principalOutstanding: 0, repaid: 0 }
      out.set(accountId, b)
    }
    return b
  }
  for (const draw of draws) {
    const bal = byDraw.get(draw.id)
    if (!bal) continue
    const acc = get(draw.accountId)
    acc.owedOnDraws += bal.owed
    acc.principalOutstanding += bal.principalOutstanding
  }
  for (const order of orders) {
    const bal = byOrder.get(order.id)
    if (!bal) continue
    const acc = get(order.accountId)
    acc.owedOnOrders += bal.owed
    acc.principalOutstanding += Math.min(bal.owed, order.status === 'unpaid' ? order.amount : 0)
  }
  for (const r of repayments) if (r.date <= asOf) get(r.accountId).repaid += r.amount
  for (const b of out.values()) b.owed = b.owedOnDraws + b.owedOnOrders
  return out
}

/** Share of a credit limit in use, in percent with one decimal; null where there is no limit. */
export function utilisationPercent(used: Fen, limit: Fen | null): number | null {
  return limit !== null && limit > 0 ? Math.round((used / limit) * 1000) / 10 : null
}
