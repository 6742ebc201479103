import { describe, expect, it } from 'vitest'
import { createBackup, type BackupPayload } from './backup-file'
import { decryptBackupText, deriveSealingKey, encryptedHeaderFromStart, isEncryptedBackup, sealWithKey, snapshotFingerprint } from './encrypted'
import { generateSampleLedger } from '../ledger/sample-data'
import { fromBase64, toBase64 } from '../crypto/base64'

const PASS = '自动备份口令 2026'
const ledger = generateSampleLedger({ today: '2026-12-05', months: 2 })
const payload: BackupPayload = { ledger, meta: { profile: null, settings: {} } }
const plainBackup = async () => (await createBackup({ payload, appVersion: '0.1.0', createdAt: '2026-12-05T10:00:00.000Z' })).text

describe('sealing with a key derived once (automatic snapshots)', () => {
  it('writes the protected backup format: the passphrase alone opens each file, and every file has its own iv', async () => {
    const plain = await plainBackup()
    const sealing = await deriveSealingKey(PASS)
    const first = await sealWithKey(plain, sealing, await snapshotFingerprint(sealing.key, 'a'.repeat(64)))
    const second = await sealWithKey(plain, sealing)
    expect(isEncryptedBackup(first)).toBe(true)
    expect(await decryptBackupText(first, PASS)).toEqual({ ok: true, text: plain })
    expect(await decryptBackupText(second, PASS)).toEqual({ ok: true, text: plain })
    const a = JSON.parse(first) as { cipher: { iv: string }; kdf: { salt: string; iterations: number } }
    const b = JSON.parse(second) as { cipher: { iv: string }; kdf: { salt: string } }
    expect(a.cipher.iv).not.toBe(b.cipher.iv)
    expect(a.kdf.salt).toBe(b.kdf.salt)
    expect(a.kdf.iterations).toBe(600_000)
  })

  it('refuses a wrong passphrase', async () => {
    const sealed = await sealWithKey(await plainBackup(), await deriveSealingKey(PASS))
    expect(await decryptBackupText(sealed, 'not the passphrase')).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })
  })

  it('refuses a changed byte of the data, and a changed fingerprint (it is authenticated with the header)', async () => {
    const sealing = await deriveSealingKey(PASS)
    const sealed = await sealWithKey(await plainBackup(), sealing, await snapshotFingerprint(sealing.key, 'b'.repeat(64)))
    const f = JSON.parse(sealed) as { data: string; fingerprint: string }
    const data = fromBase64(f.data)!
    data[10] = data[10]! ^ 1
    const changedData = sealed.replace(f.data, toBase64(data))
    expect(await decryptBackupText(changedData, PASS)).toEqual({ ok: false, problem: { code: 'tampered' } })
    const other = await snapshotFingerprint(sealing.key, 'c'.repeat(64))
    expect(await decryptBackupText(sealed.replace(f.fingerprint, other), PASS)).toEqual({ ok: false, problem: { code: 'tampered' } })
  })

  it('gives a fingerprint that follows the data and the key, not a clear checksum', async () => {
    const one = await deriveSealingKey(PASS)
    const two = await deriveSealingKey(PASS)
    const sum = 'd'.repeat(64)
    expect(await snapshotFingerprint(one.key, sum)).toBe(await snapshotFingerprint(one.key, sum))
    expect(await snapshotFingerprint(one.key, sum)).not.toBe(await snapshotFingerprint(one.key, 'e'.repeat(64)))
    // Another salt, another key: the same data gives another fingerprint.
    expect(await snapshotFingerprint(one.key, sum)).not.toBe(await snapshotFingerprint(two.key, sum))
    expect(await snapshotFingerprint(one.key, sum)).not.toContain(sum)
  })

  it('reads the header from the file start without a key', async () => {
    const sealing = await deriveSealingKey(PASS)
    const fingerprint = await snapshotFingerprint(sealing.key, 'f'.repeat(64))
    const sealed = await sealWithKey(await plainBackup(), sealing, fingerprint)
    const header = encryptedHeaderFromStart(sealed.slice(0, 1024))
    expect(header?.fingerprint).toBe(fingerprint)
    expect(header?.kdf.iterations).toBe(600_000)
    expect(encryptedHeaderFromStart(await plainBackup())).toBeNull()
    expect(encryptedHeaderFromStart(sealed.slice(0, 40))).toBeNull()
  })
})
