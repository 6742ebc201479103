// Tests the backup file: a round trip of the sample ledger, the checksum, and each kind of bad file refused with its reason.
import { describe, expect, it } from 'vitest'
import { generateSampleLedger } from '../ledger/sample-data'
import { profile } from '@/testing/fixtures'
import { CREDIT_CARD_TERMS } from '../account-terms'
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  BACKUP_STATE_KEY,
  canonicalJson,
  createBackup,
  payloadChecksum,
  PRE_RESTORE_KEY,
  readBackup,
  sha256Hex,
  type BackupPayload
} from './backup-file'

const today = '2026-11-21'
const ledger = generateSampleLedger({ today })
const payload: BackupPayload = { ledger, meta: { profile, settings: { 'dues.leadDays': { days: [3, 1] }, 'risk.thresholds': { hardInquiries1m: 3 } } } }
const createdAt = '2026-11-21T08:00:00.000Z'
const made = await createBackup({ payload, appVersion: '0.1.0', createdAt })

/** The file as JSON, changed by `edit`, written back with a checksum that matches again. */
async function resealed(edit: (file: { payload: BackupPayload } & Record<string, unknown>) => void): Promise<string> {
  const file = JSON.parse(made.text) as { payload: BackupPayload; checksum: { value: string } } & Record<string, unknown>
  edit(file)
  file.checksum.value = await sha256Hex(canonicalJson(file.payload))
  return JSON.stringify(file)
}

describe('writing and reading a backup', () => {
  it('gives back exactly what was written, with counts and the date range', async () => {
    const read = await readBackup(made.text)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.backup.payload).toEqual(payload)
    expect(read.backup.header).toMatchObject({ format: BACKUP_FORMAT, schemaVersion: BACKUP_SCHEMA_VERSION, appVersion: '0.1.0', createdAt })
    expect(read.backup.summary.counts).toEqual({ accounts: 8, draws: ledger.draws.length, orders: ledger.orders.length, repayments: ledger.repayments.length, inquiries: ledger.inquiries.length, billInstalments: ledger.billInstalments.length, billFigures: 0 })
    const dates = [...ledger.draws.map((d) => d.drawDate), ...ledger.orders.map((o) => o.orderDate), ...ledger.repayments.map((r) => r.date), ...ledger.inquiries.map((i) => i.date), ...ledger.billInstalments.map((b) => b.date)].sort()
    expect(read.backup.summary.from).toBe(dates[0])
    expect(read.backup.summary.to).toBe(dates.at(-1))
    expect(read.backup.header.summary).toEqual(read.backup.summary)
  })

  it('puts the header on the first line and the payload last, with the SHA-256 of its canonical JSON', async () => {
    const [first, second] = made.text.split('\n')
    expect(first).toMatch(/^\{"format":"credit-ledger-backup","schemaVersion":2,"appVersion":"0\.1\.0","createdAt":"[^"]+","checksum":\{"algorithm":"SHA-256","value":"[0-9a-f]{64}"\},"summary":/)
    expect(second?.startsWith('"payload":{')).toBe(true)
    expect(made.checksum).toBe(await payloadChecksum(payload))
    expect(made.checksum).toBe(await sha256Hex(canonicalJson(payload)))
  })

  it('reads a backup from a BOM-prefixed file, and one a parser wrote with its keys reordered', async () => {
    expect((await readBackup(`\uFEFF${made.text}`)).ok).toBe(true)
    const file = JSON.parse(made.text) as Record<string, unknown>
    const reordered = Object.fromEntries(Object.entries(file).reverse())
    expect((await readBackup(JSON.stringify(reordered, null, 2))).ok).toBe(true)
  })

  it('knows SHA-256 (the empty string and "abc")', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}')
  })

  it('changes the checksum when one fen changes', async () => {
    const changed = structuredClone(payload)
    changed.ledger.repayments[0]!.amount += 1
    expect(await payloadChecksum(changed)).not.toBe(made.checksum)
  })

  it('leaves this installation\'s own documents out of what it restores', async () => {
    const text = await resealed((f) => {
      f.payload.meta.settings[BACKUP_STATE_KEY] = { lastBackupAt: null }
      f.payload.meta.settings[PRE_RESTORE_KEY] = { text: 'x' }
    })
    const read = await readBackup(text)
    expect(read.ok && Object.keys(read.backup.payload.meta.settings).sort()).toEqual(['dues.leadDays', 'risk.thresholds'])
  })

  it('reads an empty ledger with no profile', async () => {
    const empty = await createBackup({ payload: { ledger: { accounts: [], draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }, meta: { profile: null, settings: {} } }, appVersion: '0.1.0', createdAt })
    const read = await readBackup(empty.text)
    expect(read.ok && read.backup.summary).toEqual({ counts: { accounts: 0, draws: 0, orders: 0, repayments: 0, inquiries: 0, billInstalments: 0, billFigures: 0 }, from: null, to: null })
  })
})

