// Tests where the last calendar export is kept: it reads back what was written, and anything unreadable (no storage, bad JSON, an older shape) counts as no export rather than breaking the page.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CalendarExportState } from '@/domain/dues/calendar-export'
import { CALENDAR_EXPORT_PREF, readCalendarExportState, writeCalendarExportState } from './calendar-export-store'

function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value))
  }
}

const state: CalendarExportState = {
  version: 1,
  exportedOn: '2026-12-16',
  fingerprint: '3-0a1b2c3d',
  events: [{ uid: 'order.order-a.20261220@credit-ledger', date: '2026-12-20', sequence: 2, hash: '01234567', summary: '还款 ¥23.00 · 芝麻先用后付', cancelled: false }]
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the calendar export store', () => {
  it('reads back what was written', () => {
    vi.stubGlobal('localStorage', memoryStorage())
    expect(readCalendarExportState()).toBeNull()
    expect(writeCalendarExportState(state)).toBe(true)
    expect(readCalendarExportState()).toEqual(state)
  })

  it('takes anything unreadable as no export', () => {
    const storage = memoryStorage()
    vi.stubGlobal('localStorage', storage)
    for (const bad of ['{', '[]', JSON.stringify({ ...state, version: 2 }), JSON.stringify({ ...state, exportedOn: '2026-13-01' }), JSON.stringify({ ...state, events: [{ uid: '' }] })]) {
      storage.setItem(CALENDAR_EXPORT_PREF, bad)
      expect(readCalendarExportState()).toBeNull()
    }
  })

  it('goes on without storage, or when it refuses a write', () => {
    vi.stubGlobal('localStorage', undefined)
    expect(readCalendarExportState()).toBeNull()
    expect(writeCalendarExportState(state)).toBe(false)
    vi.stubGlobal('localStorage', {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      }
    })
    expect(writeCalendarExportState(state)).toBe(false)
  })
})
