import { describe, expect, it } from 'vitest'
import { createLockRecord, LOCK_ITERATIONS, parseLockRecord, sameBytes, verifyLockPassword, type LockRecord } from './lock-hash'

// The full 600,000 rounds once (the stored default), fewer elsewhere to keep the suite quick: the rounds are a parameter of the record.
const FEW = 1000

describe('the app lock hash', () => {
  it('stores a versioned PBKDF2-SHA256 record of 600,000 rounds by default, a 16-byte salt and a 32-byte key, never the password', async () => {
    const record = await createLockRecord('correct horse')
    expect(record).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA256', iterations: LOCK_ITERATIONS })
    expect(LOCK_ITERATIONS).toBeGreaterThanOrEqual(600_000)
    expect(atob(record.salt)).toHaveLength(16)
    expect(atob(record.hash)).toHaveLength(32)
    expect(JSON.stringify(record)).not.toContain('correct horse')
    expect(await verifyLockPassword('correct horse', record)).toBe(true)
    expect(await verifyLockPassword('correct horsf', record)).toBe(false)
  })

  it('salts each record afresh, so the same password gives another hash', async () => {
    const a = await createLockRecord('same password', FEW)
    const b = await createLockRecord('same password', FEW)
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
    expect(await verifyLockPassword('same password', b)).toBe(true)
  })

  it('matches a known PBKDF2-HMAC-SHA256 vector (RFC 7914 section 11: "passwd", "salt", 1 round)', async () => {
    // The vector's salt is 4 bytes: verifying takes any stored salt; only reading a stored record asks for 16.
    const key = btoa(String.fromCharCode(...hex('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc')))
    const vector: LockRecord = { v: 1, kdf: 'PBKDF2-SHA256', iterations: 1, salt: btoa('salt'), hash: key }
    expect(await verifyLockPassword('passwd', vector)).toBe(true)
    expect(await verifyLockPassword('passwd', { ...vector, iterations: 2 })).toBe(false)
  })

  it('tells apart any difference in the derived bytes, length included', () => {
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true)
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false)
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false)
    expect(sameBytes(new Uint8Array([0]), new Uint8Array([]))).toBe(false)
  })

  it('reads back what it stored, and treats a missing, foreign or other-version text as no lock', async () => {
    const record = await createLockRecord('pw123456', FEW)
    expect(parseLockRecord(JSON.stringify(record))).toEqual(record)
    expect(parseLockRecord(null)).toBeNull()
    expect(parseLockRecord('not json')).toBeNull()
    expect(parseLockRecord(JSON.stringify({ ...record, v: 2 }))).toBeNull()
    expect(parseLockRecord(JSON.stringify({ ...record, kdf: 'SHA-1' }))).toBeNull()
    expect(parseLockRecord(JSON.stringify({ ...record, iterations: 0 }))).toBeNull()
    expect(parseLockRecord(JSON.stringify({ ...record, salt: btoa('short') }))).toBeNull()
    expect(parseLockRecord(JSON.stringify({ ...record, hash: '!!' }))).toBeNull()
  })
})

function hex(text: string): number[] {
  return text.match(/../g)!.map((h) => parseInt(h, 16))
}
