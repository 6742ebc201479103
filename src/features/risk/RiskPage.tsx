// Owns the risk page: every active flag with acknowledging, the acknowledged ones with undoing it, and the thresholds.
import { Tabs } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { PageFrame } from '@/components/PageFrame'
import { FlagList } from './FlagList'
import { FlagsPanel } from './FlagsPanel'
import { RiskSettingsForm } from './RiskSettingsForm'
import { useRisk } from './use-risk'
import './risk.css'

export function RiskPage() {
  const { t } = useI18n()
  const risk = useRisk()
  return (
    <PageFrame title={t('risk.title')} testId="page-risk">
      <p className="muted page-help">{t('risk.help')}</p>
      {risk.ready && (
        <div className="risk-scroll">
        <Tabs
          className="risk-tabs"
          data-testid="risk-tabs"
          items={[
            {
              key: 'active',
              label: <span data-testid="tab-active">{t('risk.tabActive', { count: risk.shown.length })}</span>,
              children: (
                <div data-testid="risk-active">
                  <FlagsPanel filter title={false} />
                </div>
              )
            },
            {
              key: 'acknowledged',
              label: <span data-testid="tab-acknowledged">{t('risk.tabAcknowledged', { count: risk.hidden.length })}</span>,
              children: (
                <div data-testid="risk-acknowledged">
                  {risk.hidden.length === 0 ? (
                    <p className="muted">{t('risk.noneAcknowledged')}</p>
                  ) : (
                    <FlagList flags={risk.hidden} acknowledgements={risk.acknowledgements} onUnacknowledge={risk.unacknowledge} />
                  )}
                </div>
              )
            },
            { key: 'settings', label: <span data-testid="tab-settings">{t('risk.tabSettings')}</span>, children: <RiskSettingsForm settings={risk.settings} /> }
          ]}
        />
        </div>
      )}
    </PageFrame>
  )
}
