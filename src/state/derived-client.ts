// Owns the page's side of the figures worker: sends the tables as patches (only what changed since the last update, in pieces, a piece per task) with the day and the risk settings, and puts the figures back together from the changed per-record figures and the rest. Where no worker can run, the same host runs on the page.
import type { FigureContext, Figures } from '@/domain/derived/figures'
import { applyMapDelta, chunks, diffTable, isEmptyPatch, sameRecord, type TablePatch } from '@/domain/derived/table-sync'
import { RECORD_TYPES, type Ledger, type RecordType } from '@/domain/records'
import { createDerivedHost } from './derived-host'
import { newFiguresWorker, takeEarlyWorker } from './early-start'
import { PIECE, type DerivedReply, type DerivedRequest, type PerRecord } from './derived-protocol'

type Row = { id: string }
type PerRecordMaps = { [K in keyof PerRecord]: Map<string, PerRecord[K]> }

interface Port {
  post(request: DerivedRequest): void
  close(): void
}

export interface FiguresArrived {
  figures: Figures
  /** The update they include: every update up to it. */
  version: number
  /** How long the run took where it ran. */
  ms: number
  inWorker: boolean
}

const emptyMaps = (): PerRecordMaps => ({ draws: new Map(), orders: new Map(), statements: new Map() })

export class DerivedClient {
  private readonly sent = new Map<RecordType, { rows: readonly Row[]; byId: Map<string, Row> }>()
  private context: FigureContext | null = null
  private version = 0
  private port: Port
  private inWorker = false
  private closed = false
  private readonly queue: DerivedRequest[] = []
  private pumping = false
  /** The per-record figures of the last figures handed on, and those being put together for a newer run. */
  private committed = emptyMaps()
  private staging: { version: number; maps: Partial<PerRecordMaps> } | null = null

  constructor(
    private readonly onFigures: (arrived: FiguresArrived) => void,
    private readonly onFailed: (message: string) => void,
    useWorker = typeof Worker !== 'undefined'
  ) {
    this.port = (useWorker && this.startWorker()) || this.startHere()
  }

  /** The latest update sent (0 before the first). */
  get latest(): number {
    return this.version
  }

  /** Sends what changed in the ledger or the context since the last update; returns the update's version (the previous one when nothing changed). */
  update(ledger: Ledger, context: FigureContext): number {
    const patches: TablePatch[] = []
    for (const table of RECORD_TYPES) {
      const rows = ledger[table] as readonly Row[]
      const before = this.sent.get(table)
      if (before?.rows === rows) continue
      const { patch, byId } = diffTable(table, before?.byId ?? null, rows)
      this.sent.set(table, { rows, byId })
      if (!isEmptyPatch(patch)) patches.push(patch)
    }
    const contextChanged = !this.context || !sameRecord(this.context, context)
    if (patches.length === 0 && !contextChanged) return this.version
    if (contextChanged) this.context = context
    this.version++
    this.send(patches, this.version, contextChanged ? context : undefined)
    return this.version
  }

  close(): void {
    this.closed = true
    this.queue.length = 0
    this.port.close()
  }

  private send(patches: readonly TablePatch[], version: number, context?: FigureContext): void {
    for (const { table, upserts, deletes } of patches) {
      if (deletes.length > 0) this.queue.push({ type: 'patch', patch: { table, upserts: [], deletes } })
      for (const piece of chunks(upserts, PIECE)) this.queue.push({ type: 'patch', patch: { table, upserts: piece, deletes: [] } })
    }
    this.queue.push({ type: 'update', version, ...(context ? { context } : {}) })
    this.pump()
  }

  /** Posts queued messages, about a piece's worth of rows per task: copying a message costs the page in proportion to its rows. */
  private pump = () => {
    this.pumping = false
    let rows = 0
    while (this.queue.length > 0 && rows < PIECE) {
      const request = this.queue.shift()!
      if (request.type === 'patch') rows += request.patch.upserts.length + request.patch.deletes.length
      this.port.post(request)
    }
    if (this.queue.length > 0 && !this.pumping && !this.closed) {
      this.pumping = true
      setTimeout(this.pump, 0)
    }
  }

  private receive = (reply: DerivedReply) => {
    if (this.closed) return
    if (reply.type === 'failed') {
      this.staging = null
      this.onFailed(reply.message)
      return
    }
    if (this.staging?.version !== reply.version) this.staging = { version: reply.version, maps: {} }
    const staged = this.staging.maps
    if (reply.type === 'part') {
      const maps = staged as Partial<Record<keyof PerRecord, Map<string, unknown>>>
      let map = maps[reply.map]
      if (!map) {
        map = new Map<string, unknown>(this.committed[reply.map] as Map<string, unknown>)
        maps[reply.map] = map
      }
      applyMapDelta(map, reply.delta as { upserts: [string, unknown][]; deletes: string[] })
      return
    }
    // Maps no part touched stay the same objects: what reads them need not redo its work.
    const maps: PerRecordMaps = { ...this.committed, ...staged }
    this.committed = maps
    this.staging = null
    const figures: Figures = { ...reply.figures, cost: { ...reply.figures.cost, ...maps } }
    this.onFigures({ figures, version: reply.version, ms: reply.ms, inWorker: this.inWorker })
  }

  private startWorker(): Port | null {
    let worker: Worker
    try {
      worker = takeEarlyWorker() ?? newFiguresWorker()
    } catch {
      return null
    }
    this.inWorker = true
    worker.addEventListener('message', (event: MessageEvent<DerivedReply>) => this.receive(event.data))
    // A worker that cannot load (a strict policy) or dies: the figures go on, on the page.
    const fallBack = () => {
      worker.terminate()
      if (this.closed) return
      this.inWorker = false
      this.port = this.startHere()
      this.resendAll()
    }
    worker.addEventListener('error', fallBack)
    worker.addEventListener('messageerror', fallBack)
    return { post: (request) => worker.postMessage(request), close: () => worker.terminate() }
  }

  private startHere(): Port {
    const receive = createDerivedHost(this.receive)
    return { post: receive, close: () => undefined }
  }

  /** Everything sent so far, to a host that starts empty (and so sends every per-record figure again). */
  private resendAll(): void {
    this.queue.length = 0
    this.committed = emptyMaps()
    this.staging = null
    if (!this.context) return
    this.version++
    this.send(
      [...this.sent].map(([table, { rows }]): TablePatch => ({ table, upserts: [...rows], deletes: [] })),
      this.version,
      this.context
    )
  }
}

