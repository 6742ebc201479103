// Owns the one interface to the operating system, with an Electron implementation (via the bridge) and a web fallback.
import type { CopyStore } from '@/db/copies'
import type { StorageRoom } from '@/db/storage-guard'
import { isAllowedExternalUrl } from '../../electron/shared/links'
import {
  BRIDGE_KEY,
  type AppInfo,
  type Bridge,
  type NotifyRequest,
  type SaveFileRequest,
  type SaveFileResult,
  type SaveSnapshotRequest,
  type SaveSnapshotResult,
  type SnapshotList,
  type TrayModeRequest,
  type LoginItemState
} from '../../electron/shared/ipc'
import type { PushChannelId, PushConfigureRequest, PushConfigureResult, PushMessage, PushSendRequest, PushState, PushTestResult } from '../../electron/shared/push'
import { desktopCopyStore } from './desktop-copies'
import { opfsCopyStore } from './opfs-copies'
import { estimateStorage, requestPersistence, storagePersisted, type StorageEstimateResult } from './storage'
import { bridgeSyncSettings, bridgeSyncTransport, webSync, type SyncSettingsApi } from './sync'
import type { SyncTransport } from '@/domain/sync/transport'
import { saveWithConfirmation, startDownload, type SaveOutcome, type SaveRequest } from './web-save'

export type { SaveOutcome, SaveRequest }
/** The contract types features name; they reach the desktop only through this module. */
export type { AppInfo, NotifyRequest, LoginItemState }
export type { PushChannelId, PushConfigureResult, PushMessage, PushState, PushTestResult }
export { PUSH_CHANNEL_IDS, PUSH_FIELDS } from '../../electron/shared/push'
export type { SyncSettingsApi } from './sync'
export type { SyncConfigureRequest, SyncConfigureResult, SyncReply, SyncState, WebDavPreset } from '../../electron/shared/sync'
export { WEBDAV_PRESETS } from '../../electron/shared/sync'

/** Desktop only: the push channels, configured and sent by the main process (keys never come back to the page). */
export interface PushApi {
  state(): Promise<PushState>
  configure(request: PushConfigureRequest): Promise<PushConfigureResult>
  test(id: PushChannelId, message: PushMessage): Promise<PushTestResult>
  send(request: PushSendRequest): Promise<void>
}

/** Desktop only: start at login, hidden in the tray. */
export interface LoginItemApi {
  get(): Promise<LoginItemState>
  set(openAtLogin: boolean): Promise<LoginItemState>
}

/** How printing the report went: saved by the desktop app, cancelled, or handed to the browser's print dialog. */
export type PrintOutcome = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'browserDialog' }

/** The desktop app's automatic backups in its data folder. */
export interface SnapshotApi {
  list(): Promise<SnapshotList>
  needed(checksum: string): Promise<boolean>
  save(request: SaveSnapshotRequest): Promise<SaveSnapshotResult>
  read(name: string): Promise<string>
}

