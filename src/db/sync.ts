// Owns one sync of this device with the shared folder: what changed here since the last sync goes up as one sealed file of messages in this device's own folder, the other devices' new files come down and merge field by field, and the records they changed are written back - each record through its schema, all in one transaction.
//
// What changed here is found by comparing the records with the cells (each field as sync last
// shared it), so no write path of the app has to know about sync; a change is timed when the sync
// finds it, which the debounced sync after each change keeps close to when it was made. Nothing
// local changes until this device's file is on the server: a connection cut before that loses
// nothing, and the next sync sends the same changes again. A file from another device that is not
// ours, was changed or moved is refused and named, and that device's later files wait behind it.
import { z } from 'zod'
import { RECORD_TYPES, recordSchemas, type RecordType } from '@/domain/records'
import { hlcText, isNodeId, parseHlc, receive, tick, type Hlc } from '@/domain/sync/hlc'
import { applyMessages, cellKey, cellMessages, changeMessages, DELETED, rowsOf, type Cells, type Conflict, type SyncMessage, type SyncValue } from '@/domain/sync/merge'
import { createSyncKey, openMessages, openSnapshot, openSyncKey, sealMessages, sealSnapshot, type SealProblem } from '@/domain/sync/sealed'
import { SYNC_STATE_KEY } from '@/domain/sync/state'
import { FIRED_REMINDERS_KEY } from '@/domain/dues/settings'
import { pruneFired, REMINDER_RETENTION_DAYS } from '@/domain/dues/reminders'
import { addDays, makeIsoDate } from '@/domain/calendar'
import type { PassphraseKey } from '@/domain/crypto/passphrase-key'
import { SyncTransportError, type SyncTransport } from '@/domain/sync/transport'
import type { LedgerDb } from './schema'

export const SYNC_FOLDER = 'credit-ledger-sync'
const KEY_PATH = `${SYNC_FOLDER}/key.json`
const MAX_CONFLICTS_KEPT = 200
/**
 * Reminders already shown travel as rows of this pseudo-table (row: the reminder's id, one field
 * 'shown' = true), so a reminder shown on one device is not shown again on another that syncs
 * before its moment comes (or before its catch-up on opening). Only the ids travel, never a setting.
 */
export const FIRED_TABLE = 'firedReminders'
const FIRED_FIELD = 'shown'
const firedListSchema = z.array(z.string())

async function readFired(db: LedgerDb): Promise<string[]> {
  const parsed = firedListSchema.safeParse((await db.meta.get(FIRED_REMINDERS_KEY))?.value)
  return parsed.success ? parsed.data : []
}

/** After this many of its own files since its last snapshot, a device compacts them into a new one. */
export const COMPACT_AFTER_FILES = 50

const conflictCell = z.object({ value: z.unknown(), time: z.string() })
const stateSchema = z.object({
  node: z.string().refine(isNodeId),
  clock: z.string().refine((t) => parseHlc(t) !== null),
  nextSeq: z.number().int().min(1),
  /** The last of this device's own files its snapshot on the server covers (0: none yet). */
  snapshotSeq: z.number().int().min(0).default(0),
  /** Per other device, the name of the last of its files merged here. */
  applied: z.record(z.string(), z.string()),
  lastSyncAt: z.string().nullable(),
  conflicts: z.array(z.object({ table: z.string(), row: z.string(), field: z.string(), kept: conflictCell, lost: conflictCell, at: z.string() }))
})
export type SyncState = z.infer<typeof stateSchema>
export type LoggedConflict = Conflict & { at: string }

export interface SyncReport {
  /** Changes of this device sent up, and other devices' changes merged here. */
  sent: number
  received: number
  /** Records written here from other devices' changes; records a merged change left invalid (kept as they were, named). */
  written: number
  invalid: { table: string; row: string }[]
  conflicts: Conflict[]
  /** Files of other devices refused, with why. */
  refused: { path: string; problem: SealProblem }[]
  /** Other devices' snapshots merged (a new device, or one behind files their author has compacted away). */
  snapshotsRead: number
  /** This device's files compacted into a snapshot this time (0: none). */
  compacted: number
}

function newNode(): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export async function readSyncState(db: LedgerDb): Promise<SyncState | null> {
  const parsed = stateSchema.safeParse((await db.meta.get(SYNC_STATE_KEY))?.value)
  return parsed.success ? parsed.data : null
}

/**
 * The folder's key from the passphrase: made (with the key file) when the folder is new, else
 * derived with the key file's salt. A wrong passphrase or a foreign key file is refused.
 */
