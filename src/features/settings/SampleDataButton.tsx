// Owns "load sample data": a deterministic year of use, replacing what is there only after a warning, and undoable.
import { useState } from 'react'
import { App as AntApp, Button } from 'antd'
import { ExperimentOutlined } from '@ant-design/icons'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import { useUndo } from '@/app/undo'
import { appDb } from '@/db/instance'
import { readLedger, replaceLedger } from '@/db/repo'
import { generateSampleLedger } from '@/domain/sample-data'
import { RECORD_TYPES } from '@/domain/records'

export function SampleDataButton({ type = 'link' }: { type?: 'link' | 'default' }) {
  const { t } = useI18n()
  const { modal, message } = AntApp.useApp()
  const ledger = useLedger()
  const undo = useUndo()
  const [busy, setBusy] = useState(false)

  const load = async () => {
    setBusy(true)
    try {
      const db = appDb()
      const before = await readLedger(db)
      const sample = generateSampleLedger({ today: ledger.today })
      await replaceLedger(db, sample)
      const count = RECORD_TYPES.reduce((n, k) => n + sample[k].length, 0)
      undo.offer(t('settings.sampleLoaded', { count }), () => replaceLedger(db, before), t('settings.sampleUndone'))
    } catch (e) {
      void message.error(t('common.saveFailed', { reason: e instanceof Error ? e.message : String(e) }))
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
