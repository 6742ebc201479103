// Owns the rules page: what each rule checks with its thresholds as set now and by default, where it comes from, and how law differs from bank practice and folk advice.
import { Button, Card } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { routeHref } from '@/state/router'
import { RULE_CATALOG } from '@/domain/risk/catalog'
import { DEFAULT_RISK_SETTINGS } from '@/domain/risk/settings'
import { SOURCE_CATEGORIES } from '@/domain/risk/types'
import { PageFrame } from '@/components/PageFrame'
import { SETTING_UNITS, unitKey } from '../risk/labels'
import { SourceTag } from '../risk/SourceTag'
import { useRisk } from '../risk/use-risk'
import '../risk/risk.css'

export function RulesPage() {
  const { t } = useI18n()
  const risk = useRisk()
  const current = risk.settings
  return (
    <PageFrame
      title={t('rules.title')}
      testId="page-rules"
      extra={
        <Button href={routeHref({ page: 'risk' })} data-testid="rules-edit-settings">
          {t('rules.editSettings')}
        </Button>
      }
    >
      <div className="risk-scroll">
        <p className="muted page-help">{t('rules.help')}</p>
        <h3 className="section-title">{t('rules.categories')}</h3>
        <div className="categories-grid">
          {SOURCE_CATEGORIES.map((s) => (
            <Card key={s} size="small" data-testid={`category-${s}`}>
              <SourceTag source={s} />
              <p>{t(`source.${s}.help`)}</p>
            </Card>
          ))}
        </div>
        <Card size="small" title={t('rules.lawVsPractice')} className="account-flags" data-testid="law-vs-practice">
          <p className="flag-text">{t('rules.lawVsPracticeText')}</p>
        </Card>
        <div className="rules-list">
          {RULE_CATALOG.map((rule) => (
            <Card key={rule.id} size="small" className="rule-card" data-testid="rule" data-rule={rule.id}>
              <div className="flag-head">
                <h3>{t(`rule.${rule.id}`)}</h3>
                {rule.sources.map((s) => (
                  <SourceTag key={s} source={s} />
                ))}
              </div>
              <p>{t(`rules.what.${rule.id}`, current)}</p>
              <p className="muted">{t(`rules.why.${rule.id}`, DEFAULT_RISK_SETTINGS)}</p>
              <ul className="rule-thresholds">
                {rule.settings.map((key) => (
                  <li key={key} data-testid={`threshold-${key}`}>
                    {t('rules.thresholdValue', { label: t(`risk.setting.${key}`), value: current[key], unit: t(unitKey(SETTING_UNITS[key], current[key])) })}
                    {current[key] !== DEFAULT_RISK_SETTINGS[key] && <span className="muted">{t('rules.defaultValue', { value: DEFAULT_RISK_SETTINGS[key] })}</span>}
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      </div>
    </PageFrame>
  )
}
