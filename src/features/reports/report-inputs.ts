// Owns what the report takes from the other features: next month's dues (the dues feature's items) and the risk flags, both as known at the report's day.
import type { LedgerView } from '@/state/ledger-context'
import { translateMessage, type MessageKey, type Params } from '@/i18n'
import { addMonthsToMonth, monthOf } from '@/domain/calendar'
import { dueItems } from '@/domain/dues/items'
import type { Language, Profile } from '@/domain/records'
import type { ReportContext, ReportInputs } from '@/domain/report/month-report'
import { activeFlags, type RiskSettings } from '@/domain/risk'
import { dueWhat } from '../dues/labels'

type Translate = (key: MessageKey, params?: Params) => string

export interface ReportSources {
  view: LedgerView
  profile: Profile
  riskSettings: RiskSettings
  language: Language
  rt: Translate
}

/**
 * The report's inputs for one month, its texts in the report's language. Every active flag is
 * listed, acknowledged or not: acknowledging hides a flag on screen, it does not make it untrue.
 */
export function reportInputs({ view, profile, riskSettings, language, rt }: ReportSources): (context: ReportContext) => ReportInputs {
  return ({ month, ledger, day, cost }) => {
    const next = addMonthsToMonth(month, 1)
    const dues = dueItems(ledger, day, cost)
      .filter((item) => monthOf(item.dueDate) === next)
      .map((item) => ({ date: item.dueDate, accountId: item.accountId, what: dueWhat(view, item, rt), amount: item.amount }))
    const flags = activeFlags(ledger, profile, riskSettings, day, { cost }).map((f) => ({
      severity: f.severity,
      title: `${rt(`rule.${f.rule}`)}: ${translateMessage(language, f.explanation)}`,
      source: f.source
    }))
    return { dues, flags }
  }
}
