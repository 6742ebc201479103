// Owns what each bill export looks like (its header columns and the words that name it) and telling them apart by content.
import { BILL_SOURCES, type BillSource } from './types'

/** The fields a bill row is read into; each source names the column that holds it. */
export const BILL_FIELDS = ['time', 'type', 'counterparty', 'item', 'direction', 'amount', 'method', 'status', 'tradeNo', 'merchantOrderNo', 'note'] as const
export type BillField = (typeof BILL_FIELDS)[number]

export interface SourceFormat {
  /** Column of each field; null where the source has no such column. */
  columns: Record<BillField, string | null>
  /** Columns that are read when present but whose absence stops nothing. */
  optional: readonly BillField[]
  /** Other columns of the export, used only to recognise it. */
  extra: readonly string[]
  /** Words of the lines above the table that name the source. */
  marks: readonly string[]
  /** Whose bill it is, in the bill's own words (kept in an imported order's notes). */
  label: string
}

/** The formats of ../shared/DOMAIN.md ("Bill exports people already have"). */
export const SOURCE_FORMATS: Record<BillSource, SourceFormat> = {
  alipay: {
    columns: {
      time: '交易时间',
      type: '交易分类',
      counterparty: '交易对方',
      item: '商品说明',
      direction: '收/支',
      amount: '金额',
      method: '收/付款方式',
      status: '交易状态',
      tradeNo: '交易订单号',
      merchantOrderNo: '商家订单号',
      note: '备注'
    },
    optional: ['type', 'note', 'merchantOrderNo'],
    extra: ['对方账号'],
    marks: ['支付宝'],
    label: '支付宝'
  },
  wechat: {
    columns: {
      time: '交易时间',
      type: '交易类型',
      counterparty: '交易对方',
      item: '商品',
      direction: '收/支',
      amount: '金额(元)',
      method: '支付方式',
      status: '当前状态',
      tradeNo: '交易单号',
      merchantOrderNo: '商户单号',
      note: '备注'
    },
    optional: ['note', 'merchantOrderNo'],
    extra: [],
    marks: ['微信支付', '微信'],
    label: '微信支付'
  },
  jd: {
    columns: {
      time: '交易时间',
      type: '交易分类',
      counterparty: '商户名称',
      item: '交易说明',
      direction: '收/支',
      amount: '金额',
      method: '收/付款方式',
      status: '交易状态',
      tradeNo: '交易订单号',
      merchantOrderNo: '商家订单号',
      note: '备注'
    },
    optional: ['type', 'note', 'merchantOrderNo'],
    extra: [],
    marks: ['京东'],
    label: '京东'
  },
  meituan: {
    columns: {
      time: '交易创建时间',
      type: '交易类型',
      counterparty: null,
      item: '订单标题',
      direction: '收/支',
      // What was paid, after coupons; 订单金额 is the price before them.
      amount: '实付金额',
      method: '支付方式',
      status: null,
      tradeNo: '交易单号',
      merchantOrderNo: '商家单号',
      note: '备注'
    },
    optional: ['note', 'merchantOrderNo'],
    extra: ['交易成功时间', '订单金额'],
    marks: ['美团'],
    label: '美团'
  }
}

/** A header cell as compared: no spaces, full-width brackets and slash made ASCII. */
export function normaliseHeader(cell: string): string {
  return cell.replace(/[\s\uFEFF]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/')
}

/** The first cell of a bill's header row (DOMAIN.md: find it by this, not by counting preamble lines). */
export const HEADER_FIRST_CELLS: readonly string[] = ['交易时间', '交易创建时间']

export function isHeaderRow(cells: readonly string[]): boolean {
  const first = cells[0]
  return first !== undefined && HEADER_FIRST_CELLS.includes(normaliseHeader(first))
}

export interface Detection {
  source: BillSource
  /** Index of each field's column in the header row, or -1. */
  index: Record<BillField, number>
  /** Required columns the header lacks, in the bill's spelling. */
  missing: string[]
}

function allColumns(format: SourceFormat): string[] {
  return [...Object.values(format.columns).filter((c): c is string => c !== null), ...format.extra]
}

/**
 * Picks the source whose columns best match the header row; the words above the table break a
 * tie (Alipay and JD share most column names). Null when too few columns match any source to
 * call it a bill.
 */
export function detectSource(header: readonly string[], preamble: string): Detection | null {
  const names = header.map(normaliseHeader)
  const present = new Set(names)
  let best: { source: BillSource; score: number; share: number } | null = null
  for (const source of BILL_SOURCES) {
    const format = SOURCE_FORMATS[source]
    const columns = allColumns(format)
    const matched = columns.filter((c) => present.has(normaliseHeader(c))).length
    // Half a column's worth for naming the source above the table: enough to break a tie, never to outvote a column.
    const score = matched + (format.marks.some((m) => preamble.includes(m)) ? 0.5 : 0)
    if (!best || score > best.score) best = { source, score, share: matched / columns.length }
  }
  if (!best || best.share < 0.5) return null
  const format = SOURCE_FORMATS[best.source]
  const at = (field: BillField) => {
    const column = format.columns[field]
    return column === null ? -1 : names.indexOf(normaliseHeader(column))
  }
  const index: Record<BillField, number> = {
    time: at('time'),
    type: at('type'),
    counterparty: at('counterparty'),
    item: at('item'),
    direction: at('direction'),
    amount: at('amount'),
    method: at('method'),
    status: at('status'),
    tradeNo: at('tradeNo'),
    merchantOrderNo: at('merchantOrderNo'),
    note: at('note')
  }
  const missing = BILL_FIELDS.flatMap((field) => {
    const column = format.columns[field]
    return column !== null && index[field] < 0 && !format.optional.includes(field) ? [column] : []
  })
  return { source: best.source, index, missing }
}
