// Owns the helpers migration tests share: a throwaway database name, and opening a database as an older release would.
import { openLedgerDb, SCHEMA_VERSIONS, type LedgerDb, type SchemaVersion } from '@/db/schema'

/** A database name no other test uses, so tests can run in parallel against one IndexedDB. */
export function uniqueDbName(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`
}

/**
 * Opens `name` declaring only the versions up to and including `version`, as the release that
 * shipped that version would. Pass `versions` to include test-only future versions.
 */
export async function openAtVersion(name: string, version: number, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): Promise<LedgerDb> {
  const prefix = versions.filter((v) => v.version <= version)
  if (prefix.length === 0) throw new RangeError(`no schema version at or below ${version}`)
  const db = openLedgerDb(name, prefix)
  await db.open()
  return db
}
