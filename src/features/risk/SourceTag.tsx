// Owns the tag that says where a rule comes from (regulation, bank practice, product terms, folk advice), with what that means on hover.
import { Tag, Tooltip } from 'antd'
import { useI18n } from '@/state/i18n-context'
import type { SourceCategory } from '@/domain/risk/types'
import { SOURCE_COLOURS } from './labels'

export function SourceTag({ source }: { source: SourceCategory }) {
  const { t } = useI18n()
  return (
    <Tooltip title={t(`source.${source}.help`)}>
      <Tag color={SOURCE_COLOURS[source]} data-testid={`source-${source}`} className="record-flag">
        {t(`source.${source}`)}
      </Tag>
    </Tooltip>
  )
}
