// Owns how a copy of the ledger kept outside the database is named (desktop backups/ folder, the browser's private files): its kind and the local time it was taken, so names sort in time order.

/** An automatic daily copy, the copy taken before a restore, or the copy taken before any other bulk write (an import, sample data). */
export type CopyKind = 'auto' | 'preRestore' | 'preWrite'

/** A name this app gave a copy: its kind, the local date and time, and a counter if two share a second. */
export const COPY_NAME = /^(auto|pre-restore|pre-write)-(\d{4}-\d{2}-\d{2})-(\d{6})(?:-(\d{1,3}))?\.json$/

const PREFIX: Record<CopyKind, string> = { auto: 'auto', preRestore: 'pre-restore', preWrite: 'pre-write' }

export function kindOfPrefix(prefix: string): CopyKind {
  return prefix === 'auto' ? 'auto' : prefix === 'pre-restore' ? 'preRestore' : 'preWrite'
}

/** The parts of a copy's name, or null when it is not one of ours. */
export function parseCopyName(name: string): { kind: CopyKind; day: string; stamp: string } | null {
  const match = COPY_NAME.exec(name)
  if (!match) return null
  const [, prefix = '', day = '', time = '', counter = '0'] = match
  return { kind: kindOfPrefix(prefix), day, stamp: `${day}-${time}-${counter.padStart(3, '0')}` }
}

/** Local 'YYYY-MM-DD-HHMMSS' of a moment: names sort in time order and read as the user's clock. */
export function localStamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`
}

/** A free name for a copy of `kind` taken at `at`, given the names already used. */
export function copyName(kind: CopyKind, at: Date, taken: ReadonlySet<string>): string {
  const base = `${PREFIX[kind]}-${localStamp(at)}`
  let name = `${base}.json`
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}.json`
  return name
}

/** Newest first, by the time in the name whatever the kind. */
export function newestFirst(a: string, b: string): number {
  const sa = parseCopyName(a)?.stamp ?? ''
  const sb = parseCopyName(b)?.stamp ?? ''
  return sa < sb ? 1 : sa > sb ? -1 : 0
}
