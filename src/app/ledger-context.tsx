// Owns the live ledger in React: every table as a live query, the cost engine's figures for today (the one source of every owed, paid and due figure), and lookups the lists need per row.
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { appDb } from '@/db/instance'
import type { IsoDate } from '@/domain/dates'
import type { Account, BillFigure, BillInstalment, Draw, Inquiry, Ledger, Order, Repayment } from '@/domain/records'
import { ledgerCost, type LedgerCost } from '@/domain/cost/ledger-cost'
import type { AccountCost, DrawCost, OrderCost } from '@/domain/cost/types'
import { useToday } from './clock'

export interface LedgerView {
  loaded: boolean
  today: IsoDate
  accounts: Account[]
  draws: Draw[]
  orders: Order[]
  repayments: Repayment[]
  inquiries: Inquiry[]
  billInstalments: BillInstalment[]
  billFigures: BillFigure[]
  /** The records as one Ledger, for domain functions. */
  ledger: Ledger
  accountById: Map<string, Account>
  drawById: Map<string, Draw>
  orderById: Map<string, Order>
  /** The engine's figures per draw, order and account (cost.draws, cost.orders, cost.accounts). */
  drawBalances: Map<string, DrawCost>
  orderBalances: Map<string, OrderCost>
  accountBalances: Map<string, AccountCost>
  /** Repayments per draw, order or statement account: what a delete takes with it. */
  repaymentCount: Map<string, number>
  /** Draws + orders + repayments per account. */
  recordCount: Map<string, number>
  /** Everything derived: per draw, order, bill and account, per month, the dues and this month's totals. */
  cost: LedgerCost
}

const LedgerContext = createContext<LedgerView | null>(null)
const EMPTY: never[] = []
const EMPTY_LEDGER: Ledger = { accounts: [], draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }

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
  const billInstalments = useLiveQuery(() => db.billInstalments.toArray(), [])
  const billFigures = useLiveQuery(() => db.billFigures.toArray(), [])

  const a = accounts ?? EMPTY
  const d = draws ?? EMPTY
  const o = orders ?? EMPTY
  const r = repayments ?? EMPTY
  const i = inquiries ?? EMPTY
  const bi = billInstalments ?? EMPTY
  const bf = billFigures ?? EMPTY
  const accountById = useMemo(() => new Map(a.map((x) => [x.id, x])), [a])
  const drawById = useMemo(() => new Map(d.map((x) => [x.id, x])), [d])
  const orderById = useMemo(() => new Map(o.map((x) => [x.id, x])), [o])
  const ledger = useMemo<Ledger>(() => ({ accounts: a, draws: d, orders: o, repayments: r, inquiries: i, billInstalments: bi, billFigures: bf }), [a, d, o, r, i, bi, bf])
  const loaded = [accounts, draws, orders, repayments, inquiries, billInstalments, billFigures].every((x) => x !== undefined)
  // The tables' live queries arrive one by one on open: the engine runs once all are in, not once
  // per table (nothing shows figures before `loaded`).
  const costed = loaded ? ledger : EMPTY_LEDGER
  const cost = useMemo(() => ledgerCost(costed, today), [costed, today])
  const repaymentCount = useMemo(() => countBy(r, (x) => x.targetId), [r])
  const recordCount = useMemo(() => countBy(r, (x) => x.accountId, countBy(o, (x) => x.accountId, countBy(d, (x) => x.accountId))), [d, o, r])

  const view = useMemo<LedgerView>(
    () => ({
      loaded,
      today,
      ...ledger,
      ledger,
      accountById,
      drawById,
      orderById,
      drawBalances: cost.draws,
      orderBalances: cost.orders,
      accountBalances: cost.accounts,
      repaymentCount,
      recordCount,
      cost
    }),
    [loaded, today, ledger, accountById, drawById, orderById, cost, repaymentCount, recordCount]
  )

  return <LedgerContext.Provider value={view}>{children}</LedgerContext.Provider>
}

export function useLedger(): LedgerView {
  const value = useContext(LedgerContext)
  if (!value) throw new Error('useLedger outside LedgerProvider')
  return value
}
