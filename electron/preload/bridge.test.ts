// Tests the bridge: exactly its named functions, each invoking its own channel, and the one event subscription.
import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_KEY, CHANNELS, EVENTS, type Bridge } from '../shared/ipc'
import { createBridge, exposeBridge } from './bridge'

// One function per channel of the contract, named as the channel's key, and the one event subscription.
const BRIDGE_FUNCTIONS = [...Object.keys(CHANNELS), 'onNotificationClick', 'onResume'].sort()

function fakeIpcRenderer() {
  const listeners = new Map<string, ((event: never, ...args: unknown[]) => void)[]>()
  const ipc = {
    listeners,
    invoke: vi.fn(async (channel: string, ..._args: unknown[]) => `reply from ${channel}`),
    on: vi.fn((channel: string, listener: (event: never, ...args: unknown[]) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      return ipc
    }),
    removeListener: vi.fn((channel: string, listener: (event: never, ...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener))
      return ipc
    }),
    /** Delivers an event as the main process's webContents.send would. */
    emit: (channel: string, ...args: unknown[]) => {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the IPC event' } as never, ...args)
    }
  }
  return ipc
}

describe('exposeBridge', () => {
  it('exposes one object under the bridge key with exactly the bridge functions', () => {
    const exposed: [string, unknown][] = []
    const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]) }
    const ipcRenderer = fakeIpcRenderer()
    exposeBridge(contextBridge, ipcRenderer)
    expect(exposed).toHaveLength(1)
    const [key, api] = exposed[0] ?? []
    expect(key).toBe(BRIDGE_KEY)
    expect(typeof api).toBe('object')
    expect(Object.keys(api ?? {}).sort()).toEqual(BRIDGE_FUNCTIONS)
    expect(Object.values(api ?? {}).every((value) => typeof value === 'function')).toBe(true)
    // ipcRenderer itself must never reach the page, not even as a property.
    expect(Object.values(api ?? {})).not.toContain(ipcRenderer)
    expect(Object.values(api ?? {})).not.toContain(ipcRenderer.invoke)
  })
})

