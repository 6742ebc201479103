// Owns what a sync folder on a server holds, sealed so the server reads nothing: the key file that lets every device derive the same key from the sync passphrase, and each device's message files.
//
// Layout (every device writes only under its own node id, so two devices never write the same file):
//   credit-ledger-sync/key.json               {"format":"credit-ledger-sync-key","version":1,"kdf":{…salt, iterations},"check":…}
//   credit-ledger-sync/<node>/<seq>.msg       {"v":1,"iv":…,"data":…}  AES-256-GCM of the messages' JSON
//   credit-ledger-sync/<node>/<seq>.snap      the same, of the device's snapshot after its file <seq>.msg
// The key is PBKDF2-SHA256 (600,000 rounds) of the passphrase with the key file's salt, derived once
// per device. A message file's additional data is its own path, so a file copied to another name
// or another device's folder fails its tag like a changed byte does. What the server can see: how
// many devices there are, how many files each wrote, their sizes and times - not a single field.
import { z } from 'zod'
import { fromBase64, toBase64 } from '../crypto/base64'
import { derivePassphraseKey, PASSPHRASE_KDF_ITERATIONS, PASSPHRASE_SALT_BYTES, type PassphraseKey } from '../crypto/passphrase-key'
import { isNodeId, parseHlc } from './hlc'
import type { SyncMessage, SyncValue } from './merge'

export const SYNC_KEY_FORMAT = 'credit-ledger-sync-key'
const IV_BYTES = 12

export interface SyncKeyFile {
  format: typeof SYNC_KEY_FORMAT
  version: 1
  kdf: { name: 'PBKDF2-SHA256'; iterations: number; salt: string }
  check: string
}

export type SealProblem = { code: 'foreign'; detail: string } | { code: 'wrongPassphrase' } | { code: 'tampered' }

/** A new key file for a folder no device has used yet, and the key it gives. */
export async function createSyncKey(passphrase: string): Promise<{ file: SyncKeyFile; key: PassphraseKey }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(PASSPHRASE_SALT_BYTES))
  const key = await derivePassphraseKey(passphrase, salt, PASSPHRASE_KDF_ITERATIONS)
  return { file: { format: SYNC_KEY_FORMAT, version: 1, kdf: { name: 'PBKDF2-SHA256', iterations: PASSPHRASE_KDF_ITERATIONS, salt: toBase64(salt) }, check: key.check }, key }
}

const keyFileSchema = z.object({
  format: z.literal(SYNC_KEY_FORMAT),
  version: z.literal(1),
  kdf: z.object({ name: z.literal('PBKDF2-SHA256'), iterations: z.number().int().min(PASSPHRASE_KDF_ITERATIONS).max(10_000_000), salt: z.string() }),
  check: z.string()
})

/** The key from the folder's key file and the passphrase; refused when the file is not ours or the passphrase is wrong. */
export async function openSyncKey(text: string, passphrase: string): Promise<{ ok: true; key: PassphraseKey } | { ok: false; problem: SealProblem }> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, problem: { code: 'foreign', detail: 'key.json' } }
  }
  const file = keyFileSchema.safeParse(parsed)
  const salt = file.success ? fromBase64(file.data.kdf.salt) : null
  if (!file.success || !salt || salt.length < PASSPHRASE_SALT_BYTES) return { ok: false, problem: { code: 'foreign', detail: 'key.json' } }
  const key = await derivePassphraseKey(passphrase, salt, file.data.kdf.iterations)
  return key.check === file.data.check ? { ok: true, key } : { ok: false, problem: { code: 'wrongPassphrase' } }
}

const valueSchema: z.ZodType<SyncValue> = z.lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(valueSchema), z.record(z.string(), valueSchema)]))
const timeSchema = z.string().refine((t) => parseHlc(t) !== null)
const messagesSchema = z.array(
  z.object({ table: z.string().min(1).max(40), row: z.string().min(1).max(200), field: z.string().min(1).max(80), value: valueSchema, time: timeSchema, base: timeSchema.nullable() }).strict()
)

