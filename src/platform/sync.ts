// Owns reaching the sync folder from the page: on the desktop through the main process (which holds the password), in the browser straight over the page's fetch with the password kept for this page's life only.
//
// Why the browser keeps the password in memory only: localStorage is plain text on disk that every
// script of the origin reads, and an app password to a file server is worth more than this
// convenience. The address and user are kept (readDevicePref) so the form comes back filled in.
// Most WebDAV servers (坚果云 among them) answer no cross-origin request from a browser (no CORS
// headers for PROPFIND/PUT with Authorization): there the browser refuses the call and it fails as
// 'network'; the web build syncs only with a server that allows this page's origin.
import type { Bridge } from '../../electron/shared/ipc'
import type { SyncConfigureRequest, SyncConfigureResult, SyncReply, SyncState } from '../../electron/shared/sync'
import { checkSyncConfig, createWebDavTransport, toSyncReply, type WebDavConfig } from '../../electron/shared/webdav-client'
import { readDevicePref, writeDevicePref } from './device-prefs'
import { SyncTransportError, type SyncTransport } from '@/domain/sync/transport'

export type { SyncConfigureRequest, SyncConfigureResult, SyncReply, SyncState }

/** What the settings card uses to set the folder up. */
export interface SyncSettingsApi {
  state(): Promise<SyncState>
  configure(request: SyncConfigureRequest): Promise<SyncConfigureResult>
  /** Reaches the folder's root now with what is set. */
  test(): Promise<SyncReply<null>>
  /** The browser only: the server must allow this page's origin (CORS), and the password is asked again after a reload. */
  limits: 'none' | 'browser'
}

/** Throws the error a SyncReply carries, or gives its value. */
function unwrap<T>(reply: SyncReply<T>): T {
  if (reply.ok) return reply.value
  throw new SyncTransportError(reply.kind, reply.detail, reply.status)
}

/** The transport of the desktop app: every call made by the main process with the saved credentials. */
export function bridgeSyncTransport(bridge: Pick<Bridge, 'syncList' | 'syncRead' | 'syncCreate' | 'syncRemove'>): SyncTransport {
  return {
    list: async (folder) => unwrap(await bridge.syncList(folder)),
    read: async (path) => unwrap(await bridge.syncRead(path)),
    create: async (path, text) => void unwrap(await bridge.syncCreate(path, text)),
    remove: async (path) => void unwrap(await bridge.syncRemove(path))
  }
}

export function bridgeSyncSettings(bridge: Bridge): SyncSettingsApi {
  return { state: () => bridge.syncState(), configure: (request) => bridge.syncConfigure(request), test: () => bridge.syncTest(), limits: 'none' }
}

/** The address and user of the browser's folder (not secret); the password is never stored. */
const WEB_SYNC_KEY = 'ledger.sync.webdav'

function storedPlace(): { url: string; user: string } | null {
  try {
    const parsed: unknown = JSON.parse(readDevicePref(WEB_SYNC_KEY) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null || !('url' in parsed) || !('user' in parsed)) return null
    const { url, user } = parsed
    return typeof url === 'string' && typeof user === 'string' ? { url, user } : null
  } catch {
    return null
  }
}

/** The browser's folder: the same WebDAV client over the page's fetch. */
export function webSync(fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  let session: WebDavConfig | null = null
  const state = (): SyncState => {
    if (session !== null) return { configured: true, url: session.url, user: session.user }
    const place = storedPlace()
    // Known place but no password this session: not configured until it is typed again.
    return { configured: false, url: place?.url ?? null, user: place?.user ?? null }
  }
  const transport = () => (session === null ? null : createWebDavTransport(session, { fetch: fetchImpl }))
  const settings: SyncSettingsApi = {
    state: async () => state(),
    configure: async (request) => {
      const checked = checkSyncConfig(request, session)
      if (!checked.ok) return { saved: false, field: checked.field, problem: checked.problem }
      session = checked.config
      writeDevicePref(WEB_SYNC_KEY, JSON.stringify(session === null ? null : { url: session.url, user: session.user }))
      return { saved: true, state: state() }
    },
    test: () =>
      toSyncReply(async () => {
        const dav = transport()
        if (dav === null) throw new SyncTransportError('unavailable', 'no sync folder is set')
        await dav.test()
        return null
      }),
    limits: 'browser'
  }
  return { settings, transport: (): SyncTransport | null => transport() }
}
