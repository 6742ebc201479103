// Owns the shapes bill import passes between its steps: sources, parsed rows and the problems that name file, row and column.
import type { IsoDate } from '../calendar'
import type { Fen } from '../money'

export const BILL_SOURCES = ['alipay', 'wechat', 'jd', 'meituan'] as const
export type BillSource = (typeof BILL_SOURCES)[number]

/** 支出, 收入, or neither (Alipay's 不计收支, WeChat's "/"). */
export type Direction = 'out' | 'in' | 'none'

/** A refund the purchase row reports about itself (WeChat 已全额退款 / 已退款(￥x), JD 金额 "44.00(已退款10.00)"). */
export type RowRefund = { full: true } | { full: false; amount: Fen }

/** One bill row in the form every source is read into. Text cells are trimmed; "/" placeholders are empty. */
export interface BillRow {
  /** Position of the file in the batch, and its name as the user chose it. */
  fileIndex: number
  file: string
  /** 1-based line of the file (CSV) or row of the sheet (XLSX), as a text editor or Excel shows it. */
  line: number
  source: BillSource
  date: IsoDate
  /** 'HH:mm:ss' when the bill gives it, else ''; orders rows of one day. */
  time: string
  /** 交易分类 / 交易类型. */
  type: string
  counterparty: string
  item: string
  direction: Direction
  /**
   * Always positive. A minus sign is kept only on a refund row, where it turns the direction to
   * money in; any other negative amount is a row problem, never a purchase.
   */
  amount: Fen
  method: string
  status: string
  tradeNo: string
  merchantOrderNo: string
  note: string
  rowRefund: RowRefund | null
}

/** Problems that stop a whole file: nothing of it can be imported. */
export const FILE_PROBLEM_CODES = ['empty', 'tooLarge', 'tooManyRows', 'sheetTooLarge', 'legacyXls', 'xlsx', 'encoding', 'notBill', 'missingColumn'] as const
/** Problems of one row: the rest of the file can be imported once the user has seen them. */
export const ROW_PROBLEM_CODES = ['rowEncoding', 'unbalancedQuote', 'shortRow', 'badDate', 'badAmount', 'negativeAmount'] as const
export type ProblemCode = (typeof FILE_PROBLEM_CODES)[number] | (typeof ROW_PROBLEM_CODES)[number]

/** Something wrong with a file or one of its rows: which file, which line, which column, what was there. */
export interface ImportProblem {
  fileIndex: number
  file: string
  /** null for a problem of the whole file. */
  line: number | null
  /** The column's name as the bill's header row spells it, or null. */
  column: string | null
  code: ProblemCode
  /** The offending cell or line (shortened), the missing column's name, or the limit a file went past. */
  value: string
}

export interface ParsedBill {
  fileIndex: number
  file: string
  source: BillSource | null
  /** How the bytes were read: 'utf-8', 'gb18030', 'utf-16le', 'utf-16be' or 'xlsx'. */
  encoding: string
  /** Line of the header row, or null when none was found. */
  headerLine: number | null
  /** Data rows below the header (blank lines left out), good or bad. */
  dataRows: number
  rows: BillRow[]
  problems: ImportProblem[]
}

/** Reports how far parsing has come, as a fraction 0..1 of the current file. */
export type ProgressFn = (fraction: number) => void

const FILE_CODES: ReadonlySet<ProblemCode> = new Set(FILE_PROBLEM_CODES)

export function isFileProblem(p: Pick<ImportProblem, 'code'>): boolean {
  return FILE_CODES.has(p.code)
}
