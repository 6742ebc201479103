// Owns a statement account's bills tab: every bill issued (and the next one so far) with its balance, minimum, what was paid and how it ended, each opening its detail; and the account's 账单分期.
import { useState } from 'react'
import { Button, Drawer, Popconfirm, Table, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useUndo } from '@/state/undo'
import type { Bill } from '@/domain/cost/statement'
import { formatFen } from '@/domain/money'
import { Money } from '@/components/Money'
import { CONFIRM_DELETE_BUTTON } from '@/components/buttons'
import { BILL_STATUS_COLOURS, BillDetail } from '../dues/BillDetail'

export function BillsPanel({ accountId }: { accountId: string }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const undo = useUndo()
  const walk = ledger.cost.statements.get(accountId)
  const [open, setOpen] = useState<string | null>(null)
  const bills = [...(walk?.bills ?? [])].reverse()
  const viewing = bills.find((b) => b.statementDate === open)
  const plans = ledger.billInstalments.filter((b) => b.accountId === accountId)
  return (
    <div className="bills-panel" data-testid="bills-panel">
      <Table<Bill>
        size="small"
        rowKey="statementDate"
        dataSource={bills}
        pagination={bills.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
        locale={{ emptyText: t('account.bills.empty') }}
        onRow={(b) => ({ onClick: () => setOpen(b.statementDate), className: 'clickable', 'data-testid': 'bill-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('bill.statementDate'), dataIndex: 'statementDate', width: 110 },
          { title: t('bill.dueDate'), dataIndex: 'dueDate', width: 110 },
          { title: t('bill.total'), align: 'right', render: (_: unknown, b) => <Money fen={b.total} strong /> },
          { title: t('bill.minimum'), align: 'right', render: (_: unknown, b) => (b.issued ? <Money fen={b.minimum} /> : '—') },
          { title: t('bill.paid'), align: 'right', render: (_: unknown, b) => (b.issued ? <Money fen={b.paidSinceStatement} /> : '—') },
          { title: t('bill.status'), render: (_: unknown, b) => <Tag color={BILL_STATUS_COLOURS[b.status]}>{t(`billStatus.${b.status}`)}</Tag> }
        ]}
      />
      {plans.length > 0 && (
        <section className="detail-section" data-testid="bill-instalments">
          <h4>{t('bill.instalment.list')}</h4>
          <ul className="plain-list">
            {plans.map((p) => (
              <li key={p.id}>
                {t('bill.instalment.row', { date: p.statementDate, count: p.count, amount: formatFen(p.amount) })}{' '}
                <Popconfirm
                  title={t('common.confirmDelete', { name: t('bill.instalment.row', { date: p.statementDate, count: p.count, amount: formatFen(p.amount) }) })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={CONFIRM_DELETE_BUTTON}
                  onConfirm={() => void undo.remove('billInstalments', p.id)}
                >
                  <Button size="small" type="link" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Drawer open={viewing !== undefined} onClose={() => setOpen(null)} size={640} destroyOnHidden title={viewing ? t(viewing.issued ? 'bill.title' : 'bill.next', { account: ledger.accountById.get(accountId)?.name ?? '', date: viewing.statementDate }) : ''} data-testid="bill-drawer">
        {viewing && <BillDetail accountId={accountId} bill={viewing} />}
      </Drawer>
    </div>
  )
}
