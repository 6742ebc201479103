// Owns the colours of severities and source categories.
import type { RiskSettingKey } from '@/domain/risk/settings'
import type { Severity, SourceCategory } from '@/domain/risk/types'

export const SEVERITY_COLOURS: Record<Severity, string> = { critical: 'red', warning: 'orange', info: 'blue' }
export const SOURCE_COLOURS: Record<SourceCategory, string> = { REG: 'geekblue', BANK: 'gold', PRODUCT: 'cyan', FOLK: 'default' }

export type SettingUnit = 'days' | 'count' | 'times' | 'lenders' | 'percent' | 'months' | 'years' | 'yuan' | 'multiple'

/** What each threshold is counted in, for its field and the rules page. */
export const SETTING_UNITS: Record<RiskSettingKey, SettingUnit> = {
  drawWindowDays: 'days',
  maxDrawsInWindow: 'count',
  smallDrawPercent: 'percent',
  minSmallDraws: 'count',
  overdueMinDays: 'days',
  lateWindowMonths: 'months',
  lateConsecutive: 'months',
  lateTotal: 'times',
  lateToleranceYuan: 'yuan',
  inquiryMax1m: 'times',
  inquiryMax3m: 'times',
  maxOnlineLenders: 'lenders',
  utilisationPercent: 'percent',
  dtiPercent: 'percent',
  dtiWithMortgagePercent: 'percent',
  mortgagePaymentPercent: 'percent',
  revolvingPaymentPercent: 'percent',
  highCostAprPercent: 'percent',
  lprPercent: 'percent',
  lprMultiple: 'multiple',
  cleanupMonths: 'months',
  settleLeadDays: 'days',
  mortgageRatePercent: 'percent',
  mortgageTermYears: 'years'
}

type CountedUnit = Exclude<SettingUnit, 'percent' | 'multiple'>

function isCounted(unit: SettingUnit): unit is CountedUnit {
  return unit !== 'percent' && unit !== 'multiple'
}

/** The unit's message key for a value: the singular form for exactly one of a counted unit. */
export function unitKey(unit: SettingUnit, value: number | null): `risk.unit.${SettingUnit}` | `risk.unitOne.${CountedUnit}` {
  if (value === 1 && isCounted(unit)) return `risk.unitOne.${unit}`
  return `risk.unit.${unit}`
}
