// Owns the backup page: saving a backup (counted only once confirmed saved), restoring one after a preview of what it holds, undoing the last restore, and the copies kept outside the database (desktop snapshots, the browser's private files).
import { useCallback, useEffect, useState } from 'react'
import { Alert, App as AntApp, Button, Card, Descriptions, Spin, Table, Tag, Upload } from 'antd'
import { CloudDownloadOutlined, InboxOutlined, LockOutlined, RollbackOutlined } from '@ant-design/icons'
import { useLiveQuery } from 'dexie-react-hooks'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useUndo } from '@/state/undo'
import { appDb } from '@/db/instance'
import { readBackupState } from '@/db/backup-store'
import type { CopyInfo, CopyStore } from '@/db/copies'
import { preRestoreCount, safeRestore, safeUndoRestore } from '@/db/safe-writes'
import { readBackup, type Backup } from '@/domain/backup/backup-file'
import { decryptBackupText, isEncryptedBackup } from '@/domain/backup/encrypted'
import { RECORD_TYPES } from '@/domain/records'
import { PageFrame } from '@/components/PageFrame'
import { formatBytes } from '@/components/format-bytes'
import { platform } from '@/platform'
import { bulkWriteDeps } from '@/platform/bulk-deps'
import { encryptedProblemText, localTime, problemText, saveBackup } from './backup-actions'
import { NO_PROTECT, OpenSealed, protectProblem, ProtectFields, type ProtectState } from './Passphrase'
import { confirmPending, dropPending, usePendingDownload } from './pending-download'
import { bulkFailureText, writeFailureReason } from './write-failure-text'
import { SnapshotProtect } from './SnapshotProtect'
import { SyncCard } from '../sync/SyncCard'
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
  const desktop = platform().snapshots !== null
  const state = useLiveQuery(() => readBackupState(appDb()), [])
  const preRestore = useLiveQuery(() => preRestoreCount(appDb()), [])
  const pending = usePendingDownload()
  const [saving, setSaving] = useState(false)
  const [reading, setReading] = useState(false)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [rejected, setRejected] = useState<string | null>(null)
  const [store, setStore] = useState<CopyStore | null | undefined>(undefined)
  const [list, setList] = useState<CopyInfo[] | null>(null)
  const [protect, setProtect] = useState<ProtectState>(NO_PROTECT)
  /** A protected file waiting for its passphrase. */
  const [sealed, setSealed] = useState<{ fileName: string; text: string } | null>(null)

  const refreshList = useCallback(() => {
    void platform()
      .copyStore()
      .then(async (s) => {
        setStore(s)
        setList(s ? await s.list() : [])
      })
      .catch(() => setList([]))
  }, [])
  useEffect(refreshList, [refreshList])

  const backUp = async () => {
    // Checked before anything opens: a browser's save picker must open on the click itself.
    if (protectProblem(protect)) {
      setProtect({ ...protect, tried: true })
      return
    }
    setSaving(true)
    try {
      const outcome = await saveBackup(appDb(), new Date(), protect.on ? protect.passphrase : null)
      if (outcome.kind !== 'cancelled') setProtect(NO_PROTECT)
      if (outcome.kind === 'saved') void message.success(desktop ? t('backup.saved', { path: outcome.name }) : t('backup.savedAs', { name: outcome.name }))
    } catch (e) {
      void message.error(t('backup.failed', { reason: writeFailureReason(e, t) }))
    } finally {
      setSaving(false)
    }
  }

  const confirmDownload = async () => {
    const confirmed = await confirmPending(appDb())
    if (confirmed) void message.success(t('backup.confirmed', { name: confirmed.name }))
  }

  /** Checks a file's text; nothing is replaced until the user confirms the preview. */
  const inspect = async (fileName: string, text: () => Promise<string>) => {
    setReading(true)
    setPreview(null)
    setRejected(null)
    setSealed(null)
    try {
      const content = await text()
      if (isEncryptedBackup(content)) {
        setSealed({ fileName, text: content })
        return
      }
      const read = await readBackup(content)
      if (read.ok) setPreview({ fileName, backup: read.backup })
      else setRejected(t('backup.rejected', { reason: problemText(read.problem, t, tk) }))
    } catch (e) {
      setRejected(t('backup.rejected', { reason: t('backup.problem.unreadable', { reason: e instanceof Error ? e.message : String(e) }) }))
    } finally {
      setReading(false)
    }
  }

  /** Decrypts the waiting file and reads the backup inside; the refusal's words, or null once the preview shows. */
  const openSealed = async (passphrase: string): Promise<string | null> => {
    if (!sealed) return null
    const opened = await decryptBackupText(sealed.text, passphrase)
    if (!opened.ok) return t('backup.rejected', { reason: encryptedProblemText(opened.problem, t) })
    const read = await readBackup(opened.text)
    if (!read.ok) return t('backup.rejected', { reason: problemText(read.problem, t, tk) })
    setPreview({ fileName: sealed.fileName, backup: read.backup })
    setSealed(null)
    return null
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
          // Room checked, the current data copied outside the database first; see safeRestore.
          await safeRestore(appDb(), bulkWriteDeps(), p.backup)
          setPreview(null)
          refreshList()
          undo.offer(t('backup.restored', { count: total(p.backup.summary.counts) }), () => safeUndoRestore(appDb(), bulkWriteDeps()).then(refreshList), t('backup.restoreUndone'))
        } catch (e) {
          refreshList()
          modal.error({ title: t('safety.failedTitle', { what: t('safety.what.restore') }), content: bulkFailureText(e, 'restore', t, tk), width: 560 })
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
          if (await safeUndoRestore(appDb(), bulkWriteDeps())) void message.success(t('backup.restoreUndone'))
          refreshList()
        } catch (e) {
          refreshList()
          modal.error({ title: t('safety.failedTitle', { what: t('safety.what.undo') }), content: bulkFailureText(e, 'undo', t, tk), width: 560 })
        }
      }
    })
  }

  return (
    <PageFrame title={t('backup.title')} testId="page-backup">
      <div className="backup-grid">
        <div className="backup-column">
          <Card title={t('backup.backupCard')} size="small">
            <p className="muted">{t('backup.backupHelp')}</p>
            <p data-testid="backup-status">
              {state?.lastBackupAt ? t('backup.lastBackup', { time: localTime(state.lastBackupAt) }) : t('backup.never')}
              {!desktop && state && (
                <span className="muted">
                  {' · '}
                  {state.changedSince ? t('backup.changedSince', { time: localTime(state.changedSince) }) : state.lastBackupAt ? t('backup.upToDate') : ''}
                </span>
              )}
            </p>
            <ProtectFields value={protect} onChange={setProtect} />
            <Button type="primary" icon={<CloudDownloadOutlined />} loading={saving} onClick={() => void backUp()} data-testid="backup-download">
              {desktop ? t('backup.save') : t('backup.download')}
            </Button>
            {pending && (
              <Alert
                type="warning"
                showIcon
                className="backup-alert"
                data-testid="backup-pending"
                title={t('backup.downloadStarted', { name: pending.name })}
                action={
                  <div className="backup-pending-actions">
                    <Button size="small" type="primary" onClick={() => void confirmDownload()} data-testid="backup-confirm-saved">
                      {t('backup.confirmSaved')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => {
                        dropPending()
                        void message.info(t('backup.notConfirmed'))
                      }}
                      data-testid="backup-confirm-not-saved"
                    >
                      {t('backup.confirmNotSaved')}
                    </Button>
                  </div>
                }
              />
            )}
          </Card>

          {preRestore && (
            <Card title={t('backup.undoCard')} size="small" data-testid="undo-restore-card">
              <p className="muted">{t('backup.undoHelp', { time: localTime(preRestore.createdAt), count: preRestore.total ?? '—' })}</p>
              <Button icon={<RollbackOutlined />} onClick={undoLast} data-testid="undo-restore">
                {t('backup.undoRestore')}
              </Button>
            </Card>
          )}

          <Card title={desktop ? t('backup.autoCard') : t('safety.copies.title')} size="small" data-testid="copies-card">
            {store === null ? (
              <p className="muted">{t('safety.copies.none')}</p>
            ) : (
              <>
                <p className="muted">{desktop ? t('backup.autoHelp') : t('safety.copies.help')}</p>
                {store?.where && <p className="muted backup-dir">{t('backup.autoFolder', { dir: store.where })}</p>}
                {desktop && <SnapshotProtect />}
                <Table<CopyInfo>
                  size="small"
                  rowKey="ref"
                  pagination={false}
                  loading={list === null}
                  dataSource={list ?? []}
                  locale={{ emptyText: desktop ? t('backup.autoEmpty') : t('safety.copies.empty') }}
                  onRow={() => ({ 'data-testid': 'copy-row' }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    { key: 'time', title: t('backup.col.time'), render: (_, s) => localTime(s.createdAt) },
                    { key: 'kind', title: t('backup.col.kind'), render: (_, s) => <Tag color={s.kind === 'auto' ? 'blue' : s.kind === 'preRestore' ? 'orange' : 'purple'}>{t(`backup.kind.${s.kind}`)}</Tag> },
                    // A protected copy's header holds no counts or dates: what its name and size say, and the lock.
                    { key: 'records', title: t('backup.col.records'), align: 'right', render: (_, s) => (s.encrypted ? <LockOutlined aria-label={t('crypt.encryptedTag')} /> : s.total) },
                    {
                      key: 'range',
                      title: t('backup.col.range'),
                      render: (_, s) =>
                        s.encrypted ? (
                          <Tag icon={<LockOutlined />} data-testid="copy-encrypted">
                            {t('crypt.auto.listed', { size: formatBytes(s.size) })}
                          </Tag>
                        ) : s.from && s.to ? (
                          t('backup.rangeValue', { from: s.from, to: s.to })
                        ) : (
                          t('backup.noRecords')
                        )
                    },
                    {
                      key: 'actions',
                      title: '',
                      // An empty copy restores nothing worth a click; a protected one may hold anything, and asks for its passphrase.
                      render: (_, s) =>
                        (s.total > 0 || s.encrypted) && (
                          <Button size="small" type="link" onClick={() => store && void inspect(s.ref, () => store.read(s.ref))} data-testid="copy-restore">
                            {t('backup.restoreThis')}
                          </Button>
                        )
                    }
                  ]}
                />
                {!desktop && <p className="muted">{t('backup.webHelp')}</p>}
              </>
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
            {sealed && <OpenSealed key={sealed.fileName + sealed.text.length} name={sealed.fileName} open={openSealed} onCancel={() => setSealed(null)} />}
            {preview && <BackupPreview preview={preview} current={current} onRestore={() => restore(preview)} onDiscard={() => setPreview(null)} />}
          </Card>
          <SyncCard />
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