export interface Platform {
  kind: 'electron' | 'web'
  getAppInfo(): Promise<AppInfo>
  openExternal(url: string): Promise<boolean>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /** Returns false when the system refused (the caller then shows an in-app notice). */
  notify(request: NotifyRequest): Promise<boolean>
  /** Asks the browser not to evict the ledger's storage under pressure. */
  requestPersistentStorage(): Promise<boolean>
  /** Whether notify() can show a system notification now; 'default' means it may ask (on a user's click only). */
  notificationPermission(): NotificationState
  /** Asks for permission to notify; call it from a click, as browsers ignore it otherwise. */
  requestNotificationPermission(): Promise<NotificationState>
  /** Calls `listener` with the item key a clicked notification was about (null for a summary); returns the unsubscribe. */
  onNotificationClick(listener: (itemKey: string | null) => void): () => void
  /** The count of items needing attention, on the dock / taskbar / installed web app icon. */
  setBadgeCount(count: number): Promise<void>
  /** Desktop only: closing the window keeps the app in the tray. */
  setTrayMode(request: TrayModeRequest): Promise<void>
  /** Calls `listener` when the computer wakes from sleep (desktop; the web never hears it); returns the unsubscribe. */
  onResume(listener: () => void): () => void
  /** Null in the browser: a web page cannot push to a phone when nobody has it open. */
  push: PushApi | null
  /** Null in the browser. */
  loginItem: LoginItemApi | null
  /** The page as its print CSS lays it out, as a PDF: saved by the desktop app, or through the browser's print dialog. */
  printReport(suggestedName: string): Promise<PrintOutcome>
  /** Null in the browser, which cannot write files unasked. */
  snapshots: SnapshotApi | null
  /**
   * Saves a backup where the user chooses and says how that ended: 'saved' only when the file is
   * confirmed written (desktop: written and synced; browser: the save picker closed the file), a
   * browser download only 'downloadStarted'.
   */
  saveBackupFile(request: SaveRequest): Promise<SaveOutcome>
  /** What the storage allows now, for the check before every bulk write. */
  storageRoom(): Promise<StorageRoom>
  storageStatus(): Promise<StorageStatus>
  /** Where copies of the ledger live outside the database; null where there is no such place. */
  copyStore(): Promise<CopyStore | null>
  /**
   * The sync folder. Desktop: always a transport, whose calls the main process makes with the saved
   * credentials and which fail with SyncTransportError('unavailable') until a folder is set. Browser:
   * null until a folder and its password are set in this page (see sync.ts for why only then).
   */
  syncTransport(): SyncTransport | null
  /** Setting the sync folder up: its address and user come back, never the password. */
  syncSettings: SyncSettingsApi
}

export type NotificationState = 'granted' | 'default' | 'denied' | 'unsupported'

/** What Settings shows about storage; null where the platform does not say. */
export interface StorageStatus {
  persisted: boolean | null
  estimate: StorageEstimateResult | null
  /** Desktop: the data folder's disk. */
  disk: { free: number; total: number } | null
}

declare global {
  interface Window {
    [BRIDGE_KEY]?: Bridge
  }
}

export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? '0.0.0'

const persist = requestPersistence

/** What the quota leaves, from an estimate. */
function quotaLeft(estimate: StorageEstimateResult | null): number | null {
  return estimate === null ? null : estimate.quota - estimate.usage
}

