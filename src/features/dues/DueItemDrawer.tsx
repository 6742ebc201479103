// Owns the detail of one due item: what it is, the figures behind it (a bill's contents and minimum with its what-if, a draw's arrears and penalty), and the repayment that clears it.
import { Button, Descriptions, Drawer, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import type { DueItem } from '@/domain/dues/items'
import { formatFen } from '@/domain/money'
import { Money } from '@/components/Money'
import { BillDetail } from './BillDetail'
import { dueAccount, dueWhat, dueWhen } from './labels'

export function DueItemDrawer({ open, item, onClose, onClear }: { open: boolean; item: DueItem | undefined; onClose(): void; onClear(item: DueItem): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const earlier = item && item.clearAmount !== null && item.clearAmount > item.amount
  const drawn = item?.kind === 'drawInstalment' || item?.kind === 'drawTerm'
  const title = !item ? t('common.details') : item.bill ? t(item.bill.issued ? 'bill.title' : 'bill.next', { account: dueAccount(ledger, item), date: item.bill.statementDate }) : dueAccount(ledger, item)
  return (
    <Drawer open={open} onClose={onClose} size={640} destroyOnHidden title={title} data-testid="due-drawer">
      {!item ? (
        <p className="muted" data-testid="due-gone">{t('dues.detail.gone')}</p>
      ) : (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'what', label: t('dues.detail.what'), children: dueWhat(ledger, item, t) },
              // A bill's own dates and minimum are in its detail below.
              ...(item.bill ? [] : [{ key: 'due', label: t('dues.detail.dueDate'), children: item.dueDate }]),
              { key: 'status', label: t('dues.detail.status'), children: <Tag color={item.overdue ? 'red' : item.daysLeft <= 0 ? 'volcano' : 'default'}>{dueWhen(item, t)}</Tag> },
              { key: 'amount', label: t('dues.detail.amount'), children: <Money fen={item.amount} strong danger={item.overdue !== null} /> },
              ...(earlier && item.clearAmount !== null
                ? [{ key: 'clear', label: t('dues.detail.clearAmount'), children: <span data-testid="due-clear-amount"><Money fen={item.clearAmount} /> <span className="muted">{t('dues.includesEarlier', { amount: formatFen(item.clearAmount) })}</span></span> }]
                : []),
              ...(item.overdue && item.overdue.penalty > 0
                ? [{ key: 'penalty', label: t(item.bill ? 'bill.fees' : drawn ? 'dues.detail.penaltyIncluded' : 'dues.detail.penalty'), children: <span><Money fen={item.overdue.penalty} danger /> <span className="muted small">{t(item.bill ? 'dues.detail.lateFeeHelp' : drawn ? 'dues.detail.penaltyIncludedHelp' : 'dues.detail.penaltyHelp')}</span></span> }]
                : [])
            ]}
          />
          {item.bill && (
            <div className="detail-section">
              <BillDetail accountId={item.accountId} bill={item.bill.view} />
            </div>
          )}
          {item.clearAmount !== null && (
            <div className="drawer-footer">
              <Button type="primary" onClick={() => onClear(item)} data-testid="due-drawer-clear">
                {t('dues.clear')}
              </Button>
            </div>
          )}
        </>
      )}
    </Drawer>
  )
}
