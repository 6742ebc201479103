// Owns how rates look on screen: a decimal as a percent with two places (0.1303 -> 13.03%).
export function formatPercent(rate: number | null | undefined, digits = 2): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(rate * 100).toFixed(digits)}%`
}
