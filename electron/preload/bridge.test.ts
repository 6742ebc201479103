// Tests the bridge: exactly the contract's functions, each invoking its own channel.
import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_KEY, CHANNELS, type Bridge } from '../shared/ipc'
import { createBridge, exposeBridge } from './bridge'

// One function per channel of the contract, named as the channel's key.
const BRIDGE_FUNCTIONS = Object.keys(CHANNELS).sort()

function fakeIpcRenderer() {
  return { invoke: vi.fn(async (channel: string, ..._args: unknown[]) => `reply from ${channel}`) }
}

describe('exposeBridge', () => {
  it('exposes one object under the bridge key with exactly the contract\'s functions', () => {
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
    ['printToPdf', (bridge) => bridge.printToPdf({ suggestedName: 'r.pdf' }), CHANNELS.printToPdf, [{ suggestedName: 'r.pdf' }]],
    ['listSnapshots', (bridge) => bridge.listSnapshots(), CHANNELS.listSnapshots, []],
    ['snapshotNeeded', (bridge) => bridge.snapshotNeeded('ab'), CHANNELS.snapshotNeeded, ['ab']],
    ['saveSnapshot', (bridge) => bridge.saveSnapshot({ text: '{}', kind: 'auto' }), CHANNELS.saveSnapshot, [{ text: '{}', kind: 'auto' }]],
    ['readSnapshot', (bridge) => bridge.readSnapshot('auto-2026-12-01-080000.json'), CHANNELS.readSnapshot, ['auto-2026-12-01-080000.json']]
  ]

  it.each(cases)('%s invokes its own channel with its arguments and returns the reply', async (_name, call, channel, args) => {
    const ipcRenderer = fakeIpcRenderer()
    await expect(call(createBridge(ipcRenderer))).resolves.toBe(`reply from ${channel}`)
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, ...args)
  })

  it('passes a rejection from the main process on to the page', async () => {
    const ipcRenderer = { invoke: vi.fn(async () => Promise.reject(new Error('file:save: data must be a string'))) }
    await expect(createBridge(ipcRenderer).saveFile({ suggestedName: 'a', data: 'x' })).rejects.toThrow(
      'data must be a string'
    )
  })
})
