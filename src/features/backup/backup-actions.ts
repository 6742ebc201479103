// Owns the backup feature's actions outside React: making and saving a backup file, and a rejected file's reason in words.
import dayjs from 'dayjs'
import type { I18n } from '@/state/i18n-context'
import { isMessageKey } from '@/i18n'
import { readBackupPayload, readBackupState, writeBackupState } from '@/db/backup-store'
import type { LedgerDb } from '@/db/schema'
import { backupFileName, createBackup, type BackupProblem, type CreatedBackup } from '@/domain/backup/backup-file'
import { encryptBackupText, type EncryptedProblem } from '@/domain/backup/encrypted'
import { recordBackup } from '@/domain/backup/reminder'
import type { RecordType } from '@/domain/records'
import { APP_VERSION, platform, type SaveOutcome } from '@/platform'
import { startPending } from './pending-download'

/** A backup of everything in the store now. */
export async function makeBackup(db: LedgerDb, now: Date): Promise<CreatedBackup> {
  return createBackup({ payload: await readBackupPayload(db), appVersion: APP_VERSION, createdAt: now.toISOString() })
}

/**
 * Saves a backup where the user chooses. It counts (for the reminder and "up to date") only when the
 * platform confirms the file is written; a browser download waits for the user's word (see
 * pending-download). The place is asked for first: a browser's save picker must open on the click.
 */
export async function saveBackup(db: LedgerDb, now: Date, passphrase: string | null = null): Promise<SaveOutcome> {
  const box: { made: CreatedBackup | null } = { made: null }
  const outcome = await platform().saveBackupFile({
    suggestedName: backupFileName(dayjs(now).format('YYYY-MM-DD-HHmm'), passphrase !== null),
    type: { description: 'JSON', mime: 'application/json', extension: '.json' },
    produce: async () => {
      const made = await makeBackup(db, now)
      // The checksum kept for "changed since" is the payload's, protected or not.
      const text = passphrase === null ? made.text : await encryptBackupText(made.text, passphrase)
      box.made = made
      return text
    }
  })
  const written = box.made
  if (written === null) return outcome
  if (outcome.kind === 'saved') await writeBackupState(db, recordBackup(await readBackupState(db), written.checksum, now.toISOString()))
  if (outcome.kind === 'downloadStarted') startPending({ name: outcome.name, checksum: written.checksum, at: now.toISOString() })
  return outcome
}

const SINGULAR: Record<RecordType, string> = { accounts: 'account', draws: 'draw', orders: 'order', repayments: 'repayment', inquiries: 'inquiry', billInstalments: 'bill.instalment', billFigures: 'bill.printed' }

/** A field by its form label where there is one ("借款金额（元）"), else its name. */
function fieldLabel(prefix: string, path: string, t: I18n['t']): string {
  const key = `${prefix}.${path}`
  return isMessageKey(key) ? t(key) : path || '—'
}

export function problemText(problem: BackupProblem, t: I18n['t'], tk: I18n['tk']): string {
  switch (problem.code) {
    case 'empty':
    case 'truncated':
    case 'notBackup':
    case 'checksum':
      return t(`backup.problem.${problem.code}`)
    case 'newer':
      return t('backup.problem.newer', { version: problem.version, supported: problem.supported })
    case 'badHeader':
    case 'badShape':
      return t(`backup.problem.${problem.code}`, { field: problem.field })
    case 'badProfile': {
      const issue = problem.issues[0]
      const field = issue ? fieldLabel('settings', issue.path, t) : '—'
      return t('backup.problem.badProfile', { field, message: issue ? tk(issue.message) : '' })
    }
    case 'badRecord': {
      const issue = problem.issues[0]
      return t('backup.problem.badRecord', {
        type: t(`report.sheet.${problem.recordType}`),
        row: problem.row,
        field: issue ? fieldLabel(SINGULAR[problem.recordType], issue.path, t) : '—',
        message: issue ? tk(issue.message) : ''
      })
    }
  }
}

export function encryptedProblemText(problem: EncryptedProblem, t: I18n['t']): string {
  switch (problem.code) {
    case 'wrongPassphrase':
    case 'tampered':
      return t(`crypt.problem.${problem.code}`)
    case 'badEnvelope':
      return t('crypt.problem.badEnvelope', { field: problem.field })
    case 'newerEncrypted':
      return t('crypt.problem.newerEncrypted', { version: problem.version, supported: problem.supported })
  }
}

/** A stored ISO time as the user's local date and time. */
export function localTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm')
}
