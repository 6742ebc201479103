// Owns the page of all loan draws.
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { PageFrame } from '@/components/PageFrame'
import { DrawsPanel } from './DrawsPanel'

export function DrawsPage() {
  const { t } = useI18n()
  return (
    <PageFrame title={t('draw.title')} testId="page-draws">
      <DrawsPanel rows={useLedger().draws} />
    </PageFrame>
  )
}
