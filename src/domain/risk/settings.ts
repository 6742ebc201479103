// Owns the risk settings: every threshold of every rule with DOMAIN.md's figure as its default, their limits, and the acknowledged-flags document.
import { SEVERITIES } from './severity'
import { z } from 'zod'
import { isIsoDate } from '../calendar'

export interface SettingLimit {
  default: number
  min: number
  max: number
  /** Whole numbers only (counts, days, months, whole percents). */
  integer: boolean
}

/**
 * The thresholds. Defaults are DOMAIN.md's: 5 draws in 30 days (FOLK), any overdue day, 3
 * consecutive or 6 late payments in 24 months (BANK), 3 hard inquiries a month and 6 in 3 months
 * (BANK), 2 online lenders (BANK), 70% utilisation (BANK), 50% / 55% of income (REG 2004), 24% APR
 * and 4x the one-year LPR (REG), a 3-month clean-up window allowed up to 6 (FOLK). The mortgage
 * estimate's rate and term, the LPR, the shortfall too small to count as late, what share of a revolving balance counts as its monthly
 * payment and how long before the mortgage a loan should be settled are assumptions, also settings.
 */
export const RISK_SETTING_LIMITS = {
  drawWindowDays: { default: 30, min: 7, max: 90, integer: true },
  maxDrawsInWindow: { default: 5, min: 1, max: 100, integer: true },
  smallDrawPercent: { default: 10, min: 1, max: 100, integer: true },
  minSmallDraws: { default: 3, min: 1, max: 100, integer: true },
  overdueMinDays: { default: 1, min: 1, max: 90, integer: true },
  lateWindowMonths: { default: 24, min: 1, max: 60, integer: true },
  lateConsecutive: { default: 3, min: 1, max: 24, integer: true },
  lateTotal: { default: 6, min: 1, max: 60, integer: true },
  lateToleranceYuan: { default: 10, min: 0, max: 1000, integer: true },
  inquiryMax1m: { default: 3, min: 0, max: 50, integer: true },
  inquiryMax3m: { default: 6, min: 0, max: 100, integer: true },
  maxOnlineLenders: { default: 2, min: 0, max: 50, integer: true },
  utilisationPercent: { default: 70, min: 1, max: 100, integer: true },
  dtiPercent: { default: 50, min: 1, max: 100, integer: true },
  dtiWithMortgagePercent: { default: 55, min: 1, max: 100, integer: true },
  mortgagePaymentPercent: { default: 50, min: 1, max: 100, integer: true },
  revolvingPaymentPercent: { default: 10, min: 1, max: 100, integer: true },
  highCostAprPercent: { default: 24, min: 1, max: 100, integer: false },
  lprPercent: { default: 3, min: 0.1, max: 20, integer: false },
  lprMultiple: { default: 4, min: 1, max: 10, integer: false },
  cleanupMonths: { default: 3, min: 1, max: 6, integer: true },
  settleLeadDays: { default: 30, min: 0, max: 180, integer: true },
  mortgageRatePercent: { default: 3.5, min: 0.1, max: 20, integer: false },
  mortgageTermYears: { default: 30, min: 1, max: 30, integer: true }
} as const satisfies Record<string, SettingLimit>

export type RiskSettingKey = keyof typeof RISK_SETTING_LIMITS
export const RISK_SETTING_KEYS = Object.keys(RISK_SETTING_LIMITS).filter((k): k is RiskSettingKey => k in RISK_SETTING_LIMITS)

// Messages are i18n keys; the settings form shows each field's range beside it.
function field(limit: SettingLimit) {
  const base = z.number({ error: 'validation.riskNumber' }).refine(Number.isFinite, { error: 'validation.riskNumber' })
  return base
    .refine((v) => !limit.integer || Number.isInteger(v), { error: 'validation.riskWhole' })
    .refine((v) => v >= limit.min && v <= limit.max, { error: 'validation.riskRange' })
}

const L = RISK_SETTING_LIMITS
const shape = {
  drawWindowDays: field(L.drawWindowDays),
  maxDrawsInWindow: field(L.maxDrawsInWindow),
  smallDrawPercent: field(L.smallDrawPercent),
  minSmallDraws: field(L.minSmallDraws),
  overdueMinDays: field(L.overdueMinDays),
  lateWindowMonths: field(L.lateWindowMonths),
  lateConsecutive: field(L.lateConsecutive),
  lateTotal: field(L.lateTotal),
  lateToleranceYuan: field(L.lateToleranceYuan),
  inquiryMax1m: field(L.inquiryMax1m),
  inquiryMax3m: field(L.inquiryMax3m),
  maxOnlineLenders: field(L.maxOnlineLenders),
  utilisationPercent: field(L.utilisationPercent),
  dtiPercent: field(L.dtiPercent),
  dtiWithMortgagePercent: field(L.dtiWithMortgagePercent),
  mortgagePaymentPercent: field(L.mortgagePaymentPercent),
  revolvingPaymentPercent: field(L.revolvingPaymentPercent),
  highCostAprPercent: field(L.highCostAprPercent),
  lprPercent: field(L.lprPercent),
  lprMultiple: field(L.lprMultiple),
  cleanupMonths: field(L.cleanupMonths),
  settleLeadDays: field(L.settleLeadDays),
  mortgageRatePercent: field(L.mortgageRatePercent),
  mortgageTermYears: field(L.mortgageTermYears)
} satisfies Record<RiskSettingKey, z.ZodType<number>>

