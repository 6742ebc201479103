import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ClockError, hlcText, MAX_DRIFT_MS, parseHlc, receive, tick, type Hlc } from './hlc'

const A = '00000000000000aa'
const B = '00000000000000bb'
const T = Date.parse('2026-12-05T10:00:00.000Z')

describe('the hybrid logical clock', () => {
  it('writes a time as sortable text and reads it back', () => {
    const h: Hlc = { millis: T, counter: 26, node: A }
    expect(hlcText(h)).toBe('2026-12-05T10:00:00.000Z-001A-00000000000000aa')
    expect(parseHlc(hlcText(h))).toEqual(h)
    for (const bad of ['', '2026-12-05T10:00:00.000Z-001A', '2026-02-30T10:00:00.000Z-0000-00000000000000aa', '2026-12-05T10:00:00.000Z-001a-00000000000000aa']) expect(parseHlc(bad)).toBeNull()
  })

  it('text order is time order: millis, then counter, then node', () => {
    fc.assert(
      fc.property(
        fc.record({ millis: fc.integer({ min: 0, max: 4_000_000_000_000 }), counter: fc.integer({ min: 0, max: 0xffff }), node: fc.constantFrom(A, B) }),
        fc.record({ millis: fc.integer({ min: 0, max: 4_000_000_000_000 }), counter: fc.integer({ min: 0, max: 0xffff }), node: fc.constantFrom(A, B) }),
        (x, y) => {
          const byFields = x.millis - y.millis || x.counter - y.counter || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0)
          const byText = hlcText(x) < hlcText(y) ? -1 : hlcText(x) > hlcText(y) ? 1 : 0
          expect(Math.sign(byText)).toBe(Math.sign(byFields))
        }
      )
    )
  })

  it('ticks forward with the wall clock, and by the counter when the wall stands still or goes back', () => {
    const start: Hlc = { millis: T, counter: 0, node: A }
    expect(tick(start, T + 5)).toEqual({ millis: T + 5, counter: 0, node: A })
    expect(tick(start, T)).toEqual({ millis: T, counter: 1, node: A })
    // The wall clock stepped back an hour: the clock keeps its time and counts.
    expect(tick({ millis: T, counter: 7, node: A }, T - 3_600_000)).toEqual({ millis: T, counter: 8, node: A })
  })

  it('after receiving, the next change is later than the remote one', () => {
    const local: Hlc = { millis: T, counter: 3, node: A }
    // The remote device is 2 s ahead (within the drift allowed).
    const remote: Hlc = { millis: T + 2000, counter: 5, node: B }
    const seen = receive(local, remote, T)
    expect(seen).toEqual({ millis: T + 2000, counter: 6, node: A })
    expect(hlcText(tick(seen, T)) > hlcText(remote)).toBe(true)
    // Equal millis on all three: the larger counter plus one.
    expect(receive({ millis: T, counter: 9, node: A }, { millis: T, counter: 4, node: B }, T)).toEqual({ millis: T, counter: 10, node: A })
    // The wall is ahead of both: counter back to 0.
    expect(receive(local, remote, T + 10_000)).toEqual({ millis: T + 10_000, counter: 0, node: A })
  })

  it('refuses a remote time too far in the future, and a counter that would overflow', () => {
    expect(() => receive({ millis: T, counter: 0, node: A }, { millis: T + MAX_DRIFT_MS + 1, counter: 0, node: B }, T)).toThrow(ClockError)
    expect(() => tick({ millis: T, counter: 0xffff, node: A }, T)).toThrow(ClockError)
  })
})
