// Owns the list of every record type: virtualised for tens of thousands of rows, sortable, filterable, searchable, with edit and delete.
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { Button, Input, Popconfirm, Space, Table, Tooltip, type InputRef, type TableColumnsType } from 'antd'
import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { CONFIRM_DELETE_BUTTON } from '@/components/buttons'
import { useElementHeight } from './use-element-height'
import { useHotkey } from '@/state/use-hotkey'

export interface RecordTableProps<T extends { id: string }> {
  rows: T[]
  columns: TableColumnsType<T>
  /** The text a row is found by in the search box. */
  searchText(row: T): string
  onOpen(row: T): void
  onEdit(row: T): void
  onDelete(row: T): void
  /** What the delete confirmation names the record by, and what else goes with it. */
  deleteLabel(row: T): { name: string; cascade: number }
  toolbar?: ReactNode
  empty: ReactNode
  testId: string
  /** Whether page shortcuts (/ to search) belong to this table. */
  shortcuts?: boolean
  minWidth?: number
}

/** Row props with a test id: typed as a plain object so the extra attribute needs no cast. */
function rowProps(onClick: () => void): React.HTMLAttributes<HTMLElement> {
  const props: React.HTMLAttributes<HTMLElement> & { 'data-testid': string } = { onClick, className: 'clickable-row', 'data-testid': 'record-row' }
  return props
}

export function RecordTable<T extends { id: string }>(props: RecordTableProps<T>) {
  const { rows, columns, searchText, onOpen, onEdit, onDelete, deleteLabel, toolbar, empty, testId, shortcuts = true, minWidth = 1000 } = props
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const searchRef = useRef<InputRef>(null)
  const [wrapRef, height] = useElementHeight<HTMLDivElement>()
  useHotkey('/', () => searchRef.current?.focus(), shortcuts)

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (!q) return rows
    return rows.filter((r) => searchText(r).toLowerCase().includes(q))
  }, [rows, query, searchText])

  const allColumns = useMemo<TableColumnsType<T>>(
    () => [
      ...columns,
      {
        key: 'actions',
        title: t('common.actions'),
        width: 96,
        fixed: 'right',
        render: (_: unknown, row: T) => {
          const label = deleteLabel(row)
          return (
            <Space size={0} onClick={(e) => e.stopPropagation()}>
              <Tooltip title={t('common.edit')}>
                <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => onEdit(row)} data-testid="row-edit" />
              </Tooltip>
              <Popconfirm
                title={t('common.confirmDelete', { name: label.name })}
                description={label.cascade > 0 ? t('common.confirmDeleteCascade', { count: label.cascade }) : undefined}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={CONFIRM_DELETE_BUTTON}
                onConfirm={() => onDelete(row)}
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="row-delete" />
              </Popconfirm>
            </Space>
          )
        }
      }
    ],
    [columns, t, deleteLabel, onEdit, onDelete]
  )

  if (rows.length === 0)
    return (
      <div className="record-table" data-testid={testId}>
        {toolbar && <div className="table-toolbar">{toolbar}</div>}
        {empty}
      </div>
    )

  return (
    <div className="record-table" data-testid={testId}>
      <div className="table-toolbar">
        <Input.Search
          ref={searchRef}
          allowClear
          placeholder={t('common.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="table-search"
          data-testid="table-search"
        />
        <span className="muted">{t('common.rows', { count: filtered.length })}</span>
        <div className="spacer" />
        {toolbar}
      </div>
      <div className="table-body" ref={wrapRef}>
        <Table<T>
          virtual
          size="small"
          rowKey="id"
          columns={allColumns}
          dataSource={filtered}
          pagination={false}
          scroll={{ x: minWidth, y: height - 40 }}
          locale={{ emptyText: t('empty.noMatch') }}
          onRow={(row) => rowProps(() => onOpen(row))}
        />
      </div>
    </div>
  )
}
