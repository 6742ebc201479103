// Owns a list of draws with its add/edit dialog and detail view; the draws page shows all, an account page its own.
import { useMemo, useState } from 'react'
import { Button, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { DRAW_ACCOUNT_KINDS, type Draw, type Repayment } from '@/domain/records'
import { formatFen } from '@/domain/money'
import { EmptyState } from '@/components/EmptyState'
import type { RecordColumn } from '@/components/RecordTable'
import { Money } from '@/components/Money'
import { AprText } from '@/components/AprText'
import type { DrawCost } from '@/domain/cost/types'
import { accountColumn, accountName, rateLabel } from '../shared/labels'
import { RecordPanel } from '../shared/RecordPanel'
import { RepaymentModal } from '../repayments/RepaymentModal'
import { DrawModal } from './DrawModal'
import { DrawSchedule } from './DrawSchedule'
import { flagsColumn, RecordFlagList } from '../risk/RecordFlags'
import { useRisk } from '../risk/use-risk'

/** Interest, fees and penalty paid or accrued so far. */
function costToDate(c: DrawCost | undefined): number {
  return c ? c.interestPaid + c.feesPaid + c.penaltyPaid + c.accruedUnpaid : 0
}

export function DrawsPanel({ rows, preset, shortcuts = true }: { rows: Draw[]; preset?: Partial<Draw>; shortcuts?: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const [repaying, setRepaying] = useState<Partial<Repayment> | null>(null)
  const risk = useRisk()
  const canAdd = ledger.accounts.some((a) => DRAW_ACCOUNT_KINDS.includes(a.kind))

  // A draw's next due date: its earliest open due item (an overdue one is the earliest).
  const nextDue = useMemo(() => {
    const next = new Map<string, string>()
    for (const item of ledger.dues.items) {
      if (item.recordId === null || (item.kind !== 'drawInstalment' && item.kind !== 'drawTerm')) continue
      const was = next.get(item.recordId)
      if (was === undefined || item.dueDate < was) next.set(item.recordId, item.dueDate)
    }
    return next
  }, [ledger.dues.items])

  const columns = useMemo<RecordColumn<Draw>[]>(() => {
    // priority: which columns give way first on a narrow window (the detail shows them all).
    return [
      { key: 'drawDate', title: t('draw.drawDate'), dataIndex: 'drawDate', width: 110, defaultSortOrder: 'descend' as const, sorter: (a: Draw, b: Draw) => a.drawDate.localeCompare(b.drawDate) },
      { ...flagsColumn<Draw>(t('risk.column')), priority: 2 },
      // On an account's own page the account column would say the same thing on every row.
      ...(preset?.accountId ? [] : [accountColumn(ledger, rows, t('draw.account'))]),
      { key: 'principal', title: t('draw.principal'), width: 130, align: 'right' as const, sorter: (a: Draw, b: Draw) => a.principal - b.principal, render: (_: unknown, d: Draw) => <Money fen={d.principal} /> },
      {
        key: 'method',
        title: t('draw.method'),
        width: 150,
        priority: 3,
        // One line per row: "Pay as you go (daily interest)" would wrap in English; the detail has it whole.
        ellipsis: true,
        filters: [...new Set(rows.map((d) => d.method))].map((m) => ({ text: t(`method.${m}`), value: m })),
        onFilter: (v: React.Key | boolean, d: Draw) => d.method === v,
        render: (_: unknown, d: Draw) => t(`method.${d.method}`)
      },
      { key: 'rate', title: t('draw.rate'), width: 120, priority: 5, render: (_: unknown, d: Draw) => rateLabel(d, t) },
      {
        key: 'owed',
        title: t('draw.owed'),
        width: 130,
        align: 'right' as const,
        sorter: (a: Draw, b: Draw) => (ledger.drawBalances.get(a.id)?.owedToday ?? 0) - (ledger.drawBalances.get(b.id)?.owedToday ?? 0),
        render: (_: unknown, d: Draw) => <Money fen={ledger.drawBalances.get(d.id)?.owedToday ?? 0} strong />
      },
      {
        key: 'costToDate',
        title: t('cost.toDate'),
        width: 120,
        priority: 4,
        align: 'right' as const,
        sorter: (a: Draw, b: Draw) => costToDate(ledger.cost.draws.get(a.id)) - costToDate(ledger.cost.draws.get(b.id)),
        render: (_: unknown, d: Draw) => <Money fen={costToDate(ledger.cost.draws.get(d.id))} />
      },
      {
        key: 'apr',
        title: t('cost.realApr'),
        width: 110,
        priority: 1,
        sorter: (a: Draw, b: Draw) => (ledger.cost.draws.get(a.id)?.apr?.aprSimple ?? -1) - (ledger.cost.draws.get(b.id)?.apr?.aprSimple ?? -1),
        render: (_: unknown, d: Draw) => <AprText apr={ledger.cost.draws.get(d.id)?.apr ?? null} />
      },
      {
        key: 'nextDue',
        title: t('draw.nextDue'),
        width: 110,
        sorter: (a: Draw, b: Draw) => (nextDue.get(a.id) ?? '9999').localeCompare(nextDue.get(b.id) ?? '9999'),
        render: (_: unknown, d: Draw) => nextDue.get(d.id) ?? '—'
      },
      {
        key: 'status',
        title: t('draw.status'),
        width: 90,
        filters: [
          { text: t('draw.statusOpen'), value: 'open' },
          { text: t('draw.statusCleared'), value: 'cleared' }
        ],
        onFilter: (v: React.Key | boolean, d: Draw) => ((ledger.drawBalances.get(d.id)?.owedToday ?? 0) > 0 ? 'open' : 'cleared') === v,
        render: (_: unknown, d: Draw) =>
          (ledger.drawBalances.get(d.id)?.owedToday ?? 0) > 0 ? <Tag color="orange">{t('draw.statusOpen')}</Tag> : <Tag color="green">{t('draw.statusCleared')}</Tag>
      },
      {
        key: 'channel',
        title: t('draw.channel'),
        width: 130,
        priority: 6,
        filters: [...new Set(rows.map((d) => d.channel))].map((c) => ({ text: t(`channel.${c}`), value: c })),
        onFilter: (v: React.Key | boolean, d: Draw) => d.channel === v,
        render: (_: unknown, d: Draw) => t(`channel.${d.channel}`)
      }
    ]
  }, [rows, t, ledger, preset?.accountId, nextDue])

  return (
    <>
      <RecordPanel<Draw>
        type="draws"
        testId="draws-table"
        rows={rows}
        columns={columns}
        shortcuts={shortcuts}
        searchText={(d) => `${accountName(ledger, d.accountId)} ${d.drawDate} ${formatFen(d.principal)} ${d.notes}`}
        labelOf={(d) => ({ name: `${accountName(ledger, d.accountId)} ${d.drawDate} ${formatFen(d.principal)}`, cascade: ledger.repaymentCount.get(d.id) ?? 0 })}
        current={(id) => ledger.drawById.get(id)}
        add={{ label: t('draw.add'), testId: 'add-draw', enabled: canAdd, preset }}
        empty={<EmptyState text={canAdd ? t('empty.draws') : t('empty.drawsNeedAccount')} />}
        modal={(m) => <DrawModal open={m.open} draw={m.record} preset={m.preset} onClose={m.onClose} />}
        detail={(d) => {
          const cost = ledger.cost.draws.get(d.id)
          return {
            title: `${accountName(ledger, d.accountId)} · ${formatFen(d.principal)}`,
            items: [
              { label: t('draw.account'), value: accountName(ledger, d.accountId) },
              { label: t('draw.principal'), value: <Money fen={d.principal} /> },
              { label: t('draw.drawDate'), value: d.drawDate },
              { label: t('draw.channel'), value: t(`channel.${d.channel}`) },
              { label: t('draw.method'), value: t(`method.${d.method}`) },
              { label: t('draw.rate'), value: t('draw.rateWithUnit', { rate: rateLabel(d, t), unit: t(`rateUnit.${d.rateUnit}`) }) },
              { label: t('draw.termMonths'), value: d.termMonths },
              { label: t('draw.firstDueDate'), value: d.firstDueDate },
              { label: t('draw.upfrontFee'), value: <Money fen={d.upfrontFee} /> },
              { label: t('draw.repaid'), value: <Money fen={cost?.repaid ?? 0} /> },
              { label: t('draw.principalOutstanding'), value: <Money fen={cost?.principalOutstanding ?? 0} /> },
              { label: t('draw.owed'), value: <Money fen={cost?.owedToday ?? 0} strong /> },
              ...(cost
                ? [
                    { label: t('cost.realApr'), value: <AprText apr={cost.apr} naive={cost.naiveRate} estimate={cost.estimate} detailed /> },
                    { label: t('cost.interestPaid'), value: <Money fen={cost.interestPaid} /> },
                    { label: t('cost.feesPaid'), value: <Money fen={cost.feesPaid} /> },
                    { label: t('cost.penaltyPaid'), value: <Money fen={cost.penaltyPaid} /> },
                    { label: t('cost.accruedUnpaid'), value: <Money fen={cost.accruedUnpaid} /> },
                    { label: t('cost.projected'), value: <Money fen={cost.projectedCostToPayoff} /> },
                    { label: t('cost.total'), value: <Money fen={cost.totalCost} strong /> },
                    ...(cost.overdue
                      ? [{ label: t('draw.status'), value: <Tag color="red">{t('cost.overdue', { days: cost.overdue.days, penalty: formatFen(cost.overdue.penaltyAccrued) })}</Tag> }]
                      : [])
                  ]
                : []),
              { label: t('draw.notes'), value: d.notes || t('common.none') },
              ...(risk.byRecord.has(d.id) ? [{ label: t('risk.recordFlags'), value: <RecordFlagList id={d.id} /> }] : [])
            ],
            extra: <DrawSchedule draw={d} />,
            footer: (
              <>
                {(cost?.owedToday ?? 0) > 0 && (
                  <Button type="primary" className="drawer-action" data-testid="detail-repay" onClick={() => setRepaying({ accountId: d.accountId, targetType: 'draw', targetId: d.id })}>
                    {t('account.addRepayment')}
                  </Button>
                )}
              </>
            )
          }
        }}
      />
      <RepaymentModal open={repaying !== null} preset={repaying ?? undefined} onClose={() => setRepaying(null)} />
    </>
  )
}
