// Owns running sync in the app: the folder key (derived from the sync passphrase once, then kept on this device beside the data it protects), one sync at a time, sync on start, a few seconds after records change and every few minutes, and the status the settings card shows.
import Dexie from 'dexie'
import { useSyncExternalStore } from 'react'
import { appDb } from '@/db/instance'
import { connectSync, syncOnce, type SyncReport } from '@/db/sync'
import { fromBase64, toBase64 } from '@/domain/crypto/base64'
import { importPassphraseKey, type PassphraseKey } from '@/domain/crypto/passphrase-key'
import { RECORD_TYPES } from '@/domain/records'
import { platform } from '@/platform'
import { readDevicePref, writeDevicePref } from '@/platform/device-prefs'
import { SyncTransportError, type SyncTransportErrorKind } from '@/domain/sync/transport'

/** After a record changes, sync this long after the last change. */
const AFTER_CHANGE_MS = 5_000
const EVERY_MS = 5 * 60_000
const KEY_PREF = 'ledger.sync.key'

export type SyncProblem = { kind: SyncTransportErrorKind | 'wrongPassphrase' | 'tampered' | 'foreign' | 'other'; detail: string }

export interface SyncStatus {
  /** off: no key on this device; idle: ready; syncing: a sync is running. */
  phase: 'off' | 'idle' | 'syncing'
  lastSyncAt: string | null
  lastReport: SyncReport | null
  problem: SyncProblem | null
}

let status: SyncStatus = { phase: 'off', lastSyncAt: null, lastReport: null, problem: null }
const listeners = new Set<() => void>()
let key: PassphraseKey | null = null
let running: Promise<void> | null = null

function set(next: Partial<SyncStatus>): void {
  status = { ...status, ...next }
  for (const l of listeners) l()
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => status
  )
}

async function keptKey(): Promise<PassphraseKey | null> {
  try {
    const kept = JSON.parse(readDevicePref(KEY_PREF) ?? 'null') as { raw?: unknown; check?: unknown } | null
    const raw = typeof kept?.raw === 'string' ? fromBase64(kept.raw) : null
    return raw && raw.length === 32 && typeof kept?.check === 'string' ? await importPassphraseKey(raw, kept.check) : null
  } catch {
    return null
  }
}

function problemOf(e: unknown): SyncProblem {
  if (e instanceof SyncTransportError) return { kind: e.kind, detail: e.message }
  return { kind: 'other', detail: e instanceof Error ? e.message : String(e) }
}

/** With the folder set, derives the key from the passphrase (making the folder's key file if it is new), keeps it, and syncs. */
export async function connect(passphrase: string): Promise<SyncProblem | null> {
  const transport = platform().syncTransport()
  if (transport === null) return { kind: 'unavailable', detail: '' }
  try {
    const connected = await connectSync(transport, passphrase)
    if (!connected.ok) return { kind: connected.problem.code, detail: connected.problem.code === 'foreign' ? connected.problem.detail : '' }
    key = connected.key
    writeDevicePref(KEY_PREF, JSON.stringify({ raw: toBase64(key.raw), check: key.check }))
    set({ phase: 'idle', problem: null })
    await syncNow()
    return null
  } catch (e) {
    return problemOf(e)
  }
}

/** Forgets the key on this device; the folder and this ledger stay as they are. */
export function disconnect(): void {
  key = null
  writeDevicePref(KEY_PREF, 'null')
  set({ phase: 'off', problem: null })
}

/** One sync now (or the one running). */
export function syncNow(): Promise<void> {
  if (running) return running
  const transport = platform().syncTransport()
  if (key === null || transport === null) return Promise.resolve()
  const k = key
  set({ phase: 'syncing' })
  running = syncOnce(appDb(), transport, k, () => Date.now())
    .then((report) => {
      const refused = report.refused[0]
      set({ phase: 'idle', lastSyncAt: new Date().toISOString(), lastReport: report, problem: refused ? { kind: refused.problem.code, detail: refused.path } : null })
    })
    .catch((e: unknown) => set({ phase: 'idle', problem: problemOf(e) }))
    .finally(() => {
      running = null
    })
  return running
}

let started = false
let firstSettled: () => void = () => undefined
const firstSync = new Promise<void>((resolve) => (firstSettled = resolve))

/**
 * Settles once the sync on start is over (done or failed), at once on a device without sync: the
 * reminders' catch-up on opening waits for it, so a reminder another device has shown is known here.
 */
export function firstSyncSettled(): Promise<void> {
  return firstSync
}

/** Sync on start (with a kept key), a few seconds after records change, and every few minutes. Once per page. */
export async function startAutoSync(): Promise<void> {
  if (started) return
  started = true
  let timer: ReturnType<typeof setTimeout> | undefined
  // Records changed (not the meta or cells sync itself writes, which would start it again and again).
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((part) => RECORD_TYPES.some((t) => part.includes(`/${t}/`)))) return
    clearTimeout(timer)
    timer = setTimeout(() => void syncNow(), AFTER_CHANGE_MS)
  })
  setInterval(() => void syncNow(), EVERY_MS)
  try {
    key ??= await keptKey()
    if (key === null) return
    set({ phase: 'idle' })
    await syncNow()
  } finally {
    firstSettled()
  }
}
