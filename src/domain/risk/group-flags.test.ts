import { describe, expect, it } from 'vitest'
import { groupSimilarFlags } from './group-flags'
import type { RiskFlag } from './types'

const flag = (id: string, rule: string, severity: RiskFlag['severity']) => ({ id, rule, severity }) as unknown as RiskFlag

describe('groupSimilarFlags', () => {
  it('gathers three or more flags of one rule and severity where the first stands; fewer stay single, order kept', () => {
    const flags = [flag('a', 'lateRepayment', 'critical'), flag('h1', 'highCost', 'warning'), flag('u', 'utilisation', 'warning'), flag('h2', 'highCost', 'warning'), flag('h3', 'highCost', 'warning'), flag('i1', 'inquiries', 'info'), flag('i2', 'inquiries', 'info')]
    const entries = groupSimilarFlags(flags)
    expect(entries.map((e) => (e.kind === 'single' ? e.flag.id : `group:${e.flags.map((f) => f.id).join(',')}`))).toEqual(['a', 'group:h1,h2,h3', 'u', 'i1', 'i2'])
  })

  it('keeps one rule at two severities apart (a critical one is not hidden among warnings)', () => {
    const flags = [flag('c', 'highCost', 'critical'), flag('w1', 'highCost', 'warning'), flag('w2', 'highCost', 'warning'), flag('w3', 'highCost', 'warning')]
    const entries = groupSimilarFlags(flags)
    expect(entries).toHaveLength(2)
    expect(entries[0]).toEqual({ kind: 'single', flag: flags[0] })
    expect(entries[1]!.kind).toBe('group')
  })
})