describe('a file of schema version 1 (before statement credit)', () => {
  it('restores with every account given its repayment order and bill terms, as the store upgrades itself', async () => {
    // A version-1 file: accounts without the new fields, no 账单分期 or bill figures, counts of the five old types.
    const v1Ledger = {
      accounts: ledger.accounts.map(({ repaymentOrder: _o, statementTerms: _t, ...a }) => a),
      draws: ledger.draws,
      orders: ledger.orders,
      repayments: ledger.repayments.map(({ bill: _b, ...r }) => r),
      inquiries: ledger.inquiries
    }
    const v1Payload = { ledger: v1Ledger, meta: { profile, settings: {} } }
    const checksum = await payloadChecksum(v1Payload as unknown as BackupPayload)
    const counts = { accounts: 8, draws: ledger.draws.length, orders: ledger.orders.length, repayments: ledger.repayments.length, inquiries: ledger.inquiries.length }
    const header = { format: BACKUP_FORMAT, schemaVersion: 1, appVersion: '0.1.0', createdAt, checksum: { algorithm: 'SHA-256', value: checksum }, summary: { counts, from: '2025-11-21', to: today } }
    const text = `${JSON.stringify(header).slice(0, -1)},\n"payload":${canonicalJson(v1Payload as unknown as BackupPayload)}}\n`
    const read = await readBackup(text)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    const card = read.backup.payload.ledger.accounts.find((a) => a.id === 'cmbcard')!
    expect(card.statementTerms).toEqual(CREDIT_CARD_TERMS)
    expect(read.backup.payload.ledger.accounts.find((a) => a.id === 'mybank')!.statementTerms).toBeNull()
    expect(read.backup.payload.ledger.accounts.every((a) => a.repaymentOrder === 'costsFirst')).toBe(true)
    expect(read.backup.payload.ledger.billInstalments).toEqual([])
    expect(read.backup.header.summary.counts.billInstalments).toBe(0)
  })
})

describe('refusing a bad file, with its reason', () => {
  const problem = async (text: string) => {
    const read = await readBackup(text)
    return read.ok ? null : read.problem
  }

  it('an empty file', async () => expect(await problem('  \n')).toEqual({ code: 'empty' }))

  it('a truncated file', async () => {
    expect(await problem(made.text.slice(0, Math.floor(made.text.length / 2)))).toEqual({ code: 'truncated' })
    expect(await problem(made.text.slice(0, made.text.length - 3))).toEqual({ code: 'truncated' })
  })

  it('a foreign file: another JSON, a spreadsheet export, nothing like ours', async () => {
    expect(await problem('{"version":1,"transactions":[]}')).toEqual({ code: 'notBackup' })
    expect(await problem('\uFEFF交易时间,金额\r\n2026-01-01,1.00\r\n')).toEqual({ code: 'notBackup' })
    expect(await problem('[1,2,3]')).toEqual({ code: 'notBackup' })
  })

  it('a file from a newer schema', async () => {
    const text = made.text.replace('"schemaVersion":2', '"schemaVersion":3')
    expect(await problem(text)).toEqual({ code: 'newer', version: 3, supported: BACKUP_SCHEMA_VERSION })
  })

  it('a wrong checksum: one amount changed after the backup was made', async () => {
    const file = JSON.parse(made.text) as { payload: BackupPayload }
    file.payload.ledger.draws[0]!.principal += 100
    expect(await problem(JSON.stringify(file))).toEqual({ code: 'checksum' })
  })

  it('a record with a negative amount, named by type, row and field', async () => {
    const text = await resealed((f) => {
      f.payload.ledger.draws[4]!.principal = -50_000
    })
    expect(await problem(text)).toEqual({ code: 'badRecord', recordType: 'draws', row: 5, issues: [{ path: 'principal', message: 'validation.amountPositive' }] })
  })

  it('a repayment pointing at nothing, and two records of one id', async () => {
    const orphan = await resealed((f) => {
      f.payload.ledger.repayments[2]!.targetId = 'gone'
    })
    expect(await problem(orphan)).toMatchObject({ code: 'badRecord', recordType: 'repayments', row: 3 })
    const twice = await resealed((f) => {
      f.payload.ledger.inquiries.push({ ...f.payload.ledger.inquiries[0]! })
    })
    expect(await problem(twice)).toEqual({ code: 'badRecord', recordType: 'inquiries', row: ledger.inquiries.length + 1, issues: [{ path: 'id', message: 'validation.duplicateId' }] })
  })

  it('a bad header field, a missing record list, a bad profile', async () => {
    expect(await problem(made.text.replace(`"createdAt":"${createdAt}"`, '"createdAt":"yesterday"'))).toEqual({ code: 'badHeader', field: 'createdAt' })
    expect(await problem(made.text.replace('"algorithm":"SHA-256"', '"algorithm":"MD5"'))).toEqual({ code: 'badHeader', field: 'checksum' })
    const noOrders = await resealed((f) => {
      delete (f.payload.ledger as Partial<BackupPayload['ledger']>).orders
    })
    expect(await problem(noOrders)).toEqual({ code: 'badShape', field: 'orders' })
    const badProfile = await resealed((f) => {
      f.payload.meta.profile = { ...profile, monthlyIncome: -1 }
    })
    expect(await problem(badProfile)).toEqual({ code: 'badProfile', issues: [{ path: 'monthlyIncome', message: 'validation.amountNonNegative' }] })
  })
})
