// Owns the list of due items: each with its account, what it is, when, how much (penalty and minimum where there are), and the one-click repayment.
import './dues.css'
import { Button, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { urgencyOf, type DueItem } from '@/domain/dues/items'
import { formatFen } from '@/domain/money'
import { Money } from '@/components/Money'
import { dueAccount, duePenaltyNote, dueWhat, dueWhen } from './labels'

export function DueList({ items, onOpen, onClear, testId, compact }: { items: readonly DueItem[]; onOpen(item: DueItem): void; onClear(item: DueItem): void; testId?: string; compact?: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()
  return (
    <ul className={compact ? 'due-list compact' : 'due-list'} data-testid={testId}>
      {items.map((item) => {
        const urgency = urgencyOf(item)
        return (
          <li key={item.key} className={`due-row due-${urgency}`} data-testid="due-item" data-key={item.key} data-urgency={urgency}>
            <button type="button" className="due-main" onClick={() => onOpen(item)} data-testid="due-open">
              <span className="due-account">{dueAccount(ledger, item)}</span>
              <span className="due-what muted">{dueWhat(ledger, item, t)}</span>
            </button>
            <span className="due-when">
              <span className="due-date">{item.dueDate}</span>
              <Tag className="due-tag" color={urgency === 'overdue' ? 'red' : urgency === 'today' ? 'volcano' : urgency === 'soon' ? 'gold' : 'default'} data-testid="due-when">
                {dueWhen(item, t)}
              </Tag>
            </span>
            <span className="due-amount">
              <Money fen={item.amount} strong danger={item.overdue !== null} />
              {duePenaltyNote(item, t) !== null && <span className="due-note danger-text" data-testid="due-penalty">{duePenaltyNote(item, t)}</span>}
              {item.bill?.minimum != null && <span className="due-note muted">{t('dues.minimum', { amount: formatFen(item.bill.minimum) })}</span>}
            </span>
            <Button size="small" type={item.overdue || item.daysLeft === 0 ? 'primary' : 'default'} onClick={() => onClear(item)} data-testid="due-clear">
              {t('dues.clear')}
            </Button>
          </li>
        )
      })}
    </ul>
  )
}
