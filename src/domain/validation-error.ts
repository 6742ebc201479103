// Owns the error a rejected write throws: which record, which fields, which message keys (thrown by the store, read by every form).
import type { FieldIssue } from './records'

export class ValidationError extends Error {
  readonly issues: FieldIssue[]
  readonly recordType: string
  /** For bulk writes: the 1-based position of the offending record in its list. */
  readonly row: number | undefined

  constructor(recordType: string, issues: FieldIssue[], row?: number) {
    const where = row === undefined ? recordType : `${recordType} #${row}`
    super(`Rejected ${where}: ${issues.map((i) => `${i.path || '(record)'}: ${i.message}`).join('; ')}`)
    this.name = 'ValidationError'
    this.issues = issues
    this.recordType = recordType
    this.row = row
  }
}

export function isValidationError(e: unknown): e is ValidationError {
  return e instanceof ValidationError
}
