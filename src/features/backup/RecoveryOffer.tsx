// Owns offering, when the ledger opens empty, to restore the newest copy kept outside the database (a browser that deleted its database on a full disk leaves those copies).
import { useEffect, useState } from 'react'
import { Alert, App as AntApp, Button, Space } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { z } from 'zod'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import type { CopyInfo } from '@/db/copies'
import { appDb } from '@/db/instance'
import { CopyUnreadable, restoreCopy } from '@/db/safe-writes'
import { readSetting, watchSettings, writeSetting } from '@/db/settings'
import { RECOVERY_DISMISSED_KEY } from '@/domain/backup/backup-file'
import { recoveryCandidate } from '@/domain/backup/recovery'
import { RECORD_TYPES } from '@/domain/records'
import { platform } from '@/platform'
import { bulkWriteDeps } from '@/platform/bulk-deps'
import { localTime, problemText } from './backup-actions'
import { bulkFailureText } from './write-failure-text'

const dismissedSchema = z.object({ createdAt: z.string() }).nullable()

export function RecoveryOffer() {
  const { t, tk } = useI18n()
  const ledger = useLedger()
  const { modal, message } = AntApp.useApp()
  const empty = ledger.loaded && RECORD_TYPES.every((type) => ledger[type].length === 0)
  const dismissed = useLiveQuery(async () => {
    const db = appDb()
    await watchSettings(db, [RECOVERY_DISMISSED_KEY])
    return readSetting(db, RECOVERY_DISMISSED_KEY, dismissedSchema, null)
  }, [])
  const [copies, setCopies] = useState<CopyInfo[] | null>(null)

  useEffect(() => {
    if (!empty) return
    let live = true
    void platform()
      .copyStore()
      .then((store) => (store ? store.list() : []))
      .then(
        (list) => live && setCopies(list),
        () => live && setCopies([])
      )
    return () => {
      live = false
    }
  }, [empty])

  const candidate = empty && copies !== null && dismissed !== undefined ? recoveryCandidate(true, copies, dismissed?.createdAt ?? null) : null
  if (!candidate) return null

  const restore = () =>
    modal.confirm({
      title: t('safety.recovery.confirmTitle'),
      content: t('safety.recovery.confirm', { count: candidate.total }),
      okText: t('safety.recovery.restore'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await restoreCopy(appDb(), bulkWriteDeps(), candidate.ref)
          void message.success(t('safety.recovery.done', { count: candidate.total }))
        } catch (e) {
          const text = e instanceof CopyUnreadable ? t('safety.recovery.unreadable', { reason: problemText(e.problem, t, tk) }) : bulkFailureText(e, 'recover', t, tk)
          modal.error({ title: t('safety.failedTitle', { what: t('safety.what.recover') }), content: text, width: 560 })
        }
      }
    })

  const dismiss = () => void writeSetting(appDb(), RECOVERY_DISMISSED_KEY, dismissedSchema, { createdAt: candidate.createdAt })

  return (
    <Alert
      type="warning"
      showIcon
      className="recovery-offer"
      data-testid="recovery-offer"
      title={t('safety.recovery.title')}
      description={
        <>
          <p>
            {t('safety.recovery.body', {
              time: localTime(candidate.createdAt),
              kind: t(`backup.kind.${candidate.kind}`),
              count: candidate.total,
              range: candidate.from && candidate.to ? t('backup.rangeValue', { from: candidate.from, to: candidate.to }) : t('backup.noRecords')
            })}
          </p>
          <Space wrap>
            <Button type="primary" onClick={restore} data-testid="recovery-restore">
              {t('safety.recovery.restore')}
            </Button>
            <Button onClick={dismiss} data-testid="recovery-dismiss">
              {t('safety.recovery.dismiss')}
            </Button>
          </Space>
        </>
      }
    />
  )
}
