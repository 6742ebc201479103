// Owns a list of repayments with its add/edit dialog and detail view.
import { useMemo } from 'react'
import { Button } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import { useUndo } from '@/app/undo'
import { formatFen } from '@/domain/money'
import type { Repayment } from '@/domain/records'
import { EmptyState } from '@/components/EmptyState'
import { Money } from '@/components/Money'
import { RecordTable } from '@/components/RecordTable'
import { useHotkey } from '@/components/use-hotkey'
import { DetailDrawer } from '../shared/DetailDrawer'
import { accountName, targetLabel } from '../shared/labels'
import { useRecordPage } from '../shared/use-record-page'
import { RepaymentModal } from './RepaymentModal'

export function RepaymentsPanel({ rows, preset, shortcuts = true }: { rows: Repayment[]; preset?: Partial<Repayment>; shortcuts?: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const undo = useUndo()
  const page = useRecordPage<Repayment>()
  const canAdd = ledger.draws.length + ledger.orders.length > 0
  useHotkey('n', () => canAdd && page.startNew(preset), shortcuts)

  const columns = useMemo(
    () => [
      { key: 'date', title: t('repayment.date'), dataIndex: 'date', width: 110, defaultSortOrder: 'descend' as const, sorter: (a: Repayment, b: Repayment) => a.date.localeCompare(b.date) },
      {
        key: 'account',
        title: t('repayment.account'),
        width: 130,
        filters: [...new Set(rows.map((r) => r.accountId))].map((id) => ({ text: accountName(ledger, id), value: id })),
        onFilter: (v: React.Key | boolean, r: Repayment) => r.accountId === v,
        render: (_: unknown, r: Repayment) => accountName(ledger, r.accountId)
      },
      {
        key: 'targetType',
        title: t('repayment.targetType'),
        width: 110,
        filters: (['draw', 'order', 'statement'] as const).map((x) => ({ text: t(`target.${x}`), value: x })),
        onFilter: (v: React.Key | boolean, r: Repayment) => r.targetType === v,
        render: (_: unknown, r: Repayment) => t(`target.${r.targetType}`)
      },
      { key: 'target', title: t('repayment.target'), width: 300, ellipsis: true, render: (_: unknown, r: Repayment) => targetLabel(ledger, r, t) },
      { key: 'amount', title: t('repayment.amount'), width: 130, align: 'right' as const, sorter: (a: Repayment, b: Repayment) => a.amount - b.amount, render: (_: unknown, r: Repayment) => <Money fen={r.amount} strong /> },
      { key: 'note', title: t('repayment.note'), dataIndex: 'note', width: 160, ellipsis: true }
    ],
    [rows, t, ledger]
  )

  const viewing = page.viewing ? ledger.repayments.find((r) => r.id === page.viewing?.id) : undefined
  const labelOf = (r: Repayment) => ({ name: `${r.date} ${formatFen(r.amount)}`, cascade: 0 })
  const remove = (r: Repayment) => void undo.remove('repayments', r.id)

  return (
    <>
      <RecordTable<Repayment>
        testId="repayments-table"
        rows={rows}
        columns={columns}
        shortcuts={shortcuts}
        searchText={(r) => `${accountName(ledger, r.accountId)} ${targetLabel(ledger, r, t)} ${r.date} ${formatFen(r.amount)} ${r.note}`}
        onOpen={page.setViewing}
        onEdit={page.startEdit}
        onDelete={remove}
        deleteLabel={labelOf}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} disabled={!canAdd} onClick={() => page.startNew(preset)} data-testid="add-repayment">
            {t('repayment.add')}
          </Button>
        }
        empty={<EmptyState text={t('empty.repayments')} />}
      />
      <RepaymentModal open={page.editing !== null} repayment={page.editing?.mode === 'edit' ? page.editing.record : undefined} preset={page.editing?.mode === 'new' ? page.editing.preset : undefined} onClose={page.close} />
      <DetailDrawer
        open={viewing !== undefined}
        title={viewing ? `${accountName(ledger, viewing.accountId)} · ${formatFen(viewing.amount)}` : ''}
        onClose={() => page.setViewing(null)}
        deleteLabel={viewing ? labelOf(viewing) : { name: '', cascade: 0 }}
        onEdit={() => viewing && page.startEdit(viewing)}
        onDelete={() => {
          if (viewing) remove(viewing)
          page.setViewing(null)
        }}
        items={
          viewing
            ? [
                { label: t('repayment.account'), value: accountName(ledger, viewing.accountId) },
                { label: t('repayment.targetType'), value: t(`target.${viewing.targetType}`) },
                { label: t('repayment.target'), value: targetLabel(ledger, viewing, t) },
                { label: t('repayment.date'), value: viewing.date },
                { label: t('repayment.amount'), value: <Money fen={viewing.amount} strong /> },
                { label: t('repayment.note'), value: viewing.note || t('common.none') }
              ]
            : []
        }
      />
    </>
  )
}
