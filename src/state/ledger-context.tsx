// Owns the live ledger in React: every table as a live query (table-store.ts, started before the first render), the risk documents (thresholds, acknowledgements, profile), and the figures derived from them (cost, dues, flags), worked out once per change by the figures worker and shared by every page. While new figures are on their way the previous ones stay on screen.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { appDb } from '@/db/instance'
import { loadProfile, PROFILE_KEY } from '@/db/repo'
import { ACKNOWLEDGED_KEY, loadAcknowledgements, loadRiskSettings, RISK_SETTINGS_KEY } from '@/db/risk'
import { watchSettings } from '@/db/settings'
import type { IsoDate } from '@/domain/calendar'
import { DEFAULT_PROFILE, type Account, type BillFigure, type BillInstalment, type Draw, type Inquiry, type Ledger, type Order, type Profile, type Repayment } from '@/domain/records'
import { ledgerCost, type LedgerCost } from '@/domain/cost/ledger-cost'
import type { AccountCost, DrawCost, OrderCost } from '@/domain/cost/types'
import type { Figures } from '@/domain/derived/figures'
import { summariseDues, type DueItem, type DueSummary } from '@/domain/dues/items'
import { flagView, riskInput, type FlagView } from '@/domain/risk'
import { DEFAULT_RISK_SETTINGS, type Acknowledgements, type RiskSettings } from '@/domain/risk/settings'
import type { RiskFlag, RiskInput } from '@/domain/risk/types'
import { DerivedClient, type FiguresArrived } from '@/state/derived-client'
import { useToday } from './clock'
import { useTable } from './table-store'

/** The documents the risk rules read besides the records. */
export interface RiskDocuments {
  settings: RiskSettings
  acknowledgements: Acknowledgements
  profile: Profile
}

/** The flags of the figures with the documents they were read against, as every view of them shows them. */
export interface RiskState extends RiskDocuments, FlagView {
  input: RiskInput
  /** Every active flag, the most severe first. */
  flags: RiskFlag[]
}

/** The engine's open due items, by key, and their summary for today. */
export interface DuesState {
  items: DueItem[]
  byKey: Map<string, DueItem>
  summary: DueSummary
}

export interface LedgerView {
  /** The records, the risk documents and the first figures are all in. */
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
  /** The cost with the flags and what-ifs of the same run. */
  figures: Figures
  /** Newer records than the figures: a run is on its way. */
  figuresPending: boolean
  /** Why the last run failed (the previous figures stay), or null. */
  figuresFailed: string | null
  risk: RiskState
  dues: DuesState
}

const LedgerContext = createContext<LedgerView | null>(null)
const EMPTY: never[] = []
const EMPTY_LEDGER: Ledger = { accounts: [], draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }

function countBy<T>(rows: readonly T[], key: (row: T) => string, into = new Map<string, number>()): Map<string, number> {
  for (const row of rows) into.set(key(row), (into.get(key(row)) ?? 0) + 1)
  return into
}

/** The risk documents, or undefined while they are read (a failed read keeps the defaults). */
function useRiskDocuments(): RiskDocuments | undefined {
  return useLiveQuery(async () => {
    const db = appDb()
    try {
      await watchSettings(db, [RISK_SETTINGS_KEY, ACKNOWLEDGED_KEY, PROFILE_KEY])
      return { settings: await loadRiskSettings(db), acknowledgements: await loadAcknowledgements(db), profile: await loadProfile(db) }
    } catch {
      return DEFAULT_DOCUMENTS
    }
  }, [])
}

/**
 * The figures of the ledger: sent to the worker as each change arrives, the last figures kept until
 * the next arrive. Null until the first.
 */
function useFigures(ledger: Ledger | null, today: IsoDate, documents: RiskDocuments | undefined): { arrived: FiguresArrived | null; pending: boolean; failed: string | null } {
  const [arrived, setArrived] = useState<FiguresArrived | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [latest, setLatest] = useState(0)
  const client = useRef<DerivedClient | null>(null)
  useEffect(() => {
    const c = new DerivedClient(
      (a) => {
        // For measuring (scripts/measure-large.ts): when figures reach the page, and how long their run took.
        performance.mark('ledger-figures', { detail: { version: a.version, ms: a.ms, inWorker: a.inWorker } })
        setArrived(a)
        setFailed(null)
      },
      setFailed
    )
    client.current = c
    return () => {
      c.close()
      client.current = null
    }
  }, [])
  const profile = documents?.profile
  const settings = documents?.settings
  useEffect(() => {
    if (!ledger || !profile || !settings || !client.current) return
    setLatest(client.current.update(ledger, { today, profile, riskSettings: settings }))
  }, [ledger, today, profile, settings])
  return { arrived, pending: arrived === null || arrived.version < latest, failed }
}

export function LedgerProvider({ children, today: fixedToday }: { children: ReactNode; today?: IsoDate }) {
  const clockToday = useToday()
  const today = fixedToday ?? clockToday
  const accounts = useTable('accounts')
  const draws = useTable('draws')
  const orders = useTable('orders')
  const repayments = useTable('repayments')
  const inquiries = useTable('inquiries')
  const billInstalments = useTable('billInstalments')
  const billFigures = useTable('billFigures')
  const documents = useRiskDocuments()

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
  const recordsLoaded = [accounts, draws, orders, repayments, inquiries, billInstalments, billFigures].every((x) => x !== undefined)
  // The tables' live queries arrive one by one on open: the figures are asked for once all are in.
  const { arrived, pending, failed } = useFigures(recordsLoaded ? ledger : null, today, documents)
  const empty = useMemo<Figures>(() => ({ today, cost: ledgerCost(EMPTY_LEDGER, today), flags: [], minimumOnly: new Map() }), [today])
  const figures = arrived?.figures ?? empty
  const cost = figures.cost
  const repaymentCount = useMemo(() => countBy(r, (x) => x.targetId), [r])
  const recordCount = useMemo(() => countBy(r, (x) => x.accountId, countBy(o, (x) => x.accountId, countBy(d, (x) => x.accountId))), [d, o, r])
  // A first run that fails still opens the pages (with empty figures and the shell's notice), rather than a skeleton for ever.
  const loaded = recordsLoaded && documents !== undefined && (arrived !== null || failed !== null)
  const docs = documents ?? DEFAULT_DOCUMENTS
  const risk = useMemo<RiskState>(
    () => ({ ...docs, input: riskInput(ledger, docs.profile, docs.settings, today, { cost }), flags: figures.flags, ...flagView(figures.flags, docs.acknowledgements) }),
    [docs, ledger, today, cost, figures.flags]
  )
  const dues = useMemo<DuesState>(() => ({ items: cost.dues, byKey: new Map(cost.dues.map((x) => [x.key, x])), summary: summariseDues(cost.dues, today) }), [cost, today])

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
      cost,
      figures,
      figuresPending: pending,
      figuresFailed: failed,
      risk,
      dues
    }),
    [loaded, today, ledger, accountById, drawById, orderById, cost, figures, pending, failed, repaymentCount, recordCount, risk, dues]
  )

  return <LedgerContext.Provider value={view}>{children}</LedgerContext.Provider>
}

const DEFAULT_DOCUMENTS: RiskDocuments = { settings: DEFAULT_RISK_SETTINGS, acknowledgements: {}, profile: DEFAULT_PROFILE }

export function useLedger(): LedgerView {
  const value = useContext(LedgerContext)
  if (!value) throw new Error('useLedger outside LedgerProvider')
  return value
}
