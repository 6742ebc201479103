// Owns what every record list shares: the table, its add button and N shortcut, the detail drawer, edit and delete with undo.
import { useEffect, type ReactNode } from 'react'
import { Button } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useUndo } from '@/state/undo'
import type { RecordType } from '@/domain/records'
import { RecordTable, type RecordColumn } from '@/components/RecordTable'
import { useHotkey } from '@/state/use-hotkey'
import { useRoute } from '@/state/router'
import { DetailDrawer, type DetailItem } from './DetailDrawer'
import { useRecordPage } from './use-record-page'

export interface ModalProps<T> {
  open: boolean
  record?: T
  preset?: Partial<T>
  onClose(): void
}

export interface RecordPanelProps<T extends { id: string }> {
  type: RecordType
  testId: string
  rows: T[]
  columns: RecordColumn<T>[]
  /** Whether N and / belong to this list (not when several lists share a page). */
  shortcuts?: boolean
  searchText(row: T): string
  labelOf(row: T): { name: string; cascade: number }
  /** The live version of a record, so the drawer follows edits made while it is open. */
  current(id: string): T | undefined
  add: { label: string; testId: string; enabled: boolean; preset?: Partial<T> }
  empty: ReactNode
  detail(row: T): { title: string; items: DetailItem[]; footer?: ReactNode; extra?: ReactNode }
  modal(props: ModalProps<T>): ReactNode
}

export function RecordPanel<T extends { id: string }>(props: RecordPanelProps<T>) {
  const { add, shortcuts = true } = props
  const undo = useUndo()
  const page = useRecordPage<T>()
  useHotkey('n', () => add.enabled && page.startNew(add.preset), shortcuts)
  // #/orders/<id> (the Ctrl/⌘+K search's jump) opens that record's drawer on the page's own list, as a row click does.
  const [route, navigate] = useRoute()
  const linked = shortcuts && route.id ? props.current(route.id) : undefined
  const { setViewing } = page
  useEffect(() => {
    if (linked) setViewing(linked)
    // Once per link: later edits of the record reach the drawer through current().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked?.id, setViewing])
  const remove = (row: T) => void undo.remove(props.type, row.id)
  const viewing = page.viewing ? props.current(page.viewing.id) : undefined
  const detail = viewing ? props.detail(viewing) : undefined

  return (
    <>
      <RecordTable<T>
        testId={props.testId}
        rows={props.rows}
        columns={props.columns}
        shortcuts={shortcuts}
        searchText={props.searchText}
        onOpen={page.setViewing}
        onEdit={page.startEdit}
        onDelete={remove}
        deleteLabel={props.labelOf}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} disabled={!add.enabled} onClick={() => page.startNew(add.preset)} data-testid={add.testId}>
            {add.label}
          </Button>
        }
        empty={props.empty}
      />
      {props.modal({
        open: page.editing !== null,
        record: page.editing?.mode === 'edit' ? page.editing.record : undefined,
        preset: page.editing?.mode === 'new' ? page.editing.preset : undefined,
        onClose: page.close
      })}
      <DetailDrawer
        open={viewing !== undefined}
        title={detail?.title ?? ''}
        items={detail?.items ?? []}
        footer={detail?.footer}
        extra={detail?.extra}
        deleteLabel={viewing ? props.labelOf(viewing) : { name: '', cascade: 0 }}
        onClose={() => {
          page.setViewing(null)
          if (linked) navigate({ page: route.page })
        }}
        onEdit={() => viewing && page.startEdit(viewing)}
        onDelete={() => {
          if (viewing) remove(viewing)
          page.setViewing(null)
        }}
      />
    </>
  )
}
