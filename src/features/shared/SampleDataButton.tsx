// Owns "load sample data": a deterministic year of use, replacing what is there only after a warning, and undoable.
import { useState } from 'react'
import { App as AntApp, Button } from 'antd'
import { ExperimentOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useUndo } from '@/state/undo'
import { appDb } from '@/db/instance'
import { readLedger } from '@/db/repo'
import { safeReplaceLedger } from '@/db/safe-writes'
import { generateSampleLedger } from '@/domain/ledger/sample-data'
import { RECORD_TYPES } from '@/domain/records'
import { bulkWriteDeps } from '@/platform/bulk-deps'
import { bulkFailureText } from '../backup/write-failure-text'

export function SampleDataButton({ type = 'link' }: { type?: 'link' | 'default' }) {
  const { t, tk } = useI18n()
  const { modal } = AntApp.useApp()
  const ledger = useLedger()
  const undo = useUndo()
  const [busy, setBusy] = useState(false)

  const load = async () => {
    setBusy(true)
    try {
      const db = appDb()
      const before = await readLedger(db)
      const sample = generateSampleLedger({ today: ledger.today })
      // Room checked and the current ledger copied outside the database first (see guardedBulkWrite).
      await safeReplaceLedger(db, bulkWriteDeps(), sample)
      const count = RECORD_TYPES.reduce((n, k) => n + sample[k].length, 0)
      undo.offer(t('settings.sampleLoaded', { count }), () => safeReplaceLedger(db, bulkWriteDeps(), before).then(() => undefined), t('settings.sampleUndone'))
    } catch (e) {
      modal.error({ title: t('safety.failedTitle', { what: t('safety.what.sample') }), content: bulkFailureText(e, 'sample', t, tk), width: 560 })
    } finally {
      setBusy(false)
    }
  }

  const onClick = () => {
    const empty = RECORD_TYPES.every((k) => ledger[k].length === 0)
    if (empty) void load()
    else
      modal.confirm({
        title: t('settings.loadSample'),
        content: t('settings.replaceConfirm'),
        okText: t('settings.loadSample'),
        cancelText: t('common.cancel'),
        onOk: load
      })
  }

  return (
    <Button type={type} icon={<ExperimentOutlined />} loading={busy} onClick={onClick} data-testid="load-sample">
      {t('settings.loadSample')}
    </Button>
  )
}
