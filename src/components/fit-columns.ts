// Owns which columns of a list fit its room: the ones a person needs always stay, the others give way, least needed first.

export interface FitColumn {
  width?: number | string
  /** Higher gives way first; a column without one always stays. */
  priority?: number
}

/** Width a column takes: its own when it states one in pixels, else a plain default. */
export function columnWidth(c: FitColumn): number {
  return typeof c.width === 'number' ? c.width : 100
}

/**
 * The columns that fit `room` pixels, in their order: while they are wider than the room, the
 * column with the highest priority is left out (ties: the rightmost first). Columns without a
 * priority are never left out, so the result may still be wider than the room (then it scrolls).
 */
export function fitColumns<C extends FitColumn>(columns: readonly C[], room: number): C[] {
  let total = columns.reduce((sum, c) => sum + columnWidth(c), 0)
  const givers = columns
    .map((c, index) => ({ c, index }))
    .filter((x) => x.c.priority !== undefined)
    .sort((a, b) => b.c.priority! - a.c.priority! || b.index - a.index)
  const left = new Set<C>()
  for (const { c } of givers) {
    if (total <= room) break
    left.add(c)
    total -= columnWidth(c)
  }
  return columns.filter((c) => !left.has(c))
}
