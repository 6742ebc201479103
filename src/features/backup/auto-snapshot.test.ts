// Tests the desktop app's automatic snapshot through the platform layer with a fake electron bridge injected as the preload would put it: plain while protection is off, the protected backup format once it is on, plain again once it is off.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readBackup } from '@/domain/backup/backup-file'
import { decryptBackupText, isEncryptedBackup } from '@/domain/backup/encrypted'
import type { Bridge, SaveSnapshotRequest, SnapshotInfo } from '../../../electron/shared/ipc'

const PASS = 'snapshot passphrase 7'

function memoryStorage() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map }
}

/** The snapshot calls of the bridge, in memory: every check is due, every save is kept. */
function fakeBridge() {
  const saved: SaveSnapshotRequest[] = []
  const asked: string[] = []
  const bridge = {
    listSnapshots: async () => ({ dir: '/data/backups', snapshots: [] as SnapshotInfo[] }),
    snapshotNeeded: async (checksum: string) => {
      asked.push(checksum)
      return true
    },
    saveSnapshot: async (request: SaveSnapshotRequest) => {
      saved.push(request)
      return { written: true as const, name: `auto-2026-12-0${saved.length}-080000.json` }
    },
    readSnapshot: async (name: string) => saved[Number(name.slice(11, 12)) - 1]!.text
  } satisfies Partial<Bridge>
  return { bridge, saved, asked }
}

describe('the automatic snapshot on the desktop', () => {
  let fake: ReturnType<typeof fakeBridge>
  let storage: ReturnType<typeof memoryStorage>
  beforeEach(() => {
    fake = fakeBridge()
    storage = memoryStorage()
    vi.stubGlobal('localStorage', storage)
    vi.stubGlobal('window', { creditLedger: fake.bridge })
    vi.resetModules()
  })
  afterEach(() => vi.unstubAllGlobals())

  it('is a plain backup while protection is off', async () => {
    const { platform } = await import('@/platform')
    const { takeDueSnapshot } = await import('./auto-snapshot')
    const snapshots = platform().snapshots!
    expect(await takeDueSnapshot(snapshots, new Date(2026, 11, 1, 8))).toBe('written')
    expect(fake.saved).toHaveLength(1)
    expect(isEncryptedBackup(fake.saved[0]!.text)).toBe(false)
    expect((await readBackup(fake.saved[0]!.text)).ok).toBe(true)
    expect(fake.asked[0]).toMatch(/^[0-9a-f]{64}$/)
  })

  it('is the protected backup format once protection is on, opened by the passphrase alone, and plain again once it is off', async () => {
    const { platform } = await import('@/platform')
    const { takeDueSnapshot } = await import('./auto-snapshot')
    const key = await import('./snapshot-key')
    expect(await key.turnOnSnapshotEncryption(PASS)).toBe(true)
    expect(key.snapshotEncryptionOn()).toBe(true)
    // The passphrase itself is kept nowhere.
    for (const value of storage.map.values()) expect(value).not.toContain(PASS)

    const snapshots = platform().snapshots!
    expect(await takeDueSnapshot(snapshots, new Date(2026, 11, 1, 8))).toBe('written')
    const sealed = fake.saved[0]!
    expect(sealed.kind).toBe('auto')
    expect(isEncryptedBackup(sealed.text)).toBe(true)
    // Main hears the keyed fingerprint the file carries, not the clear checksum.
    expect(fake.asked[0]).not.toMatch(/^[0-9a-f]{64}$/)
    expect((JSON.parse(sealed.text) as { fingerprint: string }).fingerprint).toBe(fake.asked[0])
    const opened = await decryptBackupText(sealed.text, PASS)
    expect(opened.ok && (await readBackup(opened.text)).ok).toBe(true)
    expect(await decryptBackupText(sealed.text, 'a wrong passphrase')).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })

    // The key derived once is reused: the next file shares the salt, with its own iv.
    await takeDueSnapshot(snapshots, new Date(2026, 11, 2, 8))
    const [a, b] = fake.saved.map((s) => JSON.parse(s.text) as { kdf: { salt: string }; cipher: { iv: string } })
    expect(a!.kdf.salt).toBe(b!.kdf.salt)
    expect(a!.cipher.iv).not.toBe(b!.cipher.iv)

    key.turnOffSnapshotEncryption()
    expect(key.snapshotEncryptionOn()).toBe(false)
    await takeDueSnapshot(snapshots, new Date(2026, 11, 3, 8))
    expect(isEncryptedBackup(fake.saved[2]!.text)).toBe(false)
  })
})
