// Owns the renderer's security boundary: web preferences, CSP, navigation, new windows, permissions, link allow-list.
import type { WebPreferences } from 'electron'
import { isAllowedExternalUrl } from '../shared/links'
import { APP_HOST, APP_SCHEME } from './app-protocol'

/**
 * The production policy. It must equal CONTENT_SECURITY_POLICY in vite.shared.ts (a test checks):
 * it is copied rather than imported because vite.shared pulls the React Vite plugin, which would
 * then be bundled into the main process.
 */
const PRODUCTION_DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Ant Design injects its CSS-in-JS as <style> elements.
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'", 'data:'],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"]
]

/**
 * The Content-Security-Policy header for our pages. With a dev server the page also needs the
 * server's origin, its HMR websocket and inline scripts (the React refresh preamble is inline);
 * none of that is allowed in the built app.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const extra = new Map<string, string[]>()
  if (devServerUrl !== undefined) {
    const server = new URL(devServerUrl)
    const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`
    extra.set('script-src', [server.origin, "'unsafe-inline'"])
    extra.set('connect-src', [server.origin, socket])
  }
  return PRODUCTION_DIRECTIVES.map(([name, ...sources]) =>
    [name, ...sources, ...(extra.get(name) ?? [])].join(' ')
  ).join('; ')
}

/** The CSP of the built app, for comparison with the meta tag the renderer build injects. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/** Web preferences for every window: no Node in the page, the page cannot reach the preload's world. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false
  } as const satisfies WebPreferences
}

/** Where our own pages come from. */
export interface AppLocation {
  /** The electron-vite dev server (ELECTRON_RENDERER_URL); only in development. */
  devServerUrl?: string
}

function parseUrl(candidate: string): URL | undefined {
  try {
    return new URL(candidate)
  } catch {
    return undefined
  }
}

/**
 * Builds the test for "this URL is one of our pages": same origin as the dev server in
 * development, otherwise the app:// origin the built renderer is served from (app-protocol.ts).
 * No file:// URL is ever ours: a page that got to a local file must not be treated as the app.
 */
export function createAppUrlCheck(location: AppLocation): (candidate: string) => boolean {
  if (location.devServerUrl !== undefined) {
    const origin = new URL(location.devServerUrl).origin
    return (candidate) => parseUrl(candidate)?.origin === origin
  }
  return (candidate) => {
    const url = parseUrl(candidate)
    // app: is not a special scheme to the URL parser, so its origin reads "null": compare the parts.
    return url !== undefined && url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === ''
  }
}

export { isAllowedExternalUrl }

export interface NavigationEvent {
  readonly url: string
  preventDefault(): void
}

/** The parts of a WebContents whose navigation is locked down. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface ContentsGuardDeps {
  isAppUrl: (url: string) => boolean
  /** Opens an allow-listed link in the system browser (shell.openExternal). */
  openExternal: (url: string) => Promise<unknown>
}

function openIfAllowed(url: string, openExternal: ContentsGuardDeps['openExternal']): void {
  if (!isAllowedExternalUrl(url)) return
  openExternal(url).catch((error: unknown) => console.warn('Could not open link:', url, error))
}

/**
 * Keeps every web contents on our own pages: navigations elsewhere are cancelled and no window
 * is ever opened. An allow-listed https link (clicked or window.open'ed) goes to the system
 * browser instead, so the user still reaches it.
 */
export function guardWebContents(contents: GuardedContents, { isAppUrl, openExternal }: ContentsGuardDeps): void {
  const keepInApp = (event: NavigationEvent): void => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    openIfAllowed(event.url, openExternal)
  }
  contents.on('will-navigate', keepInApp)
  contents.on('will-redirect', keepInApp)
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, openExternal)
    return { action: 'deny' }
  })
}

/** Permissions the page may have; everything else (camera, geolocation, clipboard...) is refused. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['notifications', 'persistent-storage']

type ResponseHeaders = Record<string, string | string[]>

/** The parts of a Session that carry the CSP and the permission policy. */
export interface GuardedSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void
      ) => void
    ): void
  }
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string }
    ) => void
  ): void
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void
}

/** Copies the headers, replacing any CSP the server sent (in any letter case) with ours. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string
): ResponseHeaders {
  const result: ResponseHeaders = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value
  }
  result['Content-Security-Policy'] = [policy]
  return result
}

export interface SessionGuardDeps {
  isAppUrl: (url: string) => boolean
  policy: string
}

/** Adds the CSP header to every response and answers permission requests from the allow-list. */
export function guardSession(session: GuardedSession, { isAppUrl, policy }: SessionGuardDeps): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
  })
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const fromApp = details.requestingUrl !== undefined && isAppUrl(details.requestingUrl)
    callback(fromApp && ALLOWED_PERMISSIONS.includes(permission))
  })
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.includes(permission))
}
