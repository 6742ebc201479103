// Owns a 分期 order's schedule in its detail: one period on each bill (statement accounts) or each month, with what was paid and where it stands.
import { useMemo } from 'react'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { walkPayLater } from '@/domain/cost/pay-later'
import { statementAccountOf } from '@/domain/cost/ledger-cost'
import { walkStatement } from '@/domain/cost/statement'
import type { Order } from '@/domain/records'
import { ScheduleTable } from '@/components/ScheduleTable'

export function OrderSchedule({ order }: { order: Order }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const rows = useMemo(() => {
    // On a statement account the plan is walked with its bills; elsewhere on its own.
    const account = ledger.accountById.get(order.accountId)
    const statement = statementAccountOf(account)
    if (statement) {
      const walk = walkStatement({ account: statement, orders: ledger.orders, repayments: ledger.repayments, billInstalments: ledger.billInstalments, billFigures: ledger.billFigures }, ledger.today, { detail: true })
      return walk.plans.get(order.id) ?? []
    }
    return account ? walkPayLater(order, ledger.repayments, account, ledger.today).rows : []
  }, [order, ledger])
  if (rows.length === 0) return null
  return (
    <section className="detail-section" data-testid="order-schedule">
      <h4>{t('schedule.title')}</h4>
      <ScheduleTable rows={rows} showInterest={false} showFee />
    </section>
  )
}
