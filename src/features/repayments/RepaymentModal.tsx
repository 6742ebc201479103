// Owns the add/edit form of a repayment: against one draw, one order or a whole statement, never more than is owed.
import { Button, DatePicker, Form, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/app/i18n-context'
import { useLedger, type LedgerView } from '@/app/ledger-context'
import { appDb } from '@/db/instance'
import { saveRepayment } from '@/db/repo'
import { formatFen, type Fen } from '@/domain/money'
import { drawBalance, orderTotal } from '@/domain/owed'
import { DRAW_ACCOUNT_KINDS, ORDER_ACCOUNT_KINDS, STATEMENT_KINDS, repaymentSchema, type Account, type Repayment, type RepaymentTarget } from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { toDayjs, yuanText } from '@/components/form-parse'
import { drawLabel } from '../shared/labels'

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

/** What the target still owes on a day, leaving out the repayment being edited. */
function owedOn(ledger: LedgerView, v: Values, editingId: string | undefined): Fen | null {
  if (!v.accountId || !v.date?.isValid()) return null
  const date = v.date.format('YYYY-MM-DD')
  const others = (targetId: string) => ledger.repayments.filter((r) => r.targetId === targetId && r.id !== editingId)
  if (v.targetType === 'draw') {
    const draw = v.targetId ? ledger.drawById.get(v.targetId) : undefined
    return draw ? drawBalance(draw, others(draw.id), date).owed : null
  }
  if (v.targetType === 'order') {
    const order = v.targetId ? ledger.orderById.get(v.targetId) : undefined
    if (!order) return null
    return Math.max(0, orderTotal(order) - others(order.id).reduce((s, r) => s + r.amount, 0))
  }
  const own = editingId ? ledger.repayments.find((r) => r.id === editingId && r.targetType === 'statement')?.amount ?? 0 : 0
  return (ledger.accountBalances.get(v.accountId)?.owedOnOrders ?? 0) + own
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
      {(form) => (
        <Form.Item noStyle shouldUpdate>
          {() => {
            const v = form.getFieldsValue(true) as Values
            const acc = v.accountId ? ledger.accountById.get(v.accountId) : undefined
            const types = targetTypesFor(acc)
            const isOpen = (owed: Fen, targetId: string) => owed > 0 || targetId === base.targetId
            const targets =
              v.targetType === 'draw'
                ? ledger.draws
                    .filter((d) => d.accountId === v.accountId && isOpen(ledger.drawBalances.get(d.id)?.owed ?? 0, d.id))
                    .sort((a, b) => b.drawDate.localeCompare(a.drawDate))
                    .map((d) => ({ value: d.id, label: `${drawLabel(ledger, d)} · ${t('draw.owed')} ${formatFen(ledger.drawBalances.get(d.id)?.owed ?? 0)}` }))
                : ledger.orders
                    .filter((o) => o.accountId === v.accountId && isOpen(ledger.orderBalances.get(o.id)?.owed ?? 0, o.id))
                    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
                    .map((o) => ({ value: o.id, label: `${o.merchant} · ${o.orderDate} · ${formatFen(o.amount)} · ${t('order.dueDate')} ${o.dueDate}` }))
            const owed = owedOn(ledger, v, repayment?.id)
            return (
              <>
                <Form.Item name="accountId" label={t('repayment.account')} required>
                  <Select
                    data-testid="field-accountId"
                    options={ledger.accounts.filter((a) => !a.archived || a.id === base.accountId).map((a) => ({ value: a.id, label: a.name }))}
                    onChange={(accountId: string) => {
                      const next = targetTypesFor(ledger.accountById.get(accountId))
                      form.setFieldsValue({ targetId: undefined, targetType: next.includes(v.targetType) ? v.targetType : next[0] })
                    }}
                  />
                </Form.Item>
                <Form.Item name="targetType" label={t('repayment.targetType')} required>
                  <Select data-testid="field-targetType" options={types.map((x) => ({ value: x, label: t(`target.${x}`) }))} onChange={() => form.setFieldValue('targetId', undefined)} />
                </Form.Item>
                {v.targetType !== 'statement' && (
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
          }}
        </Form.Item>
      )}
    </RecordModal>
  )
}
