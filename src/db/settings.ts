// Owns the small settings documents kept in the meta table: read with a fallback, written only after their schema passes.
import type { z } from 'zod'
import { check } from '@/domain/records'
import { ValidationError } from '@/domain/validation-error'
import type { LedgerDb } from './schema'

/** Reads the document stored under `key`; a missing or no longer valid one gives `fallback`. */
export async function readSetting<T>(db: LedgerDb, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await db.meta.get(key)
  if (row === undefined) return fallback
  const parsed = schema.safeParse(row.value)
  return parsed.success ? parsed.data : fallback
}

/** Validates and stores the document under `key`; a rejected one changes nothing. */
export async function writeSetting<T>(db: LedgerDb, key: string, schema: z.ZodType<T>, value: unknown): Promise<T> {
  const result = check(schema, value)
  if (!result.ok) throw new ValidationError(key, result.issues)
  await db.meta.put({ key, value: result.value })
  return result.value
}

/**
 * For a live query that reads documents: makes it watch their keys through a key-range read.
 * Dexie (4.4) stopped re-running a live query whose only reads were get()s of meta keys after its
 * second run (an acknowledgement made after the profile was saved never showed); a range read is
 * watched on every run. Call it first in the querier, then read the documents as usual.
 */
export async function watchSettings(db: LedgerDb, keys: readonly string[]): Promise<void> {
  await db.meta.where('key').anyOf([...keys]).primaryKeys()
}
