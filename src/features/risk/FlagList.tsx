// Owns how flags read: the rule, its severity and source, the explanation naming the records, what to do, the accounts as links, and acknowledging.
import { App as AntApp, Button, Tag, Tooltip } from 'antd'
import { CheckOutlined, EyeOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { routeHref } from '@/state/router'
import { formatFen } from '@/domain/money'
import type { Acknowledgement } from '@/domain/risk/settings'
import type { RiskFlag } from '@/domain/risk/types'
import { SEVERITY_COLOURS } from './labels'
import { SourceTag } from './SourceTag'
import './risk.css'

function useMeasureText() {
  const { t } = useI18n()
  return (flag: Pick<RiskFlag, 'unit'>, value: number) => t(`risk.measure.${flag.unit}`, { value: flag.unit === 'fen' ? formatFen(value) : value })
}

export function FlagCard({
  flag,
  acknowledged,
  onAcknowledge,
  onUnacknowledge,
  showAccounts = true
}: {
  flag: RiskFlag
  acknowledged?: Acknowledgement
  onAcknowledge?(flag: RiskFlag): Promise<void>
  onUnacknowledge?(id: string): Promise<void>
  showAccounts?: boolean
}) {
  const { t, tm } = useI18n()
  const { message } = AntApp.useApp()
  const ledger = useLedger()
  const measure = useMeasureText()
  return (
    <div className={`flag-card ${flag.severity}`} data-testid="flag" data-flag-id={flag.id} data-rule={flag.rule}>
      <div className="flag-head">
        <span className="flag-title">{t(`rule.${flag.rule}`)}</span>
        <Tag color={SEVERITY_COLOURS[flag.severity]} className="record-flag">
          {t(`severity.${flag.severity}`)}
        </Tag>
        <SourceTag source={flag.source} />
        <span className="spacer" />
        {onAcknowledge && (
          <Tooltip title={t('risk.acknowledgeHelp')}>
            <Button
              size="small"
              icon={<CheckOutlined />}
              data-testid="flag-acknowledge"
              onClick={() => void onAcknowledge(flag).then(() => message.success(t('risk.acknowledged')))}
            >
              {t('risk.acknowledge')}
            </Button>
          </Tooltip>
        )}
        {onUnacknowledge && (
          <Button size="small" icon={<EyeOutlined />} data-testid="flag-unacknowledge" onClick={() => void onUnacknowledge(flag.id).then(() => message.success(t('risk.unacknowledged')))}>
            {t('risk.unacknowledge')}
          </Button>
        )}
      </div>
      <p className="flag-text" data-testid="flag-text">
        {tm(flag.explanation)}
      </p>
      <p className="flag-action">
        <strong>{t('risk.action')}</strong>
        {tm(flag.action)}
      </p>
      {(showAccounts && flag.accountIds.length > 0) || acknowledged ? (
        <div className="flag-meta muted">
          {acknowledged && <span>{t('risk.acknowledgedAt', { date: acknowledged.date, measure: measure(flag, acknowledged.measure) })} </span>}
          {showAccounts && flag.accountIds.length > 0 && (
            <>
              {t('risk.accounts')}
              {flag.accountIds.map((id) => (
                <a key={id} href={routeHref({ page: 'accounts', id })}>
                  {ledger.accountById.get(id)?.name ?? id}
                </a>
              ))}
            </>
          )}
        </div>
      ) : null}
    </div>
  )
}

export function FlagList(props: {
  flags: readonly RiskFlag[]
  acknowledgements?: Record<string, Acknowledgement>
  onAcknowledge?(flag: RiskFlag): Promise<void>
  onUnacknowledge?(id: string): Promise<void>
  showAccounts?: boolean
}) {
  return (
    <div className="flag-list">
      {props.flags.map((f) => (
        <FlagCard
          key={f.id}
          flag={f}
          acknowledged={props.acknowledgements?.[f.id]}
          onAcknowledge={props.onAcknowledge}
          onUnacknowledge={props.onUnacknowledge}
          showAccounts={props.showAccounts}
        />
      ))}
    </div>
  )
}
