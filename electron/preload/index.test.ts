// Tests the real preload entry wired to a stand-in electron module.
import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_KEY, CHANNELS } from '../shared/ipc'

// The real 'electron' package only exists inside Electron (in Node it tries to download a binary),
// so the preload entry is loaded against a stand-in of the two things it uses.
const electron = vi.hoisted(() => ({
  contextBridge: {
    exposeInMainWorld: vi.fn((_key: string, _api: Record<string, (...args: unknown[]) => Promise<unknown>>) => undefined)
  },
  ipcRenderer: { invoke: vi.fn(async () => undefined), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() }
}))
vi.mock('electron', () => electron)

describe('preload entry', () => {
  it('exposes the bridge, and only the bridge, when loaded', async () => {
    await import('./index')
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? []
    expect(key).toBe(BRIDGE_KEY)
    // One function per channel of the contract, named as the channel's key, and the event subscriptions.
    expect(Object.keys(api ?? {}).sort()).toEqual([...Object.keys(CHANNELS), 'onNotificationClick', 'onResume'].sort())
    await api?.notify?.({ title: 't', body: 'b' })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(CHANNELS.notify, { title: 't', body: 'b' })
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
  })
})
