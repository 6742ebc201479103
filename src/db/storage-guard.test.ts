// Tests the room check and what a failed write is called, on the errors Dexie, Chromium and the desktop bridge really throw.
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '@/domain/validation-error'
import { bytesNeeded, checkRoom, classifyWriteError, WRITE_MARGIN_BYTES } from './storage-guard'

describe('checkRoom', () => {
  it('takes the smaller of what the quota and the disk allow, and lets the write try when neither is known', () => {
    expect(checkRoom(100, { quotaLeft: 1000, diskFree: 50 })).toEqual({ ok: false, needed: 100, available: 50, limitedBy: 'disk' })
    expect(checkRoom(100, { quotaLeft: 80, diskFree: 5000 })).toEqual({ ok: false, needed: 100, available: 80, limitedBy: 'quota' })
    expect(checkRoom(100, { quotaLeft: 100, diskFree: null })).toEqual({ ok: true, available: 100 })
    expect(checkRoom(100, { quotaLeft: null, diskFree: null })).toEqual({ ok: true, available: null })
    expect(checkRoom(1, { quotaLeft: -5, diskFree: null })).toMatchObject({ ok: false, available: 0 })
  })

  it('asks for the write, the copy and the margin', () => {
    expect(bytesNeeded({ incomingChars: 1000, copyBytes: 500 })).toBe(3000 + 500 + WRITE_MARGIN_BYTES)
  })
})

describe('classifyWriteError', () => {
  it('finds the quota however deep Dexie wraps it', () => {
    const dom = new DOMException('Quota exceeded', 'QuotaExceededError')
    expect(classifyWriteError(dom).kind).toBe('quota')
    expect(classifyWriteError(new Dexie.QuotaExceededError(dom)).kind).toBe('quota')
    expect(classifyWriteError(new Dexie.AbortError('Transaction aborted', dom)).kind).toBe('quota')
    expect(classifyWriteError(new Dexie.BulkError('3 of 100 failed', { 2: dom })).kind).toBe('quota')
  })

  it('tells a full disk, a refused permission, a closed or deleted database, a storage failure and an abort apart', () => {
    expect(classifyWriteError(new Error("Error invoking remote method 'file:save': Error: ENOSPC: no space left on device, write"))).toEqual({
      kind: 'disk',
      detail: "Error: Error invoking remote method 'file:save': Error: ENOSPC: no space left on device, write"
    })
    expect(classifyWriteError(new Error('EACCES: permission denied, open')).kind).toBe('denied')
    expect(classifyWriteError(new Dexie.DatabaseClosedError()).kind).toBe('closed')
    expect(classifyWriteError(new DOMException('The database connection is closing.', 'InvalidStateError')).kind).toBe('closed')
    expect(classifyWriteError(new DOMException('Internal error committing transaction.', 'UnknownError')).kind).toBe('storage')
    expect(classifyWriteError(new Dexie.AbortError('Transaction aborted')).kind).toBe('aborted')
    expect(classifyWriteError(new ValidationError('draw', [{ path: 'principal', message: 'validation.amountPositive' }])).kind).toBe('validation')
    expect(classifyWriteError('odd').kind).toBe('unknown')
  })
})
