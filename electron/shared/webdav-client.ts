// Owns talking WebDAV to the user's sync folder over fetch (the main process's or the page's): the SyncTransport contract as PROPFIND, GET, MKCOL, PUT and DELETE, the multistatus reply read without a DOM, the address check, and which HTTP answers mean what.
import { SyncTransportError, type SyncTransport } from '../../src/domain/sync/transport'
import type { SyncReply } from './sync'

export interface WebDavConfig {
  /** The user's DAV root (坚果云 https://dav.jianguoyun.com/dav/, Nextcloud https://host/remote.php/dav/files/user/). */
  url: string
  user: string
  /** An app password, not the account's own. */
  password: string
}

export interface WebDavOptions {
  fetch?: typeof fetch
  /** Per request; a server that has not answered by then is treated as unreachable. */
  timeoutMs?: number
}

/** The transport, and the settings card's "test the connection". */
export interface WebDavTransport extends SyncTransport {
  /** Resolves when the root answers a PROPFIND with these credentials; throws SyncTransportError otherwise. */
  test(): Promise<void>
}

export const WEBDAV_TIMEOUT_MS = 20_000
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

export type DavUrlCheck = { ok: true; url: string } | { ok: false; problem: 'format' | 'https' }

/**
 * The root as the user typed it, made comparable: https (plain http only to this computer, where
 * nothing crosses a network), no credentials or query in it, ending in '/' so paths join below it.
 */
export function checkDavUrl(text: string): DavUrlCheck {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return { ok: false, problem: 'format' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'format' }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return { ok: false, problem: 'format' }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, problem: 'https' }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/*$/, '/')}` }
}

/**
 * A path relative to the root, each segment percent-encoded. '' is the root itself (a folder only).
 * Absolute paths, '.', '..', empty segments, backslashes and control characters are refused: the
 * engine names its own files, so any of those is a bug that must not reach outside the folder.
 */
export function encodeDavPath(path: string, allowRoot = false): string {
  if (path === '' && allowRoot) return ''
  const segments = path.split('/')
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[\\\p{Cc}]/u.test(segment)) {
      throw new SyncTransportError('unavailable', `refused sync path "${path}"`)
    }
  }
  return segments.map(encodeURIComponent).join('/')
}

/** One entry of a multistatus reply: its href decoded to a path, and whether it is a folder. */
export interface DavEntry {
  path: string
  isFolder: boolean
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeXmlText(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(text)
  if (cdata) return cdata[1] ?? ''
  return text.trim().replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
    return XML_ENTITIES[name] ?? whole
  })
}

/** An href's path with every segment percent-decoded; an href may be a whole URL or a path. */
export function hrefToPath(href: string): string {
  let pathname = href
  try {
    pathname = new URL(href, 'http://x.invalid/').pathname
  } catch {
    // Left as it came; decoded below as far as it goes.
  }
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
    .join('/')
}

