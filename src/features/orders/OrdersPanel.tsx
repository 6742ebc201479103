// Owns a list of pay-later orders with its add/edit dialog and detail view.
import { useMemo, useState } from 'react'
import { Button, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import { useUndo } from '@/app/undo'
import { formatFen } from '@/domain/money'
import type { EffectiveOrderStatus } from '@/domain/owed'
import { ORDER_ACCOUNT_KINDS, type Order, type Repayment } from '@/domain/records'
import { EmptyState } from '@/components/EmptyState'
import { Money } from '@/components/Money'
import { RecordTable } from '@/components/RecordTable'
import { useHotkey } from '@/components/use-hotkey'
import { DetailDrawer } from '../shared/DetailDrawer'
import { accountName } from '../shared/labels'
import { useRecordPage } from '../shared/use-record-page'
import { RepaymentModal } from '../repayments/RepaymentModal'
import { OrderModal } from './OrderModal'

const STATUS_COLOURS: Record<EffectiveOrderStatus, string> = { unpaid: 'orange', partlyPaid: 'gold', paid: 'green', refunded: 'default', cancelled: 'default' }

export function OrdersPanel({ rows, preset, shortcuts = true }: { rows: Order[]; preset?: Partial<Order>; shortcuts?: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const undo = useUndo()
  const page = useRecordPage<Order>()
  const [repaying, setRepaying] = useState<Partial<Repayment> | null>(null)
  const canAdd = ledger.accounts.some((a) => ORDER_ACCOUNT_KINDS.includes(a.kind))
  useHotkey('n', () => canAdd && page.startNew(preset), shortcuts)
  const statusOf = (o: Order): EffectiveOrderStatus => ledger.orderBalances.get(o.id)?.status ?? o.status

  const columns = useMemo(
    () => [
      { key: 'orderDate', title: t('order.orderDate'), dataIndex: 'orderDate', width: 110, defaultSortOrder: 'descend' as const, sorter: (a: Order, b: Order) => a.orderDate.localeCompare(b.orderDate) },
      {
        key: 'account',
        title: t('order.account'),
        width: 130,
        filters: [...new Set(rows.map((o) => o.accountId))].map((id) => ({ text: accountName(ledger, id), value: id })),
        onFilter: (v: React.Key | boolean, o: Order) => o.accountId === v,
        render: (_: unknown, o: Order) => accountName(ledger, o.accountId)
      },
      { key: 'merchant', title: t('order.merchant'), dataIndex: 'merchant', width: 130, ellipsis: true, sorter: (a: Order, b: Order) => a.merchant.localeCompare(b.merchant, 'zh-CN') },
      { key: 'item', title: t('order.item'), dataIndex: 'item', width: 150, ellipsis: true },
      { key: 'amount', title: t('order.amount'), width: 120, align: 'right' as const, sorter: (a: Order, b: Order) => a.amount - b.amount, render: (_: unknown, o: Order) => <Money fen={o.amount} /> },
      { key: 'dueDate', title: t('order.dueDate'), dataIndex: 'dueDate', width: 110, sorter: (a: Order, b: Order) => a.dueDate.localeCompare(b.dueDate) },
      {
        key: 'instalments',
        title: t('order.instalmentCount'),
        width: 90,
        render: (_: unknown, o: Order) => (o.instalmentCount > 1 ? t('order.instalmentsOf', { count: o.instalmentCount }) : t('order.noInstalments'))
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
    [rows, t, ledger]
  )

  const viewing = page.viewing ? ledger.orderById.get(page.viewing.id) : undefined
  const balance = viewing ? ledger.orderBalances.get(viewing.id) : undefined
  const labelOf = (o: Order) => ({ name: `${o.merchant} ${formatFen(o.amount)}`, cascade: ledger.repaymentCount.get(o.id) ?? 0 })
  const remove = (o: Order) => void undo.remove('orders', o.id)

  return (
    <>
      <RecordTable<Order>
        testId="orders-table"
        rows={rows}
        columns={columns}
        minWidth={1150}
        shortcuts={shortcuts}
        searchText={(o) => `${accountName(ledger, o.accountId)} ${o.merchant} ${o.item} ${o.orderDate} ${formatFen(o.amount)} ${o.externalOrderNo} ${o.notes}`}
        onOpen={page.setViewing}
        onEdit={page.startEdit}
        onDelete={remove}
        deleteLabel={labelOf}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} disabled={!canAdd} onClick={() => page.startNew(preset)} data-testid="add-order">
            {t('order.add')}
          </Button>
        }
        empty={<EmptyState text={canAdd ? t('empty.orders') : t('empty.ordersNeedAccount')} />}
      />
      <OrderModal open={page.editing !== null} order={page.editing?.mode === 'edit' ? page.editing.record : undefined} preset={page.editing?.mode === 'new' ? page.editing.preset : undefined} onClose={page.close} />
      <DetailDrawer
        open={viewing !== undefined}
        title={viewing ? `${viewing.merchant} · ${formatFen(viewing.amount)}` : ''}
        onClose={() => page.setViewing(null)}
        deleteLabel={viewing ? labelOf(viewing) : { name: '', cascade: 0 }}
        onEdit={() => viewing && page.startEdit(viewing)}
        onDelete={() => {
          if (viewing) remove(viewing)
          page.setViewing(null)
        }}
        items={
          viewing && balance
            ? [
                { label: t('order.account'), value: accountName(ledger, viewing.accountId) },
                { label: t('order.merchant'), value: viewing.merchant },
                { label: t('order.item'), value: viewing.item || t('common.none') },
                { label: t('order.amount'), value: <Money fen={viewing.amount} /> },
                { label: t('order.orderDate'), value: viewing.orderDate },
                { label: t('order.dueDate'), value: viewing.dueDate },
                { label: t('order.instalmentCount'), value: viewing.instalmentCount > 1 ? t('order.instalmentsOf', { count: viewing.instalmentCount }) : t('order.noInstalments') },
                { label: t('order.total'), value: <Money fen={balance.total} /> },
                { label: t('order.repaid'), value: <Money fen={balance.repaid} /> },
                { label: t('order.owed'), value: <Money fen={balance.owed} strong /> },
                { label: t('order.status'), value: <Tag color={STATUS_COLOURS[statusOf(viewing)]}>{t(`status.${statusOf(viewing)}`)}</Tag> },
                { label: t('order.externalOrderNo'), value: viewing.externalOrderNo || t('common.none') },
                { label: t('order.notes'), value: viewing.notes || t('common.none') }
              ]
            : []
        }
        footer={
          viewing &&
          balance &&
          balance.owed > 0 && (
            <Button type="primary" className="drawer-action" data-testid="detail-repay" onClick={() => setRepaying({ accountId: viewing.accountId, targetType: 'order', targetId: viewing.id })}>
              {t('account.addRepayment')}
            </Button>
          )
        }
      />
      <RepaymentModal open={repaying !== null} preset={repaying ?? undefined} onClose={() => setRepaying(null)} />
    </>
  )
}
