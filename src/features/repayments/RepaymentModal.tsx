// Owns the add/edit form of a repayment: against one draw, one order or a whole statement, never more than is owed.
import { useMemo } from 'react'
import { Button, DatePicker, Form, Input, Select, type FormInstance } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/app/i18n-context'
import { useLedger, type LedgerView } from '@/app/ledger-context'
import { appDb } from '@/db/instance'
import { saveRepayment } from '@/db/repo'
import { formatFen, type Fen } from '@/domain/money'
import { orderBalances } from '@/domain/owed'
import { drawCost } from '@/domain/cost/actual'
import { DRAW_ACCOUNT_KINDS, ORDER_ACCOUNT_KINDS, STATEMENT_KINDS, repaymentSchema, type Account, type Repayment, type RepaymentTarget } from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { toDayjs, yuanText } from '@/components/form-parse'
import { drawLabel, orderLabel } from '../shared/labels'

interface Values {
  accountId: string | undefined
  targetType: RepaymentTarget
  targetId: string | undefined
  date: Dayjs | null
  amount: string
  note: string
}

export function targetTypesFor(account: Account | undefined): RepaymentTarget[] {
  if (!account) return ['draw', 'order', 'statement']
  const types: RepaymentTarget[] = []
  if (DRAW_ACCOUNT_KINDS.includes(account.kind)) types.push('draw')
  if (ORDER_ACCOUNT_KINDS.includes(account.kind)) types.push('order')
  if (STATEMENT_KINDS.includes(account.kind)) types.push('statement')
  return types
}

/**
 * What the target still owes on a day, leaving out the repayment being edited: the figure the
 * store will hold the amount against (orders include what bill payments already covered).
 */
function owedOn(ledger: LedgerView, v: Pick<Values, 'accountId' | 'targetType' | 'targetId'>, date: string, editingId: string | undefined): Fen | null {
  if (!v.accountId) return null
  const others = ledger.repayments.filter((r) => r.accountId === v.accountId && r.id !== editingId && r.date <= date)
  if (v.targetType === 'draw') {
    const draw = v.targetId ? ledger.drawById.get(v.targetId) : undefined
    const account = ledger.accountById.get(v.accountId)
    if (!draw || !account) return null
    // The store's cap: the plain balance plus any penalty on arrears by that day, less what was
    // already paid that same day.
    const mine = others.filter((r) => r.targetId === draw.id)
    const sameDay = mine.filter((r) => r.date === date).reduce((sum, r) => sum + r.amount, 0)
    return Math.max(0, drawCost(draw, mine.filter((r) => r.date < date), account, date).owedToday - sameDay)
  }
  const orders = ledger.orders.filter((o) => o.accountId === v.accountId && o.orderDate <= date)
  const balances = orderBalances(orders, others, date)
  if (v.targetType === 'order') return v.targetId ? (balances.get(v.targetId)?.owed ?? null) : null
  let owed = 0
  for (const b of balances.values()) owed += b.owed
  return owed
}

