// Owns the first-use state of the dues pages (home and calendar): what they will show, and the sample data to see it now.
import { useI18n } from '@/state/i18n-context'
import { EmptyState } from '@/components/EmptyState'
import { PageFrame } from '@/components/PageFrame'
import { SampleDataButton } from '../shared/SampleDataButton'

export function DuesEmptyPage({ title, testId }: { title: string; testId: string }) {
  const { t } = useI18n()
  return (
    <PageFrame title={title} testId={testId}>
      <EmptyState text={t('dues.empty')}>
        <SampleDataButton />
      </EmptyState>
    </PageFrame>
  )
}
