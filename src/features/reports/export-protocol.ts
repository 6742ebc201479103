// Owns the messages between the reports page and its export worker.
import type { IsoDate } from '@/domain/calendar'
import type { Language, Ledger } from '@/domain/records'
import type { ExportRange } from '@/domain/report/export-tables'

export type ExportFormat = 'xlsx' | 'csv'

export interface ExportRequest {
  id: number
  /** The records as the page holds them (a structured clone arrives in the worker). */
  ledger: Ledger
  today: IsoDate
  /** First and last month summarised, 'YYYY-MM'. */
  first: string
  last: string
  /** The records' dates to include; null for every record. */
  range: ExportRange | null
  format: ExportFormat
  /** The language of the sheets' names and headers. */
  language: Language
}

/** progress: `done` of `total` steps (one per month, then one for writing the file). */
export type ExportReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; data: string | Uint8Array }
  | { id: number; type: 'failed'; message: string }
