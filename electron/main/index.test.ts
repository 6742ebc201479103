// Tests the real main entry wired to a stand-in electron module.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../shared/ipc'
import { DATA_DIR_ENV } from './data-dir'

// The real entry, run against a stand-in for the 'electron' module (the package itself only works
// inside Electron). It checks the wiring the unit tests of each module cannot see.
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const log: string[] = []
  const appEvents = new EventEmitter()
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  const paths = new Map([['userData', '/default/user-data']])
  const windows: { options: BrowserWindowConstructorOptions; loaded: string[]; contents: InstanceType<typeof EventEmitter> & { sent: string[] } }[] = []
  const handlers = new Map<string, unknown>()
  const schemes: { privileged: unknown[]; handled: Map<string, (request: Request) => Promise<Response>> } = { privileged: [], handled: new Map() }
  const boxes: unknown[] = []
  const session = { headers: 0, permissionRequest: 0, permissionCheck: 0 }

  class BrowserWindow {
    readonly record: { options: BrowserWindowConstructorOptions; loaded: string[]; contents: InstanceType<typeof EventEmitter> & { sent: string[] } }
    readonly webContents = Object.assign(new EventEmitter(), { sent: [] as string[], send: (channel: string) => void this.webContents.sent.push(channel) })
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], contents: this.webContents }
      windows.push(this.record)
      log.push('new BrowserWindow')
    }
    static getAllWindows = (): unknown[] => windows
    on(): this {
      return this
    }
    once(): this {
      return this
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 }
    }
    isMaximized = (): boolean => false
    isDestroyed = (): boolean => false
    loadURL = async (url: string): Promise<void> => void this.record.loaded.push(url)
  }

  const module = {
    app: {
      isPackaged: false,
      setPath: (name: string, path: string) => {
        log.push(`setPath ${name}`)
        paths.set(name, path)
      },
      getPath: (name: string) => paths.get(name) ?? '',
      getVersion: () => '0.1.0',
      enableSandbox: () => void log.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      quit: () => void log.push('quit'),
      setBadgeCount: () => true,
      getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
      setLoginItemSettings: () => undefined,
      whenReady: () => ready,
      on: (event: string, listener: (...args: unknown[]) => void) => void appEvents.on(event, listener)
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: () => void log.push('setApplicationMenu')
    },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    Tray: class {},
    nativeImage: { createFromBitmap: () => ({}) },
    dialog: {
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showMessageBox: async (_window: unknown, options: unknown) => {
        boxes.push(options)
        return { response: 0 }
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => {
        log.push('registerSchemesAsPrivileged')
        schemes.privileged.push(...list)
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void schemes.handled.set(scheme, handler)
    },
    ipcMain: {
      handle: (channel: string, listener: unknown) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel)
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => void session.headers++ },
        setPermissionRequestHandler: () => void session.permissionRequest++,
        setPermissionCheckHandler: () => void session.permissionCheck++
      }
    },
    shell: { openExternal: async () => undefined },
    powerMonitor: new EventEmitter()
  }
  return { module, log, appEvents, markReady, windows, handlers, session, schemes, boxes }
})
vi.mock('electron', () => fake.module)

const dataDir = join(mkdtempSync(join(tmpdir(), 'credit-ledger-index-')), 'data')
afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }))

describe('main entry', () => {
  it('sets the data folder before ready, then guards the session, registers IPC and opens the window', async () => {
    vi.stubEnv(DATA_DIR_ENV, dataDir)
    vi.stubEnv('ELECTRON_RENDERER_URL', '')
    await import('./index')
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'setPath userData', 'enableSandbox'])
    expect(fake.schemes.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(existsSync(dataDir)).toBe(true)
    expect(fake.module.app.getPath('userData')).toBe(dataDir)

    fake.markReady()
    await new Promise((resolve) => setImmediate(resolve))
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'setPath userData', 'enableSandbox', 'setApplicationMenu', 'new BrowserWindow'])
    expect(fake.session).toEqual({ headers: 1, permissionRequest: 1, permissionCheck: 1 })
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
    // Waking from sleep reaches the page (the reminders' catch-up) and the push queue.
    expect(fake.module.powerMonitor.listenerCount('resume')).toBe(1)

    const [window] = fake.windows
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
    expect(window?.options.webPreferences?.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/)
    expect(window?.loaded).toEqual(['app://ledger/index.html'])

    // The page is served by the app:// handler, never from outside the renderer folder.
    const serve = fake.schemes.handled.get('app')
    expect(serve).toBeDefined()
    expect((await serve!(new Request('app://ledger/..%2f..%2fpackage.json'))).status).toBe(404)

    // Waking from sleep: the page is told, once.
    fake.module.powerMonitor.emit('resume')
    expect(window?.contents.sent).toEqual(['power:resumed'])

    // A crashed page: the user is told, and the page loads again.
    window!.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    await new Promise((resolve) => setImmediate(resolve))
    expect(fake.boxes).toHaveLength(1)
    expect(window?.loaded).toEqual(['app://ledger/index.html', 'app://ledger/index.html'])
    vi.unstubAllEnvs()
  })
})
