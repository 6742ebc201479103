// Owns the key that protects this device's automatic snapshots: derived from the passphrase once when the user turns protection on, kept on this device (never the passphrase), forgotten when it is turned off.
//
// Kept as sync keeps its folder key (sync-runner.ts): in the device preferences, which are of this
// device and never go into a backup or a restore (device-prefs.ts); in the desktop app they live in the
// app's own data folder, beside the ledger they protect copies of. What the key guards is the
// snapshot files once they leave that folder (a copied or cloud-synced backups/ folder, a lost disk
// image of it alone): whoever can read this device's preferences can read the ledger itself anyway.
// With the salt and the rounds kept too, every file's header says how to derive the key again, so the
// passphrase alone opens it anywhere, also after this device's preferences are gone.
import { useSyncExternalStore } from 'react'
import { fromBase64, toBase64 } from '@/domain/crypto/base64'
import { importPassphraseKey } from '@/domain/crypto/passphrase-key'
import { BACKUP_KDF_ITERATIONS, deriveSealingKey, type SealingKey } from '@/domain/backup/encrypted'
import { readDevicePref, removeDevicePref, writeDevicePref } from '@/platform'

export const SNAPSHOT_KEY_PREF = 'ledger.snapshots.key'

interface KeptSealingKey {
  raw: string
  check: string
  salt: string
  iterations: number
}

const listeners = new Set<() => void>()
const changed = () => {
  for (const l of listeners) l()
}

function kept(): KeptSealingKey | null {
  try {
    const value = JSON.parse(readDevicePref(SNAPSHOT_KEY_PREF) ?? 'null') as Partial<KeptSealingKey> | null
    if (typeof value?.raw !== 'string' || typeof value.check !== 'string' || typeof value.salt !== 'string' || typeof value.iterations !== 'number') return null
    if (!Number.isSafeInteger(value.iterations) || value.iterations < BACKUP_KDF_ITERATIONS) return null
    return { raw: value.raw, check: value.check, salt: value.salt, iterations: value.iterations }
  } catch {
    return null
  }
}

/** Whether automatic snapshots are written protected on this device. */
export function snapshotEncryptionOn(): boolean {
  return kept() !== null
}

/** The kept key, ready to seal; null when protection is off (or what is kept is not a key). */
export async function snapshotSealingKey(): Promise<SealingKey | null> {
  const k = kept()
  const raw = k ? fromBase64(k.raw) : null
  const salt = k ? fromBase64(k.salt) : null
  if (!k || !raw || raw.length !== 32 || !salt) return null
  return { key: await importPassphraseKey(raw, k.check), salt, iterations: k.iterations }
}

/** Derives the key from the passphrase (once: 600,000 rounds) and keeps it; false when this device's storage refused it. */
export async function turnOnSnapshotEncryption(passphrase: string): Promise<boolean> {
  const sealing = await deriveSealingKey(passphrase)
  const value: KeptSealingKey = { raw: toBase64(sealing.key.raw), check: sealing.key.check, salt: toBase64(sealing.salt), iterations: sealing.iterations }
  const stored = writeDevicePref(SNAPSHOT_KEY_PREF, JSON.stringify(value))
  changed()
  return stored
}

/** Forgets the key: snapshots written from now on are plain. Protected ones already written still open with the passphrase. */
export function turnOffSnapshotEncryption(): void {
  removeDevicePref(SNAPSHOT_KEY_PREF)
  changed()
}

export function useSnapshotEncryption(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    snapshotEncryptionOn
  )
}
