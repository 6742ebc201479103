// Owns what the app starts before React's first render: the figures worker (its code loads and compiles on its own thread while the shell renders) and every table's live query (see table-store.ts).
import { startReadingTables } from './table-store'

interface EarlyWorker {
  worker: Worker
  /** The worker reported an error before anyone took it (it could not load): it is not handed out. */
  failed: boolean
}

let early: EarlyWorker | null = null

/** The worker's module: one place, so the early start and a later start load the same chunk. */
export function newFiguresWorker(): Worker {
  return new Worker(new URL('./derived-worker.ts', import.meta.url), { type: 'module' })
}

/** Starts the worker and the first reads; called once from the entry point. Nothing here throws: a worker that cannot start is started (or replaced by the page) later, and a failed read reaches the page's error handling as before. */
export function startEarly(): void {
  if (typeof Worker !== 'undefined' && !early) {
    try {
      const started: EarlyWorker = { worker: newFiguresWorker(), failed: false }
      started.worker.addEventListener('error', () => (started.failed = true))
      early = started
    } catch {
      early = null
    }
  }
  startReadingTables()
}

/** The worker started early, once (later calls, and a worker that failed to load, get null). */
export function takeEarlyWorker(): Worker | null {
  const taken = early
  early = null
  if (!taken) return null
  if (taken.failed) {
    taken.worker.terminate()
    return null
  }
  return taken.worker
}
