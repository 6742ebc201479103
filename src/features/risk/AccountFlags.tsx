// Owns an account page's risk flags: one folded line with their count and rules, opening to the full flags; nothing when there are none.
import { Collapse, Tag } from 'antd'
import { WarningOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { FlagList } from './FlagList'
import { SEVERITY_COLOURS } from './labels'
import { useRisk } from './use-risk'
import './risk.css'

export function AccountFlags({ id }: { id: string }) {
  const { t } = useI18n()
  const risk = useRisk()
  const flags = risk.byAccount.get(id)
  if (!flags) return null
  return (
    <Collapse
      size="small"
      className="account-flags"
      data-testid="account-flags"
      items={[
        {
          key: 'flags',
          label: (
            <span>
              <Tag color={SEVERITY_COLOURS[flags[0]!.severity]} icon={<WarningOutlined />} className="record-flag">
                {flags.length === 1 ? t('risk.countOne') : t('risk.count', { count: flags.length })}
              </Tag>
              {flags.map((f) => t(`rule.${f.rule}`)).filter((r, i, all) => all.indexOf(r) === i).join(' · ')}
            </span>
          ),
          children: <FlagList flags={flags} onAcknowledge={risk.acknowledge} showAccounts={false} />
        }
      ]}
    />
  )
}
