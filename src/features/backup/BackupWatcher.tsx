// Owns watching the data for backups: the desktop app's automatic snapshot when one is due, and the browser's reminder after a week of changes not backed up.
import { useCallback, useEffect, useRef, useState } from 'react'
import { App as AntApp, Button, Space } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import { appDb } from '@/db/instance'
import { readBackupPayload, readBackupState, writeBackupState } from '@/db/backup-store'
import { createBackup, payloadChecksum } from '@/domain/backup/backup-file'
import { observeData, reminderDue, snooze } from '@/domain/backup/reminder'
import { snapshotTooSoon } from '@/domain/backup/snapshot-due'
import { RECORD_TYPES } from '@/domain/records'
import { APP_VERSION, platform } from '@/platform'
import { saveBackup } from './backup-actions'

/** Checks wait until the data has been still this long: a burst of edits costs one check. */
const SETTLE_MS = 5_000
/** An app left open for days still takes its snapshot, and the reminder still comes. */
const RECHECK_MS = 60 * 60 * 1000
const REMINDER_KEY = 'backup-reminder'

/** What one check does, by platform. Hashing the whole ledger is the costly part, so each skips it when it can. */
async function checkNow(now: Date): Promise<void> {
  const db = appDb()
  const snapshots = platform().snapshots
  if (snapshots) {
    const newest = (await snapshots.list()).snapshots.find((s) => s.kind === 'auto')
    if (newest && snapshotTooSoon(Date.parse(newest.createdAt), now.getTime())) return
    const payload = await readBackupPayload(db)
    if (!(await snapshots.needed(await payloadChecksum(payload)))) return
    const made = await createBackup({ payload, appVersion: APP_VERSION, createdAt: now.toISOString() })
    await snapshots.save({ text: made.text, kind: 'auto' })
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
}

export function BackupWatcher() {
  const { t } = useI18n()
  const ledger = useLedger()
  const { notification, message } = AntApp.useApp()
  const running = useRef(false)
  const [tick, setTick] = useState(0)
  const state = useLiveQuery(() => readBackupState(appDb()), [])
  const web = platform().snapshots === null

  const check = useCallback(async () => {
    if (running.current) return
    running.current = true
    try {
      await checkNow(new Date())
    } catch (e) {
      // A failed check must not disturb the user; the next change or the hourly check tries again.
      console.warn('Backup check failed:', e)
    } finally {
      running.current = false
    }
  }, [])

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
                const result = await saveBackup(appDb(), new Date())
                if (result.saved) {
                  notification.destroy(REMINDER_KEY)
                  void message.success(t('backup.downloaded', { name: result.path }))
                }
              } catch (e) {
                void message.error(t('backup.failed', { reason: e instanceof Error ? e.message : String(e) }))
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
  }, [due, state, tick, notification, message, t])

  return <span hidden data-testid="backup-watcher" />
}
