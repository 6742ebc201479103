// Owns setting up 账单分期 on a bill: the amount (at most its unpaid purchases), the periods, the monthly fee and the day, checked by the store as any record.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { saveBillInstalment } from '@/db/repo'
import type { Bill } from '@/domain/cost/statement'
import { formatFen, type Fen } from '@/domain/money'
import { billInstalmentSchema, type BillInstalment } from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { toDayjs, yuanText } from '@/components/form-parse'

interface Values {
  amount: string
  count: number
  feeRate: number | null
  date: Dayjs | null
  notes: string
}

const COUNTS = [3, 6, 9, 12, 18, 24]

export function BillInstalmentModal({ open, accountId, bill, count, feeRate, room, onClose }: { open: boolean; accountId: string; bill: Bill; count: number; feeRate: number; room: Fen; onClose(): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const day = ledger.today < bill.statementDate ? bill.statementDate : ledger.today
  const initial: Values = { amount: yuanText(room), count, feeRate: Math.round(feeRate * 10_000) / 100, date: toDayjs(day), notes: '' }
  return (
    <RecordModal<Values, BillInstalment>
      open={open}
      recordId={undefined}
      title={t('bill.instalment.title', { date: bill.statementDate })}
      initialValues={initial}
      schema={billInstalmentSchema}
      testId="bill-instalment-modal"
      onClose={onClose}
      save={(record) => saveBillInstalment(appDb(), record)}
      build={(v, p, id) => ({
        id,
        accountId,
        statementDate: bill.statementDate,
        date: p.date(v.date),
        amount: p.fen('amount', v.amount),
        count: v.count,
        feeRate: p.percent('feeRate', v.feeRate ?? undefined),
        notes: v.notes ?? ''
      })}
    >
      <p className="muted small">{t('bill.instalment.help')}</p>
      <div className="form-row">
        <Form.Item name="amount" label={t('bill.instalment.amount')} extra={t('bill.instalment.max', { amount: formatFen(room) })} required>
          <Input prefix="¥" inputMode="decimal" data-testid="field-amount" />
        </Form.Item>
        <Form.Item name="count" label={t('bill.instalment.count')} required>
          <Select options={COUNTS.map((c) => ({ value: c, label: c }))} data-testid="field-count" />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item name="feeRate" label={t('bill.instalment.feeRate')} required>
          <InputNumber min={0} max={2} step={0.05} style={{ width: '100%' }} data-testid="field-feeRate" />
        </Form.Item>
        <Form.Item name="date" label={t('bill.instalment.date')} required>
          <DatePicker style={{ width: '100%' }} data-testid="field-date" />
        </Form.Item>
      </div>
    </RecordModal>
  )
}