/** Seals a JSON value for the file at `path`, with a fresh iv: the path is the additional data. */
async function sealJson(key: PassphraseKey, path: string, value: unknown): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const data = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(path), tagLength: 128 },
    key.key,
    new TextEncoder().encode(JSON.stringify(value))
  )
  return JSON.stringify({ v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) })
}

/** The JSON value sealed in the file at `path`; a file that is not ours, was changed, or was moved is refused. */
async function openJson(key: PassphraseKey, path: string, text: string): Promise<{ ok: true; value: unknown } | { ok: false; problem: SealProblem }> {
  let file: unknown
  try {
    file = JSON.parse(text)
  } catch {
    return { ok: false, problem: { code: 'foreign', detail: path } }
  }
  const shape = z.object({ v: z.literal(1), iv: z.string(), data: z.string() }).safeParse(file)
  const iv = shape.success ? fromBase64(shape.data.iv) : null
  const data = shape.success ? fromBase64(shape.data.data) : null
  if (!iv || iv.length !== IV_BYTES || !data || data.length < 16) return { ok: false, problem: { code: 'foreign', detail: path } }
  let plain: ArrayBuffer
  try {
    plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(path), tagLength: 128 }, key.key, data)
  } catch {
    return { ok: false, problem: { code: 'tampered' } }
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) }
  } catch {
    return { ok: false, problem: { code: 'foreign', detail: path } }
  }
}

/** Seals a batch of messages for the file at `path`, with a fresh iv. */
export function sealMessages(key: PassphraseKey, path: string, messages: readonly SyncMessage[]): Promise<string> {
  return sealJson(key, path, messages)
}

/** The messages in the file at `path`; a file that is not ours, was changed, or was moved is refused. */
export async function openMessages(key: PassphraseKey, path: string, text: string): Promise<{ ok: true; messages: SyncMessage[] } | { ok: false; problem: SealProblem }> {
  const opened = await openJson(key, path, text)
  if (!opened.ok) return opened
  const messages = messagesSchema.safeParse(opened.value)
  return messages.success ? { ok: true, messages: messages.data } : { ok: false, problem: { code: 'foreign', detail: path } }
}

/**
 * A device's snapshot: every cell it held after a sync, and for each device the name of the last of
 * its message files those cells include. Cells are the latest message of each field, so merging a
 * snapshot is merging those messages: a device that starts from it, or that is behind files the
 * author has since removed, ends where the messages themselves would have taken it.
 */
export interface SyncSnapshot {
  covers: Record<string, string>
  cells: SyncMessage[]
}

const snapshotSchema = z
  .object({
    covers: z.record(z.string().refine(isNodeId), z.string().regex(/^\d{8}\.msg$/)),
    /** [table, row, field, value, time]: a message without a base, in a fifth of the space. */
    cells: z.array(z.tuple([z.string().min(1).max(40), z.string().min(1).max(200), z.string().min(1).max(80), valueSchema, timeSchema]))
  })
  .strict()

export function sealSnapshot(key: PassphraseKey, path: string, snapshot: SyncSnapshot): Promise<string> {
  return sealJson(key, path, { covers: snapshot.covers, cells: snapshot.cells.map((m) => [m.table, m.row, m.field, m.value, m.time]) })
}

export async function openSnapshot(key: PassphraseKey, path: string, text: string): Promise<{ ok: true; snapshot: SyncSnapshot } | { ok: false; problem: SealProblem }> {
  const opened = await openJson(key, path, text)
  if (!opened.ok) return opened
  const parsed = snapshotSchema.safeParse(opened.value)
  if (!parsed.success) return { ok: false, problem: { code: 'foreign', detail: path } }
  return { ok: true, snapshot: { covers: parsed.data.covers, cells: parsed.data.cells.map(([table, row, field, value, time]) => ({ table, row, field, value, time, base: null })) } }
}
