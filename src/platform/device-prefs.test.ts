import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLockRecord } from './lock-hash'

/** A Map behind the Storage methods the module uses: Node has no localStorage. */
function memoryStorage() {
  const map = new Map<string, string>()
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map
  }
}

describe('the device preferences', () => {
  let storage: ReturnType<typeof memoryStorage>
  beforeEach(() => {
    storage = memoryStorage()
    vi.stubGlobal('localStorage', storage)
    vi.resetModules()
  })
  afterEach(() => vi.unstubAllGlobals())

  it('start with no lock, 5 idle minutes and the system appearance', async () => {
    const prefs = await import('./device-prefs')
    expect(prefs.devicePrefs()).toEqual({ lock: null, idleMinutes: 5, appearance: 'system' })
  })

  it('keep the lock record, the idle time and the appearance in this device’s storage, and tell listeners', async () => {
    const prefs = await import('./device-prefs')
    const heard = vi.fn()
    const stop = prefs.subscribeDevicePrefs(heard)
    const record = await createLockRecord('pw123456', 1000)
    prefs.setLockRecord(record)
    prefs.setIdleMinutes(15)
    prefs.setAppearance('dark')
    expect(heard).toHaveBeenCalledTimes(3)
    expect(prefs.devicePrefs()).toEqual({ lock: record, idleMinutes: 15, appearance: 'dark' })
    expect(JSON.parse(storage.map.get('ledger.lock.v1') ?? '')).toEqual(record)
    prefs.setLockRecord(null)
    expect(prefs.devicePrefs().lock).toBeNull()
    expect(storage.map.has('ledger.lock.v1')).toBe(false)
    stop()
  })

  it('fall back to the defaults for stored values they do not know', async () => {
    storage.setItem('ledger.lock.idleMinutes', '7')
    storage.setItem('ledger.appearance', 'purple')
    storage.setItem('ledger.lock.v1', '{"v":9}')
    const prefs = await import('./device-prefs')
    expect(prefs.devicePrefs()).toEqual({ lock: null, idleMinutes: 5, appearance: 'system' })
  })
})
