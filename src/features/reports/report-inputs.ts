// Owns what the report takes from the other features: next month's dues (the dues feature's items as known at the report's day) and the active risk flags.
import type { LedgerView } from '@/app/ledger-context'
import type { MessageKey, Params } from '@/i18n'
import { monthOf } from '@/domain/dates'
import { dueItems } from '@/domain/dues/items'
import { addMonthsToMonth, type ReportContext, type ReportInputs } from '@/domain/report/month-report'
import { dueWhat } from '../dues/labels'

type Translate = (key: MessageKey, params?: Params) => string

/** The report's inputs for one month, its texts in the report's language. */
export function reportInputs(view: LedgerView, minimumPercent: number, rt: Translate): (context: ReportContext) => ReportInputs {
  return ({ month, ledger, day, cost }) => {
    const next = addMonthsToMonth(month, 1)
    const dues = dueItems(ledger, day, { minimumPercent, cost })
      .filter((item) => monthOf(item.dueDate) === next)
      .map((item) => ({ date: item.dueDate, accountId: item.accountId, what: dueWhat(view, item, rt), amount: item.amount }))
    return { dues, flags: [] }
  }
}
