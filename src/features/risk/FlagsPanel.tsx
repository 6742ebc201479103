// Owns the self-contained panel of active risk flags: drop it on any page (the dashboard, an account) with an optional account and a limit.
import { useState } from 'react'
import { Segmented } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { routeHref } from '@/state/router'
import { SEVERITIES, type Severity } from '@/domain/risk/types'
import { FlagList } from './FlagList'
import { useRisk } from './use-risk'
import './risk.css'

type Filter = Severity | 'all'

/**
 * The flags not acknowledged, the most severe first. With `accountId` only that account's; with
 * `limit` the first few and a link to the risk page; `filter` adds a severity switch.
 */
export function FlagsPanel({ accountId, limit, filter = false, title = true }: { accountId?: string; limit?: number; filter?: boolean; title?: boolean }) {
  const { t } = useI18n()
  const risk = useRisk()
  const [severity, setSeverity] = useState<Filter>('all')
  if (!risk.ready) return null
  const all = accountId === undefined ? risk.shown : (risk.byAccount.get(accountId) ?? [])
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, all.filter((f) => f.severity === s).length])) satisfies Record<string, number>
  const filtered = severity === 'all' ? all : all.filter((f) => f.severity === severity)
  const shown = limit === undefined ? filtered : filtered.slice(0, limit)
  return (
    <section className="flags-panel" data-testid="flags-panel">
      {(title || filter) && (
        <div className="flags-panel-head">
          {title && <h3>{accountId === undefined ? t('risk.panelTitle') : t('risk.accountFlagsTitle')}</h3>}
          {all.length > 0 && <span className="muted" data-testid="flags-count">{t('risk.countBySeverity', { critical: counts.critical ?? 0, warning: counts.warning ?? 0, info: counts.info ?? 0 })}</span>}
          {filter && all.length > 0 && (
            <Segmented<Filter>
              size="small"
              value={severity}
              onChange={setSeverity}
              data-testid="flags-filter"
              options={[{ value: 'all', label: t('risk.filterAll') }, ...SEVERITIES.toReversed().map((s) => ({ value: s, label: t(`severity.${s}`) }))]}
            />
          )}
        </div>
      )}
      {all.length === 0 ? (
        <p className="muted" data-testid="flags-none">
          {accountId === undefined ? t('risk.none') : t('risk.noneForAccount')}
        </p>
      ) : (
        <FlagList flags={shown} onAcknowledge={risk.acknowledge} showAccounts={accountId === undefined} />
      )}
      {shown.length < filtered.length && (
        <p>
          <a href={routeHref({ page: 'risk' })} data-testid="flags-view-all">
            {t('risk.viewAll', { count: filtered.length })}
          </a>
        </p>
      )}
    </section>
  )
}
