import { describe, expect, it } from 'vitest'
import { localToday } from './clock'

describe('localToday (the UI clock)', () => {
  it('uses the local calendar day, not the UTC one', () => {
    // Built from local parts: whatever the machine's zone, 23:30 local on 2026-12-31 is that day.
    expect(localToday(new Date(2026, 11, 31, 23, 30))).toBe('2026-12-31')
    expect(localToday(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01')
  })
})
