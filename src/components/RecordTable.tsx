// Owns the list of every record type: virtualised for tens of thousands of rows, sortable, filterable, searchable, with edit and delete.
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { Button, Input, Popconfirm, Space, Table, Tooltip, type InputRef, type TableColumnType } from 'antd'
import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { CONFIRM_DELETE_BUTTON } from '@/components/buttons'
import { useElementSize } from './use-element-size'
import { columnWidth, fitColumns } from './fit-columns'
import { useHotkey } from '@/state/use-hotkey'

/** A list's column: a key (tests and the fitting find it by it), a width in pixels, and a priority when it may give way on a narrow window (the detail shows it). */
export type RecordColumn<T> = TableColumnType<T> & { key: string; width: number; priority?: number }

/** The fixed actions column's width, and room kept for the vertical scrollbar. */
const ACTIONS_WIDTH = 96
const SCROLLBAR = 16

export interface RecordTableProps<T extends { id: string }> {
  rows: T[]
  columns: RecordColumn<T>[]
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
}

/** Row props with a test id: typed as a plain object so the extra attribute needs no cast. */
function rowProps(onClick: () => void): React.HTMLAttributes<HTMLElement> {
  const props: React.HTMLAttributes<HTMLElement> & { 'data-testid': string } = { onClick, className: 'clickable-row', 'data-testid': 'record-row' }
  return props
}

/** Header and body cells carry their column's key, so a test can find a column by what it is. */
function cellProps(key: string): React.HTMLAttributes<HTMLElement> {
  const props: React.HTMLAttributes<HTMLElement> & { 'data-col': string } = { 'data-col': key }
  return props
}

export function RecordTable<T extends { id: string }>(props: RecordTableProps<T>) {
  const { rows, columns, searchText, onOpen, onEdit, onDelete, deleteLabel, toolbar, empty, testId, shortcuts = true } = props
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const searchRef = useRef<InputRef>(null)
  const [wrapRef, { width, height }] = useElementSize<HTMLDivElement>()
  useHotkey('/', () => searchRef.current?.focus(), shortcuts)

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (!q) return rows
    return rows.filter((r) => searchText(r).toLowerCase().includes(q))
  }, [rows, query, searchText])

  // Before the first measure (width 0) every column is shown; then the ones that fit.
  const shown = useMemo(() => (width > 0 ? fitColumns(columns, width - ACTIONS_WIDTH - SCROLLBAR) : columns), [columns, width])
  const allColumns = useMemo<RecordColumn<T>[]>(
    () => [
      ...shown,
      {
        key: 'actions',
        title: t('common.actions'),
        width: ACTIONS_WIDTH,
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
    [shown, t, deleteLabel, onEdit, onDelete]
  )
  const withKeys = useMemo(() => allColumns.map((c) => ({ ...c, onHeaderCell: () => cellProps(c.key), onCell: () => cellProps(c.key) })), [allColumns])
  const tableWidth = allColumns.reduce((sum, c) => sum + columnWidth(c), 0)

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
          columns={withKeys}
          dataSource={filtered}
          pagination={false}
          scroll={{ x: tableWidth, y: height - 40 }}
          locale={{ emptyText: t('empty.noMatch') }}
          onRow={(row) => rowProps(() => onOpen(row))}
        />
      </div>
    </div>
  )
}
