// Owns the mortgage page. Placeholder registered in the navigation; its feature fills it in.
import { useI18n } from '@/app/i18n-context'
import { PageFrame } from '@/components/PageFrame'

export function MortgagePage() {
  const { t } = useI18n()
  return <PageFrame title={t('nav.mortgage')} testId="page-mortgage">{null}</PageFrame>
}
