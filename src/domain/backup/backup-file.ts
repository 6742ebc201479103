// Owns the backup file: its versioned format, the SHA-256 checksum over its payload, writing one, and reading one back with every check a restore needs.
//
// The file is one JSON document. The header comes first and the payload last, on its own line, so
// a snapshot list can read the header from the first few kilobytes:
//   {"format":"credit-ledger-backup","schemaVersion":1,"appVersion":"0.1.0","createdAt":"…",
//    "checksum":{"algorithm":"SHA-256","value":"…"},"summary":{…},
//   "payload":{"ledger":{…},"meta":{…}}}
// The checksum is over the payload written as canonical JSON (keys sorted at every level), so it
// does not depend on how a JSON parser orders keys. A file is refused, with the reason, when it
// is not JSON (truncated when it starts like ours), not ours, from a newer schema, has a bad header,
// a checksum that does not match, or any record its schema or the cross-record rules reject.
import { FIRED_REMINDERS_KEY } from '../dues/settings'
import { SYNC_STATE_KEY } from '../sync/state'
import { isIsoDate, type IsoDate } from '../calendar'
import { check, profileSchema, RECORD_TYPES, recordSchemas, type FieldIssue, type Ledger, type Profile, type RecordType } from '../records'
import { validateLedger } from '../ledger/validate-ledger'
import { CURRENT_SCHEMA_VERSION, upgradeAccountV1 } from '../migrations'

export const BACKUP_FORMAT = 'credit-ledger-backup'
/**
 * The version of the records inside: the store's schema version (src/db/schema.ts) that last changed
 * records, which a test holds. A store version that changes records must raise it and read older files.
 */
export const BACKUP_SCHEMA_VERSION = CURRENT_SCHEMA_VERSION
/** The record types a file of each older schema version holds (version 1 had no 账单分期 or bill figures). */
const TYPES_OF_VERSION: Record<number, readonly RecordType[]> = { 1: ['accounts', 'draws', 'orders', 'repayments', 'inquiries'] }
const typesOf = (version: number): readonly RecordType[] => TYPES_OF_VERSION[version] ?? RECORD_TYPES
export const CHECKSUM_ALGORITHM = 'SHA-256'

/**
 * Meta documents that describe this installation rather than the ledger (when it was last backed
 * up, the copy kept for undoing a restore, the reminders already shown): never written to a
 * backup, never replaced by a restore. Reminders shown here stay shown; and a reminder firing does
 * not make the data "changed" for the backup reminder or the snapshots.
 */
export const BACKUP_STATE_KEY = 'backup.state'
export const PRE_RESTORE_KEY = 'backup.preRestore'
/** The newest kept copy the user declined to restore (src/domain/backup/recovery.ts). */
export const RECOVERY_DISMISSED_KEY = 'backup.recoveryDismissed'
export const LOCAL_META_KEYS: readonly string[] = [BACKUP_STATE_KEY, PRE_RESTORE_KEY, FIRED_REMINDERS_KEY, RECOVERY_DISMISSED_KEY, SYNC_STATE_KEY]
export const PROFILE_KEY = 'profile'

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export interface BackupPayload {
  ledger: Ledger
  meta: {
    /** Null when no profile was ever saved. */
    profile: Profile | null
    /** Every other meta document (other features' settings), kept as plain JSON. */
    settings: Record<string, JsonValue>
  }
}

export interface BackupSummary {
  counts: Record<RecordType, number>
  /** Earliest and latest record date (draws, orders, repayments, inquiries); null for an empty ledger. */
  from: IsoDate | null
  to: IsoDate | null
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  schemaVersion: number
  appVersion: string
  /** ISO 8601 timestamp. */
  createdAt: string
  checksum: { algorithm: typeof CHECKSUM_ALGORITHM; value: string }
  summary: BackupSummary
}

export interface Backup {
  header: BackupHeader
  payload: BackupPayload
  /** Counted from the payload itself, not taken from the header. */
  summary: BackupSummary
}

export type BackupProblem =
  | { code: 'empty' }
  | { code: 'truncated' }
  | { code: 'notBackup' }
  | { code: 'newer'; version: number; supported: number }
  | { code: 'badHeader'; field: string }
  | { code: 'checksum' }
  | { code: 'badShape'; field: string }
  | { code: 'badProfile'; issues: FieldIssue[] }
  | { code: 'badRecord'; recordType: RecordType; row: number; issues: FieldIssue[] }

export type BackupRead = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem }

/** JSON with the keys of every object sorted: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    // Only what JSON can hold gets here from a payload; anything else would make the checksum lie.
    if (text === undefined) throw new TypeError(`not JSON: ${typeof value}`)
    return text
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The checksum of a payload, as a file carries it; it also tells whether the data changed since a backup. */
export async function payloadChecksum(payload: BackupPayload): Promise<string> {
  return sha256Hex(canonicalJson(payload))
}

