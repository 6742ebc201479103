// Owns the dues as React sees them: the settings document (live), and the engine's due items with their summary from the ledger's one set of figures.
import { useLiveQuery } from 'dexie-react-hooks'
import { useLedger, type DuesState } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { readSetting, watchSettings } from '@/db/settings'
import { DEFAULT_DUES_SETTINGS, DUES_SETTINGS_KEY, duesSettingsSchema, type DuesSettings } from '@/domain/dues/settings'

/** The stored settings, or undefined while they are being read (the reminders wait for them). */
export function useStoredDuesSettings(): DuesSettings | undefined {
  return useLiveQuery(async () => {
    const db = appDb()
    await watchSettings(db, [DUES_SETTINGS_KEY])
    return readSetting(db, DUES_SETTINGS_KEY, duesSettingsSchema, DEFAULT_DUES_SETTINGS)
  }, [])
}

export function useDuesSettings(): DuesSettings {
  return useStoredDuesSettings() ?? DEFAULT_DUES_SETTINGS
}

export interface Dues extends DuesState {
  settings: DuesSettings
}

export function useDues(): Dues {
  const ledger = useLedger()
  const settings = useDuesSettings()
  return { ...ledger.dues, settings }
}
