// Owns telling the user what a failed bulk write did to the data, in words: refused for want of room, refused for want of a copy, or failed and read back as unchanged, changed or unreadable.
import type { I18n } from '@/state/i18n-context'
import { isBulkWriteError, type BulkFailure } from '@/db/bulk-write'
import { isValidationError } from '@/domain/validation-error'
import { classifyWriteError, type WriteFailure } from '@/db/storage-guard'
import { formatBytes } from '@/components/format-bytes'
import { localTime } from './backup-actions'

export type BulkWhat = 'import' | 'restore' | 'sample' | 'undo' | 'recover'

function reasonText(failure: WriteFailure, t: I18n['t'], validationText: string | null): string {
  if (failure.kind === 'validation' && validationText !== null) return validationText
  return t(`safety.reason.${failure.kind}`, { detail: failure.detail })
}

/** Any failed write's reason in words: a full storage, a full disk, a refused permission... */
export function writeFailureReason(error: unknown, t: I18n['t']): string {
  return reasonText(classifyWriteError(error), t, null)
}

function copySentence(failure: Extract<BulkFailure, { stage: 'write' }>, what: string, t: I18n['t']): string {
  const { copy } = failure
  if (copy.ref === null || copy.medium === null) return t('safety.copyKept.none')
  const params = { what, time: localTime(copy.createdAt), count: copy.total, where: copy.where }
  return copy.medium === 'folder' ? t('safety.copyKept.folder', params) : t('safety.copyKept.browser', params)
}

/**
 * The whole truth about a failed bulk write, as one message. `validationText` words a record the
 * store refused (an import names its bill row); other errors that are no BulkWriteError (a bug)
 * are shown as they are, without claiming anything about the data.
 */
export function bulkFailureText(error: unknown, what: BulkWhat, t: I18n['t'], tk: I18n['tk'], validationText: string | null = null): string {
  const whatText = t(`safety.what.${what}`)
  if (!isBulkWriteError(error)) {
    if (isValidationError(error)) return validationText ?? tk(error.issues[0]?.message ?? 'validation.invalid')
    return t('safety.reason.unknown', { detail: error instanceof Error ? error.message : String(error) })
  }
  const { failure } = error
  switch (failure.stage) {
    case 'noRoom':
      return t('safety.noRoom', { what: whatText, needed: formatBytes(failure.needed), available: formatBytes(failure.available), limit: t(`safety.limit.${failure.limitedBy}`) })
    case 'copy':
      return t('safety.copyFailed', { what: whatText, reason: reasonText(failure.failure, t, null) })
    case 'write': {
      const validation = isValidationError(error.error) ? (validationText ?? tk(error.error.issues[0]?.message ?? 'validation.invalid')) : null
      const reason = reasonText(failure.failure, t, validation)
      if (failure.state === 'unchanged') return t('safety.writeFailed.unchanged', { what: whatText, reason })
      return t(failure.state === 'changed' ? 'safety.writeFailed.changed' : 'safety.writeFailed.unknown', { what: whatText, reason, copy: copySentence(failure, whatText, t) })
    }
  }
}
