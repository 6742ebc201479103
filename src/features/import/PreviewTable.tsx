// Owns the preview of every row: what it becomes, what repeats the ledger, what is left out and why; each row switchable, tens of thousands scrolled virtually.
import { useMemo, useRef, useState } from 'react'
import { Button, Input, Segmented, Switch, Table, Tag, Tooltip, type InputRef, type TableColumnsType } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { Money } from '@/components/Money'
import { useElementSize } from '@/components/use-element-size'
import { useHotkey } from '@/state/use-hotkey'
import type { PlanRow } from '@/domain/import/plan'
import type { BlockReason } from '@/domain/import/review'
import { isWritable, resultText, testIdProps, VIEW_COLOURS, viewOf, type RowView } from './import-view'

const FILTERS = ['all', 'write', 'duplicate', 'ignored', 'attention'] as const
type Filter = (typeof FILTERS)[number]

const IN_FILTER: Record<Filter, (v: RowView) => boolean> = {
  all: () => true,
  write: (v) => v === 'new' || v === 'update',
  duplicate: (v) => v === 'duplicate',
  ignored: (v) => v === 'ignored' || v === 'off',
  attention: (v) => v === 'needsAccount' || v === 'blocked'
}

interface ViewRow {
  p: PlanRow
  view: RowView
  result: string
}

export interface PreviewTableProps {
  plan: readonly PlanRow[]
  fileNames: readonly string[]
  selected: ReadonlySet<string>
  blocked: ReadonlyMap<string, BlockReason>
  onToggle(keys: readonly string[], on: boolean): void
}

export function PreviewTable({ plan, fileNames, selected, blocked, onToggle }: PreviewTableProps) {
  const { t } = useI18n()
  const ledger = useLedger()
  const [filter, setFilter] = useState<Filter>('all')
  const [query, setQuery] = useState('')
  const [wrapRef, { height }] = useElementSize<HTMLDivElement>(420)
  const searchRef = useRef<InputRef>(null)
  useHotkey('/', () => searchRef.current?.focus())

  const rows = useMemo<ViewRow[]>(
    () =>
      plan.map((p) => {
        const view = viewOf(p, selected, blocked)
        return { p, view, result: resultText(p, view, blocked, t) }
      }),
    [plan, selected, blocked, t]
  )
  const counts = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f, rows.filter((r) => IN_FILTER[f](r.view)).length])), [rows])
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase()
    return rows.filter(({ p, view }) => {
      if (!IN_FILTER[filter](view)) return false
      if (!q) return true
      const r = p.row
      return `${r.counterparty} ${r.item} ${r.method} ${r.tradeNo} ${r.merchantOrderNo} ${r.date}`.toLowerCase().includes(q)
    })
  }, [rows, filter, query])

  const columns = useMemo<TableColumnsType<ViewRow>>(
    () => [
      {
        key: 'include',
        title: t('import.col.include'),
        width: 80,
        render: (_: unknown, { p }) => (
          <Switch
            size="small"
            checked={isWritable(p) && selected.has(p.key)}
            disabled={!isWritable(p)}
            onChange={(on) => onToggle([p.key], on)}
            aria-label={t('import.col.include')}
            data-testid="row-include"
          />
        )
      },
      {
        key: 'state',
        title: t('import.col.state'),
        width: 96,
        render: (_: unknown, { view }) => (
          <Tag color={VIEW_COLOURS[view]} data-testid="row-state">
            {t(`import.state.${view}`)}
          </Tag>
        )
      },
      {
        key: 'where',
        title: t('import.col.where'),
        width: 150,
        ellipsis: true,
        // The line first: a long file name is what the ellipsis may cut.
        render: (_: unknown, { p }) => (
          <span title={fileNames[p.row.fileIndex]}>
            <span className="import-line">{p.row.line}</span> <span className="muted">{fileNames[p.row.fileIndex] ?? ''}</span>
          </span>
        )
      },
      { key: 'date', title: t('import.col.date'), width: 104, render: (_: unknown, { p }) => p.row.date },
      {
        key: 'what',
        title: t('import.col.what'),
        width: 200,
        ellipsis: true,
        render: (_: unknown, { p }) => [p.row.counterparty, p.row.item].filter(Boolean).join(' · ') || p.row.type
      },
      { key: 'amount', title: t('import.col.amount'), width: 104, align: 'right', render: (_: unknown, { p }) => <Money fen={p.row.amount} /> },
      {
        key: 'method',
        title: t('import.col.method'),
        width: 180,
        ellipsis: true,
        render: (_: unknown, { p }) => {
          const account = p.accountId ? ledger.accountById.get(p.accountId)?.name : undefined
          return account ? `${p.row.method || '—'} → ${account}` : p.row.method || '—'
        }
      },
      {
        key: 'result',
        title: t('import.col.result'),
        width: 300,
        ellipsis: { showTitle: false },
        render: (_: unknown, { result }) => (
          <Tooltip title={result} placement="topLeft">
            <span data-testid="row-result">{result}</span>
          </Tooltip>
        )
      }
    ],
    [t, selected, onToggle, fileNames, ledger.accountById]
  )

  const writableShown = shown.filter(({ p }) => isWritable(p)).map(({ p }) => p.key)
  return (
    <div className="import-preview" data-testid="import-preview">
      <div className="table-toolbar import-toolbar">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          data-testid="import-filter"
          options={FILTERS.map((f) => ({ value: f, label: t(`import.filter.${f}`, { count: counts[f] ?? 0 }) }))}
        />
        <Input.Search ref={searchRef} allowClear className="table-search" placeholder={t('import.filter.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <div className="spacer" />
        <Button size="small" disabled={writableShown.length === 0} onClick={() => onToggle(writableShown, true)} data-testid="import-select-all">
          {t('import.selectAll')}
        </Button>
        <Button size="small" disabled={writableShown.length === 0} onClick={() => onToggle(writableShown, false)} data-testid="import-select-none">
          {t('import.selectNone')}
        </Button>
      </div>
      <div className="table-body import-table" ref={wrapRef}>
        <Table<ViewRow>
          virtual
          size="small"
          rowKey={({ p }) => p.key}
          columns={columns}
          dataSource={shown}
          pagination={false}
          scroll={{ x: 1200, y: height - 40 }}
          locale={{ emptyText: t('import.noRows') }}
          onRow={() => testIdProps('import-row')}
        />
      </div>
    </div>
  )
}
