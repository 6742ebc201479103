// Owns the main-process side of the IPC contract: one handler per channel, each checking sender and payload.
import { nodeDurableFs, writeDurably } from './durable-write'
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron'
import {
  CHANNELS,
  type AppInfo,
  type Bridge,
  type InvokeName,
  type NotifyRequest,
  type PrintToPdfRequest,
  type SaveFileRequest,
  type SaveFileResult,
  type TrayModeRequest,
  type SaveSnapshotRequest,
  type SaveSnapshotResult,
  type SnapshotList,
  type DiskSpace,
  type LoginItemState
} from '../shared/ipc'
import { PUSH_CHANNEL_IDS, PUSH_FIELDS, type PushChannelId, type PushConfigureRequest, type PushConfigureResult, type PushMessage, type PushSendRequest, type PushState, type PushTestResult } from '../shared/push'
import type { PushSender } from './push/sender'
import type { SyncConfigureRequest, SyncConfigureResult, SyncReply, SyncState } from '../shared/sync'
import { syncConfigureSchema, syncPathSchema, syncRemovablePathSchema, syncTextSchema, type SyncService } from './sync-service'
import type { z } from 'zod'
import { isAllowedExternalUrl } from './security'
import type { SnapshotStore } from './snapshots'

/** The part of the calling page's WebContents the PDF export uses. */
export interface PdfPrinter {
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>
}

/** What a handler learns about the caller; the frame is null once it has navigated away or closed. */
export interface IpcInvokeEvent {
  readonly senderFrame: { readonly url: string } | null
  /** The calling page (Electron's event.sender), printed by the PDF export. */
  readonly sender?: PdfPrinter
}

export interface ShownNotification {
  show(): void
  on(event: 'click' | 'close', listener: () => void): unknown
}

export interface NotificationConstructor {
  new (options: { title: string; body: string }): ShownNotification
  isSupported(): boolean
}

export interface IpcDeps {
  ipcMain: {
    handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void
    removeHandler(channel: string): void
  }
  app: { getVersion(): string; getPath(name: 'userData'): string }
  platform: string
  /** Whether a URL is one of our own pages (see createAppUrlCheck). */
  isAppUrl: (url: string) => boolean
  openExternal: (url: string) => Promise<void>
  /** Shows the save dialog, attached to the app window when there is one. */
  showSaveDialog: (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>
  Notification: NotificationConstructor
  /** A notification was clicked: bring the window back and tell the page which item to open. */
  onNotificationClick: (itemKey: string | null) => void
  /** The count on the dock / taskbar icon. */
  setBadgeCount: (count: number) => void
  setTrayMode: (request: TrayModeRequest) => void
  /** The automatic backups in the data folder's backups/. */
  snapshots: Pick<SnapshotStore, 'dir' | 'list' | 'needed' | 'save' | 'read'>
  /** Free and total bytes of the data folder's disk (see disk-space.ts). */
  diskSpace: () => Promise<DiskSpace | null>
  /** The push channels, sent from here (push/sender.ts). */
  push: Pick<PushSender, 'state' | 'configure' | 'test' | 'send'>
  /** The WebDAV sync folder, reached from here with the saved credentials (sync-service.ts). */
  sync: SyncService
  /** Start at login hidden in the tray (login-item.ts). */
  loginItem: { get(): Promise<LoginItemState>; set(openAtLogin: boolean): Promise<LoginItemState> }
}

/** A4, backgrounds printed, margins from the page's own @page rule (its print CSS). */
export const PDF_OPTIONS: PrintToPDFOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true }
/** A backup of a large ledger is tens of megabytes; past this a payload is a bug or an attack. */
const MAX_SNAPSHOT_LENGTH = 512 * 1024 * 1024

/** Limits that no real request comes near; past them the payload is a bug or an attack. */
const MAX_URL_LENGTH = 2048
const MAX_FILE_NAME_LENGTH = 255
const MAX_FILTERS = 20
const MAX_LABEL_LENGTH = 200
const MAX_NOTIFICATION_BODY_LENGTH = 4000
const MAX_ITEM_KEY_LENGTH = 200
const MAX_BADGE_COUNT = 9999
const EXTENSION_PATTERN = /^(?:\*|[A-Za-z0-9_-]{1,32})$/
// Path separators would let the page pick the folder; control characters make names unreadable.
const FORBIDDEN_NAME_CHARACTERS = /[/\\\p{Cc}]/u

