// Owns the risk page. Placeholder registered in the navigation; its feature fills it in.
import { useI18n } from '@/app/i18n-context'
import { PageFrame } from '@/components/PageFrame'

export function RiskPage() {
  const { t } = useI18n()
  return <PageFrame title={t('nav.risk')} testId="page-risk">{null}</PageFrame>
}
