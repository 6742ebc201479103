// Owns watching the data for backups: the desktop app's automatic snapshot when one is due (and telling the user when one could not be written), the browser's daily copy in its private files, and its reminder after a week of changes not backed up.
import { useCallback, useEffect, useRef, useState } from 'react'
import { App as AntApp, Button, Space } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { readBackupPayload, readBackupState, writeBackupState } from '@/db/backup-store'
import { createBackup, payloadChecksum } from '@/domain/backup/backup-file'
import { observeData, reminderDue, snooze } from '@/domain/backup/reminder'
import { snapshotTooSoon } from '@/domain/backup/snapshot-due'
import { RECORD_TYPES } from '@/domain/records'
import { classifyWriteError } from '@/db/storage-guard'
import { APP_VERSION, platform } from '@/platform'
import { saveBackup } from './backup-actions'
import { takeDueSnapshot } from './auto-snapshot'
import { writeFailureReason } from './write-failure-text'
import { confirmPending, dropPending, usePendingDownload } from './pending-download'

/** Checks wait until the data has been still this long: a burst of edits costs one check. */
const SETTLE_MS = 5_000
/** An app left open for days still takes its snapshot, and the reminder still comes. */
const RECHECK_MS = 60 * 60 * 1000
const REMINDER_KEY = 'backup-reminder'
const SNAPSHOT_FAILED_KEY = 'snapshot-failed'

/** The browser's daily copy in its private files, when the data changed since the last one and a day has passed. */
async function browserCopy(now: Date, empty: boolean): Promise<void> {
  const copies = await platform().copyStore()
  if (!copies || empty) return
  const newest = (await copies.list()).find((c) => c.kind === 'auto')
  if (newest && snapshotTooSoon(Date.parse(newest.createdAt), now.getTime())) return
  const payload = await readBackupPayload(appDb())
  if (newest && newest.checksum === (await payloadChecksum(payload))) return
  const made = await createBackup({ payload, appVersion: APP_VERSION, createdAt: now.toISOString() })
  await copies.save('auto', made.text)
}

/** What one check does, by platform. Hashing the whole ledger is the costly part, so each skips it when it can. */
async function checkNow(now: Date): Promise<void> {
  const db = appDb()
  const snapshots = platform().snapshots
  if (snapshots) {
    await takeDueSnapshot(snapshots, now)
    return
  }
  const state = await readBackupState(db)
  // Once the data differs from the last backup, the week is running: nothing to learn from hashing again.
  if (state.changedSince !== null) return
  const counts = await Promise.all(RECORD_TYPES.map((t) => db.table(t).count()))
  const empty = counts.every((n) => n === 0)
  // Before the first backup there is nothing to compare with, so a large ledger is not hashed for nothing.
  const checksum = empty || state.lastBackupChecksum === null ? null : await payloadChecksum(await readBackupPayload(db))
  const next = observeData(state, checksum, empty, now.toISOString())
  if (next !== state) await writeBackupState(db, next)
  await browserCopy(now, empty)
}

export function BackupWatcher() {
  const { t } = useI18n()
  const ledger = useLedger()
  const { notification, message } = AntApp.useApp()
  const running = useRef(false)
  const [tick, setTick] = useState(0)
  const state = useLiveQuery(() => readBackupState(appDb()), [])
  const pending = usePendingDownload()
  const web = platform().snapshots === null
  const lastFailure = useRef<string | null>(null)

  const check = useCallback(async () => {
    if (running.current) return
    running.current = true
    try {
      await checkNow(new Date())
      lastFailure.current = null
      notification.destroy(SNAPSHOT_FAILED_KEY)
    } catch (e) {
      // The next change or the hourly check tries again; the user hears of it once per kind of failure.
      console.warn('Backup check failed:', e)
      const failure = classifyWriteError(e)
      if (lastFailure.current !== failure.kind) {
        lastFailure.current = failure.kind
        notification.warning({
          key: SNAPSHOT_FAILED_KEY,
          placement: 'topRight',
          duration: 0,
          title: t('safety.snapshotFailed', { reason: t(`safety.reason.${failure.kind}`, { detail: failure.detail }) })
        })
      }
    } finally {
      running.current = false
    }
  }, [notification, t])

  useEffect(() => {
    if (!ledger.loaded) return
    const timer = setTimeout(() => void check(), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [check, ledger.loaded, ledger.accounts, ledger.draws, ledger.orders, ledger.repayments, ledger.inquiries])

  useEffect(() => {
    const timer = setInterval(() => {
      setTick((n) => n + 1)
      void check()
    }, RECHECK_MS)
    return () => clearInterval(timer)
  }, [check])

  const due = web && state !== undefined && reminderDue(state, new Date().toISOString())
  useEffect(() => {
    if (!due || !state) {
      notification.destroy(REMINDER_KEY)
      return
    }
    if (pending) {
      // A download started from here or from the backup page: it ends the reminder only once the user confirms it.
      notification.open({
        key: REMINDER_KEY,
        placement: 'topRight',
        duration: 0,
        closable: false,
        title: t('backup.downloadStarted', { name: pending.name }),
        actions: (
          <Space>
            <Button size="small" onClick={() => dropPending()} data-testid="reminder-not-saved">
              {t('backup.confirmNotSaved')}
            </Button>
            <Button
              type="primary"
              size="small"
              onClick={async () => {
                const confirmed = await confirmPending(appDb())
                if (confirmed) void message.success(t('backup.confirmed', { name: confirmed.name }))
              }}
              data-testid="reminder-confirm-saved"
            >
              {t('backup.confirmSaved')}
            </Button>
          </Space>
        )
      })
      return
    }
    notification.open({
      key: REMINDER_KEY,
      placement: 'topRight',
      duration: 0,
      title: t('backup.reminder'),
      actions: (
        <Space>
          <Button
            size="small"
            onClick={() => {
              void writeBackupState(appDb(), snooze(state, new Date().toISOString()))
              notification.destroy(REMINDER_KEY)
            }}
            data-testid="reminder-later"
          >
            {t('backup.reminderLater')}
          </Button>
          <Button
            type="primary"
            size="small"
            onClick={async () => {
              try {
                const outcome = await saveBackup(appDb(), new Date())
                if (outcome.kind === 'saved') {
                  notification.destroy(REMINDER_KEY)
                  void message.success(t('backup.savedAs', { name: outcome.name }))
                }
              } catch (e) {
                void message.error(t('backup.failed', { reason: writeFailureReason(e, t) }))
              }
            }}
            data-testid="reminder-download"
          >
            {t('backup.download')}
          </Button>
        </Space>
      ),
      // Dismissed only by an answer: "later" puts it off a day, a download ends it.
      closable: false
    })
  }, [due, state, pending, tick, notification, message, t])

  return <span hidden data-testid="backup-watcher" />
}
