// Owns the sync folder on the main process's side: the WebDAV address, user and app password in a file of the data folder (never in IndexedDB, so no backup or export carries them, and never sent back to the page), the calls' payloads checked with zod, and each transport call answered as a SyncReply.
import { join } from 'node:path'
import { z } from 'zod'
import type { SyncConfigureRequest, SyncConfigureResult, SyncReply, SyncState } from '../shared/sync'
import { checkSyncConfig, createWebDavTransport, toSyncReply, type WebDavTransport } from '../shared/webdav-client'
import { SyncTransportError } from '../../src/domain/sync/transport'

/** The folder's address and credentials. */
export const SYNC_SETTINGS_FILE = 'sync-webdav.json'

const settingsSchema = z.object({ version: z.literal(1), url: z.string().max(2048), user: z.string().max(256), password: z.string().max(1024) })
type Settings = z.infer<typeof settingsSchema>

/** The page's payloads: bounded strings, no other fields. */
export const syncConfigureSchema = z.strictObject({ url: z.string().max(2048), user: z.string().max(256), password: z.string().max(1024).optional() })
/** A sync path: the engine names its files; the client refuses '..' and absolute paths. */
export const syncPathSchema = z.string().max(1024)
/** The page may remove only a device's message or snapshot file (compaction), never a folder or the key file. */
export const syncRemovablePathSchema = z.string().regex(/^credit-ledger-sync\/[0-9a-f]{16}\/\d{8}\.(msg|snap)$/)
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
  remove(path: string): Promise<SyncReply<null>>
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const path = join(deps.dir, SYNC_SETTINGS_FILE)
  let settings: Settings | null | undefined

  const load = async (): Promise<Settings | null> => {
    if (settings !== undefined) return settings
    const text = await deps.readText(path)
    try {
      const parsed: unknown = text === null ? null : JSON.parse(text)
      settings = parsed === null ? null : settingsSchema.parse(parsed)
    } catch (error) {
      console.error(`Sync: ${path} could not be read; the folder must be set again:`, error)
      settings = null
    }
    return settings
  }

  const stateOf = (s: Settings | null): SyncState => (s === null ? { configured: false, url: null, user: null } : { configured: true, url: s.url, user: s.user })

  const call = async <T>(run: (dav: WebDavTransport) => Promise<T>): Promise<SyncReply<T>> => {
    const s = await load()
    return toSyncReply(() => {
      if (s === null) throw new SyncTransportError('unavailable', 'no sync folder is set')
      return run(createWebDavTransport(s, { fetch: deps.fetch, ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }) }))
    })
  }

  return {
    state: async () => stateOf(await load()),

    async configure(request) {
      const checked = checkSyncConfig(request, await load())
      if (!checked.ok) return { saved: false, field: checked.field, problem: checked.problem }
      const next: Settings | null = checked.config === null ? null : { version: 1, ...checked.config }
      // 'null' is a folder that was disconnected.
      await deps.writeText(path, JSON.stringify(next, null, 2))
      settings = next
      return { saved: true, state: stateOf(next) }
    },

    test: () => call(async (dav) => (await dav.test(), null)),
    list: (folder) => call((dav) => dav.list(folder)),
    read: (file) => call((dav) => dav.read(file)),
    create: (file, text) => call(async (dav) => (await dav.create(file, text), null)),
    remove: (file) => call(async (dav) => (await dav.remove(file), null))
  }
}
