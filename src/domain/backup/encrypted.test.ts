import { describe, expect, it } from 'vitest'
import { createBackup, readBackup, type BackupPayload } from './backup-file'
import { BACKUP_KDF_ITERATIONS, decryptBackupText, encryptBackupText, isEncryptedBackup } from './encrypted'
import { generateSampleLedger } from '../ledger/sample-data'
import { fromBase64, toBase64 } from '../crypto/base64'

const PASS = '我的备份口令 2026'
const NOW = '2026-12-05T10:00:00.000Z'
const ledger = generateSampleLedger({ today: '2026-12-05', months: 3 })
const payload: BackupPayload = { ledger, meta: { profile: null, settings: {} } }

async function plainBackup(): Promise<string> {
  return (await createBackup({ payload, appVersion: '0.1.0', createdAt: NOW })).text
}

function fields(text: string): Record<string, unknown> & { kdf: { iterations: number; salt: string }; cipher: { iv: string }; check: string; data: string } {
  return JSON.parse(text) as never
}

describe('a passphrase-protected backup', () => {
  it('opens with the passphrase to the same plain backup, which restores the same ledger', async () => {
    const plain = await plainBackup()
    const sealed = await encryptBackupText(plain, PASS)
    expect(isEncryptedBackup(sealed)).toBe(true)
    expect(isEncryptedBackup(plain)).toBe(false)
    const opened = await decryptBackupText(sealed, PASS)
    expect(opened).toEqual({ ok: true, text: plain })
    const read = await readBackup(opened.ok ? opened.text : '')
    expect(read.ok && read.backup.payload.ledger.draws.length).toBe(ledger.draws.length)
  })

  it('holds nothing of the ledger in the clear: no names, amounts, dates or counts, not even when it was made', async () => {
    const sealed = await encryptBackupText(await plainBackup(), PASS)
    const account = ledger.accounts[0]!
    expect(sealed).not.toContain('2026-')
    for (const secret of [account.name, account.id, ledger.draws[0]!.drawDate, '"counts"', '"payload"', String(ledger.draws[0]!.principal)]) expect(sealed).not.toContain(secret)
  })

  it('is AES-256-GCM under PBKDF2-SHA256 with 600,000 rounds, as its header says: opened by hand with the raw WebCrypto calls', async () => {
    const plain = await plainBackup()
    const sealed = await encryptBackupText(plain, PASS)
    const f = fields(sealed)
    expect(f.kdf.iterations).toBe(600_000)
    expect(BACKUP_KDF_ITERATIONS).toBe(600_000)
    const salt = fromBase64(f.kdf.salt)!
    const iv = fromBase64(f.cipher.iv)!
    expect(salt).toHaveLength(16)
    expect(iv).toHaveLength(12)
    const subtle = globalThis.crypto.subtle
    const base = await subtle.importKey('raw', new TextEncoder().encode(PASS), 'PBKDF2', false, ['deriveBits'])
    const bits = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, base, 512))
    // The check is SHA-256 of the derived bytes 32..63.
    expect(toBase64(new Uint8Array(await subtle.digest('SHA-256', bits.slice(32))))).toBe(f.check)
    const key = await subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['decrypt'])
    // The additional data: the header without `data`, keys sorted at every level (written out by hand here).
    const aad = JSON.stringify({ check: f.check, cipher: { iv: f.cipher.iv, name: 'AES-256-GCM' }, format: 'credit-ledger-backup-encrypted', kdf: { iterations: 600_000, name: 'PBKDF2-SHA256', salt: f.kdf.salt }, version: 1 })
    const out = await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad), tagLength: 128 }, key, fromBase64(f.data)!)
    expect(new TextDecoder().decode(out)).toBe(plain)
  })

  it('gets a fresh salt and iv each time: the same backup sealed twice differs', async () => {
    const plain = await plainBackup()
    const [a, b] = [fields(await encryptBackupText(plain, PASS)), fields(await encryptBackupText(plain, PASS))]
    expect(a.kdf.salt).not.toBe(b.kdf.salt)
    expect(a.cipher.iv).not.toBe(b.cipher.iv)
    expect(a.data).not.toBe(b.data)
  })

  it('refuses a wrong passphrase, apart from a changed file', async () => {
    const sealed = await encryptBackupText('{"x":1}', PASS)
    expect(await decryptBackupText(sealed, `${PASS} `)).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })
    expect(await decryptBackupText(sealed, '')).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })
  })

  it('refuses a changed byte in the data or the iv', async () => {
    const sealed = await encryptBackupText(await plainBackup(), PASS)
    const f = fields(sealed)
    const data = fromBase64(f.data)!
    data[100] = data[100]! ^ 0x01
    expect(await decryptBackupText(JSON.stringify({ ...f, data: toBase64(data) }), PASS)).toEqual({ ok: false, problem: { code: 'tampered' } })
    const iv = fromBase64(f.cipher.iv)!
    iv[0] = iv[0]! ^ 0x80
    expect(await decryptBackupText(JSON.stringify({ ...f, cipher: { ...f.cipher, iv: toBase64(iv) } }), PASS)).toEqual({ ok: false, problem: { code: 'tampered' } })
    // A field added to the header is not read, and changes nothing.
    expect((await decryptBackupText(JSON.stringify({ ...f, note: 'x' }), PASS)).ok).toBe(true)
    // The tag cut off: too short to hold one.
    expect(await decryptBackupText(JSON.stringify({ ...f, data: 'AAAA' }), PASS)).toEqual({ ok: false, problem: { code: 'badEnvelope', field: 'data' } })
  })

  it('refuses a file asking for fewer rounds, a newer version, a foreign or cut file, naming the field', async () => {
    const sealed = await encryptBackupText('{"x":1}', PASS)
    const f = fields(sealed)
    expect(await decryptBackupText(JSON.stringify({ ...f, kdf: { ...f.kdf, iterations: 1000 } }), PASS)).toEqual({ ok: false, problem: { code: 'badEnvelope', field: 'kdf.iterations' } })
    expect(await decryptBackupText(JSON.stringify({ ...f, version: 2 }), PASS)).toEqual({ ok: false, problem: { code: 'newerEncrypted', version: 2, supported: 1 } })
    expect(await decryptBackupText(JSON.stringify({ ...f, kdf: { ...f.kdf, name: 'scrypt' } }), PASS)).toEqual({ ok: false, problem: { code: 'badEnvelope', field: 'kdf' } })
    expect(await decryptBackupText(sealed.slice(0, sealed.length / 2), PASS)).toEqual({ ok: false, problem: { code: 'badEnvelope', field: 'data' } })
  })
})
