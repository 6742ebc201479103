import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hlcText, receive, tick, type Hlc } from './hlc'
import { applyMessages, cellKey, changeMessages, rowsOf, type Cells, type SyncMessage, type SyncValue } from './merge'

const T = Date.parse('2026-12-05T10:00:00.000Z')
const NODES = ['000000000000000a', '000000000000000b', '000000000000000c']

/** A device: its cells, its clock, and the messages it made that the others have not been sent yet. */
class Device {
  cells: Cells = new Map()
  clock: Hlc
  outbox: SyncMessage[] = []
  seen = new Set<string>()
  conflicts = 0
  constructor(node: string) {
    this.clock = { millis: T, counter: 0, node }
  }
  /** Sets fields of a row (null: deletes it), as the ledger would after a save. */
  edit(table: string, row: string, fields: Record<string, SyncValue> | null, now: number) {
    const rows = rowsOf(this.cells).get(table)
    const before = rows?.get(row) ?? null
    const after = fields === null ? null : { ...(before ?? {}), ...fields }
    const messages = changeMessages(
      table,
      row,
      before,
      after,
      () => hlcText((this.clock = tick(this.clock, now))),
      (field) => this.cells.get(cellKey(table, row, field))?.time ?? null
    )
    applyMessages(this.cells, messages)
    for (const m of messages) this.seen.add(m.time)
    this.outbox.push(...messages)
  }
  receive(messages: readonly SyncMessage[], now: number) {
    const fresh = messages.filter((m) => !this.seen.has(m.time))
    for (const m of fresh) {
      this.seen.add(m.time)
      this.clock = receive(this.clock, { millis: Date.parse(m.time.slice(0, 24)), counter: parseInt(m.time.slice(25, 29), 16), node: m.time.slice(30) }, now)
    }
    this.conflicts += applyMessages(this.cells, fresh).conflicts.length
  }
}

/** The rows as text with tables, rows and fields in sorted order: equal ledgers, equal text. */
const rowsText = (d: Device) =>
  JSON.stringify(
    [...rowsOf(d.cells)]
      .map(([t, rows]) => [t, [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, r]) => [id, Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))])] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
  )

describe('merging changes field by field', () => {
  it('two devices editing different fields of one row both keep their change', () => {
    const [a, b] = [new Device(NODES[0]!), new Device(NODES[1]!)]
    a.edit('draws', 'd1', { principal: 300_000, note: '' }, T + 1)
    b.receive(a.outbox.splice(0), T + 2)
    a.edit('draws', 'd1', { principal: 250_000 }, T + 10)
    b.edit('draws', 'd1', { note: '提前还了一部分' }, T + 11)
    const [fromA, fromB] = [a.outbox.splice(0), b.outbox.splice(0)]
    a.receive(fromB, T + 20)
    b.receive(fromA, T + 20)
    expect(rowsOf(a.cells).get('draws')!.get('d1')).toEqual({ id: 'd1', principal: 250_000, note: '提前还了一部分' })
    expect(rowsText(a)).toBe(rowsText(b))
    expect(a.conflicts + b.conflicts).toBe(0)
  })

  it('the same field changed on both without seeing the other: the later change stands on both, and both list the conflict', () => {
    const [a, b] = [new Device(NODES[0]!), new Device(NODES[1]!)]
    a.edit('orders', 'o1', { amount: 10_000 }, T + 1)
    b.receive(a.outbox.splice(0), T + 2)
    a.edit('orders', 'o1', { amount: 12_000 }, T + 10)
    b.edit('orders', 'o1', { amount: 15_000 }, T + 20)
    const [fromA, fromB] = [a.outbox.splice(0), b.outbox.splice(0)]
    a.receive(fromB, T + 30)
    b.receive(fromA, T + 30)
    // b's change (T+20) is later than a's (T+10).
    expect(rowsOf(a.cells).get('orders')!.get('o1')!.amount).toBe(15_000)
    expect(rowsOf(b.cells).get('orders')!.get('o1')!.amount).toBe(15_000)
    expect([a.conflicts, b.conflicts]).toEqual([1, 1])
  })

  it('a change made after seeing the other device\'s is not a conflict', () => {
    const [a, b] = [new Device(NODES[0]!), new Device(NODES[1]!)]
    a.edit('orders', 'o1', { amount: 10_000 }, T + 1)
    b.receive(a.outbox.splice(0), T + 2)
    b.edit('orders', 'o1', { amount: 11_000 }, T + 3)
    a.receive(b.outbox.splice(0), T + 4)
    expect(rowsOf(a.cells).get('orders')!.get('o1')!.amount).toBe(11_000)
    expect(a.conflicts).toBe(0)
  })

  it('a delete is a tombstone: the row is gone on every device, and an edit from before it does not bring it back', () => {
    const [a, b] = [new Device(NODES[0]!), new Device(NODES[1]!)]
    a.edit('inquiries', 'q1', { date: '2026-11-30', institution: '平安银行' }, T + 1)
    b.receive(a.outbox.splice(0), T + 2)
    b.edit('inquiries', 'q1', { institution: '招商银行' }, T + 3)
    a.edit('inquiries', 'q1', null, T + 4)
    const [fromA, fromB] = [a.outbox.splice(0), b.outbox.splice(0)]
    a.receive(fromB, T + 5)
    b.receive(fromA, T + 5)
    expect(rowsOf(a.cells).get('inquiries')?.has('q1')).toBe(false)
    expect(rowsText(a)).toBe(rowsText(b))
  })

  it('property: three devices, random edits and deletes offline, messages delivered in any order and repeated, end with identical ledgers', () => {
    const op = fc.record({
      device: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('edit', 'edit', 'edit', 'delete', 'sync'),
      row: fc.constantFrom('r1', 'r2', 'r3'),
      field: fc.constantFrom('amount', 'note', 'date'),
      value: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('', '淘宝', 'note'), fc.constant(null)),
      step: fc.integer({ min: 0, max: 3000 })
    })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (ops, seeds) => {
        const devices = NODES.map((n) => new Device(n))
        const server: SyncMessage[] = []
        let now = T
        for (const o of ops) {
          now += o.step
          const d = devices[o.device]!
          if (o.kind === 'edit') d.edit('orders', o.row, { [o.field]: o.value }, now)
          else if (o.kind === 'delete') d.edit('orders', o.row, null, now)
          else {
            server.push(...d.outbox.splice(0))
            d.receive(server, now)
          }
        }
        for (const d of devices) server.push(...d.outbox.splice(0))
        // Each device reads everything in its own shuffled order, with repeats.
        devices.forEach((d, i) => {
          const order = [...server, ...server.slice(0, seeds[i]! % (server.length + 1))]
          for (let k = order.length - 1; k > 0; k--) {
            const j = (seeds[i]! * 31 + k * 17) % (k + 1)
            ;[order[k], order[j]] = [order[j]!, order[k]!]
          }
          d.receive(order, now + 1)
        })
        const [first, ...rest] = devices.map(rowsText)
        for (const r of rest) expect(r).toBe(first)
      }),
      { numRuns: 300 }
    )
  })
})