function fail(channel: string, problem: string): never {
  throw new Error(`${channel}: ${problem}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value)
}

function expectArgumentCount(channel: string, args: readonly unknown[], count: number): void {
  if (args.length !== count) fail(channel, `expected ${count} argument(s), got ${args.length}`)
}

function expectOnlyKeys(channel: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  const unknownKeys = Object.keys(value).filter((key) => !allowed.includes(key))
  if (unknownKeys.length > 0) fail(channel, `unexpected field(s) ${unknownKeys.join(', ')}`)
}

/** The one object argument of a channel, holding no field but the allowed ones. */
function expectRequest(channel: string, args: readonly unknown[], allowed: readonly string[]): Record<string, unknown> {
  expectArgumentCount(channel, args, 1)
  const request = args[0]
  if (!isRecord(request)) fail(channel, 'the request must be an object')
  expectOnlyKeys(channel, request, allowed)
  return request
}

function expectText(channel: string, field: string, value: unknown, maxLength: number, allowEmpty = false): string {
  if (typeof value !== 'string') fail(channel, `${field} must be a string`)
  if (!allowEmpty && value.trim() === '') fail(channel, `${field} must not be empty`)
  if (value.length > maxLength) fail(channel, `${field} is longer than ${maxLength} characters`)
  return value
}

export function parseOpenExternalArgs(args: readonly unknown[]): string {
  const channel = CHANNELS.openExternal
  expectArgumentCount(channel, args, 1)
  return expectText(channel, 'url', args[0], MAX_URL_LENGTH)
}

function parseFilters(value: unknown): SaveFileRequest['filters'] {
  const channel = CHANNELS.saveFile
  if (value === undefined) return undefined
  if (!Array.isArray(value)) fail(channel, 'filters must be an array')
  if (value.length > MAX_FILTERS) fail(channel, `at most ${MAX_FILTERS} filters`)
  return value.map((filter: unknown, index) => {
    if (!isRecord(filter)) fail(channel, `filters[${index}] must be an object`)
    expectOnlyKeys(channel, filter, ['name', 'extensions'])
    const name = expectText(channel, `filters[${index}].name`, filter.name, MAX_LABEL_LENGTH)
    const extensions: unknown = filter.extensions
    if (!Array.isArray(extensions) || extensions.length === 0) {
      fail(channel, `filters[${index}].extensions must be a non-empty array`)
    }
    return {
      name,
      extensions: extensions.map((extension: unknown) => {
        if (typeof extension !== 'string' || !EXTENSION_PATTERN.test(extension)) {
          fail(channel, `filters[${index}].extensions must be like "csv" or "*" (no dot)`)
        }
        return extension
      })
    }
  })
}

function expectFileName(channel: string, value: unknown): string {
  const name = expectText(channel, 'suggestedName', value, MAX_FILE_NAME_LENGTH)
  if (FORBIDDEN_NAME_CHARACTERS.test(name) || name === '.' || name === '..') {
    fail(channel, 'suggestedName must be a plain file name without folders')
  }
  return name
}

export function parseSaveFileArgs(args: readonly unknown[]): SaveFileRequest {
  const channel = CHANNELS.saveFile
  const request = expectRequest(channel, args, ['suggestedName', 'data', 'filters'])
  const suggestedName = expectFileName(channel, request.suggestedName)
  const data = request.data
  // IPC delivers a renderer Uint8Array as a Uint8Array (or its Buffer subclass); anything else is refused.
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    fail(channel, 'data must be a string or a Uint8Array')
  }
  const filters = parseFilters(request.filters)
  return filters === undefined ? { suggestedName, data } : { suggestedName, data, filters }
}

export function parseNotifyArgs(args: readonly unknown[]): NotifyRequest {
  const channel = CHANNELS.notify
  const request = expectRequest(channel, args, ['title', 'body', 'itemKey'])
  const title = expectText(channel, 'title', request.title, MAX_LABEL_LENGTH)
  const body = expectText(channel, 'body', request.body, MAX_NOTIFICATION_BODY_LENGTH, true)
  if (request.itemKey === undefined) return { title, body }
  return { title, body, itemKey: expectText(channel, 'itemKey', request.itemKey, MAX_ITEM_KEY_LENGTH) }
}

export function parseBadgeCountArgs(args: readonly unknown[]): number {
  const channel = CHANNELS.setBadgeCount
  expectArgumentCount(channel, args, 1)
  const count = args[0]
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_BADGE_COUNT) {
    fail(channel, `count must be a whole number from 0 to ${MAX_BADGE_COUNT}`)
  }
  return count
}

export function parseTrayModeArgs(args: readonly unknown[]): TrayModeRequest {
  const channel = CHANNELS.setTrayMode
  const request = expectRequest(channel, args, ['keep', 'labels'])
  if (typeof request.keep !== 'boolean') fail(channel, 'keep must be true or false')
  const labels = request.labels
  if (!isRecord(labels)) fail(channel, 'labels must be an object')
  expectOnlyKeys(channel, labels, ['tooltip', 'open', 'quit'])
  return {
    keep: request.keep,
    labels: {
      tooltip: expectText(channel, 'labels.tooltip', labels.tooltip, MAX_LABEL_LENGTH),
      open: expectText(channel, 'labels.open', labels.open, MAX_LABEL_LENGTH),
      quit: expectText(channel, 'labels.quit', labels.quit, MAX_LABEL_LENGTH)
    }
  }
}

export function parsePrintToPdfArgs(args: readonly unknown[]): PrintToPdfRequest {
  const channel = CHANNELS.printToPdf
  const request = expectRequest(channel, args, ['suggestedName'])
  return { suggestedName: expectFileName(channel, request.suggestedName) }
}

export function parseSnapshotNeededArgs(args: readonly unknown[]): string {
  const channel = CHANNELS.snapshotNeeded
  expectArgumentCount(channel, args, 1)
  const checksum = args[0]
  if (typeof checksum !== 'string' || !/^[0-9a-f]{64}$/.test(checksum)) fail(channel, 'checksum must be 64 lowercase hex digits')
  return checksum
}

export function parseSaveSnapshotArgs(args: readonly unknown[]): SaveSnapshotRequest {
  const channel = CHANNELS.saveSnapshot
  const request = expectRequest(channel, args, ['text', 'kind'])
  const text = expectText(channel, 'text', request.text, MAX_SNAPSHOT_LENGTH)
  const kind = request.kind
  if (kind !== 'auto' && kind !== 'preRestore' && kind !== 'preWrite') fail(channel, 'kind must be "auto", "preRestore" or "preWrite"')
  return { text, kind }
}

export function parseReadSnapshotArgs(args: readonly unknown[]): string {
  const channel = CHANNELS.readSnapshot
  expectArgumentCount(channel, args, 1)
  // The store checks the name against its own pattern; here only that it is a short string.
  return expectText(channel, 'name', args[0], MAX_FILE_NAME_LENGTH)
}

/** A pasted webhook address is long, a key short; the stored settings allow 500 characters a field. */
const MAX_PUSH_FIELD_LENGTH = 500
/** A catch-up names many reminders in its key (about 65 characters each); main hashes it. */
const MAX_PUSH_KEY_LENGTH = 1_000_000

function expectChannelId(channel: string, value: unknown): PushChannelId {
  const id = PUSH_CHANNEL_IDS.find((known) => known === value)
  if (id === undefined) fail(channel, 'id must be a known push channel')
  return id
}

function expectPushMessage(channel: string, value: unknown): PushMessage {
  if (!isRecord(value)) fail(channel, 'message must be an object')
  expectOnlyKeys(channel, value, ['title', 'body'])
  return { title: expectText(channel, 'message.title', value.title, MAX_LABEL_LENGTH), body: expectText(channel, 'message.body', value.body, MAX_NOTIFICATION_BODY_LENGTH, true) }
}

export function parsePushConfigureArgs(args: readonly unknown[]): PushConfigureRequest {
  const channel = CHANNELS.pushConfigure
  const request = expectRequest(channel, args, ['id', 'enabled', 'fields'])
  const id = expectChannelId(channel, request.id)
  if (typeof request.enabled !== 'boolean') fail(channel, 'enabled must be true or false')
  const fields = request.fields
  if (!isRecord(fields)) fail(channel, 'fields must be an object')
  expectOnlyKeys(channel, fields, PUSH_FIELDS[id].map((spec) => spec.name))
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields)) out[name] = expectText(channel, `fields.${name}`, value, MAX_PUSH_FIELD_LENGTH, true)
  return { id, enabled: request.enabled, fields: out }
}

export function parsePushTestArgs(args: readonly unknown[]): [PushChannelId, PushMessage] {
  const channel = CHANNELS.pushTest
  expectArgumentCount(channel, args, 2)
  return [expectChannelId(channel, args[0]), expectPushMessage(channel, args[1])]
}

export function parsePushSendArgs(args: readonly unknown[]): PushSendRequest {
  const channel = CHANNELS.pushSend
  const request = expectRequest(channel, args, ['key', 'message'])
  return { key: expectText(channel, 'key', request.key, MAX_PUSH_KEY_LENGTH), message: expectPushMessage(channel, request.message) }
}

/** The arguments of a sync channel, each checked by its zod schema. */
function parseSyncArgs<const S extends readonly z.ZodType[]>(channel: string, args: readonly unknown[], schemas: S): { [K in keyof S]: z.infer<S[K]> } {
  expectArgumentCount(channel, args, schemas.length)
  return schemas.map((schema, index) => {
    const parsed = schema.safeParse(args[index])
    if (!parsed.success) fail(channel, `argument ${index + 1}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`)
    return parsed.data
  }) as { [K in keyof S]: z.infer<S[K]> }
}

export function parseSyncConfigureArgs(args: readonly unknown[]): SyncConfigureRequest {
  const [request] = parseSyncArgs(CHANNELS.syncConfigure, args, [syncConfigureSchema])
  return request.password === undefined ? { url: request.url, user: request.user } : { url: request.url, user: request.user, password: request.password }
}

export function parseSetLoginItemArgs(args: readonly unknown[]): boolean {
  const channel = CHANNELS.setLoginItem
  expectArgumentCount(channel, args, 1)
  if (typeof args[0] !== 'boolean') fail(channel, 'openAtLogin must be true or false')
  return args[0]
}

/**
 * Writes text as UTF-8 and bytes unchanged, durably (durable-write.ts): a temporary file beside the
 * target, fsynced and renamed over it, so a full disk leaves the file that was there whole.
 */
export async function writeFileToDisk(path: string, data: string | Uint8Array): Promise<void> {
  await writeDurably(nodeDurableFs(), path, data, { platform: process.platform })
}

/** The Bridge's calls, implemented in the main process; each takes the raw IPC arguments. */
export type BridgeHandlers = {
  [K in InvokeName]: (args: readonly unknown[], event: IpcInvokeEvent) => ReturnType<Bridge[K]>
}

export function createBridgeHandlers(deps: IpcDeps): BridgeHandlers {
  const write = deps.writeFile ?? writeFileToDisk
  // Shown notifications are held until clicked or closed: one that is garbage collected loses its click.
  const shown = new Set<ShownNotification>()
  return {
    async getAppInfo(args): Promise<AppInfo> {
      expectArgumentCount(CHANNELS.getAppInfo, args, 0)
      return { version: deps.app.getVersion(), dataDir: deps.app.getPath('userData'), platform: deps.platform }
    },

    async openExternal(args): Promise<boolean> {
      const url = parseOpenExternalArgs(args)
      if (!isAllowedExternalUrl(url)) return false
      try {
        await deps.openExternal(url)
        return true
      } catch {
        // No browser registered, or the OS refused: the page can tell the user.
        return false
      }
    },

    async saveFile(args): Promise<SaveFileResult> {
      const request = parseSaveFileArgs(args)
      const choice = await deps.showSaveDialog({
        defaultPath: request.suggestedName,
        ...(request.filters === undefined ? {} : { filters: request.filters }),
        properties: ['createDirectory', 'showOverwriteConfirmation']
      })
      // Electron reports a cancelled dialog with an empty path, older versions with none.
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false }
      await write(choice.filePath, request.data)
      return { saved: true, path: choice.filePath }
    },

    async notify(args): Promise<boolean> {
      const request = parseNotifyArgs(args)
      if (!deps.Notification.isSupported()) return false
      const notification = new deps.Notification({ title: request.title, body: request.body })
      shown.add(notification)
      notification.on('click', () => {
        shown.delete(notification)
        deps.onNotificationClick(request.itemKey ?? null)
      })
      notification.on('close', () => void shown.delete(notification))
      notification.show()
      return true
    },

    async setBadgeCount(args): Promise<void> {
      deps.setBadgeCount(parseBadgeCountArgs(args))
    },

    async setTrayMode(args): Promise<void> {
      deps.setTrayMode(parseTrayModeArgs(args))
    },

    async printToPdf(args, event): Promise<SaveFileResult> {
      const request = parsePrintToPdfArgs(args)
      const page = event.sender
      if (page === undefined) fail(CHANNELS.printToPdf, 'no page to print')
      // The dialog first: a cancelled export prints nothing.
      const choice = await deps.showSaveDialog({
        defaultPath: request.suggestedName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation']
      })
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false }
      await write(choice.filePath, await page.printToPDF(PDF_OPTIONS))
      return { saved: true, path: choice.filePath }
    },

    async listSnapshots(args): Promise<SnapshotList> {
      expectArgumentCount(CHANNELS.listSnapshots, args, 0)
      return { dir: deps.snapshots.dir, snapshots: await deps.snapshots.list() }
    },

    async snapshotNeeded(args): Promise<boolean> {
      return deps.snapshots.needed(parseSnapshotNeededArgs(args))
    },

    async saveSnapshot(args): Promise<SaveSnapshotResult> {
      return deps.snapshots.save(parseSaveSnapshotArgs(args))
    },

    async readSnapshot(args): Promise<string> {
      return deps.snapshots.read(parseReadSnapshotArgs(args))
    },

    async dataDiskSpace(args): Promise<DiskSpace | null> {
      expectArgumentCount(CHANNELS.dataDiskSpace, args, 0)
      return deps.diskSpace()
    },

    async pushState(args): Promise<PushState> {
      expectArgumentCount(CHANNELS.pushState, args, 0)
      return deps.push.state()
    },

    async pushConfigure(args): Promise<PushConfigureResult> {
      return deps.push.configure(parsePushConfigureArgs(args))
    },

    async pushTest(args): Promise<PushTestResult> {
      return deps.push.test(...parsePushTestArgs(args))
    },

    async pushSend(args): Promise<void> {
      await deps.push.send(parsePushSendArgs(args))
    },

    async syncState(args): Promise<SyncState> {
      expectArgumentCount(CHANNELS.syncState, args, 0)
      return deps.sync.state()
    },

    async syncConfigure(args): Promise<SyncConfigureResult> {
      return deps.sync.configure(parseSyncConfigureArgs(args))
    },

    async syncTest(args): Promise<SyncReply<null>> {
      expectArgumentCount(CHANNELS.syncTest, args, 0)
      return deps.sync.test()
    },

    async syncList(args): Promise<SyncReply<string[]>> {
      return deps.sync.list(...parseSyncArgs(CHANNELS.syncList, args, [syncPathSchema]))
    },

    async syncRead(args): Promise<SyncReply<string | null>> {
      return deps.sync.read(...parseSyncArgs(CHANNELS.syncRead, args, [syncPathSchema]))
    },

    async syncCreate(args): Promise<SyncReply<null>> {
      return deps.sync.create(...parseSyncArgs(CHANNELS.syncCreate, args, [syncPathSchema, syncTextSchema]))
    },

    async syncRemove(args): Promise<SyncReply<null>> {
      return deps.sync.remove(...parseSyncArgs(CHANNELS.syncRemove, args, [syncRemovablePathSchema]))
    },

    async getLoginItem(args): Promise<LoginItemState> {
      expectArgumentCount(CHANNELS.getLoginItem, args, 0)
      return deps.loginItem.get()
    },

    async setLoginItem(args): Promise<LoginItemState> {
      return deps.loginItem.set(parseSetLoginItemArgs(args))
    }
  }
}

function isBridgeMethod(name: string): name is InvokeName {
  return Object.hasOwn(CHANNELS, name)
}

/**
 * Registers one `ipcMain.handle` per channel. Every call first checks that it comes from one of
 * our own pages: a frame that got to a foreign page (an injected iframe, a navigation we missed)
 * must not reach the file system. Call once; returns a function that removes the handlers.
 */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  const handlers = createBridgeHandlers(deps)
  const channels: string[] = []
  for (const name of Object.keys(handlers)) {
    if (!isBridgeMethod(name)) continue
    const channel = CHANNELS[name]
    deps.ipcMain.handle(channel, async (event, ...args) => {
      const senderUrl = event.senderFrame?.url
      if (senderUrl === undefined || !deps.isAppUrl(senderUrl)) {
        throw new Error(`${channel}: refused a call from outside the app (${senderUrl ?? 'unknown frame'})`)
      }
      return handlers[name](args, event)
    })
    channels.push(channel)
  }
  return () => {
    for (const channel of channels) deps.ipcMain.removeHandler(channel)
  }
}
