// Owns where fired reminders are remembered: a settings document in the meta table, so a reminder never repeats across restarts.
import { z } from 'zod'
import type { LedgerDb } from '@/db/schema'
import { readSetting, writeSetting } from '@/db/settings'
import { FIRED_REMINDERS_KEY } from '@/domain/dues/settings'
import type { FiredStore } from './reminder-scheduler'

export { FIRED_REMINDERS_KEY }

// Ids are '<due date>|<item key>|<lead>'; the scheduler prunes them to the last weeks, so a few thousand is plenty.
const firedSchema = z.array(z.string().max(300)).max(20_000)

export function firedStore(db: LedgerDb): FiredStore {
  return {
    load: () => readSetting(db, FIRED_REMINDERS_KEY, firedSchema, []),
    save: async (ids) => void (await writeSetting(db, FIRED_REMINDERS_KEY, firedSchema, ids))
  }
}
