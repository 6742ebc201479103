// Owns turning a passphrase into an AES-256-GCM key: PBKDF2-SHA256 over the passphrase (NFC) with a salt, 64 bytes out - the first 32 the key, the SHA-256 of the last 32 a check value that tells a wrong passphrase from a changed file without weakening the key (each guess still costs every round).
import { toBase64 } from './base64'

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
export const PASSPHRASE_KDF_ITERATIONS = 600_000
export const PASSPHRASE_SALT_BYTES = 16

export interface PassphraseKey {
  key: CryptoKey
  /** base64 of SHA-256(derived bytes 32..63) */
  check: string
  /** The key's 32 bytes, for a device that keeps it (sync, beside its own data) instead of asking each time. */
  raw: Uint8Array<ArrayBuffer>
}

/** A kept key back as a usable one. */
export async function importPassphraseKey(raw: Uint8Array<ArrayBuffer>, check: string): Promise<PassphraseKey> {
  const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt'])
  return { key, check, raw }
}

export async function derivePassphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<PassphraseKey> {
  const subtle = globalThis.crypto.subtle
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits'])
  const bits = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512))
  const check = toBase64(new Uint8Array(await subtle.digest('SHA-256', bits.slice(32))))
  return importPassphraseKey(bits.slice(0, 32), check)
}
