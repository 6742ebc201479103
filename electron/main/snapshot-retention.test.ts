// Tests snapshot retention: 7 daily, 4 weekly, 5 pre-restore, 5 pre-write.
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/domain/calendar'
import { KEEP_PRE_RESTORE, KEEP_PRE_WRITE, snapshotsToDelete, weekOf, type RetentionEntry } from './snapshot-retention'

const auto = (day: string, time = '080000'): RetentionEntry => ({ name: `auto-${day}-${time}.json`, kind: 'auto', day, stamp: `${day}-${time}-000` })
const pre = (day: string, time = '090000'): RetentionEntry => ({ name: `pre-restore-${day}-${time}.json`, kind: 'preRestore', day, stamp: `${day}-${time}-000` })
const kept = (entries: RetentionEntry[]) => {
  const gone = new Set(snapshotsToDelete(entries))
  return entries.filter((e) => !gone.has(e.name)).map((e) => e.name)
}

describe('weekOf', () => {
  it('gives the Monday of the ISO week', () => {
    // 2026-11-30 is a Monday, 2026-12-06 a Sunday.
    expect(weekOf('2026-11-30')).toBe(weekOf('2026-12-06'))
    expect(weekOf('2026-12-07')).toBe(weekOf('2026-11-30') + 7)
    expect(weekOf('2026-11-29')).toBe(weekOf('2026-11-30') - 7)
  })
})

describe('snapshotsToDelete', () => {
  it('keeps everything while there are fewer than seven days', () => {
    const entries = Array.from({ length: 6 }, (_, i) => auto(addDays('2026-12-01', i)))
    expect(snapshotsToDelete(entries)).toEqual([])
  })

  it('keeps one a day for the last seven days and one a week for the last four weeks', () => {
    // A snapshot every day for 40 days, ending Sunday 2026-12-27.
    const days = Array.from({ length: 40 }, (_, i) => addDays('2026-11-18', i))
    const entries = days.map((d) => auto(d))
    const names = kept(entries).sort()
    // Daily: 12-21 .. 12-27. Weekly: the newest of the weeks starting 12-21, 12-14, 12-07 and 11-30 (their Sundays).
    expect(names).toEqual(['2026-12-06', '2026-12-13', '2026-12-20', '2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27'].map((d) => `auto-${d}-080000.json`))
  })

  it('keeps the newest of a day that has two', () => {
    const entries = [auto('2026-12-01', '080000'), auto('2026-12-01', '200000')]
    expect(snapshotsToDelete(entries)).toEqual(['auto-2026-12-01-080000.json'])
  })

  it('counts days that have a snapshot, not calendar days: a month away keeps the older ones', () => {
    const entries = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-11-20'].map((d) => auto(d))
    expect(snapshotsToDelete(entries)).toEqual([])
  })

  it('keeps the last five copies taken before a restore, apart from the automatic ones', () => {
    const entries = [...Array.from({ length: 8 }, (_, i) => pre(addDays('2026-12-01', i))), ...Array.from({ length: 9 }, (_, i) => auto(addDays('2026-12-01', i)))]
    const left = kept(entries)
    expect(left.filter((n) => n.startsWith('pre-'))).toHaveLength(KEEP_PRE_RESTORE)
    expect(left).toContain('pre-restore-2026-12-08-090000.json')
    expect(left).not.toContain('pre-restore-2026-12-03-090000.json')
    // Automatic ones on 1-9 December: the last seven days; the two weeks' newest (6 and 9 December) are among them.
    expect(left.filter((n) => n.startsWith('auto-'))).toEqual(Array.from({ length: 7 }, (_, i) => `auto-${addDays('2026-12-03', i)}-080000.json`))
  })

  it('keeps the last five copies taken before an import or other bulk write, apart from the others', () => {
    const write = (day: string): RetentionEntry => ({ name: `pre-write-${day}-100000.json`, kind: 'preWrite', day, stamp: `${day}-100000-000` })
    const entries = [...Array.from({ length: 7 }, (_, i) => write(addDays('2026-12-01', i))), pre('2026-12-01')]
    const left = kept(entries)
    expect(left.filter((n) => n.startsWith('pre-write-'))).toEqual(Array.from({ length: KEEP_PRE_WRITE }, (_, i) => `pre-write-${addDays('2026-12-03', i)}-100000.json`))
    expect(left).toContain('pre-restore-2026-12-01-090000.json')
  })
})
