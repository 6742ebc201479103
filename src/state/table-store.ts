// Owns the records as the app reads them: one live query per table, started before React's first render (by the entry point) and shared by every reader through useSyncExternalStore, so the first read of the tables overlaps the shell's first render instead of waiting for it.
import { useSyncExternalStore } from 'react'
import { liveQuery, type Subscription } from 'dexie'
import { appDb } from '@/db/instance'
import { RECORD_TYPES, type Ledger, type RecordType } from '@/domain/records'

class TableStore<K extends RecordType> {
  private rows: Ledger[K] | undefined = undefined
  private error: unknown = null
  private subscription: Subscription | null = null
  private readonly listeners = new Set<() => void>()

  constructor(private readonly table: K) {}

  /** Starts reading (and re-reading on every change); does nothing when already started. */
  start(): void {
    if (this.subscription) return
    this.subscription = liveQuery(() => appDb().table(this.table).toArray() as Promise<Ledger[K]>).subscribe({
      next: (rows) => {
        this.rows = rows
        this.error = null
        this.emit()
      },
      error: (e: unknown) => {
        this.error = e
        this.emit()
      }
    })
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    this.start()
    return () => {
      this.listeners.delete(listener)
      // The last reader gone (the provider unmounted): stop, and start afresh for the next.
      if (this.listeners.size === 0) this.stop()
    }
  }

  /** The rows as last read; undefined until the first read. A failed read is thrown to the reader's error boundary, as a live query hook would. */
  readonly snapshot = (): Ledger[K] | undefined => {
    if (this.error !== null) throw this.error
    return this.rows
  }

  private stop(): void {
    this.subscription?.unsubscribe()
    this.subscription = null
    this.rows = undefined
    this.error = null
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener()
  }
}

const stores = Object.fromEntries(RECORD_TYPES.map((t) => [t, new TableStore(t)])) as { [K in RecordType]: TableStore<K> }

/** Starts every table's read now (the entry point calls this before rendering). */
export function startReadingTables(): void {
  for (const table of RECORD_TYPES) stores[table].start()
}

/** A table's store (for tests: subscribe and snapshot without React). */
export function tableStore<K extends RecordType>(table: K): Pick<TableStore<K>, 'subscribe' | 'snapshot'> {
  return stores[table]
}

/** A table's rows, live: undefined until first read. */
export function useTable<K extends RecordType>(table: K): Ledger[K] | undefined {
  const store = stores[table]
  return useSyncExternalStore(store.subscribe, store.snapshot)
}
