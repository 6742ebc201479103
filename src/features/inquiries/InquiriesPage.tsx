// Owns the list of credit-report inquiries, with hard inquiries marked.
import { useMemo } from 'react'
import { Button, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useI18n } from '@/app/i18n-context'
import { useLedger } from '@/app/ledger-context'
import { useUndo } from '@/app/undo'
import { HARD_INQUIRY_REASONS, INQUIRY_REASONS, type Inquiry } from '@/domain/records'
import { EmptyState } from '@/components/EmptyState'
import { PageFrame } from '@/components/PageFrame'
import { RecordTable } from '@/components/RecordTable'
import { useHotkey } from '@/components/use-hotkey'
import { DetailDrawer } from '../shared/DetailDrawer'
import { useRecordPage } from '../shared/use-record-page'
import { InquiryModal } from './InquiryModal'

export function InquiriesPage() {
  const { t } = useI18n()
  const ledger = useLedger()
  const undo = useUndo()
  const page = useRecordPage<Inquiry>()
  useHotkey('n', () => page.startNew())
  const hard = (i: Inquiry) => HARD_INQUIRY_REASONS.includes(i.reason)

  const columns = useMemo(
    () => [
      { key: 'date', title: t('inquiry.date'), dataIndex: 'date', width: 120, defaultSortOrder: 'descend' as const, sorter: (a: Inquiry, b: Inquiry) => a.date.localeCompare(b.date) },
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
  const viewing = page.viewing ? ledger.inquiries.find((i) => i.id === page.viewing?.id) : undefined
  const labelOf = (i: Inquiry) => ({ name: `${i.date} ${i.institution}`, cascade: 0 })
  const remove = (i: Inquiry) => void undo.remove('inquiries', i.id)

  return (
    <PageFrame title={t('inquiry.title')} testId="page-inquiries">
      <p className="muted page-help">{t('inquiry.hardHelp')}</p>
      <RecordTable<Inquiry>
        testId="inquiries-table"
        rows={ledger.inquiries}
        columns={columns}
        minWidth={800}
        searchText={(i) => `${i.date} ${i.institution} ${t(`reason.${i.reason}`)} ${i.notes}`}
        onOpen={page.setViewing}
        onEdit={page.startEdit}
        onDelete={remove}
        deleteLabel={labelOf}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => page.startNew()} data-testid="add-inquiry">
            {t('inquiry.add')}
          </Button>
        }
        empty={<EmptyState text={t('empty.inquiries')} />}
      />
      <InquiryModal open={page.editing !== null} inquiry={page.editing?.mode === 'edit' ? page.editing.record : undefined} onClose={page.close} />
      <DetailDrawer
        open={viewing !== undefined}
        title={viewing ? `${viewing.date} · ${viewing.institution}` : ''}
        onClose={() => page.setViewing(null)}
        deleteLabel={viewing ? labelOf(viewing) : { name: '', cascade: 0 }}
        onEdit={() => viewing && page.startEdit(viewing)}
        onDelete={() => {
          if (viewing) remove(viewing)
          page.setViewing(null)
        }}
        items={
          viewing
            ? [
                { label: t('inquiry.date'), value: viewing.date },
                { label: t('inquiry.institution'), value: viewing.institution },
                { label: t('inquiry.reason'), value: t(`reason.${viewing.reason}`) },
                { label: t('inquiry.hard'), value: hard(viewing) ? t('common.yes') : t('common.no') },
                { label: t('inquiry.notes'), value: viewing.notes || t('common.none') }
              ]
            : []
        }
      />
    </PageFrame>
  )
}
