// Owns starting at login: the one-time question in the desktop app (asked once, either answer remembered by the main process) and the switch in the reminder settings.
import { useEffect, useState } from 'react'
import { App as AntApp, Modal, Switch } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { platform, type LoginItemState } from '@/platform'

/** Asks once, on the desktop where a login item can be registered: reminders and pushes need the app running. */
export function LoginItemPrompt() {
  const { t, ready } = useI18n()
  const { message } = AntApp.useApp()
  const loginItem = platform().loginItem
  const [open, setOpen] = useState(false)
  useEffect(() => {
    if (!ready || loginItem === null) return
    let live = true
    loginItem
      .get()
      .then((state) => live && setOpen(state.supported && !state.asked))
      .catch((error: unknown) => console.error('Login item:', error))
    return () => {
      live = false
    }
  }, [ready, loginItem])
  if (loginItem === null) return null
  const answer = (yes: boolean) => {
    setOpen(false)
    void loginItem.set(yes).catch((error: unknown) => void message.error(t('loginItem.failed', { reason: error instanceof Error ? error.message : String(error) })))
  }
  return (
    <Modal
      open={open}
      title={t('loginItem.ask.title')}
      okText={t('loginItem.ask.yes')}
      cancelText={t('loginItem.ask.no')}
      onOk={() => answer(true)}
      onCancel={() => answer(false)}
      data-testid="login-item-prompt"
    >
      <p>{t('loginItem.ask.body')}</p>
    </Modal>
  )
}

/** The switch in the reminder settings (desktop); says so where the system has no login items. */
export function LoginItemSwitch() {
  const { t } = useI18n()
  const { message } = AntApp.useApp()
  const loginItem = platform().loginItem
  const [state, setState] = useState<LoginItemState | null>(null)
  useEffect(() => {
    if (loginItem === null) return
    let live = true
    loginItem
      .get()
      .then((next) => live && setState(next))
      .catch((error: unknown) => console.error('Login item:', error))
    return () => {
      live = false
    }
  }, [loginItem])
  if (loginItem === null || state === null) return null
  if (!state.supported) return <p className="muted" data-testid="login-item-unsupported">{t('loginItem.unsupported')}</p>
  return (
    <>
      <Switch checked={state.openAtLogin} onChange={(on) =>
          void loginItem
            .set(on)
            .then(setState)
            .catch((error: unknown) => void message.error(t('loginItem.failed', { reason: error instanceof Error ? error.message : String(error) })))
        } data-testid="login-item" /> <span>{t('loginItem.label')}</span>
      <div className="muted">{t('loginItem.help')}</div>
    </>
  )
}
