// Tests the security boundary: web preferences, CSP, app URL check, link allow-list, navigation and permissions.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY as RENDERER_META_POLICY } from '../../vite.shared'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  createAppUrlCheck,
  guardSession,
  guardWebContents,
  isAllowedExternalUrl,
  secureWebPreferences,
  withContentSecurityPolicy,
  type GuardedSession,
  type NavigationEvent
} from './security'

const rendererDir = join('/opt', 'credit-ledger', 'out', 'renderer')
const indexUrl = 'app://ledger/index.html'
const builtApp = createAppUrlCheck({})
const devApp = createAppUrlCheck({ devServerUrl: 'http://localhost:5173' })

describe('secureWebPreferences', () => {
  it('isolates the page from Node and the preload', () => {
    const prefs = secureWebPreferences('/opt/credit-ledger/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      preload: '/opt/credit-ledger/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })
})

describe('contentSecurityPolicy', () => {
  it('matches the meta tag the renderer build injects', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(RENDERER_META_POLICY)
    expect(contentSecurityPolicy()).toBe(RENDERER_META_POLICY)
  })

  it('allows only our own scripts in the built app', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it("lets the import's parsing worker load from the app itself: no worker-src or child-src, so script-src 'self' governs workers", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/worker-src|child-src/)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    // A blob: worker (Vite's inline workers) would need blob: in script-src; the build emits a file instead.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*blob:/)
  })

  it('opens the dev server, its HMR socket and inline scripts in development only', () => {
    const policy = contentSecurityPolicy('http://localhost:5173/')
    expect(policy).toContain("script-src 'self' http://localhost:5173 'unsafe-inline'")
    expect(policy).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toContain('unsafe-eval')
  })
})

describe('createAppUrlCheck', () => {
  it('accepts pages of the app:// origin, with hash routes', () => {
    expect(builtApp(indexUrl)).toBe(true)
    expect(builtApp(`${indexUrl}#/lines/42`)).toBe(true)
    expect(builtApp('app://ledger/')).toBe(true)
  })

  it('refuses every local file (the renderer folder included), other hosts, ports and users of the scheme', () => {
    expect(builtApp(pathToFileURL('/etc/passwd').href)).toBe(false)
    expect(builtApp(pathToFileURL(join(rendererDir, 'index.html')).href)).toBe(false)
    expect(builtApp('app://evil/index.html')).toBe(false)
    expect(builtApp('app://ledger:1/index.html')).toBe(false)
    expect(builtApp('app://x@ledger/index.html')).toBe(false)
    expect(builtApp('apps://ledger/index.html')).toBe(false)
  })

  it('refuses the web and garbage', () => {
    expect(builtApp('https://github.com/')).toBe(false)
    expect(builtApp('not a url')).toBe(false)
    expect(builtApp('')).toBe(false)
  })

  it('accepts only the dev server origin in development', () => {
    expect(devApp('http://localhost:5173/')).toBe(true)
    expect(devApp('http://localhost:5173/src/main.tsx?t=1')).toBe(true)
    expect(devApp('http://localhost:5174/')).toBe(false)
    expect(devApp('http://127.0.0.1:5173/')).toBe(false)
    expect(devApp(indexUrl)).toBe(false)
  })
})

describe('isAllowedExternalUrl', () => {
  it.each(['https://github.com/', 'https://www.pbccrc.org.cn/crc/', 'https://www.pbc.gov.cn/a?b=c#d'])(
    'allows %s',
    (url) => {
      expect(isAllowedExternalUrl(url)).toBe(true)
    }
  )

  it.each([
    'http://github.com/',
    'https://github.com.evil.example/',
    'https://evil.github.com/',
    'https://github.com:8443/',
    'https://user:pass@github.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'github.com',
    ''
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(42)).toBe(false)
    expect(isAllowedExternalUrl({ href: 'https://github.com/' })).toBe(false)
  })
})

