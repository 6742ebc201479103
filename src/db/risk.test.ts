import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_RISK_SETTINGS } from '@/domain/risk/settings'
import { ValidationError } from '@/domain/validation-error'
import { ACKNOWLEDGED_KEY, RISK_SETTINGS_KEY, acknowledgeFlag, loadAcknowledgements, loadRiskSettings, pruneAcknowledgements, saveRiskSettings, unacknowledgeFlag } from './risk'
import { openLedgerDb, type LedgerDb } from './schema'

let db: LedgerDb
beforeEach(async () => {
  db = openLedgerDb(`risk-${crypto.randomUUID()}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('risk settings in the meta table', () => {
  it('default until saved, then keep what was saved', async () => {
    expect(await loadRiskSettings(db)).toEqual(DEFAULT_RISK_SETTINGS)
    await saveRiskSettings(db, { ...DEFAULT_RISK_SETTINGS, utilisationPercent: 60, cleanupMonths: 6 })
    expect(await loadRiskSettings(db)).toEqual({ ...DEFAULT_RISK_SETTINGS, utilisationPercent: 60, cleanupMonths: 6 })
  })

  it('refuse an invalid document, naming the field, and keep the old one', async () => {
    await saveRiskSettings(db, { ...DEFAULT_RISK_SETTINGS, utilisationPercent: 60 })
    const error = await saveRiskSettings(db, { ...DEFAULT_RISK_SETTINGS, cleanupMonths: 12 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error instanceof ValidationError && error.issues).toEqual([{ path: 'cleanupMonths', message: 'validation.riskRange' }])
    expect((await loadRiskSettings(db)).utilisationPercent).toBe(60)
  })

  it('read an older document with a missing field as the default for that field', async () => {
    await db.meta.put({ key: RISK_SETTINGS_KEY, value: { utilisationPercent: 65 } })
    expect(await loadRiskSettings(db)).toEqual({ ...DEFAULT_RISK_SETTINGS, utilisationPercent: 65 })
  })
})

describe('acknowledged flags', () => {
  it('store the measure and the day, undo, and forget the ones no longer active', async () => {
    await acknowledgeFlag(db, { id: 'utilisation:huabei', measure: 82, severity: 'warning' }, '2026-11-21')
    await acknowledgeFlag(db, { id: 'onlineLenders', measure: 3, severity: 'warning' }, '2026-11-22')
    expect(await loadAcknowledgements(db)).toEqual({ 'utilisation:huabei': { measure: 82, severity: 'warning', date: '2026-11-21' }, onlineLenders: { measure: 3, severity: 'warning', date: '2026-11-22' } })
    await unacknowledgeFlag(db, 'onlineLenders')
    expect(Object.keys(await loadAcknowledgements(db))).toEqual(['utilisation:huabei'])
    await acknowledgeFlag(db, { id: 'onlineLenders', measure: 3, severity: 'warning' }, '2026-11-22')
    expect(await pruneAcknowledgements(db, [{ id: 'onlineLenders' }])).toBe(1)
    expect(Object.keys(await loadAcknowledgements(db))).toEqual(['onlineLenders'])
    expect(await pruneAcknowledgements(db, [{ id: 'onlineLenders' }])).toBe(0)
  })

  it('read a broken document as none', async () => {
    await db.meta.put({ key: ACKNOWLEDGED_KEY, value: { x: { measure: 'lots' } } })
    expect(await loadAcknowledgements(db)).toEqual({})
  })
})
