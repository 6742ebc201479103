// Tests the web build's backup reminder: a week of changes not in a downloaded backup, undone changes, snoozing.
import { describe, expect, it } from 'vitest'
import { INITIAL_BACKUP_STATE, observeData, recordBackup, reminderDue, snooze } from './reminder'

const day = (n: number, hour = 8) => `2026-11-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`

describe('the backup reminder', () => {
  it('starts the week at the first sight of data not in a backup, and reminds once it has passed', () => {
    const seen = observeData(INITIAL_BACKUP_STATE, 'aaa', false, day(1))
    expect(seen.changedSince).toBe(day(1))
    // Later sights of changed data keep the first date.
    const again = observeData(seen, 'bbb', false, day(5))
    expect(again.changedSince).toBe(day(1))
    expect(reminderDue(again, day(7, 23))).toBe(false)
    expect(reminderDue(again, day(8))).toBe(true)
  })

  it('needs no checksum before the first backup: any data is new', () => {
    expect(observeData(INITIAL_BACKUP_STATE, null, false, day(1)).changedSince).toBe(day(1))
    expect(observeData(recordBackup(INITIAL_BACKUP_STATE, 'aaa', day(1)), null, false, day(2)).changedSince).toBe(day(2))
  })

  it('never reminds about an empty ledger', () => {
    const state = observeData(INITIAL_BACKUP_STATE, 'empty', true, day(1))
    expect(state.changedSince).toBeNull()
    expect(reminderDue(state, day(20))).toBe(false)
  })

  it('stops once a backup is downloaded, and starts again at the next change', () => {
    const changed = observeData(INITIAL_BACKUP_STATE, 'aaa', false, day(1))
    const backedUp = recordBackup(changed, 'aaa', day(9))
    expect(backedUp.lastBackupAt).toBe(day(9))
    expect(reminderDue(backedUp, day(20))).toBe(false)
    expect(observeData(backedUp, 'aaa', false, day(20)).changedSince).toBeNull()
    const next = observeData(backedUp, 'bbb', false, day(21))
    expect(next.changedSince).toBe(day(21))
    expect(reminderDue(next, day(27))).toBe(false)
    expect(reminderDue(next, day(28))).toBe(true)
  })

  it('forgets the change when the data is back to what the backup holds (an undo)', () => {
    const backedUp = recordBackup(INITIAL_BACKUP_STATE, 'aaa', day(1))
    const changed = observeData(backedUp, 'bbb', false, day(2))
    expect(observeData(changed, 'aaa', false, day(3)).changedSince).toBeNull()
  })

  it('"later" puts it off for a day', () => {
    const due = observeData(INITIAL_BACKUP_STATE, 'aaa', false, day(1))
    const later = snooze(due, day(10))
    expect(reminderDue(later, day(10, 20))).toBe(false)
    expect(reminderDue(later, day(11, 8))).toBe(true)
  })
})