describe('createBridge', () => {
  const cases: [keyof Bridge, (bridge: Bridge) => Promise<unknown>, string, unknown[]][] = [
    ['getAppInfo', (bridge) => bridge.getAppInfo(), CHANNELS.getAppInfo, []],
    ['openExternal', (bridge) => bridge.openExternal('https://github.com/'), CHANNELS.openExternal, ['https://github.com/']],
    [
      'saveFile',
      (bridge) => bridge.saveFile({ suggestedName: 'a.csv', data: 'x' }),
      CHANNELS.saveFile,
      [{ suggestedName: 'a.csv', data: 'x' }]
    ],
    ['notify', (bridge) => bridge.notify({ title: 't', body: 'b' }), CHANNELS.notify, [{ title: 't', body: 'b' }]],
    ['setBadgeCount', (bridge) => bridge.setBadgeCount(3), CHANNELS.setBadgeCount, [3]],
    [
      'setTrayMode',
      (bridge) => bridge.setTrayMode({ keep: true, labels: { tooltip: 't', open: 'o', quit: 'q' } }),
      CHANNELS.setTrayMode,
      [{ keep: true, labels: { tooltip: 't', open: 'o', quit: 'q' } }]
    ],
    ['printToPdf', (bridge) => bridge.printToPdf({ suggestedName: 'r.pdf' }), CHANNELS.printToPdf, [{ suggestedName: 'r.pdf' }]],
    ['listSnapshots', (bridge) => bridge.listSnapshots(), CHANNELS.listSnapshots, []],
    ['snapshotNeeded', (bridge) => bridge.snapshotNeeded('ab'), CHANNELS.snapshotNeeded, ['ab']],
    ['saveSnapshot', (bridge) => bridge.saveSnapshot({ text: '{}', kind: 'auto' }), CHANNELS.saveSnapshot, [{ text: '{}', kind: 'auto' }]],
    ['readSnapshot', (bridge) => bridge.readSnapshot('auto-2026-12-01-080000.json'), CHANNELS.readSnapshot, ['auto-2026-12-01-080000.json']],
    ['dataDiskSpace', (bridge) => bridge.dataDiskSpace(), CHANNELS.dataDiskSpace, []],
    ['pushState', (bridge) => bridge.pushState(), CHANNELS.pushState, []],
    ['pushConfigure', (bridge) => bridge.pushConfigure({ id: 'bark', enabled: true, fields: { key: 'k' } }), CHANNELS.pushConfigure, [{ id: 'bark', enabled: true, fields: { key: 'k' } }]],
    ['pushTest', (bridge) => bridge.pushTest('ntfy', { title: '测试', body: '' }), CHANNELS.pushTest, ['ntfy', { title: '测试', body: '' }]],
    ['pushSend', (bridge) => bridge.pushSend({ key: 'r', message: { title: 't', body: 'b' } }), CHANNELS.pushSend, [{ key: 'r', message: { title: 't', body: 'b' } }]],
    ['syncState', (bridge) => bridge.syncState(), CHANNELS.syncState, []],
    ['syncConfigure', (bridge) => bridge.syncConfigure({ url: 'https://dav.jianguoyun.com/dav/', user: 'a@b.c' }), CHANNELS.syncConfigure, [{ url: 'https://dav.jianguoyun.com/dav/', user: 'a@b.c' }]],
    ['syncTest', (bridge) => bridge.syncTest(), CHANNELS.syncTest, []],
    ['syncList', (bridge) => bridge.syncList('账本'), CHANNELS.syncList, ['账本']],
    ['syncRead', (bridge) => bridge.syncRead('账本/a.json'), CHANNELS.syncRead, ['账本/a.json']],
    ['syncCreate', (bridge) => bridge.syncCreate('账本/a.json', '{}'), CHANNELS.syncCreate, ['账本/a.json', '{}']],
    ['syncRemove', (bridge) => bridge.syncRemove('账本/a.json'), CHANNELS.syncRemove, ['账本/a.json']],
    ['getLoginItem', (bridge) => bridge.getLoginItem(), CHANNELS.getLoginItem, []],
    ['setLoginItem', (bridge) => bridge.setLoginItem(true), CHANNELS.setLoginItem, [true]]
  ]

  it.each(cases)('%s invokes its own channel with its arguments and returns the reply', async (_name, call, channel, args) => {
    const ipcRenderer = fakeIpcRenderer()
    await expect(call(createBridge(ipcRenderer))).resolves.toBe(`reply from ${channel}`)
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, ...args)
  })

  it('passes a rejection from the main process on to the page', async () => {
    const ipcRenderer = { ...fakeIpcRenderer(), invoke: vi.fn(async () => Promise.reject(new Error('file:save: data must be a string'))) }
    await expect(createBridge(ipcRenderer).saveFile({ suggestedName: 'a', data: 'x' })).rejects.toThrow(
      'data must be a string'
    )
  })
})

describe('onNotificationClick', () => {
  it('hands the page only the item key of a clicked notification, until unsubscribed', () => {
    const ipcRenderer = fakeIpcRenderer()
    const bridge = createBridge(ipcRenderer)
    const seen: (string | null)[] = []
    const unsubscribe = bridge.onNotificationClick((key) => void seen.push(key))
    ipcRenderer.emit(EVENTS.notificationClicked, 'order:od-1')
    ipcRenderer.emit(EVENTS.notificationClicked, null)
    ipcRenderer.emit(EVENTS.notificationClicked, { not: 'a key' })
    // Another channel never reaches the listener.
    ipcRenderer.emit('some:other', 'x')
    expect(seen).toEqual(['order:od-1', null, null])
    unsubscribe()
    ipcRenderer.emit(EVENTS.notificationClicked, 'order:od-2')
    expect(seen).toHaveLength(3)
    expect(ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(EVENTS.notificationClicked, expect.any(Function))
  })
})

describe('onResume', () => {
  it('tells the page the computer woke up, with no payload, until unsubscribed', () => {
    const ipcRenderer = fakeIpcRenderer()
    const bridge = createBridge(ipcRenderer)
    let woke = 0
    const unsubscribe = bridge.onResume(() => void woke++)
    ipcRenderer.emit(EVENTS.resumed)
    expect(woke).toBe(1)
    unsubscribe()
    ipcRenderer.emit(EVENTS.resumed)
    expect(woke).toBe(1)
  })
})