/** An element of the DAV: vocabulary with any prefix (d:, D:, lp1:, none with a default namespace). */
const element = (name: string) => new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)<\\/(?:\\1:)?${name}\\s*>`, 'g')
const RESPONSE = element('response')
const HREF = element('href')
const RESOURCETYPE = element('resourcetype')
const COLLECTION = /<(?:[A-Za-z_][\w.-]*:)?collection[\s/>]/

/**
 * Reads a 207 multistatus body without a DOM (the main process has none, and one parser in both
 * builds is one parser to test). Servers differ only in prefixes and whitespace, which this
 * ignores; it matches element names, not namespace URIs, so a foreign element also named
 * 'response' or 'href' would be misread - none of the servers this is written for sends one.
 */
export function parseMultistatus(xml: string): DavEntry[] {
  const entries: DavEntry[] = []
  for (const response of xml.matchAll(RESPONSE)) {
    const body = response[2] ?? ''
    const href = [...body.matchAll(HREF)][0]?.[2]
    if (href === undefined) continue
    const types = [...body.matchAll(RESOURCETYPE)].map((m) => m[2] ?? '')
    entries.push({ path: hrefToPath(decodeXmlText(href)), isFolder: types.some((t) => COLLECTION.test(t)) })
  }
  return entries
}

const trimSlashes = (path: string) => path.replace(/\/+$/, '')

/** The names directly in `folderPath` (a decoded path, as hrefToPath gives), the folder itself left out. */
export function childNames(entries: readonly DavEntry[], folderPath: string): string[] {
  const self = trimSlashes(folderPath)
  const names: string[] = []
  for (const entry of entries) {
    const path = trimSlashes(entry.path)
    if (path === self) continue
    if (!path.startsWith(`${self}/`)) continue
    const name = path.slice(self.length + 1)
    if (name !== '' && !name.includes('/')) names.push(name)
  }
  return names
}

function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

const PROPFIND_BODY = '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'

/** What an answer that is none of the expected ones means for the caller. */
function failure(method: string, status: number): SyncTransportError {
  if (status === 401 || status === 403) return new SyncTransportError('auth', `${method}: HTTP ${status}`, status)
  return new SyncTransportError('server', `${method}: HTTP ${status}`, status)
}

export function createWebDavTransport(config: WebDavConfig, options: WebDavOptions = {}): WebDavTransport {
  const checked = checkDavUrl(config.url)
  if (!checked.ok) throw new SyncTransportError('unavailable', `refused WebDAV address (${checked.problem})`)
  const root = checked.url
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const timeoutMs = options.timeoutMs ?? WEBDAV_TIMEOUT_MS
  const authorization = `Basic ${base64Utf8(`${config.user}:${config.password}`)}`

  /** One request; a fetch that fails or times out is 'network', and the body is read here so the timeout covers it. */
  const request = async (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; text: string }> => {
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      const response = await doFetch(root + path, { method, headers: { Authorization: authorization, ...headers }, body, signal, cache: 'no-store', credentials: 'omit' })
      return { status: response.status, text: method === 'HEAD' ? '' : await response.text() }
    } catch (error) {
      const detail = signal.aborted ? `no answer in ${timeoutMs / 1000} s` : error instanceof Error ? error.message : String(error)
      throw new SyncTransportError('network', `${method}: ${detail}`)
    }
  }

  const propfind = (path: string, depth: '0' | '1') => request('PROPFIND', path, { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' }, PROPFIND_BODY)

  /** Makes each folder of `segments` that is missing, from the top down. */
  const makeFolders = async (segments: readonly string[]) => {
    for (let i = 1; i <= segments.length; i++) {
      const { status } = await request('MKCOL', `${segments.slice(0, i).join('/')}/`)
      // 405: already there (RFC 4918 9.3.1). Some servers say 409/301 for a folder that exists; the PUT then tells.
      if (status === 201 || status === 405) continue
      if (status === 401 || status === 403 || status >= 500) throw failure('MKCOL', status)
    }
  }

  return {
    async list(folder) {
      const path = encodeDavPath(folder, true)
      const { status, text } = await propfind(path === '' ? '' : `${path}/`, '1')
      if (status === 404) return []
      if (status !== 207) throw failure('PROPFIND', status)
      return childNames(parseMultistatus(text), hrefToPath(new URL(path === '' ? root : `${root}${path}/`).pathname))
    },

    async read(path) {
      const { status, text } = await request('GET', encodeDavPath(path))
      if (status === 404 || status === 410) return null
      if (status !== 200) throw failure('GET', status)
      return text
    },

    /**
     * Never overwrites: a HEAD first, then a PUT with If-None-Match: * (a server that honours it
     * answers 412 when another device wrote the file in between). A server that ignores the header
     * (the webdav-server package the tests run does) leaves a gap between the HEAD and the PUT in
     * which two writers of the same name both succeed, the later one winning. The sync engine names
     * its files per device, so two writers of one name are the same device twice.
     */
    async create(path, text) {
      const encoded = encodeDavPath(path)
      const head = await request('HEAD', encoded)
      if (head.status >= 200 && head.status < 300) throw new SyncTransportError('exists', path, head.status)
      if (head.status !== 404 && head.status !== 410) throw failure('HEAD', head.status)
      const put = () => request('PUT', encoded, { 'If-None-Match': '*', 'Content-Type': 'application/octet-stream' }, text)
      let { status } = await put()
      if (status === 409 || status === 404) {
        // The folder is missing (409 per RFC 4918 9.7.1; some servers say 404): make it and try once more.
        await makeFolders(encoded.split('/').slice(0, -1))
        status = (await put()).status
      }
      if (status === 412) throw new SyncTransportError('exists', path, status)
      if (status !== 200 && status !== 201 && status !== 204) throw failure('PUT', status)
    },

    async remove(path) {
      const { status } = await request('DELETE', encodeDavPath(path))
      if (status === 404 || status === 410) return
      if (status !== 200 && status !== 204) throw failure('DELETE', status)
    },

    async test() {
      const { status } = await propfind('', '0')
      if (status !== 207) throw failure('PROPFIND', status)
    }
  }
}

export type SyncConfigCheck = { ok: true; config: WebDavConfig | null } | { ok: false; field: 'url' | 'user' | 'password'; problem: 'required' | 'format' | 'https' }

/**
 * The folder's settings after the user's edit: an empty address disconnects (null); a password left
 * out keeps the saved one only while the host stays the same, so a changed address never receives it.
 */
export function checkSyncConfig(request: { url: string; user: string; password?: string }, saved: WebDavConfig | null): SyncConfigCheck {
  if (request.url.trim() === '') return { ok: true, config: null }
  const url = checkDavUrl(request.url)
  if (!url.ok) return { ok: false, field: 'url', problem: url.problem }
  const user = request.user.trim()
  if (user === '') return { ok: false, field: 'user', problem: 'required' }
  const sameHost = saved !== null && new URL(saved.url).host === new URL(url.url).host
  const password = request.password ?? (sameHost ? saved.password : '')
  if (password === '') return { ok: false, field: 'password', problem: 'required' }
  return { ok: true, config: { url: url.url, user, password } }
}

/** Runs transport work and gives its outcome as data (what crosses IPC, what the settings card reads); anything but a SyncTransportError is a bug and is rethrown. */
export async function toSyncReply<T>(run: () => Promise<T>): Promise<SyncReply<T>> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    if (error instanceof SyncTransportError) return { ok: false, kind: error.kind, status: error.status, detail: error.message.slice(0, 500) }
    throw error
  }
}
