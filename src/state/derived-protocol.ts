// Owns the messages between the page and the figures worker. In: pieces of table patches, then an update that closes them (with the day and the risk settings when they changed). Out: the per-record figures that changed, in pieces, then the rest of the figures. Pieces keep every message small, so neither side spends long copying one.
import type { DrawCost, OrderCost } from '@/domain/cost/types'
import type { StatementWalk } from '@/domain/cost/statement'
import type { FigureContext, Figures } from '@/domain/derived/figures'
import type { MapDelta, TablePatch } from '@/domain/derived/table-sync'

/** Rows or entries per message. */
export const PIECE = 4000

export type DerivedRequest =
  | { type: 'patch'; patch: TablePatch }
  | {
      type: 'update'
      /** Counts up with every update the page sends; the figures name the last one they include. */
      version: number
      /** The day, profile and thresholds, when they changed (always in the first update). */
      context?: FigureContext
    }

/** The figures' maps per record, sent as what changed since the last run. */
export interface PerRecord {
  draws: DrawCost
  orders: OrderCost
  statements: StatementWalk
}
export type PerRecordName = keyof PerRecord
export const PER_RECORD: readonly PerRecordName[] = ['draws', 'orders', 'statements']

export type DerivedReply =
  | { [K in PerRecordName]: { type: 'part'; version: number; map: K; delta: MapDelta<PerRecord[K]> } }[PerRecordName]
  | {
      type: 'figures'
      version: number
      /** Everything but the per-record maps, which are empty here (the parts before carry them). */
      figures: Figures
      ms: number
    }
  | { type: 'failed'; version: number; message: string }
