import { describe, expect, it } from 'vitest'
import { deriveFigures, type FigureContext } from '@/domain/derived/figures'
import { DEFAULT_PROFILE, type Ledger } from '@/domain/records'
import { DEFAULT_RISK_SETTINGS } from '@/domain/risk/settings'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { DerivedClient, type FiguresArrived } from './derived-client'
import { createDerivedHost } from './derived-host'
import type { DerivedReply } from './derived-protocol'

const TODAY = '2026-11-21'
const context: FigureContext = { today: TODAY, profile: DEFAULT_PROFILE, riskSettings: DEFAULT_RISK_SETTINGS }
/** Each table in id order, as the store lists it (and so the worker's copy). */
const inIdOrder = (ledger: Ledger): Ledger =>
  Object.fromEntries(Object.entries(ledger).map(([table, rows]: [string, { id: string }[]]) => [table, [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))])) as unknown as Ledger
const sample = inIdOrder(generateSampleLedger({ today: TODAY }))
/** As the store hands records back on every query: new objects with the same values. */
const reread = (ledger: Ledger): Ledger => structuredClone(ledger)
const settle = () => new Promise((resolve) => setTimeout(resolve, 5))

function client() {
  const arrived: FiguresArrived[] = []
  const failed: string[] = []
  return { c: new DerivedClient((a) => arrived.push(a), (m) => failed.push(m), false), arrived, failed }
}

describe('the figures, worked out away from the page', () => {
  it('survive the copy to the page (what a worker sends is structured-cloned)', () => {
    const figures = deriveFigures(sample, context)
    expect(structuredClone(figures)).toEqual(figures)
  })

  it('after an open and each change, equal the figures of the whole ledger worked out afresh', async () => {
    const { c, arrived, failed } = client()
    c.update(sample, context)
    await settle()
    expect(arrived.at(-1)!.figures).toEqual(deriveFigures(sample, context))

    // A repayment added (the store hands back every row as a new object), then one deleted, then a draw edited.
    const repayment = { ...sample.repayments[0]!, id: 'zz-new', amount: 12_345, date: '2026-11-20' }
    const added = inIdOrder({ ...reread(sample), repayments: [...reread(sample).repayments, repayment] })
    c.update(added, context)
    await settle()
    expect(arrived.at(-1)!.figures).toEqual(deriveFigures(added, context))

    const removed = { ...added, repayments: added.repayments.slice(1) }
    c.update(removed, context)
    const edited = { ...removed, draws: removed.draws.map((d, i) => (i === 0 ? { ...d, principal: d.principal + 10_000 } : d)) }
    c.update(edited, context)
    await settle()
    // The two updates came in one burst: one run, for the later one.
    expect(arrived.at(-1)!.version).toBe(4)
    expect(arrived.at(-1)!.figures).toEqual(deriveFigures(edited, context))

    // Only a draw changed: the orders' figures are the very same map, so nothing that reads them redoes its work.
    const before = arrived.at(-1)!.figures
    const again = { ...edited, draws: edited.draws.map((d, i) => (i === 0 ? { ...d, principal: d.principal + 10_000 } : d)) }
    c.update(again, context)
    await settle()
    expect(arrived.at(-1)!.figures.cost.orders).toBe(before.cost.orders)
    expect(arrived.at(-1)!.figures.cost.draws).not.toBe(before.cost.draws)
    expect(arrived.at(-1)!.figures).toEqual(deriveFigures(again, context))
    expect(failed).toEqual([])
  })

  it('sends nothing when neither the records nor the day changed, and follows the day', async () => {
    const { c, arrived } = client()
    expect(c.update(sample, context)).toBe(1)
    expect(c.update(reread(sample), context)).toBe(1)
    await settle()
    expect(arrived).toHaveLength(1)
    const tomorrow = { ...context, today: '2026-11-22' }
    expect(c.update(sample, tomorrow)).toBe(2)
    await settle()
    expect(arrived.at(-1)!.figures.today).toBe('2026-11-22')
    expect(arrived.at(-1)!.figures).toEqual(deriveFigures(sample, tomorrow))
  })

  it('says when a run fails, and the next good run brings figures again', async () => {
    const { c, arrived, failed } = client()
    const broken = { ...sample, draws: [...sample.draws, { id: 'zz-broken' } as unknown as Ledger['draws'][number]] }
    c.update(broken, context)
    await settle()
    expect(failed).toHaveLength(1)
    expect(arrived).toHaveLength(0)
    c.update(sample, context)
    await settle()
    expect(arrived.at(-1)!.figures).toEqual(deriveFigures(sample, context))
  })

  it('reports a failed run with the version it was for, and keeps going', async () => {
    const replies: DerivedReply[] = []
    const receive = createDerivedHost((r) => replies.push(r))
    // A record the engine cannot walk: a draw of an account that is not there is skipped, a missing field throws.
    receive({ type: 'patch', patch: { table: 'draws', upserts: [{ id: 'broken' }], deletes: [] } })
    receive({ type: 'update', version: 1, context })
    await settle()
    receive({ type: 'patch', patch: { table: 'draws', upserts: [], deletes: ['broken'] } })
    receive({ type: 'update', version: 2 })
    await settle()
    expect(replies.map((r) => [r.type, r.version])).toEqual([
      ['failed', 1],
      ['figures', 2]
    ])
  })
})