export function summarise(ledger: Ledger): BackupSummary {
  let from: IsoDate | null = null
  let to: IsoDate | null = null
  const see = (date: IsoDate) => {
    if (from === null || date < from) from = date
    if (to === null || date > to) to = date
  }
  for (const d of ledger.draws) see(d.drawDate)
  for (const o of ledger.orders) see(o.orderDate)
  for (const r of ledger.repayments) see(r.date)
  for (const i of ledger.inquiries) see(i.date)
  for (const b of ledger.billInstalments) see(b.date)
  return { counts: perType((t) => ledger[t].length), from, to }
}

export interface CreateBackupInput {
  payload: BackupPayload
  appVersion: string
  /** ISO 8601 timestamp of now: the caller's clock, as the domain reads none. */
  createdAt: string
}

export interface CreatedBackup {
  text: string
  checksum: string
  summary: BackupSummary
}

export async function createBackup({ payload, appVersion, createdAt }: CreateBackupInput): Promise<CreatedBackup> {
  const payloadText = canonicalJson(payload)
  const checksum = await sha256Hex(payloadText)
  const summary = summarise(payload.ledger)
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    appVersion,
    createdAt,
    checksum: { algorithm: CHECKSUM_ALGORITHM, value: checksum },
    summary
  }
  const head = JSON.stringify(header)
  return { text: `${head.slice(0, -1)},\n"payload":${payloadText}}\n`, checksum, summary }
}

function perType<T>(value: (t: RecordType) => T): Record<RecordType, T> {
  return Object.fromEntries(RECORD_TYPES.map((t) => [t, value(t)])) as Record<RecordType, T>
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** ISO 8601 date and time with a zone, as Date.prototype.toISOString writes it (or with an offset). */
function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))
}

function headerSummary(value: unknown, version: number): BackupSummary | null {
  if (!isObject(value) || !isObject(value.counts)) return null
  const counts = value.counts
  if (!typesOf(version).every((t) => Number.isSafeInteger(counts[t]) && (counts[t] as number) >= 0)) return null
  const date = (v: unknown) => (v === null ? null : isIsoDate(v) ? v : undefined)
  const from = date(value.from)
  const to = date(value.to)
  if (from === undefined || to === undefined) return null
  return { counts: perType((t) => Number(counts[t] ?? 0)), from, to }
}

/** Checks a parsed file's header; a problem names the first field at fault. */
export function readHeader(file: unknown): { ok: true; header: BackupHeader } | { ok: false; problem: BackupProblem } {
  if (!isObject(file) || file.format !== BACKUP_FORMAT) return { ok: false, problem: { code: 'notBackup' } }
  const version = file.schemaVersion
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return { ok: false, problem: { code: 'badHeader', field: 'schemaVersion' } }
  if (version > BACKUP_SCHEMA_VERSION) return { ok: false, problem: { code: 'newer', version, supported: BACKUP_SCHEMA_VERSION } }
  if (typeof file.appVersion !== 'string' || file.appVersion.length === 0 || file.appVersion.length > 40) return { ok: false, problem: { code: 'badHeader', field: 'appVersion' } }
  if (!isTimestamp(file.createdAt)) return { ok: false, problem: { code: 'badHeader', field: 'createdAt' } }
  const sum = file.checksum
  if (!isObject(sum) || sum.algorithm !== CHECKSUM_ALGORITHM || typeof sum.value !== 'string' || !/^[0-9a-f]{64}$/.test(sum.value))
    return { ok: false, problem: { code: 'badHeader', field: 'checksum' } }
  const summary = headerSummary(file.summary, version)
  if (!summary) return { ok: false, problem: { code: 'badHeader', field: 'summary' } }
  return {
    ok: true,
    header: { format: BACKUP_FORMAT, schemaVersion: version, appVersion: file.appVersion, createdAt: file.createdAt, checksum: { algorithm: CHECKSUM_ALGORITHM, value: sum.value }, summary }
  }
}

/**
 * The payload's shape, then the profile, then every record through its schema and the cross-record
 * rules. A file of an older schema is upgraded first, as the store upgrades itself (migrations.ts).
 */
