// Tests the IPC handlers against fakes: sender checks, payload validation, dialog, file writes, notifications, PDF export and snapshots.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { SaveDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type TrayModeRequest } from '../shared/ipc'
import { PDF_OPTIONS, registerIpcHandlers, writeFileToDisk, type IpcDeps, type IpcInvokeEvent, type PdfPrinter } from './ipc'
import { createAppUrlCheck } from './security'
import { startDavTestServer } from './dav-test-server'
import { SYNC_SETTINGS_FILE, createSyncService } from './sync-service'

const rendererDir = join('/opt', 'credit-ledger', 'out', 'renderer')
const APP_PAGE = 'app://ledger/index.html#/'
const FOREIGN_PAGE = 'https://evil.example/'

type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  return {
    handlers,
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    /** Calls a channel the way a frame at `senderUrl` would (null: the frame is gone). */
    async invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
      const listener = handlers.get(channel)
      if (listener === undefined) throw new Error(`no handler for ${channel}`)
      return listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args)
    },
    /** Calls a channel from the app page with its WebContents as the sender. */
    async invokeFrom(channel: string, sender: PdfPrinter, ...args: unknown[]): Promise<unknown> {
      const listener = handlers.get(channel)
      if (listener === undefined) throw new Error(`no handler for ${channel}`)
      return listener({ senderFrame: { url: APP_PAGE }, sender }, ...args)
    }
  }
}

function setup(overrides: Partial<IpcDeps> = {}) {
  const syncFiles = new Map<string, string>()
  const ipcMain = fakeIpcMain()
  const shown: { title: string; body: string }[] = []
  const notificationSupport = { supported: true }
  const notifications: { click(): void }[] = []
  const FakeNotification = class {
    static isSupported = (): boolean => notificationSupport.supported
    readonly options: { title: string; body: string }
    private readonly listeners = new Map<string, () => void>()
    constructor(options: { title: string; body: string }) {
      this.options = options
    }
    show(): void {
      shown.push(this.options)
      notifications.push({ click: () => this.listeners.get('click')?.() })
    }
    on(event: 'click' | 'close', listener: () => void): this {
      this.listeners.set(event, listener)
      return this
    }
  } satisfies IpcDeps['Notification']
  const deps = {
    ipcMain,
    app: { getVersion: () => '0.1.0', getPath: (_name: 'userData') => '/data/credit-ledger' },
    platform: 'linux',
    isAppUrl: createAppUrlCheck({}),
    openExternal: vi.fn(async (_url: string) => undefined),
    showSaveDialog: vi.fn(async (_options: SaveDialogOptions) => ({ canceled: true, filePath: '' })),
    writeFile: vi.fn(async (_path: string, _data: string | Uint8Array) => undefined),
    Notification: FakeNotification,
    onNotificationClick: vi.fn((_itemKey: string | null) => undefined),
    setBadgeCount: vi.fn((_count: number) => undefined),
    setTrayMode: vi.fn((_request: TrayModeRequest) => undefined),
    snapshots: {
      dir: '/data/credit-ledger/backups',
      list: vi.fn(async () => []),
      needed: vi.fn(async (_checksum: string) => true),
      save: vi.fn(async () => ({ written: true as const, name: 'auto-2026-12-01-080000.json' })),
      read: vi.fn(async (name: string) => `text of ${name}`)
    },
    diskSpace: vi.fn(async () => ({ free: 5_000_000, total: 9_000_000 })),
    push: {
      state: vi.fn(async () => ({ channels: [] })),
      configure: vi.fn(async () => ({ saved: true as const, state: { channels: [] } })),
      test: vi.fn(async () => ({ ok: true as const })),
      send: vi.fn(async () => undefined)
    },
    // The real service over an in-memory data folder: the sync tests below reach a real WebDAV server through it.
    sync: createSyncService({
      dir: '/data/credit-ledger',
      readText: async (path) => syncFiles.get(path) ?? null,
      writeText: async (path, text) => void syncFiles.set(path, text),
      fetch: (input, init) => fetch(input, init)
    }),
    loginItem: {
      get: vi.fn(async () => ({ supported: true, openAtLogin: false, asked: false })),
      set: vi.fn(async (open: boolean) => ({ supported: true, openAtLogin: open, asked: true }))
    },
    ...overrides
  }
  const dispose = registerIpcHandlers(deps)
  return { ...deps, syncFiles, ipcMain, shown, notifications, notificationSupport, dispose }
}

