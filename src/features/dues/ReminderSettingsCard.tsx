// Owns the reminder settings: on or off, the lead times and hour, the minimum-payment share, the tray and start-at-login options on the desktop, and system notification permission on the web.
import { useState } from 'react'
import { App as AntApp, Button, Card, Form, Select, Switch, TimePicker } from 'antd'
import dayjs from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { appDb } from '@/db/instance'
import { isValidationError } from '@/domain/validation-error'
import { writeSetting } from '@/db/settings'
import { DUES_SETTINGS_KEY, duesSettingsSchema, type DuesSettings } from '@/domain/dues/settings'
import { platform, type NotificationState } from '@/platform'
import { leadDayLabel } from './labels'
import { LoginItemSwitch } from './LoginItemPrompt'
import { useDuesSettings } from './use-dues'

const LEAD_CHOICES = [0, 1, 2, 3, 5, 7, 10, 14, 30]

export function ReminderSettingsCard() {
  const { t, tk } = useI18n()
  const { message } = AntApp.useApp()
  const settings = useDuesSettings()
  const [permission, setPermission] = useState<NotificationState>(() => platform().notificationPermission())
  const desktop = platform().kind === 'electron'

  const save = async (patch: Partial<DuesSettings>) => {
    try {
      await writeSetting(appDb(), DUES_SETTINGS_KEY, duesSettingsSchema, { ...settings, ...patch })
      void message.success({ content: t('dues.settings.saved'), key: 'dues-settings' })
    } catch (e) {
      void message.error(isValidationError(e) ? tk(e.issues[0]?.message ?? 'validation.invalid') : t('common.saveFailed', { reason: e instanceof Error ? e.message : String(e) }))
    }
  }

  return (
    <Card title={t('dues.settings.title')} size="small" data-testid="reminder-settings">
      <p className="muted">{t('dues.settings.help')}</p>
      <Form layout="vertical" className="record-form">
        <Form.Item label={t('dues.settings.enabled')}>
          <Switch checked={settings.remindersEnabled} onChange={(v) => void save({ remindersEnabled: v })} data-testid="reminders-enabled" />
        </Form.Item>
        <div className="form-row">
          <Form.Item label={t('dues.settings.leadDays')}>
            <Select
              mode="multiple"
              value={[...settings.leadDays].sort((a, b) => b - a)}
              disabled={!settings.remindersEnabled}
              options={LEAD_CHOICES.map((d) => ({ value: d, label: leadDayLabel(d, t) }))}
              onChange={(days: number[]) => void save({ leadDays: days })}
              data-testid="reminder-leads"
            />
          </Form.Item>
          <Form.Item label={t('dues.settings.time')}>
            <TimePicker
              format="HH:mm"
              allowClear={false}
              minuteStep={5}
              disabled={!settings.remindersEnabled}
              value={dayjs(`2000-01-01T${settings.remindAt}`)}
              onChange={(v) => v && void save({ remindAt: v.format('HH:mm') })}
              data-testid="reminder-time"
            />
          </Form.Item>
        </div>
        {desktop ? (
          <>
            <Form.Item>
              <Switch checked={settings.keepInTray} onChange={(v) => void save({ keepInTray: v })} data-testid="keep-in-tray" /> <span>{t('dues.settings.tray')}</span>
            </Form.Item>
            <Form.Item>
              <LoginItemSwitch />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t('dues.settings.notifications')}>
            <span data-testid="notification-permission">{t(`dues.settings.permission.${permission}`)}</span>{' '}
            {permission === 'default' && (
              <Button size="small" onClick={() => void platform().requestNotificationPermission().then(setPermission)} data-testid="enable-notifications">
                {t('dues.banner.enable')}
              </Button>
            )}
          </Form.Item>
        )}
      </Form>
    </Card>
  )
}