export async function connectSync(transport: SyncTransport, passphrase: string): Promise<{ ok: true; key: PassphraseKey } | { ok: false; problem: SealProblem }> {
  const existing = await transport.read(KEY_PATH)
  if (existing !== null) return openSyncKey(existing, passphrase)
  const made = await createSyncKey(passphrase)
  try {
    await transport.create(KEY_PATH, JSON.stringify(made.file))
    return { ok: true, key: made.key }
  } catch (e) {
    // Another device made the folder at the same moment: use its key file.
    if (e instanceof SyncTransportError && e.kind === 'exists') return openSyncKey((await transport.read(KEY_PATH)) ?? '', passphrase)
    throw e
  }
}

/** A record as JSON values (no undefined fields), as the cells hold it. */
function asValues(record: object): Record<string, SyncValue> {
  return JSON.parse(JSON.stringify(record)) as Record<string, SyncValue>
}

function fileName(seq: number): string {
  return `${String(seq).padStart(8, '0')}.msg`
}

function snapshotName(seq: number): string {
  return `${String(seq).padStart(8, '0')}.snap`
}

function seqOf(name: string): number {
  return Number(name.slice(0, 8))
}

const MESSAGE_FILE = /^\d{8}\.msg$/
const SNAPSHOT_FILE = /^\d{8}\.snap$/

export interface SyncOptions {
  /** Own files since the last snapshot that make this sync compact them (COMPACT_AFTER_FILES). */
  compactAfter?: number
}

function hlcOf(text: string): Hlc {
  return parseHlc(text)!
}