/** Resolves once and keeps the answer: the copy store does not change while the app runs. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined
  return () => (value ??= make())
}

export function electronPlatform(bridge: Bridge): Platform {
  const diskSpace = async () => {
    try {
      return await bridge.dataDiskSpace()
    } catch {
      return null
    }
  }
  const syncTransport = bridgeSyncTransport(bridge)
  return {
    kind: 'electron',
    getAppInfo: () => bridge.getAppInfo(),
    openExternal: (url) => bridge.openExternal(url),
    saveFile: (request) => bridge.saveFile(request),
    notify: (request) => bridge.notify(request),
    requestPersistentStorage: persist,
    notificationPermission: () => 'granted',
    requestNotificationPermission: async () => 'granted',
    onNotificationClick: (listener) => bridge.onNotificationClick(listener),
    setBadgeCount: (count) => bridge.setBadgeCount(count),
    setTrayMode: (request) => bridge.setTrayMode(request),
    onResume: (listener) => bridge.onResume(listener),
    push: {
      state: () => bridge.pushState(),
      configure: (request) => bridge.pushConfigure(request),
      test: (id, message) => bridge.pushTest(id, message),
      send: (request) => bridge.pushSend(request)
    },
    loginItem: { get: () => bridge.getLoginItem(), set: (open) => bridge.setLoginItem(open) },
    printReport: async (suggestedName) => {
      const result = await bridge.printToPdf({ suggestedName })
      return result.saved ? { kind: 'saved', path: result.path } : { kind: 'cancelled' }
    },
    snapshots: {
      list: () => bridge.listSnapshots(),
      needed: (checksum) => bridge.snapshotNeeded(checksum),
      save: (request) => bridge.saveSnapshot(request),
      read: (name) => bridge.readSnapshot(name)
    },
    saveBackupFile: async (request) => {
      // The dialog confirms the place; the main process writes, syncs and renames, or rejects with the reason.
      const result = await bridge.saveFile({
        suggestedName: request.suggestedName,
        data: await request.produce(),
        filters: [{ name: request.type.description, extensions: [request.type.extension.replace(/^\./, '')] }]
      })
      return result.saved ? { kind: 'saved', name: result.path } : { kind: 'cancelled' }
    },
    storageRoom: async () => {
      const [estimate, disk] = await Promise.all([estimateStorage(), diskSpace()])
      return { quotaLeft: quotaLeft(estimate), diskFree: disk?.free ?? null }
    },
    storageStatus: async () => {
      const [persisted, estimate, disk] = await Promise.all([storagePersisted(), estimateStorage(), diskSpace()])
      return { persisted, estimate, disk }
    },
    copyStore: once(async () => desktopCopyStore(bridge, (await bridge.listSnapshots()).dir)),
    syncTransport: () => syncTransport,
    syncSettings: bridgeSyncSettings(bridge)
  }
}

function webNotificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

export function webPlatform(): Platform {
  const sync = webSync()
  return {
    kind: 'web',
    getAppInfo: async () => ({ version: APP_VERSION, dataDir: '', platform: 'web' }),
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) return false
      window.open(url, '_blank', 'noopener,noreferrer')
      return true
    },
    saveFile: async (request) => {
      // The browser's download is the web's save dialog for exports; where it lands is the browser's choice.
      startDownload(request.suggestedName, request.data)
      return { saved: true, path: request.suggestedName }
    },
    notify: async ({ title, body, itemKey }) => {
      if (webNotificationState() !== 'granted') return false
      try {
        const shown = new Notification(title, { body, ...(itemKey === undefined ? {} : { tag: itemKey }) })
        shown.onclick = () => {
          window.focus()
          shown.close()
          for (const listener of clickListeners) listener(itemKey ?? null)
        }
        return true
      } catch {
        // Some browsers allow notifications only from a service worker: the caller shows its own notice.
        return false
      }
    },
    requestPersistentStorage: persist,
    notificationPermission: webNotificationState,
    requestNotificationPermission: async () => {
      if (webNotificationState() !== 'default') return webNotificationState()
      try {
        return await Notification.requestPermission()
      } catch {
        return webNotificationState()
      }
    },
    onNotificationClick: (listener) => {
      clickListeners.add(listener)
      return () => void clickListeners.delete(listener)
    },
    setBadgeCount: async (count) => {
      // Only an installed web app has an icon to badge; elsewhere this is a no-op.
      try {
        if (count > 0) await navigator.setAppBadge?.(count)
        else await navigator.clearAppBadge?.()
      } catch {
        // A badge is a nicety: the dashboard shows the count anyway.
      }
    },
    setTrayMode: async () => undefined,
    onResume: () => () => undefined,
    push: null,
    loginItem: null,
    printReport: async () => {
      // The browser's own print-to-PDF of the same page; the user picks "Save as PDF" there.
      window.print()
      return { kind: 'browserDialog' }
    },
    snapshots: null,
    saveBackupFile: (request) => saveWithConfirmation(request),
    storageRoom: async () => ({ quotaLeft: quotaLeft(await estimateStorage()), diskFree: null }),
    storageStatus: async () => {
      const [persisted, estimate] = await Promise.all([storagePersisted(), estimateStorage()])
      return { persisted, estimate, disk: null }
    },
    copyStore: once(() => opfsCopyStore()),
    syncTransport: sync.transport,
    syncSettings: sync.settings
  }
}

const clickListeners = new Set<(itemKey: string | null) => void>()

let current: Platform | undefined

export function platform(): Platform {
  current ??= typeof window !== 'undefined' && window[BRIDGE_KEY] ? electronPlatform(window[BRIDGE_KEY]) : webPlatform()
  return current
}
export { readDevicePref, removeDevicePref, writeDevicePref } from './device-prefs'
