// Owns the home page. Placeholder registered in the navigation; its feature fills it in.
import { useI18n } from '@/app/i18n-context'
import { PageFrame } from '@/components/PageFrame'

export function HomePage() {
  const { t } = useI18n()
  return <PageFrame title={t('nav.home')} testId="page-home">{null}</PageFrame>
}
