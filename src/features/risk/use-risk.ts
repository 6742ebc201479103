// Owns the risk flags in React: the stored thresholds, acknowledgements and profile read live, the flags of the live ledger (worked out once per change and shared by every view), and acknowledging.
import { useCallback, useEffect, useMemo } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useLedger, type LedgerView } from '@/app/ledger-context'
import { appDb } from '@/db/instance'
import { loadProfile } from '@/db/repo'
import { acknowledgeFlag, loadAcknowledgements, loadRiskSettings, pruneAcknowledgements, unacknowledgeFlag } from '@/db/risk'
import { DEFAULT_PROFILE, type Profile } from '@/domain/records'
import { evaluateRules, riskInput, splitAcknowledged, staleAcknowledgements } from '@/domain/risk'
import { DEFAULT_RISK_SETTINGS, type Acknowledgements, type RiskSettings } from '@/domain/risk/settings'
import type { RiskFlag, RiskInput } from '@/domain/risk/types'

export interface RiskView {
  /** False until the thresholds, acknowledgements and profile are read. */
  ready: boolean
  settings: RiskSettings
  profile: Profile
  acknowledgements: Acknowledgements
  input: RiskInput
  /** Every active flag, the most severe first. */
  flags: RiskFlag[]
  shown: RiskFlag[]
  hidden: RiskFlag[]
  /** Shown flags by the accounts and records they concern. */
  byAccount: Map<string, RiskFlag[]>
  byRecord: Map<string, RiskFlag[]>
  acknowledge(flag: RiskFlag): Promise<void>
  unacknowledge(flagId: string): Promise<void>
}

interface Computed {
  input: RiskInput
  flags: RiskFlag[]
}

// Every list row, account page and panel asks for the same flags: the last result is kept for the
// ledger view it came from (a new object whenever a record changes) and the same settings and profile.
let last: { ledger: LedgerView; key: string; value: Computed } | null = null

function compute(ledger: LedgerView, settings: RiskSettings, profile: Profile): Computed {
  const key = JSON.stringify([settings, profile.monthlyIncome, profile.mortgageDate, profile.mortgageAmount])
  if (last && last.ledger === ledger && last.key === key) return last.value
  const input = riskInput(
    { accounts: ledger.accounts, draws: ledger.draws, orders: ledger.orders, repayments: ledger.repayments, inquiries: ledger.inquiries },
    profile,
    settings,
    ledger.today,
    { cost: ledger.cost, balances: ledger.accountBalances }
  )
  const value = { input, flags: evaluateRules(input) }
  last = { ledger, key, value }
  return value
}

function group(flags: readonly RiskFlag[], keys: (f: RiskFlag) => Iterable<string>): Map<string, RiskFlag[]> {
  const out = new Map<string, RiskFlag[]>()
  for (const f of flags)
    for (const k of new Set(keys(f))) {
      const list = out.get(k)
      if (list) list.push(f)
      else out.set(k, [f])
    }
  return out
}

export function useRisk(): RiskView {
  const ledger = useLedger()
  const db = appDb()
  const settings = useLiveQuery(() => loadRiskSettings(db), [])
  const acknowledgements = useLiveQuery(() => loadAcknowledgements(db), [])
  const profile = useLiveQuery(() => loadProfile(db), [])
  const ready = ledger.loaded && settings !== undefined && acknowledgements !== undefined && profile !== undefined
  const s = settings ?? DEFAULT_RISK_SETTINGS
  const p = profile ?? DEFAULT_PROFILE
  const acks = useMemo(() => acknowledgements ?? {}, [acknowledgements])
  const { input, flags } = useMemo(() => compute(ledger, s, p), [ledger, s, p])
  const split = useMemo(() => splitAcknowledged(flags, acks), [flags, acks])
  const byAccount = useMemo(() => group(split.shown, (f) => f.accountIds), [split.shown])
  const byRecord = useMemo(() => group(split.shown, (f) => f.records.map((r) => r.id)), [split.shown])

  // An acknowledgement outlives its flag only until the flag clears: then it is forgotten, so the
  // next occurrence shows. Only once everything is read, or a half-loaded view would forget them all.
  const stale = ready && staleAcknowledgements(acks, flags).length > 0
  useEffect(() => {
    if (stale) void pruneAcknowledgements(db, flags)
  }, [stale, db, flags])

  const acknowledge = useCallback(async (flag: RiskFlag) => void (await acknowledgeFlag(db, flag, ledger.today)), [db, ledger.today])
  const unacknowledge = useCallback(async (id: string) => void (await unacknowledgeFlag(db, id)), [db])
  return { ready, settings: s, profile: p, acknowledgements: acks, input, flags, shown: split.shown, hidden: split.hidden, byAccount, byRecord, acknowledge, unacknowledge }
}
