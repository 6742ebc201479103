import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ValidationError } from '@/domain/validation-error'
import { openLedgerDb, type LedgerDb } from './schema'
import { readSetting, writeSetting } from './settings'

const leadDays = z.object({ days: z.array(z.number().int().min(0).max(30)) })

let db: LedgerDb
beforeEach(async () => {
  db = openLedgerDb(`settings-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('settings documents in the meta table', () => {
  it('gives the fallback until something is stored, then what was stored', async () => {
    expect(await readSetting(db, 'lead', leadDays, { days: [3, 1] })).toEqual({ days: [3, 1] })
    await writeSetting(db, 'lead', leadDays, { days: [7] })
    expect(await readSetting(db, 'lead', leadDays, { days: [3, 1] })).toEqual({ days: [7] })
  })

  it('refuses an invalid document and keeps the old one', async () => {
    await writeSetting(db, 'lead', leadDays, { days: [7] })
    await expect(writeSetting(db, 'lead', leadDays, { days: [-1] })).rejects.toBeInstanceOf(ValidationError)
    expect(await readSetting(db, 'lead', leadDays, { days: [] })).toEqual({ days: [7] })
  })

  it('reads a stored document that no longer fits its schema as the fallback', async () => {
    await db.meta.put({ key: 'lead', value: { days: 'soon' } })
    expect(await readSetting(db, 'lead', leadDays, { days: [1] })).toEqual({ days: [1] })
  })
})
