// Owns the backup page: saving a backup, restoring one after a preview of what it holds, undoing the last restore, and the desktop app's automatic snapshots.
import { useCallback, useEffect, useState } from 'react'
import { Alert, App as AntApp, Button, Card, Descriptions, Spin, Table, Tag, Upload } from 'antd'
import { CloudDownloadOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons'
import { useLiveQuery } from 'dexie-react-hooks'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import { useUndo } from '@/app/undo'
import { appDb } from '@/db/instance'
import { readBackupState, readPreRestore, restoreWithUndo, undoRestore } from '@/db/backup-store'
import { headerFromStart, readBackup, type Backup } from '@/domain/backup/backup-file'
import { RECORD_TYPES } from '@/domain/records'
import { PageFrame } from '@/components/PageFrame'
import { APP_VERSION, platform } from '@/platform'
import type { SnapshotInfo, SnapshotList } from '../../../electron/shared/ipc'
import { localTime, problemText, saveBackup } from './backup-actions'
import './backup.css'

interface Preview {
  fileName: string
  backup: Backup
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0)

export function BackupPage() {
  const { t, tk } = useI18n()
  const ledger = useLedger()
  const undo = useUndo()
  const { message, modal } = AntApp.useApp()
  const snapshots = platform().snapshots
  const state = useLiveQuery(() => readBackupState(appDb()), [])
  const preRestore = useLiveQuery(() => readPreRestore(appDb()), [])
  const [saving, setSaving] = useState(false)
  const [reading, setReading] = useState(false)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [rejected, setRejected] = useState<string | null>(null)
  const [list, setList] = useState<SnapshotList | null>(null)

  const refreshList = useCallback(() => {
    if (snapshots) void snapshots.list().then(setList, () => setList({ dir: '', snapshots: [] }))
  }, [snapshots])
  useEffect(refreshList, [refreshList])

  const backUp = async () => {
    setSaving(true)
    try {
      const result = await saveBackup(appDb(), new Date())
      if (result.saved) void message.success(snapshots ? t('backup.saved', { path: result.path }) : t('backup.downloaded', { name: result.path }))
    } catch (e) {
      void message.error(t('backup.failed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      setSaving(false)
    }
  }

  /** Checks a file's text; nothing is replaced until the user confirms the preview. */
  const inspect = async (fileName: string, text: () => Promise<string>) => {
    setReading(true)
    setPreview(null)
    setRejected(null)
    try {
      const read = await readBackup(await text())
      if (read.ok) setPreview({ fileName, backup: read.backup })
      else setRejected(t('backup.rejected', { reason: problemText(read.problem, t, tk) }))
    } catch (e) {
      setRejected(t('backup.rejected', { reason: t('backup.problem.unreadable', { reason: e instanceof Error ? e.message : String(e) }) }))
    } finally {
      setReading(false)
    }
  }

  const current = { accounts: ledger.accounts.length, draws: ledger.draws.length, orders: ledger.orders.length, repayments: ledger.repayments.length, inquiries: ledger.inquiries.length }

  const restore = (p: Preview) => {
    modal.confirm({
      title: t('backup.replaceTitle'),
      content: t('backup.replaceConfirm', { current: total(current), incoming: total(p.backup.summary.counts) }),
      okText: t('backup.replace'),
      okType: 'danger',
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const kept = await restoreWithUndo(appDb(), p.backup, { appVersion: APP_VERSION, now: new Date().toISOString() })
          setPreview(null)
          // The desktop app keeps the copy on disk too, beside its automatic snapshots.
          if (snapshots) await snapshots.save({ text: kept.text, kind: 'preRestore' }).then(refreshList, (e: unknown) => console.warn('Could not write the pre-restore copy:', e))
          undo.offer(t('backup.restored', { count: total(p.backup.summary.counts) }), () => undoRestore(appDb()).then(() => undefined), t('backup.restoreUndone'))
        } catch (e) {
          void message.error(t('backup.restoreFailed', { reason: e instanceof Error ? e.message : String(e) }))
        }
      }
    })
  }

  const undoLast = () => {
    modal.confirm({
      title: t('backup.undoTitle'),
      content: t('backup.undoConfirm'),
      okText: t('backup.undoRestore'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          if (await undoRestore(appDb())) void message.success(t('backup.restoreUndone'))
        } catch (e) {
          void message.error(t('backup.restoreFailed', { reason: e instanceof Error ? e.message : String(e) }))
        }
      }
    })
  }

  const keptHeader = preRestore ? headerFromStart(preRestore.text.slice(0, 16 * 1024)) : null

  return (
    <PageFrame title={t('backup.title')} testId="page-backup">
      <div className="backup-grid">
        <div className="backup-column">
          <Card title={t('backup.backupCard')} size="small">
            <p className="muted">{t('backup.backupHelp')}</p>
            <p data-testid="backup-status">
              {state?.lastBackupAt ? t('backup.lastBackup', { time: localTime(state.lastBackupAt) }) : t('backup.never')}
              {!snapshots && state && (
                <span className="muted">
                  {' · '}
                  {state.changedSince ? t('backup.changedSince', { time: localTime(state.changedSince) }) : state.lastBackupAt ? t('backup.upToDate') : ''}
                </span>
              )}
            </p>
            <Button type="primary" icon={<CloudDownloadOutlined />} loading={saving} onClick={() => void backUp()} data-testid="backup-download">
              {snapshots ? t('backup.save') : t('backup.download')}
            </Button>
          </Card>

          {preRestore && (
            <Card title={t('backup.undoCard')} size="small" data-testid="undo-restore-card">
              <p className="muted">{t('backup.undoHelp', { time: localTime(preRestore.createdAt), count: keptHeader ? total(keptHeader.summary.counts) : '—' })}</p>
              <Button icon={<RollbackOutlined />} onClick={undoLast} data-testid="undo-restore">
                {t('backup.undoRestore')}
              </Button>
            </Card>
          )}

          <Card title={t('backup.autoCard')} size="small">
            {snapshots ? (
              <>
                <p className="muted">{t('backup.autoHelp')}</p>
                {list?.dir && <p className="muted backup-dir">{t('backup.autoFolder', { dir: list.dir })}</p>}
                <Table<SnapshotInfo>
                  size="small"
                  rowKey="name"
                  pagination={false}
                  loading={list === null}
                  dataSource={list?.snapshots ?? []}
                  locale={{ emptyText: t('backup.autoEmpty') }}
                  columns={[
                    { key: 'time', title: t('backup.col.time'), render: (_, s) => localTime(s.createdAt) },
                    { key: 'kind', title: t('backup.col.kind'), render: (_, s) => <Tag color={s.kind === 'auto' ? 'blue' : 'orange'}>{t(`backup.kind.${s.kind}`)}</Tag> },
                    { key: 'records', title: t('backup.col.records'), align: 'right', render: (_, s) => total(s.counts) },
                    { key: 'range', title: t('backup.col.range'), render: (_, s) => (s.from && s.to ? t('backup.rangeValue', { from: s.from, to: s.to }) : t('backup.noRecords')) },
                    {
                      key: 'actions',
                      title: '',
                      render: (_, s) => (
                        <Button size="small" type="link" onClick={() => void inspect(s.name, () => snapshots.read(s.name))}>
                          {t('backup.restoreThis')}
                        </Button>
                      )
                    }
                  ]}
                />
              </>
            ) : (
              <p className="muted">{t('backup.webHelp')}</p>
            )}
          </Card>
        </div>
        <div className="backup-column">
          <Card title={t('backup.restoreCard')} size="small" className="backup-restore">
            <p className="muted">{t('backup.restoreHelp')}</p>
            <Upload.Dragger
              accept=".json,application/json"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void inspect(file.name, () => file.text())
                return false
              }}
              data-testid="restore-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('backup.dropHint')}</p>
              <p className="ant-upload-hint">{t('backup.dropSub')}</p>
            </Upload.Dragger>
            {reading && (
              <div className="backup-reading">
                <Spin size="small" /> <span className="muted">{t('backup.reading')}</span>
              </div>
            )}
            {rejected && <Alert type="error" showIcon className="backup-alert" title={rejected} data-testid="restore-error" />}
            {preview && <BackupPreview preview={preview} current={current} onRestore={() => restore(preview)} onDiscard={() => setPreview(null)} />}
          </Card>
        </div>
      </div>
    </PageFrame>
  )
}

