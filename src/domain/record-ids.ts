// Owns the rule that an id names one record of one type: no draw shares its id with an order, a repayment, an account or any other record type.
//
// Repayments point at their target by id; a draw and an order under the same id would let one
// target's payments be counted against the other. The check runs over whatever record types it is
// given, so a new record type is covered by passing its list in.

/** One record type's rows: the stored ones, or the ones being written. */
export interface IdTable<T extends string = string> {
  type: T
  rows: readonly { id: string }[]
}

/** An incoming record whose id a record of another type already uses. */
export interface IdClash<T extends string = string> {
  /** The incoming record's type and its 1-based position in its list. */
  type: T
  row: number
  id: string
  /** The type of the record that holds the id already (stored, or earlier in the incoming lists). */
  otherType: T
}

/**
 * The first incoming record whose id is used by a record of another type, stored or incoming, or
 * null. Ids repeated within one type are not its concern (the per-type duplicate rule reports them).
 * Linear in the number of records.
 */
export function findCrossTypeIdClash<T extends string>(existing: readonly IdTable<T>[], incoming: readonly IdTable<T>[]): IdClash<T> | null {
  const owner = new Map<string, T>()
  for (const table of existing) for (const row of table.rows) if (!owner.has(row.id)) owner.set(row.id, table.type)
  for (const table of incoming) {
    for (let i = 0; i < table.rows.length; i++) {
      const id = table.rows[i]!.id
      const other = owner.get(id)
      if (other !== undefined && other !== table.type) return { type: table.type, row: i + 1, id, otherType: other }
      if (other === undefined) owner.set(id, table.type)
    }
  }
  return null
}

/** A new record's id: random, so ids never collide across devices or record types. */
export function newId(): string {
  return crypto.randomUUID()
}
