import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { columnWidth, fitColumns } from './fit-columns'

const cols = [
  { key: 'date', width: 110 },
  { key: 'account', width: 130 },
  { key: 'merchant', width: 130, priority: 2 },
  { key: 'item', width: 150, priority: 6 },
  { key: 'amount', width: 120 },
  { key: 'instalments', width: 90, priority: 5 },
  { key: 'owed', width: 120 }
]
const keys = (c: { key: string }[]) => c.map((x) => x.key)

describe('fitColumns', () => {
  it('keeps every column when they fit', () => {
    // 110+130+130+150+120+90+120 = 850
    expect(keys(fitColumns(cols, 850))).toEqual(keys(cols))
  })

  it('leaves out the least needed first, keeping the order', () => {
    // 850 - item 150 = 700 fits 700
    expect(keys(fitColumns(cols, 700))).toEqual(['date', 'account', 'merchant', 'amount', 'instalments', 'owed'])
    // 700 - instalments 90 = 610 fits 650
    expect(keys(fitColumns(cols, 650))).toEqual(['date', 'account', 'merchant', 'amount', 'owed'])
    // 610 - merchant 130 = 480 fits 500
    expect(keys(fitColumns(cols, 500))).toEqual(['date', 'account', 'amount', 'owed'])
  })

  it('never leaves out a column without a priority', () => {
    expect(keys(fitColumns(cols, 100))).toEqual(['date', 'account', 'amount', 'owed'])
  })

  it('ties give way from the right', () => {
    const tie = [{ key: 'a', width: 100, priority: 1 }, { key: 'b', width: 100, priority: 1 }, { key: 'c', width: 100 }]
    expect(keys(fitColumns(tie, 250))).toEqual(['a', 'c'])
  })

  it('fits whenever the kept columns alone fit, and leaves out no more than it must', () => {
    const arb = fc.array(fc.record({ key: fc.string(), width: fc.integer({ min: 40, max: 300 }), priority: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) }), { maxLength: 14 })
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 3000 }), (columns, room) => {
        const kept = fitColumns(columns, room)
        const width = kept.reduce((s, c) => s + columnWidth(c), 0)
        const fixed = columns.filter((c) => c.priority === undefined).reduce((s, c) => s + columnWidth(c), 0)
        if (fixed <= room) expect(width).toBeLessThanOrEqual(room)
        // Putting back the last one left out would not fit (or nothing was left out).
        const left = columns.filter((c) => !kept.includes(c))
        if (left.length > 0) {
          const last = [...left].sort((a, b) => a.priority! - b.priority!)[0]!
          expect(width + columnWidth(last)).toBeGreaterThan(room)
        }
      })
    )
  })
})