function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  return {
    on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void) {
      emitter.on(event, listener)
      return this
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler
    },
    navigate(kind: 'will-navigate' | 'will-redirect', url: string) {
      const event = { url, preventDefault: vi.fn() }
      emitter.emit(kind, event)
      return event
    },
    open(url: string) {
      if (openHandler === undefined) throw new Error('no window open handler was set')
      return openHandler({ url })
    }
  }
}

describe('guardWebContents', () => {
  function setup() {
    const contents = fakeContents()
    const openExternal = vi.fn(async (_url: string) => undefined)
    guardWebContents(contents, { isAppUrl: builtApp, openExternal })
    return { contents, openExternal }
  }

  it('lets the app navigate within itself', () => {
    const { contents, openExternal } = setup()
    expect(contents.navigate('will-navigate', `${indexUrl}#/reports`).preventDefault).not.toHaveBeenCalled()
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('blocks navigation to foreign pages and redirects', () => {
    const { contents, openExternal } = setup()
    expect(contents.navigate('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalledOnce()
    expect(contents.navigate('will-navigate', pathToFileURL('/etc/passwd').href).preventDefault).toHaveBeenCalledOnce()
    expect(contents.navigate('will-redirect', 'https://evil.example/').preventDefault).toHaveBeenCalledOnce()
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('sends a clicked allow-listed link to the system browser instead of navigating', () => {
    const { contents, openExternal } = setup()
    expect(contents.navigate('will-navigate', 'https://github.com/').preventDefault).toHaveBeenCalledOnce()
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://github.com/')
  })

  it('denies every window.open and passes only allow-listed https links on', () => {
    const { contents, openExternal } = setup()
    expect(contents.open('https://www.pbc.gov.cn/')).toEqual({ action: 'deny' })
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(contents.open('http://github.com/')).toEqual({ action: 'deny' })
    expect(contents.open(indexUrl)).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://www.pbc.gov.cn/']])
  })
})

function fakeSession() {
  type Handlers = Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0]
  type RequestHandler = Parameters<GuardedSession['setPermissionRequestHandler']>[0]
  type CheckHandler = Parameters<GuardedSession['setPermissionCheckHandler']>[0]
  const handlers: { headers?: Handlers; request?: RequestHandler; check?: CheckHandler } = {}
  const session: GuardedSession = {
    webRequest: { onHeadersReceived: (listener) => void (handlers.headers = listener) },
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler)
  }
  return { session, handlers }
}

describe('guardSession', () => {
  it('sets the CSP header on responses, replacing one the server sent', () => {
    const { session, handlers } = fakeSession()
    guardSession(session, { isAppUrl: builtApp, policy: 'default-src test' })
    const callback = vi.fn()
    handlers.headers?.(
      { responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["default-src *"] } },
      callback
    )
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': ['default-src test'] }
    })
  })

  it('sets the header when the response has none', () => {
    expect(withContentSecurityPolicy(undefined, CONTENT_SECURITY_POLICY)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
    })
  })

  it('grants notifications to the app and refuses everything else', () => {
    const { session, handlers } = fakeSession()
    guardSession(session, { isAppUrl: builtApp, policy: CONTENT_SECURITY_POLICY })
    const answers: Record<string, boolean> = {}
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      handlers.request?.({}, permission, (granted) => void (answers[permission] = granted), { requestingUrl: indexUrl })
    }
    expect(answers).toEqual({
      notifications: true,
      media: false,
      geolocation: false,
      'clipboard-read': false,
      openExternal: false
    })
    expect(handlers.check?.({}, 'notifications')).toBe(true)
    expect(handlers.check?.({}, 'media')).toBe(false)
  })

  it('refuses notifications to a page that is not ours', () => {
    const { session, handlers } = fakeSession()
    guardSession(session, { isAppUrl: builtApp, policy: CONTENT_SECURITY_POLICY })
    const callback = vi.fn()
    handlers.request?.({}, 'notifications', callback, { requestingUrl: 'https://evil.example/' })
    handlers.request?.({}, 'notifications', callback, {})
    expect(callback.mock.calls).toEqual([[false], [false]])
  })
})
