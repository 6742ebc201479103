// Owns how flags read: the rule, its severity and source, the explanation naming the records, what to do, the accounts as links, and acknowledging; several flags of one rule and severity read as one card.
import { App as AntApp, Button, Tag, Tooltip } from 'antd'
import { CheckOutlined, EyeOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { routeHref } from '@/state/router'
import { formatFen } from '@/domain/money'
import type { Acknowledgement } from '@/domain/risk/settings'
import type { RiskFlag } from '@/domain/risk/types'
import { groupSimilarFlags } from '@/domain/risk/group-flags'
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

type ListProps = {
  acknowledgements?: Record<string, Acknowledgement>
  onAcknowledge?(flag: RiskFlag): Promise<void>
  onUnacknowledge?(id: string): Promise<void>
  showAccounts?: boolean
}

/** Several flags of one rule at one severity: one card, each flag a line with its own acknowledging, what to do said once when it is the same for all. */
function FlagGroupCard({ flags, ...props }: ListProps & { flags: RiskFlag[] }) {
  const { t, tm } = useI18n()
  const { message } = AntApp.useApp()
  const ledger = useLedger()
  const first = flags[0]!
  const actions = new Set(flags.map((f) => tm(f.action)))
  const accountIds = [...new Set(flags.flatMap((f) => f.accountIds))]
  const measure = useMeasureText()
  const acknowledgeAll = async (onAcknowledge: (flag: RiskFlag) => Promise<void>) => {
    for (const f of flags) await onAcknowledge(f)
    void message.success(t('risk.acknowledged'))
  }
  return (
    <div className={`flag-card flag-group ${first.severity}`} data-testid="flag-group" data-rule={first.rule}>
      <div className="flag-head">
        <span className="flag-title">{t(`rule.${first.rule}`)}</span>
        <Tag color={SEVERITY_COLOURS[first.severity]} className="record-flag">
          {t(`severity.${first.severity}`)}
        </Tag>
        <SourceTag source={first.source} />
        <span className="muted" data-testid="flag-group-count">
          {t('risk.groupCount', { count: flags.length })}
        </span>
        <span className="spacer" />
        {props.onAcknowledge && (
          <Button size="small" icon={<CheckOutlined />} data-testid="flag-group-acknowledge" onClick={() => void acknowledgeAll(props.onAcknowledge!)}>
            {t('risk.acknowledgeAll')}
          </Button>
        )}
      </div>
      <ul className="flag-members">
        {flags.map((f) => (
          <li key={f.id} className="flag-member" data-testid="flag" data-flag-id={f.id} data-rule={f.rule}>
            <span className="flag-text" data-testid="flag-text">
              {tm(f.explanation)}
            </span>
            {actions.size > 1 && (
              <span className="flag-action">
                {' '}
                <strong>{t('risk.action')}</strong>
                {tm(f.action)}
              </span>
            )}
            {props.acknowledgements?.[f.id] && <span className="muted"> {t('risk.acknowledgedAt', { date: props.acknowledgements[f.id]!.date, measure: measure(f, props.acknowledgements[f.id]!.measure) })}</span>}
            {props.onAcknowledge && (
              <Tooltip title={t('risk.acknowledgeHelp')}>
                <Button size="small" type="text" icon={<CheckOutlined />} aria-label={t('risk.acknowledge')} data-testid="flag-acknowledge" onClick={() => void props.onAcknowledge!(f).then(() => message.success(t('risk.acknowledged')))} />
              </Tooltip>
            )}
            {props.onUnacknowledge && (
              <Button size="small" type="text" icon={<EyeOutlined />} aria-label={t('risk.unacknowledge')} data-testid="flag-unacknowledge" onClick={() => void props.onUnacknowledge!(f.id).then(() => message.success(t('risk.unacknowledged')))} />
            )}
          </li>
        ))}
      </ul>
      {actions.size === 1 && (
        <p className="flag-action">
          <strong>{t('risk.action')}</strong>
          {tm(first.action)}
        </p>
      )}
      {props.showAccounts !== false && accountIds.length > 0 && (
        <div className="flag-meta muted">
          {t('risk.accounts')}
          {accountIds.map((id) => (
            <a key={id} href={routeHref({ page: 'accounts', id })}>
              {ledger.accountById.get(id)?.name ?? id}
            </a>
          ))}
        </div>
      )}
    </div>
  )
}

export function FlagList({ flags, ...props }: ListProps & { flags: readonly RiskFlag[] }) {
  return (
    <div className="flag-list">
      {groupSimilarFlags(flags).map((entry) =>
        entry.kind === 'group' ? (
          <FlagGroupCard key={`group:${entry.rule}:${entry.severity}`} flags={entry.flags} {...props} />
        ) : (
          <FlagCard
            key={entry.flag.id}
            flag={entry.flag}
            acknowledged={props.acknowledgements?.[entry.flag.id]}
            onAcknowledge={props.onAcknowledge}
            onUnacknowledge={props.onUnacknowledge}
            showAccounts={props.showAccounts}
          />
        )
      )}
    </div>
  )
}
