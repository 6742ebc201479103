// Owns the risk flags in React: the stored thresholds, acknowledgements and profile read live, the flags of the live ledger (worked out once per change and shared by every view), and acknowledging.
//
// Every row of a list shows its record's flags, so many components ask at once: the stored
// documents come from one shared live query, and the flags and their groupings from one cache, so
// a list of fifty rows costs what one view does.
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { liveQuery } from 'dexie'
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

interface Stored {
  settings: RiskSettings
  acknowledgements: Acknowledgements
  profile: Profile
}

// One live query for every component that shows flags, started by the first and stopped after the last.
let stored: Stored | undefined
const listeners = new Set<() => void>()
let subscription: { unsubscribe(): void } | null = null

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!subscription) {
    const db = appDb()
    subscription = liveQuery(async () => ({ settings: await loadRiskSettings(db), acknowledgements: await loadAcknowledgements(db), profile: await loadProfile(db) })).subscribe({
      next: (value) => {
        stored = value
        for (const l of listeners) l()
      },
      // A failed read leaves the last good documents (or the defaults) in place.
      error: () => undefined
    })
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && subscription) {
      subscription.unsubscribe()
      subscription = null
    }
  }
}

const getStored = () => stored

interface Computed {
  input: RiskInput
  flags: RiskFlag[]
}

// The last flags, for the ledger view they came from (a new object whenever a record changes) and
// the same settings and profile.
let lastFlags: { ledger: LedgerView; stored: Stored | undefined; value: Computed } | null = null

function compute(ledger: LedgerView, s: Stored | undefined): Computed {
  if (lastFlags && lastFlags.ledger === ledger && lastFlags.stored === s) return lastFlags.value
  const input = riskInput(ledger.ledger, s?.profile ?? DEFAULT_PROFILE, s?.settings ?? DEFAULT_RISK_SETTINGS, ledger.today, { cost: ledger.cost })
  const value = { input, flags: evaluateRules(input) }
  lastFlags = { ledger, stored: s, value }
  return value
}

interface Grouped {
  shown: RiskFlag[]
  hidden: RiskFlag[]
  byAccount: Map<string, RiskFlag[]>
  byRecord: Map<string, RiskFlag[]>
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

let lastGrouped: { flags: RiskFlag[]; acknowledgements: Acknowledgements; value: Grouped } | null = null
const NONE: Acknowledgements = {}

function grouped(flags: RiskFlag[], acknowledgements: Acknowledgements): Grouped {
  if (lastGrouped && lastGrouped.flags === flags && lastGrouped.acknowledgements === acknowledgements) return lastGrouped.value
  const { shown, hidden } = splitAcknowledged(flags, acknowledgements)
  const value = { shown, hidden, byAccount: group(shown, (f) => f.accountIds), byRecord: group(shown, (f) => f.records.map((r) => r.id)) }
  lastGrouped = { flags, acknowledgements, value }
  return value
}

let pruning = false

export function useRisk(): RiskView {
  const ledger = useLedger()
  const s = useSyncExternalStore(subscribe, getStored)
  const ready = ledger.loaded && s !== undefined
  const acknowledgements = s?.acknowledgements ?? NONE
  const { input, flags } = compute(ledger, s)
  const g = grouped(flags, acknowledgements)

  // An acknowledgement outlives its flag only until the flag clears: then it is forgotten, so the
  // next occurrence shows. Only once everything is read, or a half-loaded view would forget them all.
  const stale = ready && staleAcknowledgements(acknowledgements, flags).length > 0
  useEffect(() => {
    if (!stale || pruning) return
    pruning = true
    void pruneAcknowledgements(appDb(), flags).finally(() => {
      pruning = false
    })
  }, [stale, flags])

  const today = ledger.today
  const acknowledge = useCallback(async (flag: RiskFlag) => void (await acknowledgeFlag(appDb(), flag, today)), [today])
  const unacknowledge = useCallback(async (id: string) => void (await unacknowledgeFlag(appDb(), id)), [])
  return {
    ready,
    settings: s?.settings ?? DEFAULT_RISK_SETTINGS,
    profile: s?.profile ?? DEFAULT_PROFILE,
    acknowledgements,
    input,
    flags,
    ...g,
    acknowledge,
    unacknowledge
  }
}
