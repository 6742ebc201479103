// Owns the add/edit form of a credit-report inquiry.
import { DatePicker, Form, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { saveInquiry } from '@/db/repo'
import { HARD_INQUIRY_REASONS, INQUIRY_REASONS, inquirySchema, type Inquiry, type InquiryReason } from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { toDayjs } from '@/components/form-parse'

interface Values {
  date: Dayjs | null
  institution: string
  reason: InquiryReason
  notes: string
}

export function InquiryModal({ open, inquiry, onClose }: { open: boolean; inquiry?: Inquiry; onClose(): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  return (
    <RecordModal<Values, Inquiry>
      open={open}
      recordId={inquiry?.id}
      title={inquiry ? t('inquiry.edit') : t('inquiry.add')}
      initialValues={{ date: toDayjs(inquiry?.date ?? ledger.today), institution: inquiry?.institution ?? '', reason: inquiry?.reason ?? 'loanApproval', notes: inquiry?.notes ?? '' }}
      schema={inquirySchema}
      testId="inquiry-modal"
      onClose={onClose}
      save={(record) => saveInquiry(appDb(), record)}
      build={(v, p, id) => ({ id, date: p.date(v.date), institution: v.institution ?? '', reason: v.reason, notes: v.notes ?? '' })}
    >
      <div className="form-row">
        <Form.Item name="date" label={t('inquiry.date')} required>
          <DatePicker style={{ width: '100%' }} data-testid="field-date" />
        </Form.Item>
        <Form.Item name="reason" label={t('inquiry.reason')} tooltip={t('inquiry.hardHelp')} required>
          <Select
            data-testid="field-reason"
            options={INQUIRY_REASONS.map((r) => ({ value: r, label: `${t(`reason.${r}`)}${HARD_INQUIRY_REASONS.includes(r) ? ` · ${t('inquiry.hard')}` : ''}` }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="institution" label={t('inquiry.institution')} required>
        <Input data-testid="field-institution" />
      </Form.Item>
      <Form.Item name="notes" label={t('inquiry.notes')}>
        <Input />
      </Form.Item>
    </RecordModal>
  )
}
