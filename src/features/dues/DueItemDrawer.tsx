// Owns the detail of one due item: what it is, the figures behind it (bill orders, penalty, minimum), and the repayment that clears it.
import { Button, Descriptions, Drawer, Tag } from 'antd'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import type { DueItem } from '@/domain/dues/items'
import { formatFen } from '@/domain/money'
import { Money } from '@/components/Money'
import { orderLabel } from '../shared/labels'
import { dueAccount, dueWhat, dueWhen } from './labels'

export function DueItemDrawer({ open, item, minimumPercent, onClose, onClear }: { open: boolean; item: DueItem | undefined; minimumPercent: number; onClose(): void; onClear(item: DueItem): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const earlier = item && item.clearAmount > item.amount
  return (
    <Drawer open={open} onClose={onClose} size={480} destroyOnHidden title={item ? dueAccount(ledger, item) : t('common.details')} data-testid="due-drawer">
      {!item ? (
        <p className="muted" data-testid="due-gone">{t('dues.detail.gone')}</p>
      ) : (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'account', label: t('dues.detail.account'), children: dueAccount(ledger, item) },
              { key: 'what', label: t('dues.detail.what'), children: dueWhat(ledger, item, t) },
              { key: 'due', label: t('dues.detail.dueDate'), children: item.dueDate },
              { key: 'status', label: t('dues.detail.status'), children: <Tag color={item.overdue ? 'red' : item.daysLeft === 0 ? 'volcano' : 'default'}>{dueWhen(item, t)}</Tag> },
              { key: 'amount', label: t('dues.detail.amount'), children: <Money fen={item.amount} strong danger={item.overdue !== null} /> },
              ...(earlier ? [{ key: 'clear', label: t('dues.detail.clearAmount'), children: <span data-testid="due-clear-amount"><Money fen={item.clearAmount} /> <span className="muted">{t('dues.includesEarlier', { amount: formatFen(item.clearAmount) })}</span></span> }] : []),
              ...(item.overdue ? [{ key: 'penalty', label: t('dues.detail.penalty'), children: <span><Money fen={item.overdue.penalty} danger /> <span className="muted small">{t('dues.detail.penaltyHelp')}</span></span> }] : []),
              ...(item.bill?.statementDate ? [{ key: 'statement', label: t('dues.detail.statementDate'), children: item.bill.statementDate }] : []),
              ...(item.bill?.minimum != null ? [{ key: 'minimum', label: t('dues.detail.minimum'), children: <span><Money fen={item.bill.minimum} /> <span className="muted small">{t('dues.detail.minimumHelp', { percent: minimumPercent })}</span></span> }] : []),
              ...(item.bill
                ? [
                    {
                      key: 'orders',
                      label: t('dues.detail.orders'),
                      children: (
                        <ul className="plain-list">
                          {item.bill.orderIds.map((id) => {
                            const order = ledger.orderById.get(id)
                            return <li key={id}>{order ? `${orderLabel(order)}${order.item ? ` · ${order.item}` : ''}` : id}</li>
                          })}
                        </ul>
                      )
                    }
                  ]
                : [])
            ]}
          />
          <div className="drawer-footer">
            <Button type="primary" onClick={() => onClear(item)} data-testid="due-drawer-clear">
              {t('dues.clear')}
            </Button>
          </div>
        </>
      )}
    </Drawer>
  )
}
