// Tests when a kept copy is offered for recovery.
import { describe, expect, it } from 'vitest'
import { recoveryCandidate } from './recovery'

const copy = (createdAt: string, total: number) => ({ ref: createdAt, createdAt, total })

describe('recoveryCandidate', () => {
  const copies = [copy('2026-11-20T08:00:00.000Z', 40), copy('2026-11-21T08:00:00.000Z', 0), copy('2026-11-19T08:00:00.000Z', 30)]

  it('offers the newest copy holding records while the ledger is empty', () => {
    expect(recoveryCandidate(true, copies, null)).toEqual(copies[0])
    expect(recoveryCandidate(false, copies, null)).toBeNull()
    expect(recoveryCandidate(true, [copy('2026-11-21T08:00:00.000Z', 0)], null)).toBeNull()
  })

  it('does not offer again what the user turned down, but does offer a newer copy', () => {
    expect(recoveryCandidate(true, copies, '2026-11-20T08:00:00.000Z')).toBeNull()
    expect(recoveryCandidate(true, [...copies, copy('2026-11-22T09:00:00.000Z', 5)], '2026-11-20T08:00:00.000Z')).toMatchObject({ total: 5 })
  })
})
