// Owns the add/edit form of a pay-later order; the due date follows the account's cycle or window until the user sets it.
import { useEffect, useRef } from 'react'
import { DatePicker, Form, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import type { FormInstance } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger, type LedgerView } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { saveOrder } from '@/db/repo'
import { defaultOrderDueDate } from '@/domain/due-dates'
import { ORDER_ACCOUNT_KINDS, ORDER_STATUSES, orderSchema, type Order, type OrderStatus } from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { percentText, toDayjs, yuanText } from '@/components/form-parse'

interface Values {
  accountId: string | undefined
  merchant: string
  item: string
  amount: string
  orderDate: Dayjs | null
  dueDate: Dayjs | null
  instalmentCount: number
  instalmentFeeRate: string
  status: OrderStatus
  externalOrderNo: string
  notes: string
}

const INSTALMENT_CHOICES = [1, 3, 6, 9, 12, 18, 24, 36]

function refreshDueDate(form: FormInstance, ledger: LedgerView, isNew: boolean, dueEditedByUser: boolean) {
  // Follows the account's cycle only until the user sets the date, and never on an existing order.
  // Not form.isFieldTouched: antd's setFieldValue below marks the field touched, so the date would stop following after its first fill.
  if (!isNew || dueEditedByUser) return
  const accountId = form.getFieldValue('accountId') as string | undefined
  const orderDate = form.getFieldValue('orderDate') as Dayjs | null
  const account = accountId ? ledger.accountById.get(accountId) : undefined
  if (account && orderDate?.isValid()) form.setFieldValue('dueDate', toDayjs(defaultOrderDueDate(account, orderDate.format('YYYY-MM-DD'))))
}

export function OrderModal({ open, order, preset, onClose }: { open: boolean; order?: Order; preset?: Partial<Order>; onClose(): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  // Set only by the due date's own picker (onChange fires for the user's edits, not for setFieldValue); cleared each time the dialog opens.
  const dueEdited = useRef(false)
  useEffect(() => {
    if (open) dueEdited.current = false
  }, [open])
  const follow = (form: FormInstance) => refreshDueDate(form, ledger, order === undefined, dueEdited.current)
  const base: Partial<Order> = order ?? preset ?? {}
  const accounts = ledger.accounts.filter((a) => ORDER_ACCOUNT_KINDS.includes(a.kind) && (!a.archived || a.id === base.accountId))
  const accountId = base.accountId ?? (accounts.length === 1 ? accounts[0]?.id : undefined)
  const orderDate = base.orderDate ?? ledger.today
  const account = accountId ? ledger.accountById.get(accountId) : undefined
  const initial: Values = {
    accountId,
    merchant: base.merchant ?? '',
    item: base.item ?? '',
    amount: yuanText(base.amount),
    orderDate: toDayjs(orderDate),
    dueDate: toDayjs(base.dueDate ?? (account ? defaultOrderDueDate(account, orderDate) : null)),
    instalmentCount: base.instalmentCount ?? 1,
    instalmentFeeRate: base.instalmentFeeRate ? percentText(base.instalmentFeeRate) : '',
    status: base.status ?? 'unpaid',
    externalOrderNo: base.externalOrderNo ?? '',
    notes: base.notes ?? ''
  }
  return (
    <RecordModal<Values, Order>
      open={open}
      recordId={order?.id}
      title={order ? t('order.edit') : t('order.add')}
      initialValues={initial}
      schema={orderSchema}
      testId="order-modal"
      onClose={onClose}
      save={(record) => saveOrder(appDb(), record)}
      build={(v, p, id) => ({
        id,
        accountId: v.accountId ?? '',
        merchant: v.merchant ?? '',
        item: v.item ?? '',
        amount: p.fen('amount', v.amount),
        orderDate: p.date(v.orderDate),
        dueDate: p.date(v.dueDate),
        instalmentCount: v.instalmentCount,
        instalmentFeeRate: v.instalmentCount > 1 && v.instalmentFeeRate ? p.percent('instalmentFeeRate', v.instalmentFeeRate) : 0,
        status: v.status,
        externalOrderNo: v.externalOrderNo ?? '',
        notes: v.notes ?? ''
      })}
    >
      {(form) => (
        <>
          <Form.Item name="accountId" label={t('order.account')} required>
            <Select data-testid="field-accountId" options={accounts.map((a) => ({ value: a.id, label: a.name }))} onChange={() => follow(form)} />
          </Form.Item>
          <div className="form-row">
            <Form.Item name="merchant" label={t('order.merchant')} required>
              <Input data-testid="field-merchant" />
            </Form.Item>
            <Form.Item name="item" label={t('order.item')}>
              <Input data-testid="field-item" />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="amount" label={t('order.amount')} required>
              <Input inputMode="decimal" prefix="¥" data-testid="field-amount" />
            </Form.Item>
            <Form.Item name="status" label={t('order.status')} required>
              <Select data-testid="field-status" options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="orderDate" label={t('order.orderDate')} required>
              <DatePicker style={{ width: '100%' }} data-testid="field-orderDate" onChange={() => follow(form)} />
            </Form.Item>
            <Form.Item name="dueDate" label={t('order.dueDate')} tooltip={t('order.dueDateHelp')} required>
              <DatePicker
                style={{ width: '100%' }}
                data-testid="field-dueDate"
                onChange={() => {
                  dueEdited.current = true
                }}
              />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="instalmentCount" label={t('order.instalmentCount')} required>
              <Select
                data-testid="field-instalmentCount"
                options={INSTALMENT_CHOICES.map((n) => ({ value: n, label: n === 1 ? t('order.noInstalments') : t('order.instalmentsOf', { count: n }) }))}
              />
            </Form.Item>
            <Form.Item noStyle dependencies={['instalmentCount']}>
              {() => (
                <Form.Item name="instalmentFeeRate" label={t('order.instalmentFeeRate')}>
                  <Input inputMode="decimal" suffix={t('rateUnit.suffix.monthlyFee')} disabled={form.getFieldValue('instalmentCount') === 1} data-testid="field-instalmentFeeRate" />
                </Form.Item>
              )}
            </Form.Item>
          </div>
          <Form.Item name="externalOrderNo" label={t('order.externalOrderNo')}>
            <Input data-testid="field-externalOrderNo" />
          </Form.Item>
          <Form.Item name="notes" label={t('order.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </RecordModal>
  )
}
