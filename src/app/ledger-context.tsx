// Owns the live ledger in React: every table as a live query, the balances derived from them for today, and lookups the lists need per row.
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { appDb } from '@/db/instance'
import type { IsoDate } from '@/domain/dates'
import { drawBalances, orderBalances, sumAccountBalances, withEngineFigures, type AccountBalance, type DrawBalance, type OrderBalance } from '@/domain/owed'
import type { Account, Draw, Inquiry, Order, Repayment } from '@/domain/records'
import { ledgerCost } from '@/domain/cost/ledger-cost'
import type { LedgerCost } from '@/domain/cost/types'
import { useToday } from './clock'

export interface LedgerView {
  loaded: boolean
  today: IsoDate
  accounts: Account[]
  draws: Draw[]
  orders: Order[]
  repayments: Repayment[]
  inquiries: Inquiry[]
  accountById: Map<string, Account>
  drawById: Map<string, Draw>
  orderById: Map<string, Order>
  drawBalances: Map<string, DrawBalance>
  orderBalances: Map<string, OrderBalance>
  accountBalances: Map<string, AccountBalance>
  /** Repayments per draw, order or statement account: what a delete takes with it. */
  repaymentCount: Map<string, number>
  /** Draws + orders + repayments per account. */
  recordCount: Map<string, number>
  /** What everything costs: per draw, order and account, per month, and this month's totals. */
  cost: LedgerCost
}

const LedgerContext = createContext<LedgerView | null>(null)
const EMPTY: never[] = []

function countBy<T>(rows: readonly T[], key: (row: T) => string, into = new Map<string, number>()): Map<string, number> {
  for (const row of rows) into.set(key(row), (into.get(key(row)) ?? 0) + 1)
  return into
}

export function LedgerProvider({ children, today: fixedToday }: { children: ReactNode; today?: IsoDate }) {
  const db = appDb()
  const clockToday = useToday()
  const today = fixedToday ?? clockToday
  const accounts = useLiveQuery(() => db.accounts.toArray(), [])
  const draws = useLiveQuery(() => db.draws.toArray(), [])
  const orders = useLiveQuery(() => db.orders.toArray(), [])
  const repayments = useLiveQuery(() => db.repayments.toArray(), [])
  const inquiries = useLiveQuery(() => db.inquiries.toArray(), [])

  // Each derived map depends only on the tables it reads, so a new inquiry recomputes no balance.
  const a = accounts ?? EMPTY
  const d = draws ?? EMPTY
  const o = orders ?? EMPTY
  const r = repayments ?? EMPTY
  const accountById = useMemo(() => new Map(a.map((x) => [x.id, x])), [a])
  const drawById = useMemo(() => new Map(d.map((x) => [x.id, x])), [d])
  const orderById = useMemo(() => new Map(o.map((x) => [x.id, x])), [o])
  const plainDraw = useMemo(() => drawBalances(d, r, today), [d, r, today])
  const byOrder = useMemo(() => orderBalances(o, r, today), [o, r, today])
  const i = inquiries ?? EMPTY
  const cost = useMemo(() => ledgerCost({ accounts: a, draws: d, orders: o, repayments: r, inquiries: i }, today), [a, d, o, r, i, today])
  // What a draw owes is the cost engine's figure (penalty on arrears included), the same the store
  // caps repayments at; the plain balance supplies what the engine does not (the amount repaid).
  const byDraw = useMemo(() => withEngineFigures(plainDraw, cost.draws), [plainDraw, cost])
  const byAccount = useMemo(() => sumAccountBalances(d, o, r, today, byDraw, byOrder), [d, o, r, today, byDraw, byOrder])
  const repaymentCount = useMemo(() => countBy(r, (x) => x.targetId), [r])
  const recordCount = useMemo(() => countBy(r, (x) => x.accountId, countBy(o, (x) => x.accountId, countBy(d, (x) => x.accountId))), [d, o, r])

  const view = useMemo<LedgerView>(
    () => ({
      loaded: accounts !== undefined && draws !== undefined && orders !== undefined && repayments !== undefined && inquiries !== undefined,
      today,
      accounts: a,
      draws: d,
      orders: o,
      repayments: r,
      inquiries: inquiries ?? EMPTY,
      accountById,
      drawById,
      orderById,
      drawBalances: byDraw,
      orderBalances: byOrder,
      accountBalances: byAccount,
      repaymentCount,
      recordCount,
      cost
    }),
    [accounts, draws, orders, repayments, inquiries, today, a, d, o, r, accountById, drawById, orderById, byDraw, byOrder, byAccount, repaymentCount, recordCount, cost]
  )

  return <LedgerContext.Provider value={view}>{children}</LedgerContext.Provider>
}

export function useLedger(): LedgerView {
  const value = useContext(LedgerContext)
  if (!value) throw new Error('useLedger outside LedgerProvider')
  return value
}
