// Owns which backup snapshots to keep: the last 7 daily and 4 weekly automatic ones, and the last few taken before a restore or another bulk write.
import { dayNumber } from '../../src/domain/calendar'
import type { SnapshotKind } from '../shared/ipc'

export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
export const KEEP_PRE_RESTORE = 5
/** Copies taken before an import or sample data: the newest few, enough to go back past a bad import. */
export const KEEP_PRE_WRITE = 5

export interface RetentionEntry {
  name: string
  kind: SnapshotKind
  /** Local 'YYYY-MM-DD' the snapshot was taken on. */
  day: string
  /** Sorts in time order (the local date and time in its file name). */
  stamp: string
}

/** The Monday of the week a day falls in: ISO weeks start on Monday. */
export function weekOf(day: string): number {
  const n = dayNumber(day)
  // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before it.
  const weekday = (((n + 3) % 7) + 7) % 7
  return n - weekday
}

/** Keeps the newest snapshot of each of the `count` most recent periods that have one. */
function newestPerPeriod(entries: readonly RetentionEntry[], count: number, period: (e: RetentionEntry) => string | number): string[] {
  const kept: string[] = []
  const seen = new Set<string | number>()
  for (const e of entries) {
    const key = period(e)
    if (seen.has(key)) continue
    if (seen.size === count) break
    seen.add(key)
    kept.push(e.name)
  }
  return kept
}

/**
 * The snapshots to delete. Automatic ones: the newest of each of the last KEEP_DAILY days that have
 * one, and the newest of each of the last KEEP_WEEKLY weeks (the two sets overlap; what either
 * keeps stays). Pre-restore copies: the newest KEEP_PRE_RESTORE; pre-write copies: the newest KEEP_PRE_WRITE.
 */
export function snapshotsToDelete(entries: readonly RetentionEntry[]): string[] {
  const newestFirst = [...entries].sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0))
  const auto = newestFirst.filter((e) => e.kind === 'auto')
  const keep = new Set([
    ...newestPerPeriod(auto, KEEP_DAILY, (e) => e.day),
    ...newestPerPeriod(auto, KEEP_WEEKLY, (e) => weekOf(e.day)),
    ...newestFirst.filter((e) => e.kind === 'preRestore').slice(0, KEEP_PRE_RESTORE).map((e) => e.name),
    ...newestFirst.filter((e) => e.kind === 'preWrite').slice(0, KEEP_PRE_WRITE).map((e) => e.name)
  ])
  return newestFirst.filter((e) => !keep.has(e.name)).map((e) => e.name)
}
