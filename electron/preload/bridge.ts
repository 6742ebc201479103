// Owns the renderer-facing bridge: one named function per IPC channel and per main-process event, and nothing else.
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron'
import { BRIDGE_KEY, CHANNELS, EVENTS, type Bridge } from '../shared/ipc'

/** The parts of ipcRenderer the bridge uses: invoke for calls, on/removeListener for the events. */
export interface BridgeIpc {
  invoke: IpcRenderer['invoke']
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown
}

/**
 * Builds the bridge. Each function forwards its own arguments to its own channel, so the page can
 * neither pick a channel nor reach ipcRenderer; the main process validates what arrives. The event
 * subscription passes on only the payload (never the IPC event, which carries the sender).
 */
export function createBridge(ipcRenderer: BridgeIpc): Bridge {
  return {
    getAppInfo: () => ipcRenderer.invoke(CHANNELS.getAppInfo),
    openExternal: (url) => ipcRenderer.invoke(CHANNELS.openExternal, url),
    saveFile: (request) => ipcRenderer.invoke(CHANNELS.saveFile, request),
    notify: (request) => ipcRenderer.invoke(CHANNELS.notify, request),
    setBadgeCount: (count) => ipcRenderer.invoke(CHANNELS.setBadgeCount, count),
    setTrayMode: (request) => ipcRenderer.invoke(CHANNELS.setTrayMode, request),
    onNotificationClick: (listener) => {
      const handler = (_event: IpcRendererEvent, itemKey: unknown) => listener(typeof itemKey === 'string' ? itemKey : null)
      ipcRenderer.on(EVENTS.notificationClicked, handler)
      return () => void ipcRenderer.removeListener(EVENTS.notificationClicked, handler)
    },
    printToPdf: (request) => ipcRenderer.invoke(CHANNELS.printToPdf, request),
    listSnapshots: () => ipcRenderer.invoke(CHANNELS.listSnapshots),
    snapshotNeeded: (checksum) => ipcRenderer.invoke(CHANNELS.snapshotNeeded, checksum),
    saveSnapshot: (request) => ipcRenderer.invoke(CHANNELS.saveSnapshot, request),
    readSnapshot: (name) => ipcRenderer.invoke(CHANNELS.readSnapshot, name),
    dataDiskSpace: () => ipcRenderer.invoke(CHANNELS.dataDiskSpace),
    pushState: () => ipcRenderer.invoke(CHANNELS.pushState),
    pushConfigure: (request) => ipcRenderer.invoke(CHANNELS.pushConfigure, request),
    pushTest: (id, message) => ipcRenderer.invoke(CHANNELS.pushTest, id, message),
    pushSend: (request) => ipcRenderer.invoke(CHANNELS.pushSend, request),
    syncState: () => ipcRenderer.invoke(CHANNELS.syncState),
    syncConfigure: (request) => ipcRenderer.invoke(CHANNELS.syncConfigure, request),
    syncTest: () => ipcRenderer.invoke(CHANNELS.syncTest),
    syncList: (folder) => ipcRenderer.invoke(CHANNELS.syncList, folder),
    syncRead: (path) => ipcRenderer.invoke(CHANNELS.syncRead, path),
    syncCreate: (path, text) => ipcRenderer.invoke(CHANNELS.syncCreate, path, text),
    syncRemove: (path) => ipcRenderer.invoke(CHANNELS.syncRemove, path),
    getLoginItem: () => ipcRenderer.invoke(CHANNELS.getLoginItem),
    setLoginItem: (openAtLogin) => ipcRenderer.invoke(CHANNELS.setLoginItem, openAtLogin),
    onResume: (listener) => {
      const handler = () => listener()
      ipcRenderer.on(EVENTS.resumed, handler)
      return () => void ipcRenderer.removeListener(EVENTS.resumed, handler)
    }
  } satisfies Bridge
}

/** Puts the bridge on window[BRIDGE_KEY] in the page's world. */
export function exposeBridge(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipcRenderer: BridgeIpc): Bridge {
  const bridge = createBridge(ipcRenderer)
  contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge)
  return bridge
}
