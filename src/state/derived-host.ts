// Owns the figures' side of the worker: the copy of the tables, patched as pieces arrive, and one run of the figures for each burst of updates (updates that arrive while a run is going are taken together by the next one). Each run sends only the per-record figures that changed.
import { createCostMemo } from '@/domain/cost/ledger-cost'
import { deriveFigures, type FigureContext } from '@/domain/derived/figures'
import { chunks, diffMap, TableCopy } from '@/domain/derived/table-sync'
import { PER_RECORD, PIECE, type DerivedReply, type DerivedRequest, type PerRecord } from './derived-protocol'

export function createDerivedHost(reply: (message: DerivedReply) => void, now: () => number = () => performance.now()): (request: DerivedRequest) => void {
  const copy = new TableCopy()
  // The copy keeps the objects of unchanged records, so the engine's memo re-walks only what a patch touched.
  const memo = createCostMemo()
  let context: FigureContext | null = null
  let version = 0
  let scheduled = false
  // What the page holds of each per-record map: the last run's.
  let sent: { [K in keyof PerRecord]: Map<string, PerRecord[K]> } = { draws: new Map(), orders: new Map(), statements: new Map() }

  const run = () => {
    scheduled = false
    if (!context) return
    const started = now()
    try {
      const figures = deriveFigures(copy.ledger(), context, memo)
      const { cost } = figures
      for (const map of PER_RECORD) {
        const delta = diffMap<PerRecord[typeof map]>(sent[map], cost[map])
        for (const upserts of chunks(delta.upserts, PIECE)) reply({ type: 'part', version, map, delta: { upserts, deletes: [] } } as DerivedReply)
        if (delta.deletes.length > 0) reply({ type: 'part', version, map, delta: { upserts: [], deletes: delta.deletes } } as DerivedReply)
      }
      sent = { draws: cost.draws, orders: cost.orders, statements: cost.statements }
      const rest = { ...figures, cost: { ...cost, draws: new Map(), orders: new Map(), statements: new Map() } }
      reply({ type: 'figures', version, figures: rest, ms: now() - started })
    } catch (e) {
      reply({ type: 'failed', version, message: e instanceof Error ? e.message : String(e) })
    }
  }

  return (request) => {
    if (request.type === 'patch') {
      copy.apply(request.patch)
      return
    }
    if (request.context) context = request.context
    version = request.version
    if (!scheduled) {
      scheduled = true
      // A macrotask, so that pieces and updates already queued are taken in before the run.
      setTimeout(run, 0)
    }
  }
}
