// Owns the list of credit-report inquiries, with hard inquiries marked.
import { useMemo } from 'react'
import { Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { HARD_INQUIRY_REASONS, INQUIRY_REASONS, type Inquiry } from '@/domain/records'
import { EmptyState } from '@/components/EmptyState'
import { PageFrame } from '@/components/PageFrame'
import { RecordPanel } from '../shared/RecordPanel'
import { InquiryModal } from './InquiryModal'
import { flagsColumn, RecordFlagList } from '../risk/RecordFlags'
import { useRisk } from '../risk/use-risk'

export function InquiriesPage() {
  const { t } = useI18n()
  const ledger = useLedger()
  const hard = (i: Inquiry) => HARD_INQUIRY_REASONS.includes(i.reason)
  const risk = useRisk()

  const columns = useMemo(
    () => [
      { key: 'date', title: t('inquiry.date'), dataIndex: 'date', width: 120, defaultSortOrder: 'descend' as const, sorter: (a: Inquiry, b: Inquiry) => a.date.localeCompare(b.date) },
      flagsColumn<Inquiry>(t('risk.column')),
      { key: 'institution', title: t('inquiry.institution'), dataIndex: 'institution', width: 240, ellipsis: true, sorter: (a: Inquiry, b: Inquiry) => a.institution.localeCompare(b.institution, 'zh-CN') },
      {
        key: 'reason',
        title: t('inquiry.reason'),
        width: 200,
        filters: INQUIRY_REASONS.map((r) => ({ text: t(`reason.${r}`), value: r })),
        onFilter: (v: React.Key | boolean, i: Inquiry) => i.reason === v,
        render: (_: unknown, i: Inquiry) => (
          <span>
            {t(`reason.${i.reason}`)} {hard(i) && <Tag color="red">{t('inquiry.hard')}</Tag>}
          </span>
        )
      },
      { key: 'notes', title: t('inquiry.notes'), dataIndex: 'notes', width: 200, ellipsis: true }
    ],
    [t]
  )
  return (
    <PageFrame title={t('inquiry.title')} testId="page-inquiries">
      <p className="muted page-help">{t('inquiry.hardHelp')}</p>
      <RecordPanel<Inquiry>
        type="inquiries"
        testId="inquiries-table"
        rows={ledger.inquiries}
        columns={columns}
        searchText={(i) => `${i.date} ${i.institution} ${t(`reason.${i.reason}`)} ${i.notes}`}
        labelOf={(i) => ({ name: `${i.date} ${i.institution}`, cascade: 0 })}
        current={(id) => ledger.inquiries.find((i) => i.id === id)}
        add={{ label: t('inquiry.add'), testId: 'add-inquiry', enabled: true }}
        empty={<EmptyState text={t('empty.inquiries')} />}
        modal={(m) => <InquiryModal open={m.open} inquiry={m.record} onClose={m.onClose} />}
        detail={(i) => ({
          title: `${i.date} · ${i.institution}`,
          items: [
            { label: t('inquiry.date'), value: i.date },
            { label: t('inquiry.institution'), value: i.institution },
            { label: t('inquiry.reason'), value: t(`reason.${i.reason}`) },
            { label: t('inquiry.hard'), value: hard(i) ? t('common.yes') : t('common.no') },
            { label: t('inquiry.notes'), value: i.notes || t('common.none') },
            ...(risk.byRecord.has(i.id) ? [{ label: t('risk.recordFlags'), value: <RecordFlagList id={i.id} /> }] : [])
          ]
        })}
      />
    </PageFrame>
  )
}
