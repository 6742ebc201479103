// Owns the messages between the import page and its parsing worker.
import type { ParsedBill } from '@/domain/import/types'

export interface ParseRequest {
  id: number
  /** fileIndex of the first file: a later batch continues the numbering of the one before. */
  firstIndex: number
  files: { name: string; bytes: ArrayBuffer }[]
}

export type ParseReply =
  | { id: number; type: 'progress'; fileIndex: number; fraction: number }
  | { id: number; type: 'done'; bills: ParsedBill[] }
  | { id: number; type: 'failed'; message: string }
