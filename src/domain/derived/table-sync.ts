// Owns keeping a copy of the ledger's tables in step with the store by patches: which records of a table were added, changed or removed since the last copy, and applying that to the copy. The copy keeps the objects of unchanged records, so work keyed on them is not redone.
import { RECORD_TYPES, type Ledger, type RecordType } from '../records'

type Row = { id: string }

export interface TablePatch {
  table: RecordType
  /** Added or changed records. */
  upserts: Row[]
  /** Ids of removed records. */
  deletes: string[]
}

/** Whether two records, or two of the engine's figures, hold the same values: fields, arrays, plain objects and maps. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false
    for (const [k, v] of a) if (!b.has(k) || !sameRecord(v, b.get(k))) return false
    return true
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if (!sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}

/** What changed from `before` (by id) to `rows`: the patch, and `rows` by id for the next call. */
export function diffTable(table: RecordType, before: ReadonlyMap<string, Row> | null, rows: readonly Row[]): { patch: TablePatch; byId: Map<string, Row> } {
  const byId = new Map<string, Row>()
  const upserts: Row[] = []
  for (const row of rows) {
    byId.set(row.id, row)
    const old = before?.get(row.id)
    if (!old || !sameRecord(old, row)) upserts.push(row)
  }
  const deletes: string[] = []
  if (before) for (const id of before.keys()) if (!byId.has(id)) deletes.push(id)
  return { patch: { table, upserts, deletes }, byId }
}

export function isEmptyPatch(patch: TablePatch): boolean {
  return patch.upserts.length === 0 && patch.deletes.length === 0
}

/** The tables as the worker holds them: records by id, and the arrays handed to the engine. */
export class TableCopy {
  private readonly rows = new Map<RecordType, Map<string, Row>>(RECORD_TYPES.map((t) => [t, new Map()]))
  private arrays: Partial<Record<RecordType, Row[]>> = {}

  apply(patch: TablePatch): void {
    const rows = this.rows.get(patch.table)!
    for (const id of patch.deletes) rows.delete(id)
    for (const row of patch.upserts) rows.set(row.id, row)
    delete this.arrays[patch.table]
  }

  /**
   * The ledger, each table in id order as the store lists it (the engine's order among records of
   * one day follows it), rebuilt only for the tables a patch touched.
   */
  ledger(): Ledger {
    const out = {} as Record<RecordType, Row[]>
    for (const t of RECORD_TYPES) {
      let array = this.arrays[t]
      if (!array) {
        array = [...this.rows.get(t)!.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        this.arrays[t] = array
      }
      out[t] = array
    }
    return out as unknown as Ledger
  }
}

/** A map's entries added or changed, and its keys removed, since `before`. */
export interface MapDelta<V> {
  upserts: [string, V][]
  deletes: string[]
}

export function diffMap<V>(before: ReadonlyMap<string, V>, after: ReadonlyMap<string, V>): MapDelta<V> {
  const upserts: [string, V][] = []
  for (const [k, v] of after) if (!before.has(k) || !sameRecord(before.get(k), v)) upserts.push([k, v])
  const deletes: string[] = []
  for (const k of before.keys()) if (!after.has(k)) deletes.push(k)
  return { upserts, deletes }
}

export function applyMapDelta<V>(map: Map<string, V>, delta: MapDelta<V>): void {
  for (const k of delta.deletes) map.delete(k)
  for (const [k, v] of delta.upserts) map.set(k, v)
}

/** Splits a list into pieces of at most `size`, none empty (an empty list gives none). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
