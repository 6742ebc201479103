// Owns the passphrase-protected backup file: the plain backup's text sealed with AES-256-GCM under a key derived from the passphrase, and opened again with every check.
//
// The file is JSON, so it travels like a plain backup (one line per part):
//   {"format":"credit-ledger-backup-encrypted","version":1,
//    "kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"<16 bytes, base64>"},
//    "cipher":{"name":"AES-256-GCM","iv":"<12 bytes, base64>"},
//    "check":"<base64>",
//    "fingerprint":"<32 bytes, base64; automatic snapshots only, see EncryptedHeader>",
//    "data":"<ciphertext with its 16-byte tag, base64>"}
// PBKDF2 gives 64 bytes: the first 32 are the AES key, the SHA-256 of the last 32 is `check`. The check
// tells a wrong passphrase from a changed file (GCM alone cannot: both fail its tag), and costs an
// attacker as much as trying the decryption would - every guess still takes the 600,000 rounds.
// Every header field but `data` is the cipher's additional data, so a changed salt, count, iv or check
// fails the tag too. Nothing about the ledger is in the clear: no counts, no dates (not even the
// backup's own time, which is inside), no names.
import { canonicalJson } from './backup-file'
import { fromBase64, toBase64 } from '../crypto/base64'
import { derivePassphraseKey, PASSPHRASE_KDF_ITERATIONS, PASSPHRASE_SALT_BYTES, type PassphraseKey } from '../crypto/passphrase-key'

export const ENCRYPTED_FORMAT = 'credit-ledger-backup-encrypted'
export const ENCRYPTED_VERSION = 1
/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256 (the "at least 600,000"); a file asking for fewer is refused. */
export const BACKUP_KDF_ITERATIONS = PASSPHRASE_KDF_ITERATIONS
/** Files are read with up to this many rounds: more would let a foreign file hang the app. */
const MAX_ITERATIONS = 10_000_000
export const PASSPHRASE_MIN_LENGTH = 8
const SALT_BYTES = PASSPHRASE_SALT_BYTES
const IV_BYTES = 12
const CHECK_BYTES = 32

export interface EncryptedHeader {
  format: typeof ENCRYPTED_FORMAT
  version: number
  kdf: { name: 'PBKDF2-SHA256'; iterations: number; salt: string }
  cipher: { name: 'AES-256-GCM'; iv: string }
  check: string
  /**
   * Automatic snapshots only: a keyed digest of the payload checksum (HMAC under a key derived from the
   * passphrase key), so the main process can tell "unchanged since the newest snapshot" without the key
   * and without a clear checksum of the ledger. Authenticated with the rest of the header.
   */
  fingerprint?: string
}

export type EncryptedProblem =
  | { code: 'newerEncrypted'; version: number; supported: number }
  | { code: 'badEnvelope'; field: string }
  | { code: 'wrongPassphrase' }
  | { code: 'tampered' }

export type Opened = { ok: true; text: string } | { ok: false; problem: EncryptedProblem }

/** Whether a file's text is a protected backup (by its format tag near the start), before asking for a passphrase. */
export function isEncryptedBackup(text: string): boolean {
  const start = text.slice(0, 200).replace(/^\uFEFF/, '').trimStart()
  return start.startsWith('{') && start.includes(`"format":"${ENCRYPTED_FORMAT}"`)
}

/** The header's text as the cipher authenticates it: every field but the data, keys sorted. */
function additionalData(header: EncryptedHeader): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(header))
}

/** Seals a plain backup's text under `passphrase`, with a fresh salt and iv. */
export async function encryptBackupText(plain: string, passphrase: string, iterations: number = BACKUP_KDF_ITERATIONS): Promise<string> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  return sealWithKey(plain, { key: await derivePassphraseKey(passphrase, salt, iterations), salt, iterations })
}

/** A key derived once from a passphrase, with the salt and rounds it came from: what a file's header needs so the passphrase alone opens it. */
export interface SealingKey {
  key: PassphraseKey
  salt: Uint8Array<ArrayBuffer>
  iterations: number
}

/** Derives a sealing key with a fresh salt: done once, then kept (automatic snapshots seal many files with it). */
export async function deriveSealingKey(passphrase: string, iterations: number = BACKUP_KDF_ITERATIONS): Promise<SealingKey> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  return { key: await derivePassphraseKey(passphrase, salt, iterations), salt, iterations }
}

/**
 * Seals with an already derived key and a fresh iv: the same file as encryptBackupText writes (the
 * header carries the salt and rounds, so decryptBackupText opens it with the passphrase alone).
 * A fresh 96-bit random iv per file keeps GCM safe under one key far beyond a snapshot a day.
 */
export async function sealWithKey(plain: string, sealing: SealingKey, fingerprint?: string): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const header: EncryptedHeader = {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2-SHA256', iterations: sealing.iterations, salt: toBase64(sealing.salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv) },
    check: sealing.key.check,
    ...(fingerprint === undefined ? {} : { fingerprint })
  }
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(header), tagLength: 128 }, sealing.key.key, new TextEncoder().encode(plain))
  const head = JSON.stringify(header)
  return `${head.slice(0, -1)},\n"data":"${toBase64(new Uint8Array(sealed))}"}\n`
}

