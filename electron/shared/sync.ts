// Owns the sync-folder part of the IPC contract: what the page sends to configure the WebDAV folder, what it learns back (never the password), how a transport call answers across IPC, and the server presets the settings card offers.
import type { SyncTransportErrorKind } from '../../src/domain/sync/transport'

/** Where the sync folder is and who to be there. The password is an app password the server hands out. */
export interface SyncConfigureRequest {
  /** '' disconnects: the saved address, user and password are forgotten. */
  url: string
  user: string
  /** Left out, the saved one is kept - but only while the address's host stays the same, so a changed address never receives the old password. */
  password?: string
}

/** What the page learns about the folder: never the password. */
export interface SyncState {
  configured: boolean
  url: string | null
  user: string | null
}

export type SyncConfigureProblem = 'required' | 'format' | 'https'
export type SyncConfigureResult = { saved: true; state: SyncState } | { saved: false; field: 'url' | 'user' | 'password'; problem: SyncConfigureProblem }

/**
 * A transport call's answer across IPC. A thrown error reaches the page as a bare message, so the
 * kind travels as data and the page's side throws the SyncTransportError again.
 */
export type SyncReply<T> = { ok: true; value: T } | { ok: false; kind: SyncTransportErrorKind; status: number | null; detail: string }

/** A WebDAV service the settings card offers, with the address pattern to fill in and where its app password is made (i18n key). */
export interface WebDavPreset {
  id: 'jianguoyun' | 'nextcloud' | 'synology' | 'other'
  /** The address, with <placeholders> the user replaces; '' for "other". */
  urlPattern: string
  /** True when the pattern has nothing to fill in. */
  fixed: boolean
  /** The i18n key of the steps to make an app password. */
  helpKey: `sync.preset.${string}`
}

export const WEBDAV_PRESETS: readonly WebDavPreset[] = [
  // 坚果云: 账户信息 → 安全选项 → 第三方应用管理 → 添加应用密码; the user is the account's e-mail.
  { id: 'jianguoyun', urlPattern: 'https://dav.jianguoyun.com/dav/', fixed: true, helpKey: 'sync.preset.jianguoyun.help' },
  // Nextcloud: 设置 → 安全 → 设备与会话 → 创建新应用密码; the files root is per user.
  { id: 'nextcloud', urlPattern: 'https://<host>/remote.php/dav/files/<user>/', fixed: false, helpKey: 'sync.preset.nextcloud.help' },
  // 群晖: the WebDAV Server package, HTTPS port 5006 by default.
  { id: 'synology', urlPattern: 'https://<nas>:5006/', fixed: false, helpKey: 'sync.preset.synology.help' },
  { id: 'other', urlPattern: '', fixed: false, helpKey: 'sync.preset.other.help' }
]