function BackupPreview({ preview, current, onRestore, onDiscard }: { preview: Preview; current: Record<string, number>; onRestore: () => void; onDiscard: () => void }) {
  const { t } = useI18n()
  const { header, summary, payload } = preview.backup
  const settings = Object.keys(payload.meta.settings).length
  return (
    <div className="backup-preview" data-testid="restore-preview">
      <h4>{t('backup.preview')}</h4>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'file', label: t('backup.file'), children: <span className="backup-file">{preview.fileName}</span> },
          { key: 'created', label: t('backup.createdAt'), children: localTime(header.createdAt) },
          { key: 'version', label: t('backup.appVersion'), children: `${header.appVersion} · ${t('backup.schemaVersion')} ${header.schemaVersion}` },
          { key: 'range', label: t('backup.dateRange'), children: <span data-testid="restore-range">{summary.from && summary.to ? t('backup.rangeValue', { from: summary.from, to: summary.to }) : t('backup.noRecords')}</span> },
          { key: 'meta', label: t('backup.meta'), children: t(payload.meta.profile ? 'backup.metaWith' : 'backup.metaWithout', { count: settings }) }
        ]}
      />
      <table className="backup-counts" data-testid="restore-counts">
        <thead>
          <tr>
            <th>{t('backup.recordType')}</th>
            <th>{t('backup.inFile')}</th>
            <th>{t('backup.current')}</th>
          </tr>
        </thead>
        <tbody>
          {RECORD_TYPES.map((type) => (
            <tr key={type} data-testid={`restore-count-${type}`}>
              <td>{t(`report.sheet.${type}`)}</td>
              <td>{summary.counts[type]}</td>
              <td className="muted">{current[type] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="backup-actions">
        <Button danger type="primary" onClick={onRestore} data-testid="restore-confirm">
          {t('backup.replace')}
        </Button>
        <Button onClick={onDiscard}>{t('backup.discard')}</Button>
      </div>
    </div>
  )
}
