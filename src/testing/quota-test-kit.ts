// Owns a storage quota for fake-indexeddb in unit tests: a transaction whose writes would pass it aborts at commit with QuotaExceededError, as Chromium's does, and nothing of it stays.
//
// fake-indexeddb has no quota. This counts the JSON size of every value put or added, per
// transaction, and at the moment the transaction would commit compares the database's usage plus
// that with its limit. Past it, the transaction is aborted with fake-indexeddb's own abort (which
// rolls every change back) under the name Chromium reports. Test helper only.
import { IDBObjectStore as FDBObjectStore, IDBTransaction as FDBTransaction } from 'fake-indexeddb'

/** The internals of fake-indexeddb's transaction this relies on (plain fields of its class). */
interface RawTransaction {
  _state: string
  _requests: { request: { readyState: string } }[]
  _abort(errName: string | null): void
  _start(): void
  mode: string
  error: unknown
  db: { name: string }
}

interface RawStore {
  transaction: RawTransaction
  put(value: unknown, key?: unknown): unknown
  add(value: unknown, key?: unknown): unknown
}

const limits = new Map<string, number>()
const usage = new Map<string, number>()
const pending = new WeakMap<RawTransaction, number>()
let installed = false

function sizeOf(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0
  } catch {
    return 0
  }
}

function install(): void {
  if (installed) return
  installed = true
  const store = FDBObjectStore.prototype as unknown as RawStore
  const transaction = FDBTransaction.prototype as unknown as RawTransaction
  const put = store.put
  const add = store.add
  const start = transaction._start
  store.put = function (this: RawStore, ...args: [unknown, unknown?]) {
    pending.set(this.transaction, (pending.get(this.transaction) ?? 0) + sizeOf(args[0]))
    return put.apply(this, args)
  }
  store.add = function (this: RawStore, ...args: [unknown, unknown?]) {
    pending.set(this.transaction, (pending.get(this.transaction) ?? 0) + sizeOf(args[0]))
    return add.apply(this, args)
  }
  transaction._start = function (this: RawTransaction) {
    const committing = this._state !== 'finished' && this.error === null && !this._requests.some((r) => r.request.readyState !== 'done')
    const bytes = pending.get(this) ?? 0
    if (committing && bytes > 0) {
      pending.delete(this)
      const name = this.db.name
      const limit = limits.get(name)
      const used = usage.get(name) ?? 0
      if (limit !== undefined && used + bytes > limit) {
        this._abort('QuotaExceededError')
        return
      }
      usage.set(name, used + bytes)
    }
    start.call(this)
  }
}

/**
 * Gives the database `name` a quota of `bytes` (JSON characters of what is written): from now on a
 * transaction that would take its usage past it aborts with QuotaExceededError. Returns what
 * navigator.storage.estimate() would say, for the code under test.
 */
export function limitStorage(name: string, bytes: number): { estimate(): { usage: number; quota: number }; setLimit(bytes: number): void } {
  install()
  limits.set(name, bytes)
  return {
    estimate: () => ({ usage: usage.get(name) ?? 0, quota: limits.get(name) ?? bytes }),
    setLimit: (next) => void limits.set(name, next)
  }
}

/** Bytes written to `name` since its limit was set (committed transactions only). */
export function storageUsed(name: string): number {
  return usage.get(name) ?? 0
}
