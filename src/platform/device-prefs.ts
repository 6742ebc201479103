// Owns the preferences of this device, not of the ledger: the app lock's password record, its idle time, the appearance, and
// plain stored texts other features keep here (the last calendar export).
//
// Why localStorage and not the meta table where the other settings live: every meta document goes into
// the backup file and a restore replaces them all. A lock hash in a backup would travel to wherever the
// file is copied (there to be attacked offline, away from the 600,000 rounds' rate of guessing on this
// screen), and restoring a backup made elsewhere would lock this screen with somebody else's password
// or drop the lock set here. The lock guards this screen, so it stays with this device (in the desktop
// app, the app's own data folder). The appearance is of this screen too, and a synchronous read lets
// the first paint already be dark. Nothing here is secret but the hash, and the hash is not the password.
import { parseLockRecord, type LockRecord } from './lock-hash'

export type Appearance = 'system' | 'light' | 'dark'
export const APPEARANCES: readonly Appearance[] = ['system', 'light', 'dark']
/** 0 = only when the app opens. */
export const IDLE_CHOICES = [0, 1, 5, 15, 30] as const
export type IdleMinutes = (typeof IDLE_CHOICES)[number]
export const DEFAULT_IDLE_MINUTES: IdleMinutes = 5

const KEYS = { lock: 'ledger.lock.v1', idle: 'ledger.lock.idleMinutes', appearance: 'ledger.appearance' } as const

export interface DevicePrefs {
  lock: LockRecord | null
  idleMinutes: IdleMinutes
  appearance: Appearance
}

/** The stored text under `key`, or null when there is none or storage is unavailable (private mode, blocked). */
export function readDevicePref(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** Stores the text; false when the storage refused (full or blocked): the caller goes on without it. */
export function writeDevicePref(key: string, value: string): boolean {
  try {
    if (!globalThis.localStorage) return false
    globalThis.localStorage.setItem(key, value)
    return true
  } catch {
    return false
  }
}

/** Removes the stored text; false when the storage refused (blocked). */
export function removeDevicePref(key: string): boolean {
  try {
    globalThis.localStorage?.removeItem(key)
    return true
  } catch {
    return false
  }
}

const read = readDevicePref

function isIdle(n: number): n is IdleMinutes {
  return IDLE_CHOICES.some((c) => c === n)
}

function isAppearance(text: string | null): text is Appearance {
  return APPEARANCES.some((a) => a === text)
}

function load(): DevicePrefs {
  const idle = Number(read(KEYS.idle) ?? DEFAULT_IDLE_MINUTES)
  const appearance = read(KEYS.appearance)
  return {
    lock: parseLockRecord(read(KEYS.lock)),
    idleMinutes: isIdle(idle) ? idle : DEFAULT_IDLE_MINUTES,
    appearance: isAppearance(appearance) ? appearance : 'system'
  }
}

let current: DevicePrefs | null = null
const listeners = new Set<() => void>()

/** The same object until something changes (for useSyncExternalStore). */
export function devicePrefs(): DevicePrefs {
  current ??= load()
  return current
}

function notify(): void {
  current = load()
  for (const l of listeners) l()
}

/** Also hears changes made in another window of the same app (the storage event). */
export function subscribeDevicePrefs(listener: () => void): () => void {
  if (listeners.size === 0) globalThis.addEventListener?.('storage', notify)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) globalThis.removeEventListener?.('storage', notify)
  }
}

function write(key: string, value: string | null): void {
  if (value === null) globalThis.localStorage?.removeItem(key)
  else globalThis.localStorage?.setItem(key, value)
  notify()
}

/** Stores the record (null removes the lock). Throws when the storage refuses, so the form can say so. */
export function setLockRecord(record: LockRecord | null): void {
  write(KEYS.lock, record === null ? null : JSON.stringify(record))
}

export function setIdleMinutes(minutes: IdleMinutes): void {
  write(KEYS.idle, String(minutes))
}

export function setAppearance(appearance: Appearance): void {
  write(KEYS.appearance, appearance)
}
