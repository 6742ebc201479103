// Owns the hybrid logical clock that orders every change a device makes, so devices agree on which of two edits of a field came last without trusting each other's wall clocks more than MAX_DRIFT_MS.
//
// As in Actual Budget's CRDT (after Kulkarni et al., "Logical Physical Clocks", 2014): a time is
// (wall milliseconds, counter, node). Sending takes the later of the clock and the wall; within one
// millisecond the counter orders. Receiving moves the clock past the remote time, so a device's next
// change is always later than everything it has seen. The text form sorts as the times do: compare
// two strings and the later time is the greater one; the node id breaks a tie between devices.

export interface Hlc {
  millis: number
  counter: number
  /** The device: 16 hex digits, fixed for an installation. */
  node: string
}

/** A remote time further ahead of this device's wall clock than this is refused: one of the clocks is wrong. */
export const MAX_DRIFT_MS = 5 * 60_000
const MAX_COUNTER = 0xffff
const NODE = /^[0-9a-f]{16}$/

export class ClockError extends Error {
  constructor(readonly reason: 'drift' | 'overflow' | 'duplicateNode') {
    super(`hybrid clock: ${reason}`)
    this.name = 'ClockError'
  }
}

export function isNodeId(text: string): boolean {
  return NODE.test(text)
}

/** `2026-12-05T10:00:00.000Z-0000-0123456789abcdef`: sorts as the times. */
export function hlcText(h: Hlc): string {
  return `${new Date(h.millis).toISOString()}-${h.counter.toString(16).toUpperCase().padStart(4, '0')}-${h.node}`
}

export function parseHlc(text: string): Hlc | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-f]{16})$/.exec(text)
  if (!m) return null
  const millis = Date.parse(m[1]!)
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== m[1]) return null
  return { millis, counter: parseInt(m[2]!, 16), node: m[3]! }
}

/** The time of a change made now on this device. */
export function tick(local: Hlc, now: number): Hlc {
  const millis = Math.max(local.millis, now)
  const counter = millis === local.millis ? local.counter + 1 : 0
  if (counter > MAX_COUNTER) throw new ClockError('overflow')
  return { millis, counter, node: local.node }
}

/** The clock after seeing a remote time: later than both. Refuses a remote time from the future or from this very node. */
export function receive(local: Hlc, remote: Hlc, now: number): Hlc {
  if (remote.millis - now > MAX_DRIFT_MS) throw new ClockError('drift')
  if (remote.node === local.node && remote.millis > local.millis) throw new ClockError('duplicateNode')
  const millis = Math.max(local.millis, remote.millis, now)
  const counter =
    millis === local.millis && millis === remote.millis
      ? Math.max(local.counter, remote.counter) + 1
      : millis === local.millis
        ? local.counter + 1
        : millis === remote.millis
          ? remote.counter + 1
          : 0
  if (counter > MAX_COUNTER) throw new ClockError('overflow')
  return { millis, counter, node: local.node }
}