function RepaymentFields({ form, base, editingId }: { form: FormInstance; base: Partial<Repayment>; editingId: string | undefined }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const accountId = Form.useWatch<string | undefined>('accountId', form)
  const targetType = Form.useWatch<RepaymentTarget | undefined>('targetType', form) ?? 'draw'
  const targetId = Form.useWatch<string | undefined>('targetId', form)
  const dateValue = Form.useWatch<Dayjs | null | undefined>('date', form)
  const date = dateValue?.isValid() ? dateValue.format('YYYY-MM-DD') : null
  const types = targetTypesFor(accountId ? ledger.accountById.get(accountId) : undefined)

  // Recomputed when the account or target kind changes, not on every keystroke.
  const targets = useMemo(() => {
    const isOpen = (owed: Fen, id: string) => owed > 0 || id === base.targetId
    if (targetType === 'draw')
      return ledger.draws
        .filter((d) => d.accountId === accountId && isOpen(ledger.drawBalances.get(d.id)?.owed ?? 0, d.id))
        .sort((a, b) => b.drawDate.localeCompare(a.drawDate))
        .map((d) => ({ value: d.id, label: `${drawLabel(ledger, d)} · ${t('draw.owed')} ${formatFen(ledger.drawBalances.get(d.id)?.owed ?? 0)}` }))
    return ledger.orders
      .filter((o) => o.accountId === accountId && isOpen(ledger.orderBalances.get(o.id)?.owed ?? 0, o.id))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map((o) => ({ value: o.id, label: `${orderLabel(o)} · ${t('order.dueDate')} ${o.dueDate}` }))
  }, [ledger, accountId, targetType, base.targetId, t])
  const owed = useMemo(
    () => (date ? owedOn(ledger, { accountId, targetType, targetId }, date, editingId) : null),
    [ledger, accountId, targetType, targetId, date, editingId]
  )

  return (
    <>
      <Form.Item name="accountId" label={t('repayment.account')} required>
        <Select
          data-testid="field-accountId"
          options={ledger.accounts.filter((a) => !a.archived || a.id === base.accountId).map((a) => ({ value: a.id, label: a.name }))}
          onChange={(next: string) => {
            const nextTypes = targetTypesFor(ledger.accountById.get(next))
            form.setFieldsValue({ targetId: undefined, targetType: nextTypes.includes(targetType) ? targetType : nextTypes[0] })
          }}
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('repayment.targetType')} required>
        <Select data-testid="field-targetType" options={types.map((x) => ({ value: x, label: t(`target.${x}`) }))} onChange={() => form.setFieldValue('targetId', undefined)} />
      </Form.Item>
      {targetType !== 'statement' && (
        <Form.Item name="targetId" label={t('repayment.target')} required>
          <Select data-testid="field-targetId" options={targets} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      <div className="form-row">
        <Form.Item name="date" label={t('repayment.date')} required>
          <DatePicker style={{ width: '100%' }} data-testid="field-date" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('repayment.amount')}
          required
          extra={
            owed !== null && (
              <span data-testid="owed-hint">
                {t('repayment.owedNow', { amount: formatFen(owed) })}{' '}
                {owed > 0 && (
                  <Button type="link" size="small" onClick={() => form.setFieldValue('amount', yuanText(owed))} data-testid="pay-all">
                    {t('repayment.payAll')}
                  </Button>
                )}
              </span>
            )
          }
        >
          <Input inputMode="decimal" prefix="¥" data-testid="field-amount" />
        </Form.Item>
      </div>
      <Form.Item name="note" label={t('repayment.note')}>
        <Input />
      </Form.Item>
    </>
  )
}

export function RepaymentModal({ open, repayment, preset, onClose }: { open: boolean; repayment?: Repayment; preset?: Partial<Repayment>; onClose(): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const base: Partial<Repayment> = repayment ?? preset ?? {}
  const account = base.accountId ? ledger.accountById.get(base.accountId) : undefined
  const initial: Values = {
    accountId: base.accountId,
    targetType: base.targetType ?? targetTypesFor(account)[0] ?? 'draw',
    targetId: base.targetId,
    date: toDayjs(base.date ?? ledger.today),
    amount: yuanText(base.amount),
    note: base.note ?? ''
  }

  return (
    <RecordModal<Values, Repayment>
      open={open}
      recordId={repayment?.id}
      title={repayment ? t('repayment.edit') : t('repayment.add')}
      initialValues={initial}
      schema={repaymentSchema}
      testId="repayment-modal"
      onClose={onClose}
      save={(record) => saveRepayment(appDb(), record)}
      build={(v, p, id) => ({
        id,
        accountId: v.accountId ?? '',
        targetType: v.targetType,
        targetId: v.targetType === 'statement' ? (v.accountId ?? '') : (v.targetId ?? ''),
        date: p.date(v.date),
        amount: p.fen('amount', v.amount),
        note: v.note ?? ''
      })}
    >
      {(form) => <RepaymentFields form={form} base={base} editingId={repayment?.id} />}
    </RecordModal>
  )
}
