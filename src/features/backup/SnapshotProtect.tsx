// Owns the desktop setting "encrypt automatic backups": turning it on asks for the passphrase twice and keeps the key derived from it on this device; turning it off forgets the key.
import { useState } from 'react'
import { App as AntApp, Button, Form, Input, Switch } from 'antd'
import { LockOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { PASSPHRASE_MIN_LENGTH } from '@/domain/backup/encrypted'
import { NO_PROTECT, protectProblem, type ProtectState } from './Passphrase'
import { turnOffSnapshotEncryption, turnOnSnapshotEncryption, useSnapshotEncryption } from './snapshot-key'

export function SnapshotProtect() {
  const { t } = useI18n()
  const { message, modal } = AntApp.useApp()
  const on = useSnapshotEncryption()
  const [asking, setAsking] = useState<ProtectState | null>(null)
  const [busy, setBusy] = useState(false)
  const problem = asking?.tried ? protectProblem(asking) : null
  const help = (field: 'passphrase' | 'confirm') => (problem?.field === field ? t(problem.key, { min: PASSPHRASE_MIN_LENGTH }) : undefined)

  const toggle = (checked: boolean) => {
    if (checked) {
      setAsking({ ...NO_PROTECT, on: true })
      return
    }
    if (asking) {
      setAsking(null)
      return
    }
    modal.confirm({
      title: t('crypt.auto.offTitle'),
      content: t('crypt.auto.offConfirm'),
      okText: t('crypt.auto.off'),
      cancelText: t('crypt.cancel'),
      onOk: () => {
        turnOffSnapshotEncryption()
        void message.success(t('crypt.auto.turnedOff'))
      }
    })
  }

  const enable = async () => {
    if (!asking || busy) return
    if (protectProblem(asking)) {
      setAsking({ ...asking, tried: true })
      return
    }
    setBusy(true)
    try {
      // The 600,000 rounds run once, here; the passphrase goes out of memory with this form.
      if (await turnOnSnapshotEncryption(asking.passphrase)) void message.success(t('crypt.auto.turnedOn'))
      else void message.error(t('crypt.auto.refused'))
      setAsking(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="backup-protect" data-testid="snapshot-protect">
      <label className="snapshot-protect-toggle">
        <Switch size="small" checked={on || asking !== null} loading={busy} onChange={toggle} data-testid="snapshot-protect-switch" />{' '}
        <LockOutlined /> {t('crypt.auto.toggle')}
      </label>
      {on && asking === null && (
        <p className="muted" data-testid="snapshot-protect-on">
          {t('crypt.auto.on')}
        </p>
      )}
      {asking && (
        <Form
          layout="vertical"
          className="record-form backup-protect-fields"
          component="form"
          onSubmitCapture={(e) => {
            e.preventDefault()
            void enable()
          }}
        >
          <p className="muted">{t('crypt.auto.help')}</p>
          <div className="form-row">
            <Form.Item label={t('crypt.passphrase')} validateStatus={help('passphrase') ? 'error' : undefined} help={help('passphrase')}>
              <Input.Password
                autoFocus
                autoComplete="new-password"
                value={asking.passphrase}
                onChange={(e) => setAsking({ ...asking, passphrase: e.target.value })}
                readOnly={busy}
                data-testid="snapshot-passphrase"
              />
            </Form.Item>
            <Form.Item label={t('crypt.confirm')} validateStatus={help('confirm') ? 'error' : undefined} help={help('confirm')}>
              <Input.Password
                autoComplete="new-password"
                value={asking.confirm}
                onChange={(e) => setAsking({ ...asking, confirm: e.target.value })}
                readOnly={busy}
                data-testid="snapshot-passphrase-confirm"
              />
            </Form.Item>
          </div>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="snapshot-protect-enable">
            {t('crypt.auto.enable')}
          </Button>{' '}
          <Button onClick={() => setAsking(null)} disabled={busy}>
            {t('crypt.cancel')}
          </Button>
        </Form>
      )}
    </div>
  )
}
