// Owns the reports page. Placeholder registered in the navigation; its feature fills it in.
import { useI18n } from '@/app/i18n-context'
import { PageFrame } from '@/components/PageFrame'

export function ReportsPage() {
  const { t } = useI18n()
  return <PageFrame title={t('nav.reports')} testId="page-reports">{null}</PageFrame>
}