export const riskSettingsSchema = z.object(shape).superRefine((s, ctx) => {
  // A month is inside three months: allowing more in one month than in three makes no sense.
  if (s.inquiryMax1m > s.inquiryMax3m) ctx.addIssue({ code: 'custom', path: ['inquiryMax1m'], message: 'validation.riskInquiryOrder' })
  if (s.lateConsecutive > s.lateTotal) ctx.addIssue({ code: 'custom', path: ['lateConsecutive'], message: 'validation.riskLateOrder' })
})
export type RiskSettings = z.infer<typeof riskSettingsSchema>

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  drawWindowDays: L.drawWindowDays.default,
  maxDrawsInWindow: L.maxDrawsInWindow.default,
  smallDrawPercent: L.smallDrawPercent.default,
  minSmallDraws: L.minSmallDraws.default,
  overdueMinDays: L.overdueMinDays.default,
  lateWindowMonths: L.lateWindowMonths.default,
  lateConsecutive: L.lateConsecutive.default,
  lateTotal: L.lateTotal.default,
  lateToleranceYuan: L.lateToleranceYuan.default,
  inquiryMax1m: L.inquiryMax1m.default,
  inquiryMax3m: L.inquiryMax3m.default,
  maxOnlineLenders: L.maxOnlineLenders.default,
  utilisationPercent: L.utilisationPercent.default,
  dtiPercent: L.dtiPercent.default,
  dtiWithMortgagePercent: L.dtiWithMortgagePercent.default,
  mortgagePaymentPercent: L.mortgagePaymentPercent.default,
  revolvingPaymentPercent: L.revolvingPaymentPercent.default,
  highCostAprPercent: L.highCostAprPercent.default,
  lprPercent: L.lprPercent.default,
  lprMultiple: L.lprMultiple.default,
  cleanupMonths: L.cleanupMonths.default,
  settleLeadDays: L.settleLeadDays.default,
  mortgageRatePercent: L.mortgageRatePercent.default,
  mortgageTermYears: L.mortgageTermYears.default
}

/**
 * A stored settings document read field by field: a field that is missing (added in a later
 * version) or no longer valid takes its default, and the rest are kept. Anything else gives the
 * defaults; a combination the cross-field rules refuse gives the defaults for those fields.
 */
export function settingsFromStored(stored: unknown): RiskSettings {
  const out: RiskSettings = { ...DEFAULT_RISK_SETTINGS }
  if (typeof stored !== 'object' || stored === null) return out
  for (const key of RISK_SETTING_KEYS) {
    const value: unknown = Reflect.get(stored, key)
    if (shape[key].safeParse(value).success && typeof value === 'number') out[key] = value
  }
  if (out.inquiryMax1m > out.inquiryMax3m) {
    out.inquiryMax1m = DEFAULT_RISK_SETTINGS.inquiryMax1m
    out.inquiryMax3m = Math.max(out.inquiryMax3m, out.inquiryMax1m)
  }
  if (out.lateConsecutive > out.lateTotal) {
    out.lateConsecutive = DEFAULT_RISK_SETTINGS.lateConsecutive
    out.lateTotal = Math.max(out.lateTotal, out.lateConsecutive)
  }
  return out
}

/** One acknowledged flag: how bad it was when the user hid it (its measure and severity), and when. */
export const acknowledgementSchema = z.object({
  measure: z.number({ error: 'validation.riskNumber' }).refine(Number.isFinite, { error: 'validation.riskNumber' }),
  /** Absent in acknowledgements stored before it was kept: then only the measure counts. */
  severity: z.enum(SEVERITIES).optional(),
  date: z.string({ error: 'validation.date' }).refine(isIsoDate, { error: 'validation.date' })
})
export type Acknowledgement = z.infer<typeof acknowledgementSchema>

/** Acknowledged flags by flag id. */
export const acknowledgementsSchema = z.record(z.string().min(1).max(300), acknowledgementSchema)
export type Acknowledgements = z.infer<typeof acknowledgementsSchema>
