// Owns the passphrase inputs of the backup page: protecting a backup about to be saved, and opening a protected one before its preview.
import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Checkbox, Form, Input, Space, type InputRef } from 'antd'
import { LockOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { PASSPHRASE_MIN_LENGTH } from '@/domain/backup/encrypted'

export interface ProtectState {
  on: boolean
  passphrase: string
  confirm: string
  /** Shown once the user tried to save. */
  tried: boolean
}

export const NO_PROTECT: ProtectState = { on: false, passphrase: '', confirm: '', tried: false }

/** Which field is wrong and why (a catalogue key), or null when the backup may be saved as chosen. */
export function protectProblem(p: ProtectState): { field: 'passphrase' | 'confirm'; key: 'crypt.required' | 'crypt.tooShort' | 'crypt.mismatch' } | null {
  if (!p.on) return null
  if (p.passphrase === '') return { field: 'passphrase', key: 'crypt.required' }
  if ([...p.passphrase].length < PASSPHRASE_MIN_LENGTH) return { field: 'passphrase', key: 'crypt.tooShort' }
  if (p.confirm !== p.passphrase) return { field: 'confirm', key: 'crypt.mismatch' }
  return null
}

export function ProtectFields({ value, onChange }: { value: ProtectState; onChange: (next: ProtectState) => void }) {
  const { t } = useI18n()
  const problem = value.tried ? protectProblem(value) : null
  const help = (field: 'passphrase' | 'confirm') => (problem?.field === field ? t(problem.key, { min: PASSPHRASE_MIN_LENGTH }) : undefined)
  return (
    <div className="backup-protect">
      <Checkbox checked={value.on} onChange={(e) => onChange({ ...NO_PROTECT, on: e.target.checked })} data-testid="backup-protect">
        {t('crypt.protect')}
      </Checkbox>
      {value.on && (
        <Form layout="vertical" className="record-form backup-protect-fields" component="div">
          <p className="muted">{t('crypt.protectHelp')}</p>
          <div className="form-row">
            <Form.Item label={t('crypt.passphrase')} validateStatus={help('passphrase') ? 'error' : undefined} help={help('passphrase')}>
              <Input.Password
                autoFocus
                autoComplete="new-password"
                value={value.passphrase}
                onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
                data-testid="backup-passphrase"
              />
            </Form.Item>
            <Form.Item label={t('crypt.confirm')} validateStatus={help('confirm') ? 'error' : undefined} help={help('confirm')}>
              <Input.Password autoComplete="new-password" value={value.confirm} onChange={(e) => onChange({ ...value, confirm: e.target.value })} data-testid="backup-passphrase-confirm" />
            </Form.Item>
          </div>
        </Form>
      )}
    </div>
  )
}

/** Asks for the passphrase of a protected file; `open` resolves to the refusal's words, or null once it opened. */
export function OpenSealed({ name, open, onCancel }: { name: string; open: (passphrase: string) => Promise<string | null>; onCancel: () => void }) {
  const { t } = useI18n()
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const [refused, setRefused] = useState<string | null>(null)
  const input = useRef<InputRef>(null)
  useEffect(() => input.current?.focus(), [])
  const submit = async () => {
    if (busy || passphrase === '') return
    setBusy(true)
    setRefused(null)
    let problem: string | null
    try {
      problem = await open(passphrase)
    } catch (e) {
      // Out of memory on a huge file, or no WebCrypto (a page not served over https): say so, keep the form usable.
      problem = e instanceof Error ? e.message : String(e)
    } finally {
      setBusy(false)
    }
    if (problem !== null) {
      setRefused(problem)
      setPassphrase('')
      input.current?.focus()
    }
  }
  return (
    <form
      className="backup-preview"
      data-testid="restore-sealed"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h4 className="backup-file">
        <LockOutlined /> {t('crypt.openTitle', { name })}
      </h4>
      <p className="muted">{t('crypt.openHelp')}</p>
      <Input.Password
        ref={input}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        placeholder={t('crypt.passphrase')}
        aria-label={t('crypt.passphrase')}
        autoComplete="off"
        readOnly={busy}
        data-testid="restore-passphrase"
      />
      {refused && <Alert type="error" showIcon className="backup-alert" title={refused} data-testid="restore-sealed-error" />}
      <Space className="backup-sealed-actions">
        <Button type="primary" htmlType="submit" loading={busy} disabled={passphrase === ''} data-testid="restore-open">
          {t('crypt.open')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('crypt.cancel')}
        </Button>
      </Space>
    </form>
  )
}
