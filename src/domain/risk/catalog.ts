// Owns what the rules page says about each rule beside its words: the source categories it draws on and the settings that are its thresholds.
import type { RiskSettingKey } from './settings'
import type { RuleId, SourceCategory } from './types'

export interface RuleInfo {
  id: RuleId
  /** A rule may raise flags of more than one category (overdue is REG where the product reports, PRODUCT where it does not). */
  sources: SourceCategory[]
  settings: RiskSettingKey[]
}

export const RULE_CATALOG: readonly RuleInfo[] = [
  { id: 'overdue', sources: ['REG', 'PRODUCT'], settings: ['overdueMinDays'] },
  { id: 'revolving', sources: ['BANK', 'PRODUCT'], settings: [] },
  { id: 'latePayments', sources: ['BANK'], settings: ['lateWindowMonths', 'lateConsecutive', 'lateTotal', 'lateToleranceYuan'] },
  { id: 'hardInquiries', sources: ['BANK', 'REG'], settings: ['inquiryMax1m', 'inquiryMax3m'] },
  { id: 'onlineLenders', sources: ['BANK'], settings: ['maxOnlineLenders'] },
  { id: 'utilisation', sources: ['BANK'], settings: ['utilisationPercent'] },
  { id: 'debtToIncome', sources: ['REG', 'BANK'], settings: ['dtiPercent', 'mortgagePaymentPercent', 'dtiWithMortgagePercent', 'revolvingPaymentPercent', 'mortgageRatePercent', 'mortgageTermYears'] },
  { id: 'highCost', sources: ['REG'], settings: ['highCostAprPercent', 'lprPercent', 'lprMultiple'] },
  { id: 'mortgageDraws', sources: ['FOLK'], settings: ['cleanupMonths'] },
  { id: 'openAtMortgage', sources: ['BANK'], settings: ['settleLeadDays'] },
  { id: 'frequentDraws', sources: ['FOLK'], settings: ['drawWindowDays', 'maxDrawsInWindow'] },
  { id: 'smallDraws', sources: ['FOLK'], settings: ['drawWindowDays', 'smallDrawPercent', 'minSmallDraws'] }
]
