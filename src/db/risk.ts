// Owns the risk feature's two settings documents in the meta table: the thresholds, and the acknowledged flags with the measure each had.
import { z } from 'zod'
import type { IsoDate } from '@/domain/calendar'
import { acknowledge, staleAcknowledgements, unacknowledge } from '@/domain/risk/engine'
import { acknowledgementsSchema, riskSettingsSchema, settingsFromStored, type Acknowledgements, type RiskSettings } from '@/domain/risk/settings'
import type { RiskFlag } from '@/domain/risk/types'
import type { LedgerDb } from './schema'
import { readSetting, writeSetting } from './settings'

export const RISK_SETTINGS_KEY = 'risk.settings'
export const ACKNOWLEDGED_KEY = 'risk.acknowledged'

/** The thresholds, field by field: a field missing from an older document, or no longer valid, takes its default. */
export async function loadRiskSettings(db: LedgerDb): Promise<RiskSettings> {
  return settingsFromStored(await readSetting(db, RISK_SETTINGS_KEY, z.unknown(), undefined))
}

/** Validates and stores the thresholds; a rejected document (a ValidationError naming the field) changes nothing. */
export async function saveRiskSettings(db: LedgerDb, value: unknown): Promise<RiskSettings> {
  return writeSetting(db, RISK_SETTINGS_KEY, riskSettingsSchema, value)
}

export async function loadAcknowledgements(db: LedgerDb): Promise<Acknowledgements> {
  return readSetting(db, ACKNOWLEDGED_KEY, acknowledgementsSchema, {})
}

/** Read, change and write in one transaction, so two quick clicks cannot lose one another's change. */
async function updateAcknowledgements(db: LedgerDb, change: (acks: Acknowledgements) => Acknowledgements): Promise<Acknowledgements> {
  return db.transaction('rw', db.meta, async () => writeSetting(db, ACKNOWLEDGED_KEY, acknowledgementsSchema, change(await loadAcknowledgements(db))))
}

/** Hides a flag until its measure grows beyond what it is now. */
export function acknowledgeFlag(db: LedgerDb, flag: Pick<RiskFlag, 'id' | 'measure' | 'severity'>, today: IsoDate): Promise<Acknowledgements> {
  return updateAcknowledgements(db, (acks) => acknowledge(acks, flag, today))
}

export function unacknowledgeFlag(db: LedgerDb, flagId: string): Promise<Acknowledgements> {
  return updateAcknowledgements(db, (acks) => unacknowledge(acks, flagId))
}

/** Forgets acknowledgements of flags that are no longer active, so a condition that clears and returns shows again. */
export async function pruneAcknowledgements(db: LedgerDb, active: readonly Pick<RiskFlag, 'id'>[]): Promise<number> {
  let removed = 0
  await db.transaction('rw', db.meta, async () => {
    const acks = await loadAcknowledgements(db)
    const stale = staleAcknowledgements(acks, active)
    if (stale.length === 0) return
    removed = stale.length
    await writeSetting(db, ACKNOWLEDGED_KEY, acknowledgementsSchema, stale.reduce(unacknowledge, acks))
  })
  return removed
}
