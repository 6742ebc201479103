// Owns the page of all pay-later orders.
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { PageFrame } from '@/components/PageFrame'
import { OrdersPanel } from './OrdersPanel'

export function OrdersPage() {
  const { t } = useI18n()
  return (
    <PageFrame title={t('order.title')} testId="page-orders">
      <OrdersPanel rows={useLedger().orders} />
    </PageFrame>
  )
}
