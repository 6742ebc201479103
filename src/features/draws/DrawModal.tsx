// Owns the add/edit form of a loan draw: principal, date, channel, method and the rate exactly as quoted.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { saveDraw } from '@/db/repo'
import { addMonths } from '@/domain/calendar'
import {
  DRAW_ACCOUNT_KINDS,
  DRAW_CHANNELS,
  RATE_UNITS,
  REPAYMENT_METHODS,
  drawSchema,
  type Draw,
  type DrawChannel,
  type RateUnit,
  type RepaymentMethod
} from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { percentText, toDayjs, yuanText } from '@/components/form-parse'

interface Values {
  accountId: string | undefined
  principal: string
  drawDate: Dayjs | null
  channel: DrawChannel
  method: RepaymentMethod
  rateUnit: RateUnit
  rate: string
  termMonths: number | null
  firstDueDate: Dayjs | null
  upfrontFee: string
  notes: string
}

export function DrawModal({ open, draw, preset, onClose }: { open: boolean; draw?: Draw; preset?: Partial<Draw>; onClose(): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const base: Partial<Draw> = draw ?? preset ?? {}
  const drawDate = base.drawDate ?? ledger.today
  const accounts = ledger.accounts.filter((a) => DRAW_ACCOUNT_KINDS.includes(a.kind) && (!a.archived || a.id === base.accountId))
  const initial: Values = {
    accountId: base.accountId ?? (accounts.length === 1 ? accounts[0]?.id : undefined),
    principal: yuanText(base.principal),
    drawDate: toDayjs(drawDate),
    channel: base.channel ?? 'app',
    method: base.method ?? 'flexible',
    rateUnit: base.rateUnit ?? 'daily',
    rate: base.rate === undefined ? '' : percentText(base.rate),
    termMonths: base.termMonths ?? 12,
    firstDueDate: toDayjs(base.firstDueDate ?? addMonths(drawDate, 1)),
    upfrontFee: yuanText(base.upfrontFee ?? 0),
    notes: base.notes ?? ''
  }
  return (
    <RecordModal<Values, Draw>
      open={open}
      recordId={draw?.id}
      title={draw ? t('draw.edit') : t('draw.add')}
      initialValues={initial}
      schema={drawSchema}
      testId="draw-modal"
      onClose={onClose}
      save={(record) => saveDraw(appDb(), record)}
      build={(v, p, id) => ({
        id,
        accountId: v.accountId ?? '',
        principal: p.fen('principal', v.principal),
        drawDate: p.date(v.drawDate),
        channel: v.channel,
        method: v.method,
        rateUnit: v.rateUnit,
        rate: p.percent('rate', v.rate),
        termMonths: v.termMonths ?? Number.NaN,
        firstDueDate: p.date(v.firstDueDate),
        upfrontFee: p.fen('upfrontFee', v.upfrontFee || '0'),
        notes: v.notes ?? ''
      })}
    >
      {(form) => (
        <>
          <Form.Item name="accountId" label={t('draw.account')} required>
            <Select data-testid="field-accountId" options={accounts.map((a) => ({ value: a.id, label: a.name }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <div className="form-row">
            <Form.Item name="principal" label={t('draw.principal')} required>
              <Input inputMode="decimal" prefix="¥" data-testid="field-principal" />
            </Form.Item>
            <Form.Item name="drawDate" label={t('draw.drawDate')} required>
              <DatePicker
                style={{ width: '100%' }}
                data-testid="field-drawDate"
                onChange={(d: Dayjs | null) => {
                  // Follows the draw date only until the user sets it, and never on an existing draw.
                  if (d && d.isValid() && !draw && !form.isFieldTouched('firstDueDate'))
                    form.setFieldValue('firstDueDate', toDayjs(addMonths(d.format('YYYY-MM-DD'), 1)))
                }}
              />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="channel" label={t('draw.channel')} required>
              <Select data-testid="field-channel" options={DRAW_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
            </Form.Item>
            <Form.Item name="method" label={t('draw.method')} required>
              <Select
                data-testid="field-method"
                options={REPAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
                onChange={(m: RepaymentMethod) => {
                  const unit = form.getFieldValue('rateUnit') as RateUnit
                  if (m === 'feeInstalment') form.setFieldValue('rateUnit', 'monthlyFee')
                  else if (unit === 'monthlyFee') form.setFieldValue('rateUnit', 'daily')
                }}
              />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="rateUnit" label={t('draw.rateUnit')} required>
              <Select data-testid="field-rateUnit" options={RATE_UNITS.map((u) => ({ value: u, label: t(`rateUnit.${u}`) }))} />
            </Form.Item>
            <Form.Item noStyle dependencies={['rateUnit']}>
              {() => (
                <Form.Item name="rate" label={t('draw.rate')} tooltip={t('draw.rateHelp')} required>
                  <Input inputMode="decimal" suffix={t(`rateUnit.suffix.${(form.getFieldValue('rateUnit') as RateUnit) ?? 'daily'}`)} data-testid="field-rate" />
                </Form.Item>
              )}
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="termMonths" label={t('draw.termMonths')} required>
              <InputNumber style={{ width: '100%' }} data-testid="field-termMonths" />
            </Form.Item>
            <Form.Item name="firstDueDate" label={t('draw.firstDueDate')} required>
              <DatePicker style={{ width: '100%' }} data-testid="field-firstDueDate" />
            </Form.Item>
          </div>
          <Form.Item name="upfrontFee" label={t('draw.upfrontFee')}>
            <Input inputMode="decimal" prefix="¥" data-testid="field-upfrontFee" />
          </Form.Item>
          <Form.Item name="notes" label={t('draw.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </RecordModal>
  )
}
