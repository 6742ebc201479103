// Owns how a real APR is shown beside the advertised one: red above 24%, labelled 单利, why it can sit below the advertised rate, "estimate" where the lender's method is unknown.
import { Tag, Tooltip } from 'antd'
import { QuestionCircleOutlined } from '@ant-design/icons'
import type { AprResult } from '@/domain/cost/types'
import { useI18n } from '@/state/i18n-context'
import { formatPercent } from './format'

export function AprText({ apr, naive, estimate, detailed }: { apr: AprResult | null; naive?: number | null; estimate?: boolean; detailed?: boolean }) {
  const { t } = useI18n()
  if (!apr) return <span className="muted">—</span>
  const high = apr.aprSimple > 0.24
  return (
    <span className="apr-cell">
      <span className={high ? 'apr-high' : ''}>{formatPercent(apr.aprSimple)}</span>
      {detailed && <span className="muted"> {t('cost.simple')}</span>}
      {detailed && (
        <span className="muted">
          {' · '}
          {formatPercent(apr.aprCompound)} {t('cost.compound')}
        </span>
      )}
      {naive !== undefined && naive !== null && (
        <span className="muted">
          {' · '}
          {t('cost.naive')} {formatPercent(naive)}
          {/* Below the advertised rate reads like a mistake: say why it is not (as shown, to two decimals). */}
          {formatPercent(apr.aprSimple) !== formatPercent(naive) && apr.aprSimple < naive && (
            <Tooltip title={t('cost.belowAdvertisedHelp')}>
              <QuestionCircleOutlined className="apr-why" aria-label={t('cost.belowAdvertised')} data-testid="apr-below-why" tabIndex={0} />
            </Tooltip>
          )}
        </span>
      )}
      {estimate && (
        <Tooltip title={t('cost.estimateHelp')}>
          <Tag className="inline-tag">{t('cost.estimate')}</Tag>
        </Tooltip>
      )}
    </span>
  )
}
