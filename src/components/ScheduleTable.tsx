// Owns the schedule of a draw or a 分期 plan as a table: every period with its due date, principal, interest or fee, what was paid, any penalty, and where it stands.
import { Table, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import type { PeriodRow } from '@/domain/cost/types'
import { Money } from './Money'

const STATUS_COLOURS: Record<PeriodRow['status'], string> = { paid: 'green', partlyPaid: 'gold', due: 'volcano', overdue: 'red', upcoming: 'default' }

export function ScheduleTable({ rows, showInterest, showFee, testId }: { rows: readonly PeriodRow[]; showInterest: boolean; showFee: boolean; testId?: string }) {
  const { t } = useI18n()
  const anyPenalty = rows.some((r) => r.penalty > 0 || r.penaltyPaid > 0)
  return (
    <Table<PeriodRow>
      size="small"
      className="schedule-table"
      data-testid={testId ?? 'schedule-table'}
      rowKey="index"
      pagination={false}
      dataSource={[...rows]}
      scroll={rows.length > 12 ? { y: 360 } : undefined}
      onRow={(r) => ({ 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('schedule.index'), dataIndex: 'index', width: 44 },
        { title: t('schedule.dueDate'), dataIndex: 'dueDate', width: 100 },
        { title: t('schedule.principal'), align: 'right', render: (_: unknown, r) => <Money fen={r.principal} /> },
        ...(showInterest ? [{ title: t('schedule.interest'), align: 'right' as const, render: (_: unknown, r: PeriodRow) => <Money fen={r.interest} /> }] : []),
        ...(showFee ? [{ title: t('schedule.fee'), align: 'right' as const, render: (_: unknown, r: PeriodRow) => <Money fen={r.fee} /> }] : []),
        { title: t('schedule.payment'), align: 'right', render: (_: unknown, r) => <Money fen={r.payment} strong /> },
        { title: t('schedule.paid'), align: 'right', render: (_: unknown, r) => <Money fen={r.paid} /> },
        ...(anyPenalty ? [{ title: t('schedule.penalty'), align: 'right' as const, render: (_: unknown, r: PeriodRow) => <Money fen={r.penalty + r.penaltyPaid} danger={r.penalty > 0} /> }] : []),
        {
          title: t('schedule.status'),
          width: 84,
          render: (_: unknown, r) => (
            <Tag color={STATUS_COLOURS[r.status]} data-testid="period-status">
              {t(`periodStatus.${r.status}`)}
            </Tag>
          )
        }
      ]}
    />
  )
}
