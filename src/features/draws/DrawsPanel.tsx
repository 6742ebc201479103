// Owns a list of draws with its add/edit dialog and detail view; the draws page shows all, an account page its own.
import { useMemo, useState } from 'react'
import { Alert, Button, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import { useUndo } from '@/app/undo'
import { DRAW_ACCOUNT_KINDS, type Draw, type Repayment } from '@/domain/records'
import { formatFen } from '@/domain/money'
import { EmptyState } from '@/components/EmptyState'
import { Money } from '@/components/Money'
import { RecordTable } from '@/components/RecordTable'
import { useHotkey } from '@/components/use-hotkey'
import { DetailDrawer } from '../shared/DetailDrawer'
import { accountName, rateLabel } from '../shared/labels'
import { useRecordPage } from '../shared/use-record-page'
import { RepaymentModal } from '../repayments/RepaymentModal'
import { DrawModal } from './DrawModal'

export function DrawsPanel({ rows, preset, shortcuts = true }: { rows: Draw[]; preset?: Partial<Draw>; shortcuts?: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const undo = useUndo()
  const page = useRecordPage<Draw>()
  const [repaying, setRepaying] = useState<Partial<Repayment> | null>(null)
  const canAdd = ledger.accounts.some((a) => DRAW_ACCOUNT_KINDS.includes(a.kind))
  useHotkey('n', () => canAdd && page.startNew(preset), shortcuts)

  const columns = useMemo(() => {
    const accountsInRows = [...new Set(rows.map((d) => d.accountId))]
    return [
      { key: 'drawDate', title: t('draw.drawDate'), dataIndex: 'drawDate', width: 110, defaultSortOrder: 'descend' as const, sorter: (a: Draw, b: Draw) => a.drawDate.localeCompare(b.drawDate) },
      {
        key: 'account',
        title: t('draw.account'),
        width: 130,
        filters: accountsInRows.map((id) => ({ text: accountName(ledger, id), value: id })),
        onFilter: (v: React.Key | boolean, d: Draw) => d.accountId === v,
        render: (_: unknown, d: Draw) => accountName(ledger, d.accountId)
      },
      { key: 'principal', title: t('draw.principal'), width: 130, align: 'right' as const, sorter: (a: Draw, b: Draw) => a.principal - b.principal, render: (_: unknown, d: Draw) => <Money fen={d.principal} /> },
      {
        key: 'method',
        title: t('draw.method'),
        width: 150,
        filters: [...new Set(rows.map((d) => d.method))].map((m) => ({ text: t(`method.${m}`), value: m })),
        onFilter: (v: React.Key | boolean, d: Draw) => d.method === v,
        render: (_: unknown, d: Draw) => t(`method.${d.method}`)
      },
      { key: 'rate', title: t('draw.rate'), width: 120, render: (_: unknown, d: Draw) => rateLabel(d, t) },
      {
        key: 'channel',
        title: t('draw.channel'),
        width: 130,
        filters: [...new Set(rows.map((d) => d.channel))].map((c) => ({ text: t(`channel.${c}`), value: c })),
        onFilter: (v: React.Key | boolean, d: Draw) => d.channel === v,
        render: (_: unknown, d: Draw) => t(`channel.${d.channel}`)
      },
      {
        key: 'owed',
        title: t('draw.owed'),
        width: 130,
        align: 'right' as const,
        sorter: (a: Draw, b: Draw) => (ledger.drawBalances.get(a.id)?.owed ?? 0) - (ledger.drawBalances.get(b.id)?.owed ?? 0),
        render: (_: unknown, d: Draw) => <Money fen={ledger.drawBalances.get(d.id)?.owed ?? 0} strong />
      },
      {
        key: 'status',
        title: t('draw.status'),
        width: 90,
        filters: [
          { text: t('draw.statusOpen'), value: 'open' },
          { text: t('draw.statusCleared'), value: 'cleared' }
        ],
        onFilter: (v: React.Key | boolean, d: Draw) => ((ledger.drawBalances.get(d.id)?.owed ?? 0) > 0 ? 'open' : 'cleared') === v,
        render: (_: unknown, d: Draw) =>
          (ledger.drawBalances.get(d.id)?.owed ?? 0) > 0 ? <Tag color="orange">{t('draw.statusOpen')}</Tag> : <Tag color="green">{t('draw.statusCleared')}</Tag>
      }
    ]
  }, [rows, t, ledger])

  const viewing = page.viewing ? ledger.drawById.get(page.viewing.id) : undefined
  const balance = viewing ? ledger.drawBalances.get(viewing.id) : undefined
  const labelOf = (d: Draw) => ({ name: `${accountName(ledger, d.accountId)} ${d.drawDate} ${formatFen(d.principal)}`, cascade: ledger.repaymentCount.get(d.id) ?? 0 })
  const remove = (d: Draw) => void undo.remove('draws', d.id)

  return (
    <>
      <RecordTable<Draw>
        testId="draws-table"
        rows={rows}
        columns={columns}
        shortcuts={shortcuts}
        searchText={(d) => `${accountName(ledger, d.accountId)} ${d.drawDate} ${formatFen(d.principal)} ${d.notes}`}
        onOpen={page.setViewing}
        onEdit={page.startEdit}
        onDelete={remove}
        deleteLabel={labelOf}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} disabled={!canAdd} onClick={() => page.startNew(preset)} data-testid="add-draw">
            {t('draw.add')}
          </Button>
        }
        empty={<EmptyState text={canAdd ? t('empty.draws') : t('empty.drawsNeedAccount')} />}
      />
      <DrawModal open={page.editing !== null} draw={page.editing?.mode === 'edit' ? page.editing.record : undefined} preset={page.editing?.mode === 'new' ? page.editing.preset : undefined} onClose={page.close} />
      <DetailDrawer
        open={viewing !== undefined}
        title={viewing ? `${accountName(ledger, viewing.accountId)} · ${formatFen(viewing.principal)}` : ''}
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
                { label: t('draw.account'), value: accountName(ledger, viewing.accountId) },
                { label: t('draw.principal'), value: <Money fen={viewing.principal} /> },
                { label: t('draw.drawDate'), value: viewing.drawDate },
                { label: t('draw.channel'), value: t(`channel.${viewing.channel}`) },
                { label: t('draw.method'), value: t(`method.${viewing.method}`) },
                { label: t('draw.rate'), value: t('draw.rateWithUnit', { rate: rateLabel(viewing, t), unit: t(`rateUnit.${viewing.rateUnit}`) }) },
                { label: t('draw.termMonths'), value: viewing.termMonths },
                { label: t('draw.firstDueDate'), value: viewing.firstDueDate },
                { label: t('draw.upfrontFee'), value: <Money fen={viewing.upfrontFee} /> },
                { label: t('draw.repaid'), value: <Money fen={balance.repaid} /> },
                { label: t('draw.principalOutstanding'), value: <Money fen={balance.principalOutstanding} /> },
                { label: t('draw.interestAccrued'), value: <Money fen={balance.interestAccrued} /> },
                { label: t('draw.owed'), value: <Money fen={balance.owed} strong /> },
                { label: t('draw.notes'), value: viewing.notes || t('common.none') }
              ]
            : []
        }
        footer={
          viewing && (
            <>
              <Alert type="info" showIcon title={t('draw.estimateNote')} />
              {balance && balance.owed > 0 && (
                <Button type="primary" className="drawer-action" data-testid="detail-repay" onClick={() => setRepaying({ accountId: viewing.accountId, targetType: 'draw', targetId: viewing.id })}>
                  {t('account.addRepayment')}
                </Button>
              )}
            </>
          )
        }
      />
      <RepaymentModal open={repaying !== null} preset={repaying ?? undefined} onClose={() => setRepaying(null)} />
    </>
  )
}
