// Owns when the desktop app takes an automatic snapshot: the data changed since the newest one, and a day has passed.
/** "At least a day passed" since the last automatic snapshot. */
export const MIN_SNAPSHOT_INTERVAL_MS = 24 * 60 * 60 * 1000

/** True while the newest snapshot is less than a day old (a clock set back past it does not count). */
export function snapshotTooSoon(latestCreatedAtMs: number, nowMs: number): boolean {
  const elapsed = nowMs - latestCreatedAtMs
  return elapsed >= 0 && elapsed < MIN_SNAPSHOT_INTERVAL_MS
}

export type SnapshotDecision = { due: true } | { due: false; reason: 'unchanged' | 'tooSoon' }

/**
 * Whether to take an automatic snapshot of data with `checksum` now: when there is none yet, or
 * the data changed since the newest one and a day has passed (or the clock went back past it).
 */
export function snapshotDue(latest: { createdAtMs: number; checksum: string } | null, checksum: string, nowMs: number): SnapshotDecision {
  if (latest === null) return { due: true }
  if (latest.checksum === checksum) return { due: false, reason: 'unchanged' }
  if (snapshotTooSoon(latest.createdAtMs, nowMs)) return { due: false, reason: 'tooSoon' }
  return { due: true }
}
