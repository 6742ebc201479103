// Owns turning the engine's monthly figures into chart rows: a window of months, yuan per account, and the APR list.
import type { Account } from '@/domain/records'
import type { DrawCost, MonthlyBalance, MonthlyCost } from '@/domain/cost/types'
import type { Draw } from '@/domain/records'

export type MonthRange = 12 | 36 | 'all'

export function lastMonths<T extends { month: string }>(rows: readonly T[], range: MonthRange): T[] {
  return range === 'all' ? [...rows] : rows.slice(Math.max(0, rows.length - range))
}

/** One row per month with the account ids as keys, in yuan (charts plot numbers, the tooltip formats them). */
export function costRows(monthly: readonly MonthlyCost[]): Record<string, number | string>[] {
  return monthly.map((m) => {
    const row: Record<string, number | string> = { month: m.month }
    for (const [accountId, c] of Object.entries(m.byAccount)) row[accountId] = (c.interest + c.fees + c.penalty) / 100
    return row
  })
}

export function balanceRows(balances: readonly MonthlyBalance[]): Record<string, number | string>[] {
  return balances.map((b) => {
    const row: Record<string, number | string> = { month: b.month }
    for (const [accountId, fen] of Object.entries(b.byAccount)) row[accountId] = fen / 100
    return row
  })
}

/** Accounts that appear in any row, in a stable order, so each gets one bar or area. */
export function accountsIn(rows: readonly { byAccount: Record<string, unknown> }[], accounts: readonly Account[]): Account[] {
  const seen = new Set<string>()
  for (const r of rows) for (const id of Object.keys(r.byAccount)) seen.add(id)
  return accounts.filter((a) => seen.has(a.id))
}

export interface AprRow {
  id: string
  label: string
  accountId: string
  /** Percent, for the chart's axis. */
  apr: number
  naive: number
  estimate: boolean
}

/** Open loans with a computable real APR, highest first. */
export function aprRows(draws: readonly Draw[], costs: ReadonlyMap<string, DrawCost>, accountName: (id: string) => string): AprRow[] {
  const rows: AprRow[] = []
  for (const d of draws) {
    const c = costs.get(d.id)
    if (!c || c.cleared || !c.apr) continue
    rows.push({ id: d.id, label: `${accountName(d.accountId)} ${d.drawDate}`, accountId: d.accountId, apr: round2(c.apr.aprSimple * 100), naive: round2(c.naiveRate * 100), estimate: c.estimate })
  }
  return rows.sort((a, b) => b.apr - a.apr)
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
