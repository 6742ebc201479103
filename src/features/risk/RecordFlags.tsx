// Owns the small flag tags on a record's row and an account's row, with the explanation on hover, and the flags block of a detail drawer.
import { Tag, Tooltip } from 'antd'
import { WarningOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { FlagList } from './FlagList'
import { SEVERITY_COLOURS } from './labels'
import { useRisk } from './use-risk'
import './risk.css'

/**
 * The flags that name a draw, order or inquiry, as one small tag in the worst one's colour: the
 * rules and what they say on hover, the full cards in the record's detail view.
 */
export function RecordFlags({ id }: { id: string }) {
  const { t, tm } = useI18n()
  const risk = useRisk()
  const flags = risk.byRecord.get(id)
  if (!flags) return null
  return (
    <Tooltip
      title={
        <div className="flag-tip">
          {flags.map((f) => (
            <p key={f.id}>
              <strong>{t(`rule.${f.rule}`)}</strong> {tm(f.explanation)}
            </p>
          ))}
        </div>
      }
    >
      <Tag color={SEVERITY_COLOURS[flags[0]!.severity]} icon={<WarningOutlined />} className="record-flag" data-testid="record-flag" data-flag-ids={flags.map((f) => f.id).join(' ')}>
        {flags.length}
      </Tag>
    </Tooltip>
  )
}

/** One tag with the count of an account's flags, coloured by the worst; the list on hover. */
export function AccountFlagCount({ id }: { id: string }) {
  const { t } = useI18n()
  const risk = useRisk()
  const flags = risk.byAccount.get(id)
  if (!flags) return null
  const worst = flags[0]!
  return (
    <Tooltip title={flags.map((f) => t(`rule.${f.rule}`)).join(' · ')}>
      <Tag color={SEVERITY_COLOURS[worst.severity]} icon={<WarningOutlined />} className="inline-tag record-flag" data-testid="account-flag-count">
        {flags.length}
      </Tag>
    </Tooltip>
  )
}

/** The full flags of a record, for its detail drawer; nothing when it has none. */
export function RecordFlagList({ id }: { id: string }) {
  const risk = useRisk()
  const flags = risk.byRecord.get(id)
  if (!flags) return null
  return <FlagList flags={flags} onAcknowledge={risk.acknowledge} />
}

/** The risk column every record list adds: the flags naming the row's record. */
export function flagsColumn<T extends { id: string }>(title: string) {
  return { key: 'flags', title, width: 64, render: (_: unknown, r: T) => <RecordFlags id={r.id} /> }
}
