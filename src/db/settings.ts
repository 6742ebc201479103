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
