// Owns a list of repayments with its add/edit dialog and detail view.
import { useMemo } from 'react'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { formatFen } from '@/domain/money'
import type { Repayment } from '@/domain/records'
import { EmptyState } from '@/components/EmptyState'
import { Money } from '@/components/Money'
import { accountColumn, accountName, targetLabel } from '../shared/labels'
import { RecordPanel } from '../shared/RecordPanel'
import { RepaymentModal } from './RepaymentModal'

export function RepaymentsPanel({ rows, preset, shortcuts = true }: { rows: Repayment[]; preset?: Partial<Repayment>; shortcuts?: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()

  const columns = useMemo(
    () => [
      { key: 'date', title: t('repayment.date'), dataIndex: 'date', width: 110, defaultSortOrder: 'descend' as const, sorter: (a: Repayment, b: Repayment) => a.date.localeCompare(b.date) },
      // On an account's own page the account column would say the same thing on every row.
      ...(preset?.accountId ? [] : [accountColumn(ledger, rows, t('repayment.account'))]),
      {
        key: 'targetType',
        title: t('repayment.targetType'),
        width: 110,
        priority: 1,
        filters: (['draw', 'order', 'statement'] as const).map((x) => ({ text: t(`target.${x}`), value: x })),
        onFilter: (v: React.Key | boolean, r: Repayment) => r.targetType === v,
        render: (_: unknown, r: Repayment) => t(`target.${r.targetType}`)
      },
      { key: 'target', title: t('repayment.target'), width: 300, ellipsis: true, render: (_: unknown, r: Repayment) => targetLabel(ledger, r, t) },
      { key: 'amount', title: t('repayment.amount'), width: 130, align: 'right' as const, sorter: (a: Repayment, b: Repayment) => a.amount - b.amount, render: (_: unknown, r: Repayment) => <Money fen={r.amount} strong /> },
      { key: 'note', title: t('repayment.note'), dataIndex: 'note', width: 160, priority: 2, ellipsis: true }
    ],
    [rows, t, ledger, preset?.accountId]
  )

  return (
    <RecordPanel<Repayment>
      type="repayments"
      testId="repayments-table"
      rows={rows}
      columns={columns}
      shortcuts={shortcuts}
      searchText={(r) => `${accountName(ledger, r.accountId)} ${targetLabel(ledger, r, t)} ${r.date} ${formatFen(r.amount)} ${r.note}`}
      labelOf={(r) => ({ name: `${r.date} ${formatFen(r.amount)}`, cascade: 0 })}
      current={(id) => ledger.repayments.find((r) => r.id === id)}
      add={{ label: t('repayment.add'), testId: 'add-repayment', enabled: ledger.draws.length + ledger.orders.length > 0, preset }}
      empty={<EmptyState text={t('empty.repayments')} />}
      modal={(m) => <RepaymentModal open={m.open} repayment={m.record} preset={m.preset} onClose={m.onClose} />}
      detail={(r) => ({
        title: `${accountName(ledger, r.accountId)} · ${formatFen(r.amount)}`,
        items: [
          { label: t('repayment.account'), value: accountName(ledger, r.accountId) },
          { label: t('repayment.targetType'), value: t(`target.${r.targetType}`) },
          { label: t('repayment.target'), value: targetLabel(ledger, r, t) },
          { label: t('repayment.date'), value: r.date },
          { label: t('repayment.amount'), value: <Money fen={r.amount} strong /> },
          { label: t('repayment.note'), value: r.note || t('common.none') }
        ]
      })}
    />
  )
}