function readPayload(payload: Record<string, unknown>, version: number): { ok: true; payload: BackupPayload } | { ok: false; problem: BackupProblem } {
  const original = payload.ledger
  if (!isObject(original)) return { ok: false, problem: { code: 'badShape', field: 'ledger' } }
  for (const t of typesOf(version)) if (!Array.isArray(original[t])) return { ok: false, problem: { code: 'badShape', field: t } }
  const ledgerIn: Record<string, unknown> =
    version < 2
      ? { ...original, accounts: (original.accounts as unknown[]).map((a) => (isObject(a) ? upgradeAccountV1(a) : a)), billInstalments: [], billFigures: [] }
      : original
  const meta = payload.meta
  if (!isObject(meta)) return { ok: false, problem: { code: 'badShape', field: 'meta' } }
  if (!isObject(meta.settings)) return { ok: false, problem: { code: 'badShape', field: 'settings' } }

  let profile: Profile | null = null
  if (meta.profile !== null) {
    const checked = check(profileSchema, meta.profile)
    if (!checked.ok) return { ok: false, problem: { code: 'badProfile', issues: checked.issues } }
    profile = checked.value
  }
  // validateLedger runs each record's schema before any cross-record rule reads it, so rows that
  // are not records yet are safe to hand it.
  const problem = validateLedger(ledgerIn as unknown as Ledger)
  if (problem) return { ok: false, problem: { code: 'badRecord', recordType: problem.recordType, row: problem.row, issues: problem.issues } }
  const rows = (t: RecordType): unknown[] => (Array.isArray(ledgerIn[t]) ? ledgerIn[t] : [])
  // Store what the schemas return (text trimmed, unknown fields dropped), as every write does.
  const ledger: Ledger = {
    accounts: rows('accounts').map((r) => recordSchemas.accounts.parse(r)),
    draws: rows('draws').map((r) => recordSchemas.draws.parse(r)),
    orders: rows('orders').map((r) => recordSchemas.orders.parse(r)),
    repayments: rows('repayments').map((r) => recordSchemas.repayments.parse(r)),
    inquiries: rows('inquiries').map((r) => recordSchemas.inquiries.parse(r)),
    billInstalments: rows('billInstalments').map((r) => recordSchemas.billInstalments.parse(r)),
    billFigures: rows('billFigures').map((r) => recordSchemas.billFigures.parse(r))
  }
  const settings: Record<string, JsonValue> = {}
  for (const [key, value] of Object.entries(meta.settings))
    // Parsed from JSON, so it is JSON; the feature that owns it validates it when it reads it.
    if (key !== PROFILE_KEY && !LOCAL_META_KEYS.includes(key)) settings[key] = value as JsonValue
  return { ok: true, payload: { ledger, meta: { profile, settings } } }
}

/** Reads a backup file's text with every check; nothing here touches the store. */
export async function readBackup(text: string): Promise<BackupRead> {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { ok: false, problem: { code: 'empty' } }
  let file: unknown
  try {
    file = JSON.parse(body)
  } catch {
    // A file cut short still starts like one of ours: say so, rather than "not a backup".
    const ours = body.trimStart().startsWith('{') && body.slice(0, 200).includes(`"${BACKUP_FORMAT}"`)
    return { ok: false, problem: { code: ours ? 'truncated' : 'notBackup' } }
  }
  const head = readHeader(file)
  if (!head.ok) return head
  const payload = (file as Record<string, unknown>).payload
  if (!isObject(payload)) return { ok: false, problem: { code: 'badHeader', field: 'payload' } }
  if ((await sha256Hex(canonicalJson(payload))) !== head.header.checksum.value) return { ok: false, problem: { code: 'checksum' } }
  const read = readPayload(payload, head.header.schemaVersion)
  if (!read.ok) return read
  return { ok: true, backup: { header: head.header, payload: read.payload, summary: summarise(read.payload.ledger) } }
}

/** Where the payload starts: createBackup puts it on its own line, after the header. */
export const PAYLOAD_MARK = '\n"payload":'

/**
 * The header of a file createBackup wrote, read from the file's first few kilobytes without the
 * payload (a snapshot list reads only that much of each file). Null when it is not there or bad.
 */
export function headerFromStart(start: string): BackupHeader | null {
  const at = start.indexOf(PAYLOAD_MARK)
  if (at < 0) return null
  try {
    const read = readHeader(JSON.parse(`${start.slice(0, at).replace(/^\uFEFF/, '').replace(/,\s*$/, '')}}`))
    return read.ok ? read.header : null
  } catch {
    return null
  }
}

/** The payload exactly as createBackup wrote it: the text its checksum is over. */
export function payloadTextOf(text: string): string | null {
  const at = text.indexOf(PAYLOAD_MARK)
  const end = text.lastIndexOf('}')
  if (at < 0 || end <= at + PAYLOAD_MARK.length) return null
  return text.slice(at + PAYLOAD_MARK.length, end)
}

/** The file name a backup is offered under: the app's name and the local date and time it was made. */
export function backupFileName(localStamp: string, encrypted = false): string {
  return `credit-ledger-backup-${localStamp}${encrypted ? '-encrypted' : ''}.json`
}
