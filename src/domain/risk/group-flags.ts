// Owns grouping flags for reading: several flags of one rule at one severity (seven high-cost draws) read as one card listing their records, so they do not bury the other warnings.
import type { RiskFlag } from './types'

export type FlagEntry = { kind: 'single'; flag: RiskFlag } | { kind: 'group'; rule: RiskFlag['rule']; severity: RiskFlag['severity']; flags: RiskFlag[] }

/**
 * The flags in their order, those sharing rule and severity gathered where the first of them stands
 * once there are at least `min` of them; fewer stay single cards.
 */
export function groupSimilarFlags(flags: readonly RiskFlag[], min = 3): FlagEntry[] {
  const key = (f: RiskFlag) => `${f.rule}|${f.severity}`
  const members = new Map<string, RiskFlag[]>()
  for (const f of flags) members.set(key(f), [...(members.get(key(f)) ?? []), f])
  const entries: FlagEntry[] = []
  const placed = new Set<string>()
  for (const f of flags) {
    const same = members.get(key(f))!
    if (same.length < min) entries.push({ kind: 'single', flag: f })
    else if (!placed.has(key(f))) {
      placed.add(key(f))
      entries.push({ kind: 'group', rule: f.rule, severity: f.severity, flags: same })
    }
  }
  return entries
}
