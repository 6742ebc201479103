// Owns the home page's revolving-credit card: each statement account whose balance revolves, with its interest by the next bill, and what paying only the minimum of each open bill would cost.
import { useMemo } from 'react'
import { Card } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import type { DueItem } from '@/domain/dues/items'
import { formatFen } from '@/domain/money'
import { ratePercent } from '@/domain/risk/text'
import { accountName } from '../shared/labels'

export function RevolvingCard({ items }: { items: readonly DueItem[] }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const revolving = [...ledger.cost.statements].filter(([, w]) => w.revolving !== null)
  // Each issued bill still before its due day: what paying only its minimum costs by the next bill (worked out with the figures).
  const minimumOnly = ledger.figures.minimumOnly
  const open = useMemo(() => items.flatMap((item) => {
    const whatIf = minimumOnly.get(item.key)
    return whatIf ? [{ item, whatIf }] : []
  }), [items, minimumOnly])
  if (revolving.length === 0 && open.length === 0) return null
  return (
    <Card size="small" title={t('dues.revolving.title')} data-testid="revolving-card">
      <ul className="plain-list revolving-list">
        {revolving.map(([accountId, w]) => (
          <li key={accountId} data-testid="revolving-line">
            {t('dues.revolving.line', {
              account: accountName(ledger, accountId),
              amount: formatFen(w.revolving!.amount),
              rate: ratePercent(w.revolving!.dailyRate),
              date: w.revolving!.nextStatementDate,
              interest: formatFen(w.revolving!.byNextStatement)
            })}
          </li>
        ))}
        {open.map(({ item, whatIf }) => (
          <li key={item.key} data-testid="minimum-only-line">
            {accountName(ledger, item.accountId)}{' '}
            {t('dues.bill.minimumOnly', { minimum: formatFen(whatIf!.minimum.amount), date: whatIf!.minimum.nextStatementDate, interest: formatFen(whatIf!.minimum.interest) })}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('dues.revolving.help')}</p>
    </Card>
  )
}
