// Owns the app lock's password check: a PBKDF2-SHA256 key derived through WebCrypto, stored as a versioned record (never the password).
import { z } from 'zod'
import { fromBase64, toBase64 } from '@/domain/crypto/base64'

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; a higher count stored in a record is honoured when verifying. */
export const LOCK_ITERATIONS = 600_000
export const LOCK_SALT_BYTES = 16
/** Shorter than this is refused when setting a password. */
export const LOCK_MIN_LENGTH = 6
const KEY_BITS = 256

/** What is stored: enough to derive the same key again from the right password, nothing that reveals it. */
export interface LockRecord {
  v: 1
  kdf: 'PBKDF2-SHA256'
  iterations: number
  /** base64 of the random salt */
  salt: string
  /** base64 of the derived key */
  hash: string
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, KEY_BITS)
  return new Uint8Array(bits)
}

/** A new record for `password` with a fresh random salt. `iterations` is lowered only by tests. */
export async function createLockRecord(password: string, iterations: number = LOCK_ITERATIONS): Promise<LockRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(LOCK_SALT_BYTES))
  const hash = await derive(password, salt, iterations)
  return { v: 1, kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) }
}

/** Compares every byte whatever the first difference, so the time taken says nothing about how much matched. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

/** Whether `password` derives the stored key. */
export async function verifyLockPassword(password: string, record: LockRecord): Promise<boolean> {
  const salt = fromBase64(record.salt)
  const expected = fromBase64(record.hash)
  if (!salt || !expected) return false
  return sameBytes(await derive(password, salt, record.iterations), expected)
}

const lockRecordSchema = z.object({
  v: z.literal(1),
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(1),
  salt: z.string().refine((t) => (fromBase64(t)?.length ?? 0) >= LOCK_SALT_BYTES),
  hash: z.string().refine((t) => fromBase64(t)?.length === KEY_BITS / 8)
})

/** The stored text as a record, or null when it is missing, foreign or of an unknown version (the lock is then off). */
export function parseLockRecord(text: string | null): LockRecord | null {
  if (text === null) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = lockRecordSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
