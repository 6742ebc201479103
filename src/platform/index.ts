// Owns the one interface to the operating system, with an Electron implementation (via the bridge) and a web fallback.
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
  type TrayModeRequest
} from '../../electron/shared/ipc'

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
  /** The page as its print CSS lays it out, as a PDF: saved by the desktop app, or through the browser's print dialog. */
  printReport(suggestedName: string): Promise<PrintOutcome>
  /** Null in the browser, which cannot write files unasked. */
  snapshots: SnapshotApi | null
}

export type NotificationState = 'granted' | 'default' | 'denied' | 'unsupported'

declare global {
  interface Window {
    [BRIDGE_KEY]?: Bridge
  }
}

export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? '0.0.0'

async function persist(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist())
  } catch {
    return false
  }
}

export function electronPlatform(bridge: Bridge): Platform {
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
    printReport: async (suggestedName) => {
      const result = await bridge.printToPdf({ suggestedName })
      return result.saved ? { kind: 'saved', path: result.path } : { kind: 'cancelled' }
    },
    snapshots: {
      list: () => bridge.listSnapshots(),
      needed: (checksum) => bridge.snapshotNeeded(checksum),
      save: (request) => bridge.saveSnapshot(request),
      read: (name) => bridge.readSnapshot(name)
    }
  }
}

function webNotificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

export function webPlatform(): Platform {
  return {
    kind: 'web',
    getAppInfo: async () => ({ version: APP_VERSION, dataDir: '', platform: 'web' }),
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) return false
      window.open(url, '_blank', 'noopener,noreferrer')
      return true
    },
    saveFile: async (request) => {
      // The browser's download is the web's save dialog; where it lands is the browser's choice.
      const part: BlobPart = typeof request.data === 'string' ? request.data : new Uint8Array(request.data)
      const blob = new Blob([part])
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.download = request.suggestedName
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
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
    printReport: async () => {
      // The browser's own print-to-PDF of the same page; the user picks "Save as PDF" there.
      window.print()
      return { kind: 'browserDialog' }
    },
    snapshots: null
  }
}

const clickListeners = new Set<(itemKey: string | null) => void>()

let current: Platform | undefined

export function platform(): Platform {
  current ??= typeof window !== 'undefined' && window[BRIDGE_KEY] ? electronPlatform(window[BRIDGE_KEY]) : webPlatform()
  return current
}
