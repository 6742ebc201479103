// Owns the app:// protocol the built renderer is served from: one origin (app://ledger) with a real security model instead of file://, files only from inside the renderer folder, with the app's Content-Security-Policy on every response.
//
// A page on file:// may read any local file the URL rules allow and shares the null origin with
// every other local page; app://ledger is a standard, secure origin of its own, so IndexedDB, the
// private file system, module workers and the CSP behave as on the web.
import { extname, join, resolve, sep } from 'node:path'
import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'ledger'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * Registered before the app is ready. standard: relative URLs and its own origin (storage,
 * OPFS); secure: a secure context (navigator.storage, crypto.subtle); supportFetchAPI and
 * corsEnabled: module scripts and the module worker load as from a server (same origin only:
 * navigation and IPC stay locked to this origin by security.ts).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** A path segment that could leave the folder or name something else than a file in it. */
const UNSAFE_SEGMENT = /[/\\:\0]/

/**
 * The file inside `rendererDir` an app:// URL names, or null. Refused: another scheme or host, a
 * user, password or port, any segment that decodes to '.', '..', or holds a slash, a backslash, a
 * colon (Windows drives and streams) or a NUL; and, whatever the checks missed, any path that
 * resolves outside the folder. "/" is index.html; query and hash are ignored.
 */
export function resolveAppPath(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null
  const raw = parsed.pathname === '/' || parsed.pathname === '' ? ['index.html'] : parsed.pathname.slice(1).split('/')
  const segments: string[] = []
  for (const part of raw) {
    let segment: string
    try {
      segment = decodeURIComponent(part)
    } catch {
      return null
    }
    if (segment === '' || segment === '.' || segment === '..' || UNSAFE_SEGMENT.test(segment)) return null
    segments.push(segment)
  }
  const root = resolve(rendererDir)
  const path = resolve(join(root, ...segments))
  return path.startsWith(root + sep) ? path : null
}

export interface AppProtocolDeps {
  /** Absolute path of the built renderer folder (out/renderer). */
  rendererDir: string
  readFile(path: string): Promise<Uint8Array>
  /** The Content-Security-Policy every response carries (the same as the page's meta tag). */
  policy: string
}

function plain(status: number, text: string, policy: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': policy } })
}

/** The protocol.handle handler: GET and HEAD of files inside the renderer folder, nothing else. */
export function createAppProtocolHandler({ rendererDir, readFile, policy }: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed', policy)
    const path = resolveAppPath(rendererDir, request.url)
    if (path === null) return plain(404, 'Not Found', policy)
    let body: Uint8Array
    try {
      body = await readFile(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plain(404, 'Not Found', policy) : plain(500, 'Internal Server Error', policy)
    }
    const headers = {
      'Content-Type': contentTypeOf(path),
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    }
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers })
  }
}
