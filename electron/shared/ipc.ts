// Owns the IPC contract between the main process and the renderer: channel names and payload types, no runtime deps.
import type { CopyKind } from '../../src/domain/backup/copy-names'
import type { SyncConfigureRequest, SyncConfigureResult, SyncReply, SyncState } from './sync'
import type { PushChannelId, PushConfigureRequest, PushConfigureResult, PushMessage, PushSendRequest, PushState, PushTestResult } from './push'

export const BRIDGE_KEY = 'creditLedger'

/** The closed set of channels; the preload exposes one function for each and nothing else. */
export const CHANNELS = {
  getAppInfo: 'app:get-info',
  openExternal: 'shell:open-external',
  saveFile: 'file:save',
  notify: 'notify:show',
  setBadgeCount: 'app:set-badge-count',
  setTrayMode: 'tray:set-mode',
  printToPdf: 'pdf:print',
  listSnapshots: 'snapshots:list',
  snapshotNeeded: 'snapshots:needed',
  saveSnapshot: 'snapshots:save',
  readSnapshot: 'snapshots:read',
  dataDiskSpace: 'storage:disk-space',
  pushState: 'push:state',
  pushConfigure: 'push:configure',
  pushTest: 'push:test',
  pushSend: 'push:send',
  syncState: 'sync:state',
  syncConfigure: 'sync:configure',
  syncTest: 'sync:test',
  syncList: 'sync:list',
  syncRead: 'sync:read',
  syncCreate: 'sync:create',
  syncRemove: 'sync:remove',
  getLoginItem: 'login-item:get',
  setLoginItem: 'login-item:set'
} as const
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS]
/** The bridge functions that call the main process (one channel each). */
export type InvokeName = keyof typeof CHANNELS

/** Events the main process sends to the page; each has one named subscribe function on the bridge. */
export const EVENTS = {
  notificationClicked: 'notify:clicked',
  /** The computer woke from sleep: the page catches up on the reminders it missed, in one notice. */
  resumed: 'power:resumed'
} as const

export interface AppInfo {
  version: string
  dataDir: string
  platform: string
}

export interface SaveFileRequest {
  suggestedName: string
  /** Text is written as UTF-8; bytes as they are. */
  data: string | Uint8Array
  filters?: { name: string; extensions: string[] }[]
}

export type SaveFileResult = { saved: true; path: string } | { saved: false }

export interface NotifyRequest {
  title: string
  body: string
  /** What a click on the notification opens: a due item's key, handed back to the page. */
  itemKey?: string
}

/** "Keep running in the tray": on, closing the window hides it; the labels are the page's language. */
export interface TrayModeRequest {
  keep: boolean
  labels: { tooltip: string; open: string; quit: string }
}

export interface PrintToPdfRequest {
  /** The file name the save dialog offers; the page printed is the caller's own, as its print CSS lays it out. */
  suggestedName: string
}

/** An automatic snapshot, the copy of the data taken just before a restore, or before another bulk write (an import, sample data). */
export type SnapshotKind = CopyKind

/** A backup file in the data folder's backups/, described from its header. */
export interface SnapshotInfo {
  name: string
  kind: SnapshotKind
  /**
   * A passphrase-protected file: its header holds no counts, dates or versions, so createdAt is the
   * time in its name, counts are zero, from/to null, and checksum is its keyed fingerprint (or empty).
   */
  encrypted: boolean
  /** ISO 8601, from the file's header (a protected file: from its name). */
  createdAt: string
  appVersion: string
  schemaVersion: number
  checksum: string
  counts: { accounts: number; draws: number; orders: number; repayments: number; inquiries: number; billInstalments: number; billFigures: number }
  from: string | null
  to: string | null
  /** Bytes. */
  size: number
}

export interface SnapshotList {
  dir: string
  snapshots: SnapshotInfo[]
}

export interface SaveSnapshotRequest {
  /** A whole backup file, as the renderer wrote it: plain, or protected (encrypted.ts) when the user chose so. */
  text: string
  kind: SnapshotKind
}

export type SaveSnapshotResult = { written: true; name: string } | { written: false; reason: 'unchanged' | 'tooSoon' }

/** The disk that holds the data folder: what a bulk write is checked against. Bytes. */
export interface DiskSpace {
  free: number
  total: number
}

/** "Start at login, hidden in the tray": whether the system can, whether it is on, and whether the user was asked yet. */
export interface LoginItemState {
  /** Windows and macOS; Electron cannot register a login item on Linux. */
  supported: boolean
  openAtLogin: boolean
  /** The one-time question was answered (either way). */
  asked: boolean
}

/** The one object the preload puts on window[BRIDGE_KEY]. */
export interface Bridge {
  getAppInfo(): Promise<AppInfo>
  /** Opens an allow-listed https link in the system browser; false when the link was refused. */
  openExternal(url: string): Promise<boolean>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /** False when the system shows no notifications (unsupported): the page then shows its own banner. */
  notify(request: NotifyRequest): Promise<boolean>
  /** The count on the dock / taskbar icon (0 clears it); platforms without badges ignore it. */
  setBadgeCount(count: number): Promise<void>
  setTrayMode(request: TrayModeRequest): Promise<void>
  /** Calls `listener` with the item key (or null) whenever a notification is clicked; returns the unsubscribe. */
  onNotificationClick(listener: (itemKey: string | null) => void): () => void
  /** Prints the calling page to an A4 PDF and saves it where the user chooses. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>
  listSnapshots(): Promise<SnapshotList>
  /** Whether a snapshot of data with this payload checksum would be written now (changed, and a day since the last). */
  snapshotNeeded(checksum: string): Promise<boolean>
  saveSnapshot(request: SaveSnapshotRequest): Promise<SaveSnapshotResult>
  readSnapshot(name: string): Promise<string>
  /** Free and total bytes of the data folder's disk; null when the system does not say. */
  dataDiskSpace(): Promise<DiskSpace | null>
  /** The push channels as the settings card shows them (no keys or tokens). */
  pushState(): Promise<PushState>
  pushConfigure(request: PushConfigureRequest): Promise<PushConfigureResult>
  /** Sends a test message on one channel now. */
  pushTest(id: PushChannelId, message: PushMessage): Promise<PushTestResult>
  /** Pushes a reminder to every enabled channel; main builds each request and retries failures. */
  pushSend(request: PushSendRequest): Promise<void>
  /** The WebDAV sync folder as the settings card shows it (never the password). */
  syncState(): Promise<SyncState>
  syncConfigure(request: SyncConfigureRequest): Promise<SyncConfigureResult>
  /** Reaches the folder's root with the saved credentials now. */
  syncTest(): Promise<SyncReply<null>>
  /** The SyncTransport calls, made by the main process with the saved credentials. */
  syncList(folder: string): Promise<SyncReply<string[]>>
  syncRead(path: string): Promise<SyncReply<string | null>>
  syncCreate(path: string, text: string): Promise<SyncReply<null>>
  syncRemove(path: string): Promise<SyncReply<null>>
  getLoginItem(): Promise<LoginItemState>
  /** Turns start-at-login on or off, and records that the user was asked. */
  setLoginItem(openAtLogin: boolean): Promise<LoginItemState>
  /** Calls `listener` when the computer wakes from sleep; returns the unsubscribe. */
  onResume(listener: () => void): () => void
}

/** Hosts the app may open in the system browser; everything else is refused. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.pbccrc.org.cn', 'www.pbc.gov.cn', 'github.com']
