// Owns the push-channels settings card: per service its address or key, on/off, "Send a test", and how the last sends went; on the web, an honest note that pushing needs the desktop app.
import './dues.css'
import { useCallback, useEffect, useState } from 'react'
import { Alert, App as AntApp, Button, Card, Collapse, Form, Input, Space, Switch, Tag } from 'antd'
import dayjs from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { PUSH_FIELDS, platform, type PushApi, type PushChannelId, type PushState } from '@/platform'

/** How often the card looks again at the channels' status while it is open (retries run in the background). */
const REFRESH_MS = 15_000

type ChannelState = PushState['channels'][number]

export function PushChannelsCard() {
  const { t } = useI18n()
  const push = platform().push
  if (push === null) {
    return (
      <Card title={t('push.title')} size="small" data-testid="push-channels">
        <Alert type="info" showIcon title={t('push.webOnly')} description={t('push.webChannels')} data-testid="push-web-only" />
      </Card>
    )
  }
  return <DesktopPushChannels push={push} />
}

function DesktopPushChannels({ push }: { push: PushApi }) {
  const { t } = useI18n()
  const [state, setState] = useState<PushState | null>(null)
  const refresh = useCallback(() => {
    push
      .state()
      .then(setState)
      .catch((error: unknown) => console.error('Push state:', error))
  }, [push])
  useEffect(() => {
    refresh()
    const timer = window.setInterval(refresh, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [refresh])

  return (
    <Card title={t('push.title')} size="small" data-testid="push-channels">
      <p className="muted">{t('push.help')}</p>
      {state && (
        <Collapse
          size="small"
          items={state.channels.map((channel) => ({
            key: channel.id,
            label: (
              <Space wrap>
                <span>{t(`push.channel.${channel.id}`)}</span>
                <StatusTag channel={channel} />
              </Space>
            ),
            children: <ChannelForm push={push} channel={channel} onState={setState} />
          }))}
        />
      )}
    </Card>
  )
}

function StatusTag({ channel }: { channel: ChannelState }) {
  const { t } = useI18n()
  const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')
  if (!channel.configured) return <Tag data-testid={`push-status-${channel.id}`}>{t('push.status.none')}</Tag>
  if (!channel.enabled) return <Tag data-testid={`push-status-${channel.id}`}>{t('push.status.off')}</Tag>
  if (channel.lastError) return <Tag color="error" data-testid={`push-status-${channel.id}`}>{t('push.status.failed', { time: time(channel.lastError.at) })}</Tag>
  if (channel.lastSuccessAt) return <Tag color="success" data-testid={`push-status-${channel.id}`}>{t('push.status.ok', { time: time(channel.lastSuccessAt) })}</Tag>
  return <Tag color="processing" data-testid={`push-status-${channel.id}`}>{t('push.status.ready')}</Tag>
}

function ChannelForm({ push, channel, onState }: { push: PushApi; channel: ChannelState; onState: (state: PushState) => void }) {
  const { t, tk } = useI18n()
  const { message } = AntApp.useApp()
  const [draft, setDraft] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const id: PushChannelId = channel.id
  const fieldLabel = (name: string) => tk(`push.field.${id}.${name}`)

  const configure = async (enabled: boolean, fields: Record<string, string>) => {
    setBusy(true)
    try {
      const result = await push.configure({ id, enabled, fields })
      if (!result.saved) {
        setProblem({ field: result.field, text: t(`push.problem.${result.problem}`, { field: fieldLabel(result.field) }) })
        return false
      }
      setProblem(null)
      setDraft({})
      onState(result.state)
      return true
    } catch (e) {
      void message.error(t('push.bridgeFailed', { reason: e instanceof Error ? e.message : String(e) }))
      return false
    } finally {
      setBusy(false)
    }
  }

  const sendTest = async () => {
    setBusy(true)
    try {
      const result = await push.test(id, { title: t('push.testMessage.title'), body: t('push.testMessage.body') })
      if (result.ok) void message.success(t('push.testSent'))
      else void message.error(t('push.testFailed', { error: result.error }))
      onState(await push.state())
    } catch (e) {
      void message.error(t('push.bridgeFailed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
  }

  const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')
  return (
    <Form layout="vertical" className="record-form" data-testid={`push-channel-${id}`}>
      {PUSH_FIELDS[id].map((spec) => {
        const value = draft[spec.name] ?? (spec.secret ? '' : (channel.shown[spec.name] ?? ''))
        const onChange = (text: string) => setDraft((d) => ({ ...d, [spec.name]: text }))
        const error = problem?.field === spec.name ? problem.text : undefined
        return (
          <Form.Item key={spec.name} label={fieldLabel(spec.name)} validateStatus={error ? 'error' : undefined} help={error}>
            {spec.secret ? (
              <Input.Password
                value={value}
                autoComplete="off"
                placeholder={channel.configured ? t('push.keep') : undefined}
                onChange={(e) => onChange(e.target.value)}
                data-testid={`push-${id}-${spec.name}`}
              />
            ) : (
              <Input value={value} placeholder="https://" onChange={(e) => onChange(e.target.value)} data-testid={`push-${id}-${spec.name}`} />
            )}
          </Form.Item>
        )
      })}
      <Space wrap>
        <Switch
          checked={channel.enabled}
          disabled={!channel.configured || busy}
          onChange={(on) => void configure(on, {})}
          data-testid={`push-${id}-enabled`}
        />
        <span>{t('push.enabled')}</span>
        <Button
          type="primary"
          size="small"
          loading={busy}
          disabled={Object.keys(draft).length === 0}
          // A channel set up for the first time is switched on with it.
          onClick={() => void configure(channel.configured ? channel.enabled : true, draft).then((ok) => ok && void message.success(t('push.saved')))}
          data-testid={`push-${id}-save`}
        >
          {t('push.save')}
        </Button>
        <Button size="small" disabled={!channel.configured || busy} onClick={() => void sendTest()} data-testid={`push-${id}-test`}>
          {t('push.test')}
        </Button>
        {channel.configured && (
          <Button size="small" danger disabled={busy} onClick={() => void configure(false, Object.fromEntries(PUSH_FIELDS[id].map((s) => [s.name, ''])))} data-testid={`push-${id}-clear`}>
            {t('push.clear')}
          </Button>
        )}
      </Space>
      {channel.lastError && (
        <Alert
          className="push-error"
          type="error"
          showIcon
          title={t('push.status.error', { time: time(channel.lastError.at), error: channel.lastError.message })}
          description={channel.pending > 0 ? t('push.status.pending', { count: channel.pending }) : undefined}
          data-testid={`push-${id}-error`}
        />
      )}
    </Form>
  )
}