/** One sync. `now` is the wall clock (ms); the transport reaches the folder; `key` from connectSync. */
export async function syncOnce(db: LedgerDb, transport: SyncTransport, key: PassphraseKey, now: () => number, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, received: 0, written: 0, invalid: [], conflicts: [], refused: [], snapshotsRead: 0, compacted: 0 }
  const stored = await readSyncState(db)
  const node = stored?.node ?? newNode()
  const state: SyncState = stored ?? { node, clock: hlcText({ millis: 0, counter: 0, node }), nextSeq: 1, snapshotSeq: 0, applied: {}, lastSyncAt: null, conflicts: [] }
  let clock: Hlc = hlcOf(state.clock)

  // What is here now, and what was last shared.
  const { current, cells, fired } = await db.transaction('r', [...RECORD_TYPES.map((t) => db.table(t)), db.syncCells, db.meta], async () => {
    const current = new Map<RecordType, Map<string, Record<string, SyncValue>>>()
    for (const t of RECORD_TYPES) current.set(t, new Map((await db.table(t).toArray()).map((r: { id: string }) => [r.id, asValues(r)])))
    const cells: Cells = new Map((await db.syncCells.toArray()).map((c) => [c.key, { value: c.value as SyncValue, time: c.time }]))
    return { current, cells, fired: await readFired(db) }
  })

  // This device's changes since the last sync, as messages.
  const shared = rowsOf(cells)
  const outgoing: SyncMessage[] = []
  for (const t of RECORD_TYPES) {
    const here = current.get(t)!
    const before = shared.get(t) ?? new Map<string, Record<string, SyncValue>>()
    for (const id of new Set([...here.keys(), ...before.keys()]))
      outgoing.push(
        ...changeMessages(
          t,
          id,
          before.get(id) ?? null,
          here.get(id) ?? null,
          () => hlcText((clock = tick(clock, now()))),
          (field) => cells.get(cellKey(t, id, field))?.time ?? null
        )
      )
  }
  // Reminders shown here that no device has been told of.
  for (const id of fired)
    if (id.length <= 200 && !cells.has(cellKey(FIRED_TABLE, id, FIRED_FIELD)))
      outgoing.push({ table: FIRED_TABLE, row: id, field: FIRED_FIELD, value: true, time: hlcText((clock = tick(clock, now()))), base: null })
  let nextSeq = state.nextSeq
  if (outgoing.length > 0) {
    // A file of this name left by a sync that stopped before saving its state: take the next name.
    for (;;) {
      const path = `${SYNC_FOLDER}/${state.node}/${fileName(nextSeq)}`
      try {
        await transport.create(path, await sealMessages(key, path, outgoing))
        break
      } catch (e) {
        if (!(e instanceof SyncTransportError && e.kind === 'exists')) throw e
        nextSeq++
      }
    }
    nextSeq++
    applyMessages(cells, outgoing)
    report.sent = outgoing.length
  }

  // The other devices' new files, in order, device by device; a device's snapshot first where this
  // device is new to it or behind files it has compacted away.
  const applied = { ...state.applied }
  const fromSnapshots: SyncMessage[] = []
  const incoming: SyncMessage[] = []
  const others = (await transport.list(SYNC_FOLDER)).filter((n) => isNodeId(n) && n !== state.node).sort()
  const listed = new Map<string, string[]>()
  for (const other of others) listed.set(other, await transport.list(`${SYNC_FOLDER}/${other}`))
  // First every snapshot needed, so that what they cover (of any device) is known before a message
  // file is read: a file a snapshot already holds is neither downloaded nor taken for a conflict.
  const skipped = new Set<string>()
  for (const other of others) {
    const folder = `${SYNC_FOLDER}/${other}`
    const entries = listed.get(other)!
    const snapshot = entries.filter((n) => SNAPSHOT_FILE.test(n)).sort().pop()
    const have = applied[other] === undefined ? 0 : seqOf(applied[other])
    if (snapshot === undefined || seqOf(snapshot) <= have || entries.includes(fileName(have + 1))) continue
    const path = `${folder}/${snapshot}`
    const text = await transport.read(path)
    const opened = text === null ? null : await openSnapshot(key, path, text)
    // Replaced by a newer one while this sync ran (the next sync reads that), or refused: this device waits.
    if (opened === null || !opened.ok || opened.snapshot.covers[other] !== fileName(seqOf(snapshot))) {
      if (opened !== null) report.refused.push({ path, problem: opened.ok ? { code: 'foreign', detail: path } : opened.problem })
      skipped.add(other)
      continue
    }
    // This device's own cells in it are already here (and may be ahead of the clock it saved).
    for (const m of opened.snapshot.cells) if (hlcOf(m.time).node !== state.node) clock = receive(clock, hlcOf(m.time), now())
    fromSnapshots.push(...opened.snapshot.cells)
    for (const [n, name] of Object.entries(opened.snapshot.covers)) if (n !== state.node && (applied[n] === undefined || name > applied[n])) applied[n] = name
    report.snapshotsRead++
  }
  // Then each device's files after what is merged, in order and without a gap: a missing file stops
  // that device here until its snapshot covers it.
  for (const other of others) {
    if (skipped.has(other)) continue
    const folder = `${SYNC_FOLDER}/${other}`
    const pending = listed
      .get(other)!
      .filter((n) => MESSAGE_FILE.test(n) && (applied[other] === undefined || n > applied[other]))
      .sort()
    for (const name of pending) {
      if (name !== fileName((applied[other] === undefined ? 0 : seqOf(applied[other])) + 1)) break
      const path = `${folder}/${name}`
      const text = await transport.read(path)
      if (text === null) break
      const opened = await openMessages(key, path, text)
      if (!opened.ok) {
        report.refused.push({ path, problem: opened.problem })
        break
      }
      // Each message is from the device whose folder holds it.
      if (opened.messages.some((m) => hlcOf(m.time).node !== other)) {
        report.refused.push({ path, problem: { code: 'foreign', detail: path } })
        break
      }
      for (const m of opened.messages) clock = receive(clock, hlcOf(m.time), now())
      incoming.push(...opened.messages)
      applied[other] = name
    }
  }
  // A snapshot's cells are merged like messages, but their conflicts were the author's to log.
  const restored = applyMessages(cells, fromSnapshots).changed
  const merged = applyMessages(cells, incoming)
  report.received = restored.length + merged.changed.length
  report.conflicts = merged.conflicts

  // The records other devices changed: their changed fields over the record as it is here now (a
  // field edited here while this sync ran keeps its new value, for the next sync to send); each record
  // through its schema.
  const touched = new Map<string, { table: RecordType; row: string; fields: Set<string> }>()
  for (const m of [...restored, ...merged.changed]) {
    if (!(RECORD_TYPES as readonly string[]).includes(m.table)) continue
    const k = `${m.table}\u0000${m.row}`
    if (!touched.has(k)) touched.set(k, { table: m.table as RecordType, row: m.row, fields: new Set() })
    touched.get(k)!.fields.add(m.field)
  }
  const after = rowsOf(cells)
  const at = new Date(now()).toISOString()
  await db.transaction('rw', [...RECORD_TYPES.map((t) => db.table(t)), db.syncCells, db.meta], async () => {
    for (const { table: t, row: id, fields } of touched.values()) {
      const table = db.table(t)
      const shared = after.get(t)?.get(id)
      const present = (await table.get(id)) as object | undefined
      if (shared === undefined) {
        if (present !== undefined) await table.delete(id)
        report.written++
        continue
      }
      const row: Record<string, SyncValue> = present === undefined ? shared : { ...asValues(present) }
      if (present !== undefined) for (const f of fields) if (f !== DELETED) row[f] = shared[f] ?? null
      const checked = recordSchemas[t].safeParse(row)
      // Left as it is here; the next sync sends this device's fields, so every device ends on a valid record.
      if (!checked.success) {
        report.invalid.push({ table: t, row: id })
        continue
      }
      await table.put(checked.data)
      report.written++
    }
    // Every reminder any device has shown, with those shown here (read again: one may have fired while this sync ran).
    const shownHere = await readFired(db)
    const known = new Set(shownHere)
    // Not those this device has already let go of (the scheduler keeps the last weeks).
    const day = new Date(now())
    const oldest = addDays(makeIsoDate(day.getFullYear(), day.getMonth() + 1, day.getDate()), -REMINDER_RETENTION_DAYS)
    const shownElsewhere = pruneFired([...(after.get(FIRED_TABLE)?.keys() ?? [])], oldest).filter((id) => !known.has(id))
    if (shownElsewhere.length > 0) await db.meta.put({ key: FIRED_REMINDERS_KEY, value: [...shownHere, ...shownElsewhere] })
    // Only the cells this sync changed: ours sent, theirs merged.
    const changedKeys = new Set([...outgoing, ...restored, ...merged.changed].map((m) => cellKey(m.table, m.row, m.field)))
    await db.syncCells.bulkPut([...changedKeys].map((k) => ({ key: k, value: cells.get(k)!.value, time: cells.get(k)!.time })))
    const next: SyncState = {
      node: state.node,
      clock: hlcText(clock),
      nextSeq,
      snapshotSeq: state.snapshotSeq,
      applied,
      lastSyncAt: at,
      conflicts: [...merged.conflicts.map((c) => ({ ...c, at })), ...state.conflicts].slice(0, MAX_CONFLICTS_KEPT)
    }
    await db.meta.put({ key: SYNC_STATE_KEY, value: next })
  })
  try {
    await compact(db, transport, key, { ...state, nextSeq, applied }, cells, options.compactAfter ?? COMPACT_AFTER_FILES, report)
  } catch (e) {
    // Housekeeping: the ledger is in sync whatever happens here, and the next compaction tidies up.
    if (!(e instanceof SyncTransportError)) throw e
    console.warn('Sync: compaction stopped, to be done next time:', e.message)
  }
  return report
}

