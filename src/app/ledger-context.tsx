// Owns the live ledger in React: every table as a live query, and the balances derived from them for today.
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { appDb } from '@/db/instance'
import { localToday, type IsoDate } from '@/domain/dates'
import {
  accountBalances,
  drawBalance,
  groupRepaymentsByTarget,
  orderBalances,
  type AccountBalance,
  type DrawBalance,
  type OrderBalance
} from '@/domain/owed'
import type { Account, Draw, Inquiry, Order, Repayment } from '@/domain/records'

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
}

const LedgerContext = createContext<LedgerView | null>(null)

export function LedgerProvider({ children, today = localToday() }: { children: ReactNode; today?: IsoDate }) {
  const db = appDb()
  const accounts = useLiveQuery(() => db.accounts.toArray(), [])
  const draws = useLiveQuery(() => db.draws.toArray(), [])
  const orders = useLiveQuery(() => db.orders.toArray(), [])
  const repayments = useLiveQuery(() => db.repayments.toArray(), [])
  const inquiries = useLiveQuery(() => db.inquiries.toArray(), [])

  const view = useMemo<LedgerView>(() => {
    const a = accounts ?? []
    const d = draws ?? []
    const o = orders ?? []
    const r = repayments ?? []
    const byTarget = groupRepaymentsByTarget(r.filter((x) => x.targetType === 'draw'))
    return {
      loaded: accounts !== undefined && draws !== undefined && orders !== undefined && repayments !== undefined && inquiries !== undefined,
      today,
      accounts: a,
      draws: d,
      orders: o,
      repayments: r,
      inquiries: inquiries ?? [],
      accountById: new Map(a.map((x) => [x.id, x])),
      drawById: new Map(d.map((x) => [x.id, x])),
      orderById: new Map(o.map((x) => [x.id, x])),
      drawBalances: new Map(d.map((x) => [x.id, drawBalance(x, byTarget.get(x.id) ?? [], today)])),
      orderBalances: orderBalances(o, r, today),
      accountBalances: accountBalances(d, o, r, today)
    }
  }, [accounts, draws, orders, repayments, inquiries, today])

  return <LedgerContext.Provider value={view}>{children}</LedgerContext.Provider>
}

export function useLedger(): LedgerView {
  const value = useContext(LedgerContext)
  if (!value) throw new Error('useLedger outside LedgerProvider')
  return value
}
