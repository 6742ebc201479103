// Tests the dues settings schema: the defaults pass, and bad lead times, hours and shares are refused with a message key.
import { describe, expect, it } from 'vitest'
import { check } from '../records'
import { DEFAULT_DUES_SETTINGS, duesSettingsSchema } from './settings'

describe('dues settings', () => {
  it('accepts the defaults: 3 days and 1 day before and on the day, at 09:00', () => {
    expect(check(duesSettingsSchema, DEFAULT_DUES_SETTINGS)).toEqual({ ok: true, value: { remindersEnabled: true, leadDays: [3, 1, 0], remindAt: '09:00', keepInTray: false } })
  })

  it.each([
    [{ leadDays: [1, 1] }, 'leadDays', 'validation.dues.leadDays'],
    [{ leadDays: [31] }, 'leadDays.0', 'validation.dues.leadDays'],
    [{ leadDays: [0.5] }, 'leadDays.0', 'validation.dues.leadDays'],
    [{ leadDays: [0, 1, 2, 3, 4, 5, 6] }, 'leadDays', 'validation.dues.leadCount'],
    [{ remindAt: '9:00' }, 'remindAt', 'validation.dues.time'],
    [{ remindAt: '24:00' }, 'remindAt', 'validation.dues.time']
  ])('refuses %j', (patch, path, message) => {
    expect(check(duesSettingsSchema, { ...DEFAULT_DUES_SETTINGS, ...patch })).toEqual({ ok: false, issues: [{ path, message }] })
  })
})
