// Owns the colour of each account in every chart, so an account looks the same everywhere.
const PALETTE = ['#c2410c', '#2563eb', '#16a34a', '#9333ea', '#db2777', '#0891b2', '#ca8a04', '#4b5563', '#dc2626', '#65a30d', '#7c3aed', '#0d9488']

/** Colours by the accounts' order of ids, which does not change when names or the list order do. */
export function accountColours(accountIds: readonly string[]): Map<string, string> {
  const sorted = [...accountIds].sort()
  return new Map(sorted.map((id, i) => [id, PALETTE[i % PALETTE.length] ?? '#4b5563']))
}
