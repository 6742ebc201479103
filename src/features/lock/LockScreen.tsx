// Owns the lock screen: shown instead of the whole shell, so nothing of the ledger is on screen or in the page while locked.
import { useEffect, useRef, useState } from 'react'
import { Alert, App as AntApp, Button, Input, Modal, type InputRef } from 'antd'
import { LockOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useUndo } from '@/state/undo'
import iconUrl from '../../../resources/icon.svg'
import './lock.css'

export function LockScreen({ unlock, heldReminders = 0 }: { unlock(password: string): Promise<boolean>; heldReminders?: number }) {
  const { t, ready } = useI18n()
  const { notification, message } = AntApp.useApp()
  const [password, setPassword] = useState('')
  const [wrong, setWrong] = useState(false)
  const [checking, setChecking] = useState(false)
  const input = useRef<InputRef>(null)

  const undo = useUndo()
  // A due reminder or a note left open from before the lock would show amounts over the lock screen; a
  // confirmation left open (replace with a backup, load the sample) would still act; Ctrl+Z would
  // still undo. All of them go.
  useEffect(() => {
    Modal.destroyAll()
    notification.destroy()
    message.destroy()
    undo.withdraw()
  }, [notification, message, undo])

  useEffect(() => {
    if (ready) input.current?.focus()
  }, [ready])

  const submit = async () => {
    if (checking || password === '') return
    setChecking(true)
    const ok = await unlock(password)
    if (ok) return
    setChecking(false)
    setWrong(true)
    setPassword('')
    input.current?.focus()
  }

  // Until the stored language is known the screen stays empty rather than flash the other language.
  if (!ready) return <div className="lock-screen" data-testid="lock-screen" />
  return (
    <div className="lock-screen" data-testid="lock-screen">
      <form
        className="lock-card"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <img src={iconUrl} alt="" className="lock-icon" />
        <h1>{t('lock.screenTitle')}</h1>
        <p className="muted">{t('lock.screenHelp')}</p>
        {heldReminders > 0 && <Alert type="warning" showIcon title={t('lock.remindersWaiting', { count: heldReminders })} data-testid="lock-reminders" />}
        <Input.Password
          ref={input}
          size="large"
          prefix={<LockOutlined />}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value)
            setWrong(false)
          }}
          placeholder={t('lock.password')}
          aria-label={t('lock.password')}
          autoComplete="current-password"
          readOnly={checking}
          data-testid="lock-password"
        />
        {wrong && <Alert type="error" showIcon role="alert" title={t('lock.wrong')} data-testid="lock-wrong" />}
        <Button type="primary" size="large" htmlType="submit" block loading={checking} disabled={password === ''} data-testid="lock-unlock">
          {checking ? t('lock.checking') : t('lock.unlock')}
        </Button>
      </form>
    </div>
  )
}
