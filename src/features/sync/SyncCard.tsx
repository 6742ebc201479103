// Owns setting up sync: the WebDAV folder (a preset, the address, user and app password), the sync passphrase, the status of the last sync with what it did or why it stopped, and the conflict log.
import { useEffect, useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Tag } from 'antd'
import { SyncOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { appDb } from '@/db/instance'
import { readSyncState } from '@/db/sync'
import { platform, WEBDAV_PRESETS, type SyncState, type WebDavPreset } from '@/platform'
import { connect, disconnect, syncNow, useSyncStatus, type SyncProblem } from './sync-runner'

type FieldName = 'url' | 'user' | 'password'

export function SyncCard() {
  const { t, tk } = useI18n()
  const { message } = AntApp.useApp()
  const settings = platform().syncSettings
  const status = useSyncStatus()
  const stored = useLiveQuery(() => readSyncState(appDb()), [])
  const [folder, setFolder] = useState<SyncState | null>(null)
  const [preset, setPreset] = useState<WebDavPreset['id']>('jianguoyun')
  const [draft, setDraft] = useState({ url: '', user: '', password: '' })
  const [fieldProblem, setFieldProblem] = useState<{ field: FieldName; text: string } | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const [connectProblem, setConnectProblem] = useState<SyncProblem | null>(null)

  useEffect(() => {
    let live = true
    void settings.state().then((s) => {
      if (!live) return
      setFolder(s)
      // A folder not set yet starts from the first preset's address (坚果云's needs nothing filled in).
      setDraft((d) => ({ ...d, url: s.url ?? (d.url || WEBDAV_PRESETS[0]!.urlPattern), user: s.user ?? d.user }))
    })
    return () => {
      live = false
    }
  }, [settings])

  const problemText = (p: SyncProblem) => (p.kind === 'wrongPassphrase' ? t('sync.error.wrongPassphrase') : p.kind === 'other' ? t('sync.error.other', { detail: p.detail }) : tk(`sync.error.${p.kind}`, { detail: p.detail }))

  const saveFolder = async () => {
    setBusy(true)
    try {
      const result = await settings.configure({ url: draft.url.trim(), user: draft.user.trim(), ...(draft.password === '' ? {} : { password: draft.password }) })
      if (!result.saved) {
        setFieldProblem({ field: result.field, text: tk(`sync.problem.${result.problem}`) })
        return
      }
      setFieldProblem(null)
      setFolder(result.state)
      setDraft((d) => ({ ...d, password: '' }))
      const test = await settings.test()
      if (test.ok) void message.success(t('sync.folderSaved'))
      else void message.error(problemText({ kind: test.kind, detail: test.detail }))
    } finally {
      setBusy(false)
    }
  }

  const connectNow = async () => {
    setBusy(true)
    try {
      setConnectProblem(await connect(passphrase))
      setPassphrase('')
    } finally {
      setBusy(false)
    }
  }

  const chosen = WEBDAV_PRESETS.find((p) => p.id === preset)!
  const help = (field: FieldName) => (fieldProblem?.field === field ? { validateStatus: 'error' as const, help: fieldProblem.text } : {})
  const connected = status.phase !== 'off'
  const report = status.lastReport

  return (
    <Card
      title={t('sync.title')}
      size="small"
      data-testid="sync-card"
      extra={
        <Tag color={connected ? 'green' : 'default'} data-testid="sync-status">
          {t(connected ? 'sync.connected' : 'sync.off')}
        </Tag>
      }
    >
      <p className="muted">{t('sync.help')}</p>
      {settings.limits === 'browser' && <Alert type="info" showIcon className="backup-alert sync-web-note" title={t('sync.web.note')} />}
      <Form layout="vertical" className="record-form sync-form" component="div">
        <Form.Item label={t('sync.preset')}>
          <Select<WebDavPreset['id']>
            value={preset}
            onChange={(id) => {
              setPreset(id)
              const p = WEBDAV_PRESETS.find((x) => x.id === id)!
              setDraft((d) => ({ ...d, url: p.urlPattern }))
            }}
            options={WEBDAV_PRESETS.map((p) => ({ value: p.id, label: tk(`sync.preset.${p.id}`) }))}
            data-testid="sync-preset"
          />
          <div className="muted sync-preset-help">{tk(chosen.helpKey)}</div>
        </Form.Item>
        <Form.Item label={t('sync.field.url')} {...help('url')}>
          <Input value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} data-testid="sync-url" />
        </Form.Item>
        <div className="form-row">
          <Form.Item label={t('sync.field.user')} {...help('user')}>
            <Input value={draft.user} autoComplete="username" onChange={(e) => setDraft({ ...draft, user: e.target.value })} data-testid="sync-user" />
          </Form.Item>
          <Form.Item label={t('sync.field.password')} {...help('password')}>
            <Input.Password
              value={draft.password}
              autoComplete="new-password"
              placeholder={folder?.configured ? t('sync.keepPassword') : undefined}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              data-testid="sync-password"
            />
          </Form.Item>
        </div>
        <Button onClick={() => void saveFolder()} loading={busy && !connected} data-testid="sync-save-folder">
          {t('sync.saveFolder')}
        </Button>
        {folder?.configured && !connected && (
          <Form.Item label={t('sync.passphrase')} extra={t('sync.passphraseHelp')} className="sync-passphrase">
            <Space.Compact className="sync-passphrase-row">
              <Input.Password value={passphrase} autoComplete="off" onChange={(e) => setPassphrase(e.target.value)} onPressEnter={() => void connectNow()} data-testid="sync-passphrase" />
              <Button type="primary" disabled={passphrase === ''} loading={busy} onClick={() => void connectNow()} data-testid="sync-connect">
                {t('sync.connect')}
              </Button>
            </Space.Compact>
          </Form.Item>
        )}
      </Form>
      {connectProblem && <Alert type="error" showIcon className="backup-alert" title={problemText(connectProblem)} data-testid="sync-connect-error" />}
      {connected && (
        <div className="sync-state" data-testid="sync-state">
          <p>
            {status.phase === 'syncing' ? t('sync.syncing') : status.lastSyncAt ? t('sync.lastSync', { time: dayjs(status.lastSyncAt).format('YYYY-MM-DD HH:mm') }) : t('sync.never')}
            {report && status.phase !== 'syncing' && <span className="muted"> · {t('sync.report', { sent: report.sent, received: report.received, written: report.written })}</span>}
          </p>
          {report && report.invalid.length > 0 && <Alert type="warning" showIcon className="backup-alert" title={t('sync.invalid', { count: report.invalid.length })} />}
          {status.problem && <Alert type="error" showIcon className="backup-alert" title={problemText(status.problem)} data-testid="sync-error" />}
          <Space wrap className="sync-actions">
            <Button type="primary" icon={<SyncOutlined />} loading={status.phase === 'syncing'} onClick={() => void syncNow()} data-testid="sync-now">
              {t('sync.syncNow')}
            </Button>
            <Button onClick={disconnect} data-testid="sync-disconnect">
              {t('sync.disconnect')}
            </Button>
          </Space>
          <h4>{t('sync.conflicts')}</h4>
          {(stored?.conflicts.length ?? 0) === 0 ? (
            <p className="muted">{t('sync.noConflicts')}</p>
          ) : (
            <ul className="sync-conflicts" data-testid="sync-conflicts">
              {stored!.conflicts.slice(0, 10).map((c) => (
                <li key={`${c.at}-${c.table}-${c.row}-${c.field}`}>
                  {t('sync.conflict', { at: dayjs(c.at).format('MM-DD HH:mm'), table: tk(`report.sheet.${c.table}`), row: c.row, field: c.field, kept: JSON.stringify(c.kept.value), lost: JSON.stringify(c.lost.value) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="muted">{t('sync.notKept')}</p>
    </Card>
  )
}
