// Tests when the desktop app takes an automatic snapshot: changed data, a day after the last.
import { describe, expect, it } from 'vitest'
import { MIN_SNAPSHOT_INTERVAL_MS, snapshotDue, snapshotTooSoon } from './snapshot-due'

describe('snapshotDue', () => {
  it('calls less than a day too soon', () => {
    expect(snapshotTooSoon(1000, 1000 + MIN_SNAPSHOT_INTERVAL_MS - 1)).toBe(true)
    expect(snapshotTooSoon(1000, 1000 + MIN_SNAPSHOT_INTERVAL_MS)).toBe(false)
    expect(snapshotTooSoon(1000, 999)).toBe(false)
  })
  const at = Date.parse('2026-12-01T08:00:00Z')
  it('takes the first one', () => expect(snapshotDue(null, 'a', at)).toEqual({ due: true }))
  it('skips unchanged data however long ago', () => expect(snapshotDue({ createdAtMs: at - 30 * MIN_SNAPSHOT_INTERVAL_MS, checksum: 'a' }, 'a', at)).toEqual({ due: false, reason: 'unchanged' }))
  it('waits a day after the last one', () => {
    expect(snapshotDue({ createdAtMs: at - MIN_SNAPSHOT_INTERVAL_MS + 1, checksum: 'a' }, 'b', at)).toEqual({ due: false, reason: 'tooSoon' })
    expect(snapshotDue({ createdAtMs: at - MIN_SNAPSHOT_INTERVAL_MS, checksum: 'a' }, 'b', at)).toEqual({ due: true })
  })
  it('takes one when the clock went back past the last one', () => expect(snapshotDue({ createdAtMs: at + 1000, checksum: 'a' }, 'b', at)).toEqual({ due: true }))
})
