// Owns the app lock's settings: set, change or remove the password, and the idle time after which the app locks.
import { useState } from 'react'
import { App as AntApp, Button, Card, Form, Input, Select, Space, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useDevicePrefs } from '@/state/device'
import { IDLE_CHOICES, setIdleMinutes, setLockRecord, type IdleMinutes } from '@/platform/device-prefs'
import { createLockRecord, LOCK_MIN_LENGTH, verifyLockPassword } from '@/platform/lock-hash'

type Mode = 'view' | 'set' | 'change' | 'remove'

interface Values {
  current?: string
  next?: string
  confirm?: string
}

export function AppLockCard() {
  const { t } = useI18n()
  const { message } = AntApp.useApp()
  const { lock, idleMinutes } = useDevicePrefs()
  const [mode, setMode] = useState<Mode>('view')
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<Values>()
  const on = lock !== null
  const shown: Mode = on ? mode : mode === 'view' ? 'view' : 'set'

  const close = () => {
    form.resetFields()
    setMode('view')
  }

  const finish = async (values: Values) => {
    setBusy(true)
    try {
      if (lock !== null && !(await verifyLockPassword(values.current ?? '', lock))) {
        form.setFields([{ name: 'current', errors: [t('lock.currentWrong')] }])
        return
      }
      if (shown === 'remove') {
        setLockRecord(null)
        void message.success(t('lock.removed'))
      } else {
        setLockRecord(await createLockRecord(values.next ?? ''))
        void message.success(t(on ? 'lock.changed' : 'lock.saved'))
      }
      close()
    } catch (e) {
      void message.error(t('lock.storeFailed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
  }

  const idleOptions = IDLE_CHOICES.map((m) => ({ value: m, label: m === 0 ? t('lock.idleOff') : t('lock.idleMinutes', { count: m }) }))

  return (
    <Card
      title={t('lock.settings')}
      size="small"
      data-testid="app-lock-settings"
      extra={
        <Tag color={on ? 'green' : 'default'} data-testid="lock-status">
          {t(on ? 'lock.on' : 'lock.off')}
        </Tag>
      }
    >
      <p className="muted">{t('lock.explain')}</p>
      <Form form={form} layout="vertical" className="record-form" onFinish={(v) => void finish(v)} requiredMark={false}>
        {shown !== 'view' && on && (
          <Form.Item name="current" label={t('lock.currentPassword')} rules={[{ required: true, message: t('lock.currentRequired') }]}>
            <Input.Password autoComplete="current-password" autoFocus data-testid="lock-current" />
          </Form.Item>
        )}
        {(shown === 'set' || shown === 'change') && (
          <div className="form-row">
            <Form.Item
              name="next"
              label={t('lock.newPassword')}
              rules={[
                { required: true, message: t('lock.newRequired') },
                { min: LOCK_MIN_LENGTH, message: t('lock.newTooShort', { min: LOCK_MIN_LENGTH }) }
              ]}
            >
              <Input.Password autoComplete="new-password" autoFocus={!on} data-testid="lock-new" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('lock.confirmPassword')}
              dependencies={['next']}
              rules={[
                { required: true, message: t('lock.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: unknown) => (!value || getFieldValue('next') === value ? Promise.resolve() : Promise.reject(new Error(t('lock.passwordMismatch'))))
                })
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="lock-confirm" />
            </Form.Item>
          </div>
        )}
        {shown !== 'view' && (
          <>
            <p className="muted">{t('lock.forgotten')}</p>
            <Space>
              <Button type="primary" danger={shown === 'remove'} htmlType="submit" loading={busy} data-testid="lock-save">
                {t(shown === 'remove' ? 'lock.remove' : shown === 'change' ? 'lock.change' : 'lock.set')}
              </Button>
              <Button onClick={close} disabled={busy} data-testid="lock-cancel">
                {t('lock.cancel')}
              </Button>
            </Space>
          </>
        )}
      </Form>
      {shown === 'view' && (
        <Space wrap>
          {on ? (
            <>
              <Button onClick={() => setMode('change')} data-testid="lock-change">
                {t('lock.change')}
              </Button>
              <Button danger onClick={() => setMode('remove')} data-testid="lock-remove">
                {t('lock.remove')}
              </Button>
            </>
          ) : (
            <Button type="primary" onClick={() => setMode('set')} data-testid="lock-set">
              {t('lock.set')}
            </Button>
          )}
        </Space>
      )}
      <Form layout="vertical" className="record-form lock-idle">
        <Form.Item label={t('lock.idle')}>
          <Select<IdleMinutes> value={idleMinutes} options={idleOptions} onChange={(m) => setIdleMinutes(m)} disabled={!on} data-testid="lock-idle" />
        </Form.Item>
      </Form>
    </Card>
  )
}
