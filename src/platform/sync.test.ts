// Tests the page's side of the sync folder: the desktop transport throws the kind main sends as data, and the browser's folder runs the WebDAV client over a real fetch to a real WebDAV server, keeping the password out of localStorage.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../electron/shared/ipc'
import { SyncTransportError } from '@/domain/sync/transport'
import { bridgeSyncTransport, webSync } from './sync'

/** The Node-only test server (electron/main/dav-test-server.ts), reached at run time: the web project does not type Node modules. */
interface DavTestServer {
  url: string
  user: string
  password: string
  stop(): Promise<void>
}
const KIT = '../../electron/main/dav-test-server'

let server: DavTestServer
beforeAll(async () => {
  const kit = (await import(/* @vite-ignore */ KIT)) as { startDavTestServer(): Promise<DavTestServer> }
  server = await kit.startDavTestServer()
})
afterAll(async () => {
  await server.stop()
})

function memoryStorage() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map }
}
let storage: ReturnType<typeof memoryStorage>
beforeEach(() => {
  storage = memoryStorage()
  vi.stubGlobal('localStorage', storage)
})
afterEach(() => vi.unstubAllGlobals())

describe('the desktop transport', () => {
  it('gives the value of a reply and throws the SyncTransportError it describes', async () => {
    const bridge = {
      syncList: async () => ({ ok: true as const, value: ['a.json'] }),
      syncRead: async () => ({ ok: false as const, kind: 'auth' as const, status: 401, detail: 'GET: HTTP 401' }),
      syncCreate: async () => ({ ok: false as const, kind: 'exists' as const, status: 412, detail: 'a.json' }),
      syncRemove: async () => ({ ok: false as const, kind: 'network' as const, status: null, detail: 'DELETE: no answer in 20 s' })
    } satisfies Pick<Bridge, 'syncList' | 'syncRead' | 'syncCreate' | 'syncRemove'>
    const transport = bridgeSyncTransport(bridge)
    expect(await transport.list('')).toEqual(['a.json'])
    const read = await transport.read('a.json').catch((error: unknown) => error)
    expect(read).toBeInstanceOf(SyncTransportError)
    expect(read).toMatchObject({ kind: 'auth', status: 401 })
    await expect(transport.create('a.json', 'x')).rejects.toMatchObject({ kind: 'exists' })
    await expect(transport.remove('a.json')).rejects.toMatchObject({ kind: 'network' })
  })
})

describe('the browser’s folder', () => {
  it('has no transport until set; then round-trips; the password stays out of storage and is asked again after a reload', async () => {
    const first = webSync()
    expect(first.transport()).toBeNull()
    expect(await first.settings.test()).toMatchObject({ ok: false, kind: 'unavailable' })
    expect(await first.settings.configure({ url: server.url, user: server.user, password: server.password })).toEqual({ saved: true, state: { configured: true, url: server.url, user: server.user } })
    expect(await first.settings.test()).toEqual({ ok: true, value: null })
    const transport = first.transport()
    await transport?.create('网页/一.json', '网页写的')
    expect(await transport?.read('网页/一.json')).toBe('网页写的')
    expect([...storage.map.values()].join()).not.toContain(server.password)

    const reloaded = webSync()
    expect(await reloaded.settings.state()).toEqual({ configured: false, url: server.url, user: server.user })
    expect(reloaded.transport()).toBeNull()
    expect(await reloaded.settings.configure({ url: server.url, user: server.user })).toEqual({ saved: false, field: 'password', problem: 'required' })
  })
})

describe('the presets', () => {
  it('each has its words in both languages, and a fixed address is one the client accepts', async () => {
    const { WEBDAV_PRESETS } = await import('../../electron/shared/sync')
    const { checkDavUrl } = await import('../../electron/shared/webdav-client')
    const { zhCN } = await import('@/i18n/zh-CN')
    const { en } = await import('@/i18n/en')
    for (const preset of WEBDAV_PRESETS) {
      for (const key of [preset.helpKey, `sync.preset.${preset.id}`]) {
        expect(Object.hasOwn(zhCN, key), key).toBe(true)
        expect(Object.hasOwn(en, key), key).toBe(true)
      }
      if (preset.fixed) expect(checkDavUrl(preset.urlPattern)).toEqual({ ok: true, url: preset.urlPattern })
    }
  })
})
