// Owns the import page. Placeholder registered in the navigation; its feature fills it in.
import { useI18n } from '@/app/i18n-context'
import { PageFrame } from '@/components/PageFrame'

export function ImportPage() {
  const { t } = useI18n()
  return <PageFrame title={t('nav.import')} testId="page-import">{null}</PageFrame>
}
