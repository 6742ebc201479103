// Owns the "export to phone calendar" control of the home and calendar pages: the button (disabled with the reason when there is nothing to export), how to import the file, and the hint to export again when the dues changed.
import { useState } from 'react'
import { App as AntApp, Button, Popover, Tooltip } from 'antd'
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { CALENDAR_FILE_NAME } from '@/domain/dues/calendar-export'
import { useCalendarExport } from './use-calendar-export'

const HELP_STEPS = ['ics.help.what', 'ics.help.iphone', 'ics.help.android', 'ics.help.outlook', 'ics.help.again'] as const

export function CalendarExportButton({ place }: { place: 'home' | 'calendar' }) {
  const { t } = useI18n()
  const { message } = AntApp.useApp()
  const calendar = useCalendarExport()
  const [busy, setBusy] = useState(false)

  const onExport = async () => {
    setBusy(true)
    try {
      const outcome = await calendar.run()
      if (outcome.kind === 'saved')
        void message.success(
          outcome.cancelled > 0
            ? t('ics.exportedCancelled', { count: outcome.live, cancelled: outcome.cancelled, file: CALENDAR_FILE_NAME })
            : t('ics.exported', { count: outcome.live, file: CALENDAR_FILE_NAME })
        )
    } catch (e) {
      void message.error(t('ics.failed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
  }

  const help = (
    <div className="calendar-export-help" data-testid="calendar-export-help">
      {HELP_STEPS.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
    </div>
  )

  return (
    <div className="calendar-export" data-testid={`calendar-export-${place}`}>
      <div className="calendar-export-row">
        <Tooltip title={calendar.canExport ? undefined : t('ics.nothingHelp')}>
          <Button icon={<DownloadOutlined />} disabled={!calendar.canExport} loading={busy} onClick={() => void onExport()} data-testid="calendar-export">
            {calendar.canExport ? t('ics.export') : t('ics.nothing')}
          </Button>
        </Tooltip>
        <Popover title={t('ics.help.title')} content={help} trigger="click" placement="bottomRight">
          <Button type="link" size="small" icon={<QuestionCircleOutlined />} data-testid="calendar-export-help-open">
            {t('ics.help.open')}
          </Button>
        </Popover>
      </div>
      {calendar.changed ? (
        <p className="warning-text small calendar-export-note" data-testid="calendar-export-changed">
          {t('ics.changed')}
        </p>
      ) : calendar.last ? (
        <p className="muted small calendar-export-note" data-testid="calendar-export-last">
          {t('ics.lastExport', { date: calendar.last.exportedOn })}
        </p>
      ) : null}
    </div>
  )
}
