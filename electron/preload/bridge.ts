// Owns the renderer-facing bridge: one named function per IPC channel and nothing else.
import type { ContextBridge, IpcRenderer } from 'electron'
import { BRIDGE_KEY, CHANNELS, type Bridge } from '../shared/ipc'

/**
 * Builds the bridge. Each function forwards its own arguments to its own channel, so the page can
 * neither pick a channel nor reach ipcRenderer; the main process validates what arrives.
 */
export function createBridge(ipcRenderer: Pick<IpcRenderer, 'invoke'>): Bridge {
  return {
    getAppInfo: () => ipcRenderer.invoke(CHANNELS.getAppInfo),
    openExternal: (url) => ipcRenderer.invoke(CHANNELS.openExternal, url),
    saveFile: (request) => ipcRenderer.invoke(CHANNELS.saveFile, request),
    notify: (request) => ipcRenderer.invoke(CHANNELS.notify, request),
    printToPdf: (request) => ipcRenderer.invoke(CHANNELS.printToPdf, request),
    listSnapshots: () => ipcRenderer.invoke(CHANNELS.listSnapshots),
    snapshotNeeded: (checksum) => ipcRenderer.invoke(CHANNELS.snapshotNeeded, checksum),
    saveSnapshot: (request) => ipcRenderer.invoke(CHANNELS.saveSnapshot, request),
    readSnapshot: (name) => ipcRenderer.invoke(CHANNELS.readSnapshot, name)
  } satisfies Bridge
}

/** Puts the bridge on window[BRIDGE_KEY] in the page's world. */
export function exposeBridge(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: Pick<IpcRenderer, 'invoke'>
): Bridge {
  const bridge = createBridge(ipcRenderer)
  contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge)
  return bridge
}
