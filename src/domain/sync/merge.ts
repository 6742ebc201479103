// Owns merging changes between devices field by field: every change is a message (table, row, field, value, time), the latest time wins each field, a deleted row is a field too (a tombstone), and two devices that change the same field without having seen each other's change are listed as a conflict.
//
// Whatever order messages arrive in, and however often one arrives, every device that has seen the
// same messages holds the same cells: a cell keeps the message with the greatest time (hlc text
// order), and a message equal to the one held changes nothing. This is what lets each device append
// its own files to a shared folder and read the others' in any order.
import { parseHlc } from './hlc'

/** A field's value as JSON. */
export type SyncValue = null | boolean | number | string | SyncValue[] | { [key: string]: SyncValue }

/** The field that marks a row deleted; a row is deleted while its latest value here is true. */
export const DELETED = '__deleted'

export interface SyncMessage {
  table: string
  row: string
  field: string
  value: SyncValue
  /** hlc text of the change */
  time: string
  /** The time of the value this change replaced on its device (null: the field had none): tells a later edit from a concurrent one. */
  base: string | null
}

export interface Cell {
  value: SyncValue
  time: string
}

/** Every field of every row this device has seen, keyed by cellKey. */
export type Cells = Map<string, Cell>

export interface Conflict {
  table: string
  row: string
  field: string
  /** The value that stands (the later change) and the one it replaced without having seen it. */
  kept: Cell
  lost: Cell
}

const SEP = '\u0000'
export function cellKey(table: string, row: string, field: string): string {
  return `${table}${SEP}${row}${SEP}${field}`
}

function nodeOf(time: string): string {
  return parseHlc(time)?.node ?? ''
}

function sameValue(a: SyncValue, b: SyncValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Applies messages to the cells (in place) and says which changed a cell and which edits were
 * concurrent: a message whose base is not the time of the value it meets, from another device, with
 * a different value - whichever of the two wins.
 */
export function applyMessages(cells: Cells, messages: readonly SyncMessage[]): { changed: SyncMessage[]; conflicts: Conflict[] } {
  const changed: SyncMessage[] = []
  const conflicts: Conflict[] = []
  for (const m of messages) {
    const key = cellKey(m.table, m.row, m.field)
    const held = cells.get(key)
    if (held && held.time === m.time) continue
    const incoming: Cell = { value: m.value, time: m.time }
    const concurrent = held !== undefined && m.base !== held.time && nodeOf(held.time) !== nodeOf(m.time) && !sameValue(held.value, m.value) && (m.base === null || m.base < held.time)
    if (held === undefined || m.time > held.time) {
      cells.set(key, incoming)
      changed.push(m)
      if (concurrent) conflicts.push({ table: m.table, row: m.row, field: m.field, kept: incoming, lost: held })
    } else if (concurrent) conflicts.push({ table: m.table, row: m.row, field: m.field, kept: held, lost: incoming })
  }
  return { changed, conflicts }
}

/** The cells as messages (without a base): what a snapshot holds, merged like any other messages. */
export function cellMessages(cells: Cells): SyncMessage[] {
  return [...cells].map(([key, cell]) => {
    const [table, row, field] = key.split(SEP) as [string, string, string]
    return { table, row, field, value: cell.value, time: cell.time, base: null }
  })
}

/** The rows the cells hold, table by table, without deleted ones: each row an object of its fields (and its id). */
export function rowsOf(cells: Cells): Map<string, Map<string, Record<string, SyncValue>>> {
  const tables = new Map<string, Map<string, Record<string, SyncValue>>>()
  for (const [key, cell] of cells) {
    const [table, row, field] = key.split(SEP) as [string, string, string]
    let rows = tables.get(table)
    if (!rows) tables.set(table, (rows = new Map()))
    let record = rows.get(row)
    if (!record) rows.set(row, (record = { id: row }))
    record[field] = cell.value
  }
  for (const rows of tables.values())
    for (const [id, record] of rows)
      if (record[DELETED] === true) rows.delete(id)
      else delete record[DELETED]
  return tables
}

/**
 * The messages that turn `before` into `after` (null: the row does not exist), one per field that
 * changed, each timed by `nextTime` and based on the time the field held (`timeOf`).
 */
export function changeMessages(
  table: string,
  row: string,
  before: Record<string, SyncValue> | null,
  after: Record<string, SyncValue> | null,
  nextTime: () => string,
  timeOf: (field: string) => string | null
): SyncMessage[] {
  const out: SyncMessage[] = []
  const push = (field: string, value: SyncValue) => out.push({ table, row, field, value, time: nextTime(), base: timeOf(field) })
  if (after === null) {
    if (before !== null) push(DELETED, true)
    return out
  }
  // A row made again after a delete (an undo) comes back to life.
  if (before === null && timeOf(DELETED) !== null) push(DELETED, false)
  for (const [field, value] of Object.entries(after)) {
    if (field === 'id' || value === undefined) continue
    if (before === null || !(field in before) || !sameValue(before[field]!, value)) push(field, value)
  }
  // A field the row no longer has is set to null rather than left at its old value.
  if (before !== null) for (const field of Object.keys(before)) if (field !== 'id' && !(field in after)) push(field, null)
  return out
}
