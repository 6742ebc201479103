// Owns the dues as React sees them: the settings document (live), and the cost engine's due items of the live ledger with their summary, worked out once per ledger change.
import { useLiveQuery } from 'dexie-react-hooks'
import { useLedger, type LedgerView } from '@/app/ledger-context'
import { appDb } from '@/db/instance'
import { readSetting } from '@/db/settings'
import { summariseDues, type DueItem, type DueSummary } from '@/domain/dues/items'
import { DEFAULT_DUES_SETTINGS, DUES_SETTINGS_KEY, duesSettingsSchema, type DuesSettings } from '@/domain/dues/settings'

/** The stored settings, or undefined while they are being read (the reminders wait for them). */
export function useStoredDuesSettings(): DuesSettings | undefined {
  return useLiveQuery(() => readSetting(appDb(), DUES_SETTINGS_KEY, duesSettingsSchema, DEFAULT_DUES_SETTINGS), [])
}

export function useDuesSettings(): DuesSettings {
  return useStoredDuesSettings() ?? DEFAULT_DUES_SETTINGS
}

export interface Dues {
  items: DueItem[]
  byKey: Map<string, DueItem>
  summary: DueSummary
  settings: DuesSettings
}

// Keyed by the ledger's cost, which is recomputed whenever a record or the day changes: the home
// page, the calendar and the reminders share one summary of the engine's items.
const cache = new WeakMap<LedgerView['cost'], Omit<Dues, 'settings'>>()

export function duesOf(ledger: LedgerView): Omit<Dues, 'settings'> {
  const hit = cache.get(ledger.cost)
  if (hit) return hit
  const items = ledger.cost.dues
  const dues = { items, byKey: new Map(items.map((i) => [i.key, i])), summary: summariseDues(items, ledger.today) }
  cache.set(ledger.cost, dues)
  return dues
}

export function useDues(): Dues {
  const ledger = useLedger()
  const settings = useDuesSettings()
  return { ...duesOf(ledger), settings }
}