/**
 * Once this device has written `after` files since its last snapshot: a snapshot of every cell it
 * holds goes up beside them, then the files it covers and the older snapshot are removed. Removal
 * comes only once the snapshot is on the server, and a device behind those files starts from the
 * snapshot instead; a removal cut short leaves files the others skip, and the next compaction
 * removes them.
 */
async function compact(db: LedgerDb, transport: SyncTransport, key: PassphraseKey, state: SyncState, cells: Cells, after: number, report: SyncReport): Promise<void> {
  const last = state.nextSeq - 1
  if (last - state.snapshotSeq < after) return
  const folder = `${SYNC_FOLDER}/${state.node}`
  const path = `${folder}/${snapshotName(last)}`
  const snapshot = {
    covers: { ...state.applied, [state.node]: fileName(last) },
    cells: cellMessages(cells)
  }
  try {
    await transport.create(path, await sealSnapshot(key, path, snapshot))
  } catch (e) {
    // Written by a sync that stopped before saving that it had: the same files, the same cells or later.
    if (!(e instanceof SyncTransportError && e.kind === 'exists')) throw e
  }
  await db.transaction('rw', db.meta, async () => {
    const now = await readSyncState(db)
    if (now !== null && now.node === state.node) await db.meta.put({ key: SYNC_STATE_KEY, value: { ...now, snapshotSeq: Math.max(now.snapshotSeq, last) } })
  })
  for (const name of (await transport.list(folder)).sort()) {
    const covered = (MESSAGE_FILE.test(name) && seqOf(name) <= last) || (SNAPSHOT_FILE.test(name) && seqOf(name) < last)
    if (covered) await transport.remove(`${folder}/${name}`)
  }
  report.compacted = last - state.snapshotSeq
}
