// Owns the add/edit form of a repayment: against one draw, one order or a whole statement, never more than is owed.
import { useMemo } from 'react'
import { Button, DatePicker, Form, Input, Select, type FormInstance } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger, type LedgerView } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { saveRepayment } from '@/db/repo'
import { formatFen, type Fen } from '@/domain/money'
import { repaymentCap, type RepaymentCap } from '@/domain/cost/caps'
import { DRAW_ACCOUNT_KINDS, ORDER_ACCOUNT_KINDS, STATEMENT_KINDS, repaymentSchema, type Account, type Repayment, type RepaymentTarget } from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { toDayjs, yuanText } from '@/components/form-parse'
import { drawLabel, orderLabel } from '../shared/labels'

interface Values {
  accountId: string | undefined
  targetType: RepaymentTarget
  targetId: string | undefined
  /** Statement repayments: the bill it pays, by statement date; '' for the account's order. */
  bill: string
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
 * What the target takes on a day, leaving out the repayment being edited: the cost engine's figure
 * the store will hold the amount against (a draw's payoff with any penalty, an order's balance, or
 * everything payable on a statement account).
 */
function capOn(ledger: LedgerView, v: Pick<Values, 'accountId' | 'targetType' | 'targetId'>, date: string, editingId: string | undefined): RepaymentCap | null {
  if (!v.accountId) return null
  const targetId = v.targetType === 'statement' ? v.accountId : v.targetId
  if (!targetId) return null
  return repaymentCap(ledger.ledger, { accountId: v.accountId, targetType: v.targetType, targetId }, date, editingId)
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
        .filter((d) => d.accountId === accountId && isOpen(ledger.drawBalances.get(d.id)?.owedToday ?? 0, d.id))
        .sort((a, b) => b.drawDate.localeCompare(a.drawDate))
        .map((d) => ({ value: d.id, label: `${drawLabel(ledger, d)} · ${t('draw.owed')} ${formatFen(ledger.drawBalances.get(d.id)?.owedToday ?? 0)}` }))
    return ledger.orders
      .filter((o) => o.accountId === accountId && isOpen(ledger.orderBalances.get(o.id)?.owed ?? 0, o.id))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map((o) => ({ value: o.id, label: `${orderLabel(o)} · ${t('order.dueDate')} ${o.dueDate}` }))
  }, [ledger, accountId, targetType, base.targetId, t])
  const cap = useMemo(() => (date ? capOn(ledger, { accountId, targetType, targetId }, date, editingId) : null), [ledger, accountId, targetType, targetId, date, editingId])
  const owed = cap?.cap ?? null
  // The bills a statement repayment can name: the account's issued ones, newest first.
  const bills = useMemo(() => {
    if (targetType !== 'statement' || !accountId) return []
    const walk = ledger.cost.statements.get(accountId)
    return (walk?.bills ?? [])
      .filter((b) => b.issued)
      .slice(-6)
      .reverse()
      .map((b) => ({ value: b.statementDate, label: t('repayment.billOption', { date: b.statementDate, status: t(`billStatus.${b.status}`) }) }))
  }, [ledger, accountId, targetType, t])

  return (
    <>
      <Form.Item name="accountId" label={t('repayment.account')} required>
        <Select
          data-testid="field-accountId"
          options={ledger.accounts.filter((a) => !a.archived || a.id === base.accountId).map((a) => ({ value: a.id, label: a.name }))}
          onChange={(next: string) => {
            const nextTypes = targetTypesFor(ledger.accountById.get(next))
            form.setFieldsValue({ targetId: undefined, bill: '', targetType: nextTypes.includes(targetType) ? targetType : nextTypes[0] })
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
      {targetType === 'statement' && bills.length > 0 && (
        <Form.Item name="bill" label={t('repayment.bill')}>
          <Select data-testid="field-bill" options={[{ value: '', label: t('repayment.billAny') }, ...bills]} />
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
                {t('repayment.owedNow', { amount: formatFen(owed) })}
                {cap && cap.penalty > 0 && <span data-testid="owed-penalty">（{t('repayment.penaltyIncluded', { amount: formatFen(cap.penalty) })}）</span>}{' '}
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
    bill: base.bill ?? '',
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
        note: v.note ?? '',
        ...(v.targetType === 'statement' && v.bill ? { bill: v.bill } : {})
      })}
    >
      {(form) => <RepaymentFields form={form} base={base} editingId={repayment?.id} />}
    </RecordModal>
  )
}
