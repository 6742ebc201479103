// Owns showing what is wrong with the chosen files: each problem with its file, line and column, and the user's go-ahead to import the rest.
import { Alert, Checkbox, Table } from 'antd'
import { useI18n } from '@/state/i18n-context'
import type { ImportProblem } from '@/domain/import/types'
import { problemText, testIdProps } from './import-view'

export function ProblemList({ problems, acknowledged, onAcknowledge }: { problems: readonly ImportProblem[]; acknowledged: boolean; onAcknowledge(value: boolean): void }) {
  const { t } = useI18n()
  if (problems.length === 0) return null
  return (
    <Alert
      type="error"
      showIcon
      className="import-problems"
      data-testid="import-problems"
      title={t('import.problems.title', { count: problems.length })}
      description={
        <>
          <Table<ImportProblem>
            size="small"
            rowKey={(p) => `${p.fileIndex}:${p.line ?? 0}:${p.column ?? ''}:${p.code}`}
            dataSource={[...problems]}
            pagination={problems.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
            scroll={{ x: 720 }}
            onRow={() => testIdProps('problem-row')}
            columns={[
              { key: 'file', title: t('import.col.file'), dataIndex: 'file', width: 180, ellipsis: true },
              { key: 'line', title: t('import.col.line'), width: 64, render: (_: unknown, p) => p.line ?? '—' },
              { key: 'column', title: t('import.col.column'), width: 110, render: (_: unknown, p) => p.column ?? '—' },
              { key: 'value', title: t('import.col.value'), width: 150, ellipsis: true, render: (_: unknown, p) => (p.code === 'missingColumn' ? '—' : p.value || '—') },
              { key: 'problem', title: t('import.col.problem'), render: (_: unknown, p) => problemText(p, t) }
            ]}
          />
          <Checkbox className="import-ack" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} data-testid="import-acknowledge">
            {t('import.problems.acknowledge')}
          </Checkbox>
        </>
      }
    />
  )
}
