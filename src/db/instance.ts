// Owns the app's one database connection (tests open their own with openLedgerDb).
import { openLedgerDb, type LedgerDb } from './schema'

let instance: LedgerDb | undefined

export function appDb(): LedgerDb {
  instance ??= openLedgerDb()
  return instance
}
