// Owns the dues settings document (reminder lead times and hour, tray; a bill's minimum payment is a per-account term now) and its schema, kept in the meta table.
import { z } from 'zod'

export const DUES_SETTINGS_KEY = 'dues.settings'
/** Which reminders have fired on this installation (not ledger data: a backup leaves it out). */
export const FIRED_REMINDERS_KEY = 'dues.reminders.fired'

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/

export const duesSettingsSchema = z.object({
  remindersEnabled: z.boolean({ error: 'validation.choice' }),
  /** Days before the due date to remind, 0 meaning on the day; each once. */
  leadDays: z
    .array(z.number({ error: 'validation.dues.leadDays' }).int({ error: 'validation.dues.leadDays' }).min(0, { error: 'validation.dues.leadDays' }).max(30, { error: 'validation.dues.leadDays' }))
    .max(6, { error: 'validation.dues.leadCount' })
    .refine((days) => new Set(days).size === days.length, { error: 'validation.dues.leadDays' }),
  /** Local time of day the reminders go out, 'HH:MM'. */
  remindAt: z.string({ error: 'validation.dues.time' }).regex(TIME_OF_DAY, { error: 'validation.dues.time' }),
  /** Desktop: closing the window hides it to the tray, so reminders keep coming. */
  keepInTray: z.boolean({ error: 'validation.choice' })
})
export type DuesSettings = z.infer<typeof duesSettingsSchema>

export const DEFAULT_DUES_SETTINGS: DuesSettings = {
  remindersEnabled: true,
  leadDays: [3, 1, 0],
  remindAt: '09:00',
  keepInTray: false
}
