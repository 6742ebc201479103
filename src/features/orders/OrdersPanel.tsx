// Owns a list of pay-later orders with its add/edit dialog and detail view.
import { useMemo, useState } from 'react'
import { Button, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { formatFen } from '@/domain/money'
import type { EffectiveOrderStatus } from '@/domain/cost/types'
import { ORDER_ACCOUNT_KINDS, type Order, type Repayment } from '@/domain/records'
import { EmptyState } from '@/components/EmptyState'
import type { RecordColumn } from '@/components/RecordTable'
import { Money } from '@/components/Money'
import { AprText } from '@/components/AprText'
import { accountColumn, accountName } from '../shared/labels'
import { RecordPanel } from '../shared/RecordPanel'
import { RepaymentModal } from '../repayments/RepaymentModal'
import { OrderModal } from './OrderModal'
import { OrderSchedule } from './OrderSchedule'
import { flagsColumn, RecordFlagList } from '../risk/RecordFlags'
import { useRisk } from '../risk/use-risk'

const STATUS_COLOURS: Record<EffectiveOrderStatus, string> = { unpaid: 'orange', partlyPaid: 'gold', paid: 'green', refunded: 'default', cancelled: 'default' }

export function OrdersPanel({ rows, preset, shortcuts = true }: { rows: Order[]; preset?: Partial<Order>; shortcuts?: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const [repaying, setRepaying] = useState<Partial<Repayment> | null>(null)
  const risk = useRisk()
  const canAdd = ledger.accounts.some((a) => ORDER_ACCOUNT_KINDS.includes(a.kind))
  const statusOf = (o: Order): EffectiveOrderStatus => ledger.orderBalances.get(o.id)?.status ?? o.status

  // priority: which columns give way first on a narrow window (the detail shows them all).
  const columns = useMemo<RecordColumn<Order>[]>(
    () => [
      { key: 'orderDate', title: t('order.orderDate'), dataIndex: 'orderDate', width: 110, defaultSortOrder: 'descend' as const, sorter: (a: Order, b: Order) => a.orderDate.localeCompare(b.orderDate) },
      { ...flagsColumn<Order>(t('risk.column')), priority: 4 },
      // On an account's own page the account column would say the same thing on every row.
      ...(preset?.accountId ? [] : [accountColumn(ledger, rows, t('order.account'))]),
      // The item rides with the merchant: many orders are 淘宝 or 拼多多, and the item is what tells them apart.
      {
        key: 'merchant',
        title: t('order.merchantItem'),
        width: 200,
        priority: 1,
        ellipsis: true,
        sorter: (a: Order, b: Order) => a.merchant.localeCompare(b.merchant, 'zh-CN'),
        render: (_: unknown, o: Order) => (
          <>
            {o.merchant}
            {o.item && <span className="muted"> · {o.item}</span>}
          </>
        )
      },
      { key: 'amount', title: t('order.amount'), width: 120, align: 'right' as const, sorter: (a: Order, b: Order) => a.amount - b.amount, render: (_: unknown, o: Order) => <Money fen={o.amount} /> },
      { key: 'dueDate', title: t('order.dueDate'), dataIndex: 'dueDate', width: 110, sorter: (a: Order, b: Order) => a.dueDate.localeCompare(b.dueDate) },
      {
        key: 'instalments',
        title: t('order.instalmentCount'),
        width: 90,
        priority: 3,
        render: (_: unknown, o: Order) => (o.instalmentCount > 1 ? t('order.instalmentsOf', { count: o.instalmentCount }) : t('order.noInstalments'))
      },
      {
        key: 'costToDate',
        title: t('cost.toDate'),
        width: 110,
        priority: 5,
        align: 'right' as const,
        sorter: (a: Order, b: Order) => (ledger.cost.orders.get(a.id)?.feesPaid ?? 0) - (ledger.cost.orders.get(b.id)?.feesPaid ?? 0),
        render: (_: unknown, o: Order) => <Money fen={ledger.cost.orders.get(o.id)?.feesPaid ?? 0} />
      },
      {
        key: 'owed',
        title: t('order.owed'),
        width: 120,
        align: 'right' as const,
        sorter: (a: Order, b: Order) => (ledger.orderBalances.get(a.id)?.owed ?? 0) - (ledger.orderBalances.get(b.id)?.owed ?? 0),
        render: (_: unknown, o: Order) => <Money fen={ledger.orderBalances.get(o.id)?.owed ?? 0} strong />
      },
      {
        key: 'status',
        title: t('order.status'),
        width: 100,
        filters: (['unpaid', 'partlyPaid', 'paid', 'refunded', 'cancelled'] as const).map((s) => ({ text: t(`status.${s}`), value: s })),
        onFilter: (v: React.Key | boolean, o: Order) => (ledger.orderBalances.get(o.id)?.status ?? o.status) === v,
        render: (_: unknown, o: Order) => {
          const s = ledger.orderBalances.get(o.id)?.status ?? o.status
          return <Tag color={STATUS_COLOURS[s]}>{t(`status.${s}`)}</Tag>
        }
      }
    ],
    [rows, t, ledger, preset?.accountId]
  )

  return (
    <>
      <RecordPanel<Order>
        type="orders"
        testId="orders-table"
        rows={rows}
        columns={columns}
        shortcuts={shortcuts}
        searchText={(o) => `${accountName(ledger, o.accountId)} ${o.merchant} ${o.item} ${o.orderDate} ${formatFen(o.amount)} ${o.externalOrderNo} ${o.notes}`}
        labelOf={(o) => ({ name: `${o.merchant} ${formatFen(o.amount)}`, cascade: ledger.repaymentCount.get(o.id) ?? 0 })}
        current={(id) => ledger.orderById.get(id)}
        add={{ label: t('order.add'), testId: 'add-order', enabled: canAdd, preset }}
        empty={<EmptyState text={canAdd ? t('empty.orders') : t('empty.ordersNeedAccount')} />}
        modal={(m) => <OrderModal open={m.open} order={m.record} preset={m.preset} onClose={m.onClose} />}
        detail={(o) => {
          const balance = ledger.orderBalances.get(o.id)
          const cost = ledger.cost.orders.get(o.id)
          const status = statusOf(o)
          return {
            title: `${o.merchant} · ${formatFen(o.amount)}`,
            items: [
              { label: t('order.account'), value: accountName(ledger, o.accountId) },
              { label: t('order.merchant'), value: o.merchant },
              { label: t('order.item'), value: o.item || t('common.none') },
              { label: t('order.amount'), value: <Money fen={o.amount} /> },
              { label: t('order.orderDate'), value: o.orderDate },
              { label: t('order.dueDate'), value: o.dueDate },
              { label: t('order.instalmentCount'), value: o.instalmentCount > 1 ? t('order.instalmentsOf', { count: o.instalmentCount }) : t('order.noInstalments') },
              { label: t('order.repaid'), value: <Money fen={balance?.paid ?? 0} /> },
              { label: t('order.owed'), value: <Money fen={balance?.owed ?? 0} strong /> },
              { label: t('order.status'), value: <Tag color={STATUS_COLOURS[status]}>{t(`status.${status}`)}</Tag> },
              ...(cost?.overdue ? [{ label: t('cost.overdue', { days: cost.overdue.days, penalty: formatFen(cost.overdue.penaltyAccrued) }), value: <Tag color="red">{cost.overdue.since}</Tag> }] : []),
              ...(o.instalmentCount > 1 && cost
                ? [
                    { label: t('cost.realApr'), value: <AprText apr={cost.apr} naive={cost.naiveRate} detailed /> },
                    { label: t('cost.feesPaid'), value: <Money fen={cost.feesPaid} /> },
                    { label: t('cost.feesToCome'), value: <Money fen={cost.feesToCome} /> }
                  ]
                : []),
              { label: t('order.externalOrderNo'), value: o.externalOrderNo || t('common.none') },
              { label: t('order.notes'), value: o.notes || t('common.none') },
              ...(risk.byRecord.has(o.id) ? [{ label: t('risk.recordFlags'), value: <RecordFlagList id={o.id} /> }] : [])
            ],
            extra: o.instalmentCount > 1 ? <OrderSchedule order={o} /> : undefined,
            footer: (balance?.owed ?? 0) > 0 && (
              <Button type="primary" className="drawer-action" data-testid="detail-repay" onClick={() => setRepaying({ accountId: o.accountId, targetType: 'order', targetId: o.id })}>
                {t('account.addRepayment')}
              </Button>
            )
          }
        }}
      />
      <RepaymentModal open={repaying !== null} preset={repaying ?? undefined} onClose={() => setRepaying(null)} />
    </>
  )
}