/**
 * The keyed digest an automatic snapshot carries instead of a clear checksum: HMAC-SHA256 of the
 * payload checksum under a subkey of the passphrase key (HKDF, so the AES key itself is used for nothing else).
 */
export async function snapshotFingerprint(key: PassphraseKey, payloadChecksum: string): Promise<string> {
  const subtle = globalThis.crypto.subtle
  const base = await subtle.importKey('raw', key.raw, 'HKDF', false, ['deriveKey'])
  const mac = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode('credit-ledger snapshot fingerprint v1') },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign']
  )
  return toBase64(new Uint8Array(await subtle.sign('HMAC', mac, new TextEncoder().encode(payloadChecksum))))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks the envelope's fields; a problem names the first one at fault. */
function readEnvelope(file: unknown): { ok: true; header: EncryptedHeader; data: Uint8Array<ArrayBuffer> } | { ok: false; problem: EncryptedProblem } {
  const bad = (field: string) => ({ ok: false as const, problem: { code: 'badEnvelope' as const, field } })
  if (!isObject(file) || file.format !== ENCRYPTED_FORMAT) return bad('format')
  const version = file.version
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return bad('version')
  if (version > ENCRYPTED_VERSION) return { ok: false, problem: { code: 'newerEncrypted', version, supported: ENCRYPTED_VERSION } }
  const kdf = file.kdf
  if (!isObject(kdf) || kdf.name !== 'PBKDF2-SHA256') return bad('kdf')
  const iterations = kdf.iterations
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations) || iterations < BACKUP_KDF_ITERATIONS || iterations > MAX_ITERATIONS) return bad('kdf.iterations')
  const salt = typeof kdf.salt === 'string' ? fromBase64(kdf.salt) : null
  if (!salt || salt.length < SALT_BYTES) return bad('kdf.salt')
  const cipher = file.cipher
  if (!isObject(cipher) || cipher.name !== 'AES-256-GCM') return bad('cipher')
  const iv = typeof cipher.iv === 'string' ? fromBase64(cipher.iv) : null
  if (!iv || iv.length !== IV_BYTES) return bad('cipher.iv')
  const check = typeof file.check === 'string' ? fromBase64(file.check) : null
  if (!check || check.length !== CHECK_BYTES) return bad('check')
  const data = typeof file.data === 'string' ? fromBase64(file.data) : null
  // At least the 16-byte tag.
  if (!data || data.length < 16) return bad('data')
  const fingerprint = file.fingerprint
  if (fingerprint !== undefined && (typeof fingerprint !== 'string' || fromBase64(fingerprint)?.length !== CHECK_BYTES)) return bad('fingerprint')
  const header: EncryptedHeader = {
    format: ENCRYPTED_FORMAT,
    version,
    kdf: { name: 'PBKDF2-SHA256', iterations, salt: kdf.salt as string },
    cipher: { name: 'AES-256-GCM', iv: cipher.iv as string },
    check: file.check as string,
    ...(fingerprint === undefined ? {} : { fingerprint })
  }
  return { ok: true, header, data }
}

/** Where the data starts: the sealing functions put it on its own line, after the header. */
const DATA_MARK = ',\n"data":"'

/**
 * A protected file's header, checked without any key, from the file's first few kilobytes (the
 * snapshot list reads files it cannot open); null when it is not a well-formed one.
 */
export function encryptedHeaderFromStart(start: string): EncryptedHeader | null {
  const at = start.indexOf(DATA_MARK)
  if (at < 0) return null
  try {
    // The data is checked when the file is opened; here a stand-in of the tag's length lets the header be read alone.
    const envelope = readEnvelope({ ...JSON.parse(`${start.slice(0, at).replace(/^\uFEFF/, '')}}`), data: toBase64(new Uint8Array(16)) })
    return envelope.ok ? envelope.header : null
  } catch {
    return null
  }
}

/**
 * Opens a protected backup: the envelope's fields, then the passphrase (by the check), then the
 * cipher's tag over the data and the header. The text inside is a plain backup, for readBackup.
 */
export async function decryptBackupText(text: string, passphrase: string): Promise<Opened> {
  let file: unknown
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, problem: { code: 'badEnvelope', field: 'data' } }
  }
  const envelope = readEnvelope(file)
  if (!envelope.ok) return envelope
  const { header, data } = envelope
  const { key, check } = await derivePassphraseKey(passphrase, fromBase64(header.kdf.salt)!, header.kdf.iterations)
  if (check !== header.check) return { ok: false, problem: { code: 'wrongPassphrase' } }
  try {
    const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.cipher.iv)!, additionalData: additionalData(header), tagLength: 128 }, key, data)
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) }
  } catch {
    return { ok: false, problem: { code: 'tampered' } }
  }
}
