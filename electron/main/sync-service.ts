// Owns the sync folder on the main process's side: the WebDAV address, user and app password in a file of the data folder (never in IndexedDB, so no backup or export carries them, and never sent back to the page), the calls' payloads checked with zod, and each transport call answered as a SyncReply.
import { join } from 'node:path'
import { z } from 'zod'
import type { SyncConfigureRequest, SyncConfigureResult, SyncReply, SyncState } from '../shared/sync'
import { checkDavUrl, createWebDavTransport, type WebDavTransport } from '../shared/webdav-client'
import { SyncTransportError } from '../../src/platform/sync-transport'

/** The folder's address and credentials. */
export const SYNC_SETTINGS_FILE = 'sync-webdav.json'

const settingsSchema = z.object({ version: z.literal(1), url: z.string().max(2048), user: z.string().max(256), password: z.string().max(1024) })
type Settings = z.infer<typeof settingsSchema>

/** The page's payloads: bounded strings, no other fields. */
export const syncConfigureSchema = z.strictObject({ url: z.string().max(2048), user: z.string().max(256), password: z.string().max(1024).optional() })
/** A sync path: the engine names its files; the client refuses '..' and absolute paths. */
export const syncPathSchema = z.string().max(1024)
/** A sealed message file; a real one is a few kilobytes to a few megabytes. */
export const syncTextSchema = z.string().max(64 * 1024 * 1024)

export interface SyncServiceDeps {
  dir: string
  readText(path: string): Promise<string | null>
  /** Whole or nothing (durable-write.ts). */
  writeText(path: string, text: string): Promise<void>
  fetch: typeof fetch
  timeoutMs?: number
}

export interface SyncService {
  state(): Promise<SyncState>
  configure(request: SyncConfigureRequest): Promise<SyncConfigureResult>
  test(): Promise<SyncReply<null>>
  list(folder: string): Promise<SyncReply<string[]>>
  read(path: string): Promise<SyncReply<string | null>>
  create(path: string, text: string): Promise<SyncReply<null>>
}

const hostOf = (url: string) => new URL(url).host

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const path = join(deps.dir, SYNC_SETTINGS_FILE)
  let settings: Settings | null | undefined

  const load = async (): Promise<Settings | null> => {
    if (settings !== undefined) return settings
    const text = await deps.readText(path)
    try {
      // 'null' is a folder that was disconnected.
      const parsed: unknown = text === null ? null : JSON.parse(text)
      settings = parsed === null ? null : settingsSchema.parse(parsed)
    } catch (error) {
      console.error(`Sync: ${path} could not be read; the folder must be set again:`, error)
      settings = null
    }
    return settings
  }

  const stateOf = (s: Settings | null): SyncState => (s === null ? { configured: false, url: null, user: null } : { configured: true, url: s.url, user: s.user })

  /** Runs one transport call and turns its outcome into data; anything but a SyncTransportError is a bug and is rethrown. */
  const call = async <T>(run: (dav: WebDavTransport) => Promise<T>): Promise<SyncReply<T>> => {
    const s = await load()
    try {
      if (s === null) throw new SyncTransportError('unavailable', 'no sync folder is set')
      return { ok: true, value: await run(createWebDavTransport(s, { fetch: deps.fetch, ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }) })) }
    } catch (error) {
      if (error instanceof SyncTransportError) return { ok: false, kind: error.kind, status: error.status, detail: error.message.slice(0, 500) }
      throw error
    }
  }

  return {
    state: async () => stateOf(await load()),

    async configure(request) {
      const saved = await load()
      if (request.url.trim() === '') {
        await deps.writeText(path, 'null')
        settings = null
        return { saved: true, state: stateOf(null) }
      }
      const url = checkDavUrl(request.url)
      if (!url.ok) return { saved: false, field: 'url', problem: url.problem }
      const user = request.user.trim()
      if (user === '') return { saved: false, field: 'user', problem: 'required' }
      // The saved password goes only to the host it was saved for.
      const keep = request.password === undefined && saved !== null && hostOf(saved.url) === hostOf(url.url) ? saved.password : undefined
      const password = request.password ?? keep
      if (password === undefined || password === '') return { saved: false, field: 'password', problem: 'required' }
      const next: Settings = { version: 1, url: url.url, user, password }
      await deps.writeText(path, JSON.stringify(next, null, 2))
      settings = next
      return { saved: true, state: stateOf(next) }
    },

    test: () => call(async (dav) => (await dav.test(), null)),
    list: (folder) => call((dav) => dav.list(folder)),
    read: (file) => call((dav) => dav.read(file)),
    create: (file, text) => call(async (dav) => (await dav.create(file, text), null))
  }
}
