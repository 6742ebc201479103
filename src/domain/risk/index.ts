// Owns the risk engine's public face: what the app and the monthly report import.
export { activeFlags, acknowledge, evaluateRules, flagView, type FlagView, isAcknowledged, splitAcknowledged, staleAcknowledgements, unacknowledge, RULES } from './engine'
export { riskInput, type Derived } from './context'
export { mortgageReadiness, type CheckItem, type CheckState, type PlanStep, type Readiness } from './readiness'
export { RULE_CATALOG, type RuleInfo } from './catalog'
export {
  DEFAULT_RISK_SETTINGS,
  RISK_SETTING_KEYS,
  RISK_SETTING_LIMITS,
  acknowledgementsSchema,
  riskSettingsSchema,
  settingsFromStored,
  type Acknowledgements,
  type RiskSettingKey,
  type RiskSettings
} from './settings'
export type { RecordRef, RiskFlag, RuleId, Severity, SourceCategory } from './types'
export type { RiskText, RiskTextKey } from './messages'
