// Owns editing the thresholds: every setting grouped under the rule it belongs to, with its unit, default and range, checked by the settings schema before anything is stored.
import { useEffect, useRef } from 'react'
import { App as AntApp, Button, Card, Form, InputNumber } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { appDb } from '@/db/instance'
import { isValidationError } from '@/domain/validation-error'
import { saveRiskSettings } from '@/db/risk'
import { check } from '@/domain/records'
import { RULE_CATALOG } from '@/domain/risk/catalog'
import { DEFAULT_RISK_SETTINGS, RISK_SETTING_LIMITS, riskSettingsSchema, type RiskSettingKey, type RiskSettings } from '@/domain/risk/settings'
import type { FieldIssue } from '@/domain/records'
import type { RuleId } from '@/domain/risk/types'
import type { MessageKey } from '@/i18n'
import { SETTING_UNITS } from './labels'

/** Each setting under the first rule that uses it. */
const GROUPS: { rule: RuleId; keys: RiskSettingKey[] }[] = (() => {
  const seen = new Set<RiskSettingKey>()
  return RULE_CATALOG.map((r) => ({ rule: r.id, keys: r.settings.filter((k) => !seen.has(k) && (seen.add(k), true)) })).filter((g) => g.keys.length > 0)
})()

function isSettingKey(path: string): path is RiskSettingKey {
  return Object.hasOwn(RISK_SETTING_LIMITS, path)
}

export function RiskSettingsForm({ settings }: { settings: RiskSettings }) {
  const { t, tk } = useI18n()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm()
  // Filled once from what is stored; later changes elsewhere must not wipe what is being typed.
  const filled = useRef(false)
  useEffect(() => {
    if (!filled.current) {
      filled.current = true
      form.setFieldsValue(settings)
    }
  }, [settings, form])

  const messageOf = (issue: FieldIssue): string => {
    const limit = isSettingKey(issue.path) ? RISK_SETTING_LIMITS[issue.path] : undefined
    if (limit && issue.message === 'validation.riskRange') return t('validation.riskRangeOf', { min: limit.min, max: limit.max })
    return tk(issue.message)
  }

  const showIssues = (issues: FieldIssue[]) => {
    form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })))
    form.setFields(issues.map((i) => ({ name: i.path, errors: [messageOf(i)] })))
    void message.error(t('common.fixErrors'))
  }

  const save = async (values: unknown) => {
    const checked = check(riskSettingsSchema, values)
    if (!checked.ok) return showIssues(checked.issues)
    try {
      await saveRiskSettings(appDb(), checked.value)
      form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })))
      void message.success(t('risk.settingsSaved'))
    } catch (e) {
      if (isValidationError(e)) showIssues(e.issues)
      else void message.error(t('common.saveFailed', { reason: e instanceof Error ? e.message : String(e) }))
    }
  }

  const reset = async () => {
    form.setFieldsValue(DEFAULT_RISK_SETTINGS)
    await saveRiskSettings(appDb(), DEFAULT_RISK_SETTINGS)
    form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })))
    void message.success(t('risk.settingsResetDone'))
  }

  return (
    <Form form={form} layout="vertical" onFinish={() => void save(form.getFieldsValue(true))} data-testid="risk-settings">
      <p className="muted">{t('risk.settingsHelp')}</p>
      {GROUPS.map((g) => (
        <Card key={g.rule} size="small" title={t(`rule.${g.rule}`)} className="risk-settings-group">
          <div className="risk-settings-grid">
            {g.keys.map((key) => {
              const limit = RISK_SETTING_LIMITS[key]
              const unit: MessageKey = `risk.unit.${SETTING_UNITS[key]}`
              return (
                <Form.Item key={key} name={key} label={t(`risk.setting.${key}`)} extra={t('risk.settingDefault', { value: limit.default, min: limit.min, max: limit.max })}>
                  <InputNumber style={{ width: '100%' }} suffix={t(unit)} step={limit.integer ? 1 : 0.1} data-testid={`setting-${key}`} />
                </Form.Item>
              )
            })}
          </div>
        </Card>
      ))}
      <div className="risk-settings-actions">
        <Button type="primary" htmlType="submit" data-testid="risk-settings-save">
          {t('common.save')}
        </Button>
        <Button onClick={() => void reset()} data-testid="risk-settings-reset">
          {t('risk.settingsReset')}
        </Button>
      </div>
    </Form>
  )
}
