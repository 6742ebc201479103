import { describe, expect, it } from 'vitest'
import { check } from '../records'
import { DEFAULT_RISK_SETTINGS, RISK_SETTING_KEYS, RISK_SETTING_LIMITS, acknowledgementsSchema, riskSettingsSchema, settingsFromStored } from './settings'

describe('risk settings', () => {
  it('default to DOMAIN.md\'s figures', () => {
    expect(DEFAULT_RISK_SETTINGS).toMatchObject({
      maxDrawsInWindow: 5,
      drawWindowDays: 30,
      overdueMinDays: 1,
      lateWindowMonths: 24,
      lateConsecutive: 3,
      lateTotal: 6,
      inquiryMax1m: 3,
      inquiryMax3m: 6,
      maxOnlineLenders: 2,
      utilisationPercent: 70,
      dtiPercent: 50,
      dtiWithMortgagePercent: 55,
      mortgagePaymentPercent: 50,
      highCostAprPercent: 24,
      lprMultiple: 4,
      cleanupMonths: 3,
      mortgageTermYears: 30
    })
    expect(check(riskSettingsSchema, DEFAULT_RISK_SETTINGS).ok).toBe(true)
    for (const key of RISK_SETTING_KEYS) expect(DEFAULT_RISK_SETTINGS[key]).toBe(RISK_SETTING_LIMITS[key].default)
  })

  it('refuse a value out of range, a fraction where a count is meant, and nonsense, naming the field', () => {
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, cleanupMonths: 7 })).toEqual({ ok: false, issues: [{ path: 'cleanupMonths', message: 'validation.riskRange' }] })
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, cleanupMonths: 6 }).ok).toBe(true)
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, maxDrawsInWindow: 5.5 })).toEqual({ ok: false, issues: [{ path: 'maxDrawsInWindow', message: 'validation.riskWhole' }] })
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, lprPercent: 3.1 }).ok).toBe(true)
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, utilisationPercent: 'a lot' }).ok).toBe(false)
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, lprPercent: Number.NaN }).ok).toBe(false)
  })

  it('refuse more inquiries allowed in one month than in three, and a run longer than the total', () => {
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, inquiryMax1m: 7 })).toEqual({ ok: false, issues: [{ path: 'inquiryMax1m', message: 'validation.riskInquiryOrder' }] })
    expect(check(riskSettingsSchema, { ...DEFAULT_RISK_SETTINGS, lateConsecutive: 7 })).toEqual({ ok: false, issues: [{ path: 'lateConsecutive', message: 'validation.riskLateOrder' }] })
  })

  it('read a stored document field by field, defaulting what is missing or broken', () => {
    expect(settingsFromStored(undefined)).toEqual(DEFAULT_RISK_SETTINGS)
    expect(settingsFromStored({ utilisationPercent: 80, cleanupMonths: 99, extra: 1 })).toEqual({ ...DEFAULT_RISK_SETTINGS, utilisationPercent: 80 })
    expect(settingsFromStored({ inquiryMax1m: 5, inquiryMax3m: 4 })).toMatchObject({ inquiryMax1m: 3, inquiryMax3m: 4 })
  })

  it('keep acknowledgements as a measure and a date per flag', () => {
    expect(check(acknowledgementsSchema, { 'utilisation:huabei': { measure: 82, date: '2026-11-21' } }).ok).toBe(true)
    expect(check(acknowledgementsSchema, { 'utilisation:huabei': { measure: 82, date: '21/11/2026' } }).ok).toBe(false)
  })
})
