// Owns the page of all repayments.
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { PageFrame } from '@/components/PageFrame'
import { RepaymentsPanel } from './RepaymentsPanel'

export function RepaymentsPage() {
  const { t } = useI18n()
  return (
    <PageFrame title={t('repayment.title')} testId="page-repayments">
      <RepaymentsPanel rows={useLedger().repayments} />
    </PageFrame>
  )
}