describe('registerIpcHandlers', () => {
  it('handles exactly the contract channels, once each, and can remove them', () => {
    const { ipcMain, dispose } = setup()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
    expect(ipcMain.handle).toHaveBeenCalledTimes(Object.keys(CHANNELS).length)
    dispose()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it.each(Object.values(CHANNELS))('refuses %s from a foreign or vanished frame', async (channel) => {
    const { ipcMain, openExternal, showSaveDialog, shown } = setup()
    await expect(ipcMain.invoke(channel, FOREIGN_PAGE)).rejects.toThrow(/refused a call from outside the app/)
    await expect(ipcMain.invoke(channel, pathToFileURL('/tmp/evil.html').href)).rejects.toThrow(/outside the app/)
    // Even the built renderer's own file: the app is served from app://ledger only.
    await expect(ipcMain.invoke(channel, pathToFileURL(join(rendererDir, 'index.html')).href)).rejects.toThrow(/outside the app/)
    await expect(ipcMain.invoke(channel, null)).rejects.toThrow(/outside the app/)
    expect(openExternal).not.toHaveBeenCalled()
    expect(showSaveDialog).not.toHaveBeenCalled()
    expect(shown).toEqual([])
  })
})

describe(CHANNELS.printToPdf, () => {
  const printer = () => ({ printToPDF: vi.fn(async () => new Uint8Array([0x25, 0x50, 0x44, 0x46])) })

  it('asks where to save, prints the calling page on A4 and writes the PDF there', async () => {
    const { ipcMain, showSaveDialog, writeFile } = setup({ showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/me/月报.pdf' })) })
    const page = printer()
    await expect(ipcMain.invokeFrom(CHANNELS.printToPdf, page, { suggestedName: '信用账本-月度报表-2026-10.pdf' })).resolves.toEqual({ saved: true, path: '/home/me/月报.pdf' })
    expect(showSaveDialog).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ defaultPath: '信用账本-月度报表-2026-10.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }))
    expect(page.printToPDF).toHaveBeenCalledExactlyOnceWith(PDF_OPTIONS)
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true })
    expect(writeFile).toHaveBeenCalledExactlyOnceWith('/home/me/月报.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))
  })

  it('prints nothing when the dialog is cancelled', async () => {
    const { ipcMain, writeFile } = setup()
    const page = printer()
    await expect(ipcMain.invokeFrom(CHANNELS.printToPdf, page, { suggestedName: 'r.pdf' })).resolves.toEqual({ saved: false })
    expect(page.printToPDF).not.toHaveBeenCalled()
    expect(writeFile).not.toHaveBeenCalled()
  })

  it.each([
    ['no argument', []],
    ['a name with a folder', [{ suggestedName: '../r.pdf' }]],
    ['an unknown field', [{ suggestedName: 'r.pdf', landscape: true }]]
  ])('rejects %s', async (_label, args) => {
    const { ipcMain, showSaveDialog } = setup()
    await expect(ipcMain.invokeFrom(CHANNELS.printToPdf, printer(), ...args)).rejects.toThrow(/^pdf:print: /)
    expect(showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('snapshot channels', () => {
  const checksum = 'a'.repeat(64)

  it('list the folder, ask whether one is due, save one and read one back through the store', async () => {
    const { ipcMain, snapshots } = setup()
    await expect(ipcMain.invoke(CHANNELS.listSnapshots, APP_PAGE)).resolves.toEqual({ dir: '/data/credit-ledger/backups', snapshots: [] })
    await expect(ipcMain.invoke(CHANNELS.snapshotNeeded, APP_PAGE, checksum)).resolves.toBe(true)
    expect(snapshots.needed).toHaveBeenCalledExactlyOnceWith(checksum)
    await expect(ipcMain.invoke(CHANNELS.saveSnapshot, APP_PAGE, { text: '{"format":…}', kind: 'preRestore' })).resolves.toEqual({ written: true, name: 'auto-2026-12-01-080000.json' })
    expect(snapshots.save).toHaveBeenCalledExactlyOnceWith({ text: '{"format":…}', kind: 'preRestore' })
    await expect(ipcMain.invoke(CHANNELS.readSnapshot, APP_PAGE, 'auto-2026-12-01-080000.json')).resolves.toBe('text of auto-2026-12-01-080000.json')
  })

  it('tells the data disk\'s room, taking no arguments', async () => {
    const { ipcMain, diskSpace } = setup()
    await expect(ipcMain.invoke(CHANNELS.dataDiskSpace, APP_PAGE)).resolves.toEqual({ free: 5_000_000, total: 9_000_000 })
    await expect(ipcMain.invoke(CHANNELS.dataDiskSpace, APP_PAGE, '/etc')).rejects.toThrow(/expected 0 argument/)
    expect(diskSpace).toHaveBeenCalledTimes(1)
  })

  it.each([
    [CHANNELS.snapshotNeeded, ['ABC']],
    [CHANNELS.snapshotNeeded, [42]],
    [CHANNELS.saveSnapshot, [{ text: '{}', kind: 'daily' }]],
    [CHANNELS.saveSnapshot, [{ text: '{}', kind: 'auto', path: '/etc' }]],
    [CHANNELS.saveSnapshot, ['{}']],
    [CHANNELS.readSnapshot, [7]],
    [CHANNELS.listSnapshots, ['extra']]
  ])('%s rejects the payload %j', async (channel, args) => {
    const { ipcMain, snapshots } = setup()
    await expect(ipcMain.invoke(channel, APP_PAGE, ...args)).rejects.toThrow(new RegExp(`^${channel}: `))
    expect(snapshots.save).not.toHaveBeenCalled()
    expect(snapshots.needed).not.toHaveBeenCalled()
    expect(snapshots.read).not.toHaveBeenCalled()
  })
})

describe(CHANNELS.getAppInfo, () => {
  it('returns version, data folder and platform', async () => {
    const { ipcMain } = setup()
    await expect(ipcMain.invoke(CHANNELS.getAppInfo, APP_PAGE)).resolves.toEqual({
      version: '0.1.0',
      dataDir: '/data/credit-ledger',
      platform: 'linux'
    })
  })

  it('rejects arguments it does not take', async () => {
    const { ipcMain } = setup()
    await expect(ipcMain.invoke(CHANNELS.getAppInfo, APP_PAGE, 'extra')).rejects.toThrow(
      'app:get-info: expected 0 argument(s), got 1'
    )
  })
})

describe(CHANNELS.openExternal, () => {
  it('opens an allow-listed link and says so', async () => {
    const { ipcMain, openExternal } = setup()
    await expect(ipcMain.invoke(CHANNELS.openExternal, APP_PAGE, 'https://github.com/')).resolves.toBe(true)
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://github.com/')
  })

  it('refuses a link off the allow-list without opening it', async () => {
    const { ipcMain, openExternal } = setup()
    await expect(ipcMain.invoke(CHANNELS.openExternal, APP_PAGE, 'https://evil.example/')).resolves.toBe(false)
    await expect(ipcMain.invoke(CHANNELS.openExternal, APP_PAGE, 'http://github.com/')).resolves.toBe(false)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('reports false when the system cannot open the link', async () => {
    const { ipcMain } = setup({ openExternal: vi.fn(async () => Promise.reject(new Error('no browser'))) })
    await expect(ipcMain.invoke(CHANNELS.openExternal, APP_PAGE, 'https://github.com/')).resolves.toBe(false)
  })

  it.each([[[]], [[42]], [[{ url: 'https://github.com/' }]], [['https://github.com/', 'extra']]])(
    'rejects the payload %j',
    async (args) => {
      const { ipcMain, openExternal } = setup()
      await expect(ipcMain.invoke(CHANNELS.openExternal, APP_PAGE, ...args)).rejects.toThrow(/^shell:open-external: /)
      expect(openExternal).not.toHaveBeenCalled()
    }
  )
})

describe(CHANNELS.saveFile, () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-save-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('returns saved:false and writes nothing when the dialog is cancelled', async () => {
    const { ipcMain, writeFile, showSaveDialog } = setup()
    await expect(
      ipcMain.invoke(CHANNELS.saveFile, APP_PAGE, { suggestedName: 'ledger.csv', data: 'a,b\n' })
    ).resolves.toEqual({ saved: false })
    expect(showSaveDialog).toHaveBeenCalledOnce()
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('treats a cancelled dialog as cancelled even when it reports a path', async () => {
    const { ipcMain, writeFile } = setup({
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: join(dir, 'ledger.csv') }))
    })
    await expect(
      ipcMain.invoke(CHANNELS.saveFile, APP_PAGE, { suggestedName: 'ledger.csv', data: 'a,b\n' })
    ).resolves.toEqual({ saved: false })
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('offers the suggested name and filters in the dialog', async () => {
    const { ipcMain, showSaveDialog } = setup()
    const filters = [{ name: 'CSV', extensions: ['csv'] }]
    await ipcMain.invoke(CHANNELS.saveFile, APP_PAGE, { suggestedName: '账本-2026-01.csv', data: '', filters })
    expect(showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ defaultPath: '账本-2026-01.csv', filters })
    )
  })

  it('writes text as UTF-8 to the chosen file', async () => {
    const target = join(dir, 'ledger.csv')
    const { ipcMain } = setup({
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })),
      writeFile: writeFileToDisk
    })
    const text = '日期,金额\n2026-01-15,¥1,234.56\n'
    await expect(
      ipcMain.invoke(CHANNELS.saveFile, APP_PAGE, { suggestedName: 'ledger.csv', data: text })
    ).resolves.toEqual({ saved: true, path: target })
    expect(readFileSync(target, 'utf8')).toBe(text)
    expect(readFileSync(target)).toEqual(Buffer.from(text, 'utf8'))
  })

  it('writes bytes unchanged to the chosen file', async () => {
    const target = join(dir, 'backup.bin')
    const { ipcMain } = setup({
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })),
      writeFile: writeFileToDisk
    })
    const bytes = new Uint8Array([0, 255, 1, 128, 0xe4, 0xbf, 0xa1])
    await expect(
      ipcMain.invoke(CHANNELS.saveFile, APP_PAGE, { suggestedName: 'backup.bin', data: bytes })
    ).resolves.toEqual({ saved: true, path: target })
    expect([...readFileSync(target)]).toEqual([...bytes])
  })

  it.each([
    ['no argument', []],
    ['a string', ['ledger.csv']],
    ['an array', [['ledger.csv', 'data']]],
    ['a missing name', [{ data: 'x' }]],
    ['an empty name', [{ suggestedName: '  ', data: 'x' }]],
    ['a name with a folder', [{ suggestedName: '../../.bashrc', data: 'x' }]],
    ['a Windows path', [{ suggestedName: 'C:\\Windows\\evil.dll', data: 'x' }]],
    ['a control character', [{ suggestedName: 'led\u0000ger.csv', data: 'x' }]],
    ['numeric data', [{ suggestedName: 'a.csv', data: 42 }]],
    ['an array of bytes', [{ suggestedName: 'a.bin', data: [1, 2, 3] }]],
    ['an unknown field', [{ suggestedName: 'a.csv', data: 'x', path: '/etc/passwd' }]],
    ['filters that are not an array', [{ suggestedName: 'a.csv', data: 'x', filters: 'csv' }]],
    ['an extension with a dot', [{ suggestedName: 'a.csv', data: 'x', filters: [{ name: 'CSV', extensions: ['.csv'] }] }]],
    ['no extensions', [{ suggestedName: 'a.csv', data: 'x', filters: [{ name: 'CSV', extensions: [] }] }]],
    ['two arguments', [{ suggestedName: 'a.csv', data: 'x' }, 'extra']]
  ])('rejects %s before showing a dialog', async (_label, args) => {
    const { ipcMain, showSaveDialog, writeFile } = setup()
    await expect(ipcMain.invoke(CHANNELS.saveFile, APP_PAGE, ...args)).rejects.toThrow(/^file:save: /)
    expect(showSaveDialog).not.toHaveBeenCalled()
    expect(writeFile).not.toHaveBeenCalled()
  })
})

describe(CHANNELS.notify, () => {
  it('shows a notification', async () => {
    const { ipcMain, shown } = setup()
    await expect(
      ipcMain.invoke(CHANNELS.notify, APP_PAGE, { title: '还款提醒', body: '招商银行信用卡 3 天后到期' })
    ).resolves.toBe(true)
    expect(shown).toEqual([{ title: '还款提醒', body: '招商银行信用卡 3 天后到期' }])
  })

  it('does nothing where notifications are not supported', async () => {
    const { ipcMain, shown, notificationSupport } = setup()
    notificationSupport.supported = false
    await expect(ipcMain.invoke(CHANNELS.notify, APP_PAGE, { title: 't', body: 'b' })).resolves.toBe(false)
    expect(shown).toEqual([])
  })

  it.each([
    ['no argument', []],
    ['a string', ['hello']],
    ['a missing body', [{ title: 't' }]],
    ['an empty title', [{ title: '', body: 'b' }]],
    ['a numeric title', [{ title: 1, body: 'b' }]],
    ['an unknown field', [{ title: 't', body: 'b', icon: '/etc/passwd' }]],
    ['an enormous body', [{ title: 't', body: 'x'.repeat(10_000) }]],
    ['a numeric item key', [{ title: 't', body: 'b', itemKey: 5 }]],
    ['an enormous item key', [{ title: 't', body: 'b', itemKey: 'k'.repeat(500) }]]
  ])('rejects %s', async (_label, args) => {
    const { ipcMain, shown } = setup()
    await expect(ipcMain.invoke(CHANNELS.notify, APP_PAGE, ...args)).rejects.toThrow(/^notify:show: /)
    expect(shown).toEqual([])
  })

  it('hands the item key back when the notification is clicked, and null for one without', async () => {
    const { ipcMain, notifications, onNotificationClick } = setup()
    await ipcMain.invoke(CHANNELS.notify, APP_PAGE, { title: '还款提醒', body: '明天到期', itemKey: 'order:od-1' })
    await ipcMain.invoke(CHANNELS.notify, APP_PAGE, { title: '还款提醒', body: '3 笔待还' })
    expect(onNotificationClick).not.toHaveBeenCalled()
    notifications[0]?.click()
    notifications[1]?.click()
    expect(vi.mocked(onNotificationClick).mock.calls).toEqual([['order:od-1'], [null]])
  })
})

describe(CHANNELS.setBadgeCount, () => {
  it('passes a whole count on', async () => {
    const { ipcMain, setBadgeCount } = setup()
    await ipcMain.invoke(CHANNELS.setBadgeCount, APP_PAGE, 3)
    await ipcMain.invoke(CHANNELS.setBadgeCount, APP_PAGE, 0)
    expect(vi.mocked(setBadgeCount).mock.calls).toEqual([[3], [0]])
  })

  it.each([[[-1]], [[1.5]], [['3']], [[100_000]], [[]], [[1, 2]]])('rejects %j', async (args) => {
    const { ipcMain, setBadgeCount } = setup()
    await expect(ipcMain.invoke(CHANNELS.setBadgeCount, APP_PAGE, ...args)).rejects.toThrow(/^app:set-badge-count: /)
    expect(setBadgeCount).not.toHaveBeenCalled()
  })
})

describe(CHANNELS.setTrayMode, () => {
  const labels = { tooltip: '信用账本', open: '打开信用账本', quit: '退出' }

  it('passes the mode and its labels on', async () => {
    const { ipcMain, setTrayMode } = setup()
    await ipcMain.invoke(CHANNELS.setTrayMode, APP_PAGE, { keep: true, labels })
    expect(setTrayMode).toHaveBeenCalledExactlyOnceWith({ keep: true, labels })
  })

  it.each([
    ['a string keep', [{ keep: 'yes', labels }]],
    ['no labels', [{ keep: true }]],
    ['an empty label', [{ keep: true, labels: { ...labels, quit: '' } }]],
    ['an extra label', [{ keep: true, labels: { ...labels, icon: '/x.png' } }]],
    ['an extra field', [{ keep: true, labels, path: '/x' }]]
  ])('rejects %s', async (_label, args) => {
    const { ipcMain, setTrayMode } = setup()
    await expect(ipcMain.invoke(CHANNELS.setTrayMode, APP_PAGE, ...args)).rejects.toThrow(/^tray:set-mode: /)
    expect(setTrayMode).not.toHaveBeenCalled()
  })
})

describe('push and login-item channels', () => {
  it('pass checked payloads to the sender and the login item', async () => {
    const { ipcMain, push, loginItem } = setup()
    await expect(ipcMain.invoke(CHANNELS.pushState, APP_PAGE)).resolves.toEqual({ channels: [] })
    await ipcMain.invoke(CHANNELS.pushConfigure, APP_PAGE, { id: 'dingtalk', enabled: true, fields: { accessToken: 'abc123', secret: '' } })
    expect(push.configure).toHaveBeenCalledExactlyOnceWith({ id: 'dingtalk', enabled: true, fields: { accessToken: 'abc123', secret: '' } })
    await expect(ipcMain.invoke(CHANNELS.pushTest, APP_PAGE, 'bark', { title: '测试', body: '' })).resolves.toEqual({ ok: true })
    expect(push.test).toHaveBeenCalledExactlyOnceWith('bark', { title: '测试', body: '' })
    await ipcMain.invoke(CHANNELS.pushSend, APP_PAGE, { key: '2026-04-10|bill:x|1', message: { title: 't', body: 'b' } })
    expect(push.send).toHaveBeenCalledExactlyOnceWith({ key: '2026-04-10|bill:x|1', message: { title: 't', body: 'b' } })
    await expect(ipcMain.invoke(CHANNELS.setLoginItem, APP_PAGE, true)).resolves.toEqual({ supported: true, openAtLogin: true, asked: true })
    expect(loginItem.set).toHaveBeenCalledExactlyOnceWith(true)
  })

  it.each([
    [CHANNELS.pushConfigure, [{ id: 'smtp', enabled: true, fields: {} }]],
    [CHANNELS.pushConfigure, [{ id: 'wecom', enabled: true, fields: { url: 'https://evil.example/' } }]],
    [CHANNELS.pushConfigure, [{ id: 'wecom', enabled: 'yes', fields: {} }]],
    [CHANNELS.pushTest, ['wecom']],
    [CHANNELS.pushTest, ['wecom', { title: 't', body: 'b', url: 'https://evil.example/' }]],
    [CHANNELS.pushSend, [{ key: 'r', message: { title: 't', body: 'b' }, url: 'https://evil.example/' }]],
    [CHANNELS.pushSend, [{ key: '', message: { title: 't', body: 'b' } }]],
    [CHANNELS.setLoginItem, ['on']]
  ])('%s rejects the payload %j (the page can never name a URL to fetch)', async (channel, args) => {
    const { ipcMain, push, loginItem } = setup()
    await expect(ipcMain.invoke(channel, APP_PAGE, ...args)).rejects.toThrow(new RegExp(`^${channel}: `))
    expect(push.configure).not.toHaveBeenCalled()
    expect(push.test).not.toHaveBeenCalled()
    expect(push.send).not.toHaveBeenCalled()
    expect(loginItem.set).not.toHaveBeenCalled()
  })
})

describe('sync channels', () => {
  it('configures, tests, creates, lists and reads through a real WebDAV server; the password never comes back', async () => {
    const dav = await startDavTestServer('张三@example.com', 'secret-app-pw-42')
    try {
      const { ipcMain, syncFiles } = setup()
      const replies: unknown[] = []
      const invoke = async (channel: string, ...args: unknown[]) => {
        const reply = await ipcMain.invoke(channel, APP_PAGE, ...args)
        replies.push(reply)
        return reply
      }
      expect(await invoke(CHANNELS.syncState)).toEqual({ configured: false, url: null, user: null })
      expect(await invoke(CHANNELS.syncList, '')).toMatchObject({ ok: false, kind: 'unavailable' })
      expect(await invoke(CHANNELS.syncConfigure, { url: dav.url, user: dav.user, password: dav.password })).toEqual({ saved: true, state: { configured: true, url: dav.url, user: dav.user } })
      expect(await invoke(CHANNELS.syncTest)).toEqual({ ok: true, value: null })
      expect(await invoke(CHANNELS.syncCreate, '账本/a.json', '{"金额":1}')).toEqual({ ok: true, value: null })
      expect(await invoke(CHANNELS.syncCreate, '账本/a.json', 'again')).toMatchObject({ ok: false, kind: 'exists' })
      expect(await invoke(CHANNELS.syncList, '账本')).toEqual({ ok: true, value: ['a.json'] })
      expect(await invoke(CHANNELS.syncRead, '账本/a.json')).toEqual({ ok: true, value: '{"金额":1}' })
      // A file removed is gone; removing it again is not an error.
      const own = 'credit-ledger-sync/0123456789abcdef/00000001.msg'
      expect(await invoke(CHANNELS.syncCreate, own, '{}')).toEqual({ ok: true, value: null })
      expect(await invoke(CHANNELS.syncRemove, own)).toEqual({ ok: true, value: null })
      expect(await invoke(CHANNELS.syncRemove, own)).toEqual({ ok: true, value: null })
      expect(await invoke(CHANNELS.syncRead, own)).toEqual({ ok: true, value: null })
      // Only a device's message or snapshot file: never a folder, the key file or anything else.
      for (const path of ['credit-ledger-sync', 'credit-ledger-sync/key.json', '账本/a.json', 'credit-ledger-sync/0123456789abcdef/'])
        await expect(ipcMain.invoke(CHANNELS.syncRemove, APP_PAGE, path)).rejects.toThrow(CHANNELS.syncRemove)
      expect(await invoke(CHANNELS.syncRead, '账本/a.json')).toEqual({ ok: true, value: '{"金额":1}' })
      expect(await invoke(CHANNELS.syncRead, '../etc/passwd')).toMatchObject({ ok: false, kind: 'unavailable' })
      // Same host, no password sent: the saved one is kept.
      expect(await invoke(CHANNELS.syncConfigure, { url: dav.url, user: dav.user })).toMatchObject({ saved: true })
      expect(await invoke(CHANNELS.syncTest)).toEqual({ ok: true, value: null })
      // Another host without a password: refused, so the old password is never sent there.
      expect(await invoke(CHANNELS.syncConfigure, { url: 'https://dav.jianguoyun.com/dav/', user: dav.user })).toEqual({ saved: false, field: 'password', problem: 'required' })
      expect(await invoke(CHANNELS.syncConfigure, { url: 'http://192.168.1.9/dav/', user: 'u', password: 'p' })).toEqual({ saved: false, field: 'url', problem: 'https' })
      expect(await invoke(CHANNELS.syncConfigure, { url: dav.url, user: dav.user, password: 'wrong' })).toMatchObject({ saved: true })
      expect(await invoke(CHANNELS.syncTest)).toMatchObject({ ok: false, kind: 'auth', status: 401 })

      expect(JSON.stringify(replies)).not.toContain('secret-app-pw-42')
      expect(JSON.stringify(replies)).not.toContain('wrong')
      // It lives in the data folder, outside the database and so outside every backup and export.
      expect(JSON.parse(syncFiles.get(join('/data/credit-ledger', SYNC_SETTINGS_FILE)) ?? '')).toEqual({ version: 1, url: dav.url, user: dav.user, password: 'wrong' })

      expect(await invoke(CHANNELS.syncConfigure, { url: '', user: '' })).toEqual({ saved: true, state: { configured: false, url: null, user: null } })
      expect(await invoke(CHANNELS.syncTest)).toMatchObject({ ok: false, kind: 'unavailable' })
    } finally {
      await dav.stop()
    }
  })

  it.each([
    [CHANNELS.syncConfigure, [{ url: 'https://dav.example.org/', user: 'u', password: 'p', extra: 1 }]],
    [CHANNELS.syncConfigure, [{ url: 'https://dav.example.org/', user: 7 }]],
    [CHANNELS.syncList, []],
    [CHANNELS.syncRead, [42]],
    [CHANNELS.syncCreate, ['a.json']],
    [CHANNELS.syncCreate, ['a.json', 'x', 'y']],
    [CHANNELS.syncRemove, []],
    [CHANNELS.syncRemove, [7]],
    [CHANNELS.syncTest, ['now']]
  ])('%s refuses a malformed payload %j', async (channel, args) => {
    const { ipcMain, syncFiles } = setup()
    await expect(ipcMain.invoke(channel, APP_PAGE, ...args)).rejects.toThrow(channel)
    expect(syncFiles.size).toBe(0)
  })
})
