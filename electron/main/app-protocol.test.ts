// Tests the app:// protocol: which URLs name a file of the renderer folder (none escapes it, however encoded), and what the handler answers, with the CSP on every response.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, contentTypeOf, createAppProtocolHandler, resolveAppPath } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './security'

const root = join('/opt', 'credit-ledger', 'out', 'renderer')

describe('resolveAppPath', () => {
  it('maps app://ledger paths to files inside the renderer folder', () => {
    expect(resolveAppPath(root, APP_INDEX_URL)).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://ledger/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://ledger/assets/index-abc.js?v=1#/home')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(resolveAppPath(root, 'app://ledger/assets/%E5%9B%BE%20x.svg')).toBe(join(root, 'assets', '图 x.svg'))
  })

  it.each(['app://ledger/../../etc/passwd', 'app://ledger/assets/../../../etc/passwd', 'app://ledger/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the folder (the URL parser has already resolved its dots)',
    (url) => {
      expect(resolveAppPath(root, url)).toBe(join(root, 'etc', 'passwd'))
    }
  )

  it.each([
    'app://ledger/..%2f..%2fetc%2fpasswd',
    'app://ledger/assets%2f..%2f..%2fsecret',
    'app://ledger/..%5c..%5cwindows%5cwin.ini',
    'app://ledger/C:%5cWindows%5cwin.ini',
    'app://ledger/C%3a/Windows/win.ini',
    'app://ledger/index.html%00.png',
    'app://ledger//etc/passwd',
    'app://ledger/%E0%A4%A',
    'app://other/index.html',
    'app://ledger:8080/index.html',
    'app://user@ledger/index.html',
    'file:///opt/credit-ledger/out/renderer/index.html',
    'https://ledger/index.html',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it('types what it serves', () => {
    expect(contentTypeOf('/a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('/a/x.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('/a/parse-worker-1.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('/a/blob')).toBe('application/octet-stream')
  })

  it('registers a standard, secure scheme that can fetch, and never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } })
  })
})

describe('createAppProtocolHandler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'credit-ledger-protocol-'))
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>信用账本</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {}')
  writeFileSync(join(dir, 'secret.txt'), 'not for the page')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const handle = createAppProtocolHandler({ rendererDir: renderer, readFile: (p) => readFile(p), policy: CONTENT_SECURITY_POLICY })

  it('serves the page and its scripts with their type and the CSP', async () => {
    const page = await handle(new Request(APP_INDEX_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('信用账本')
    const script = await handle(new Request('app://ledger/assets/app.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export {}')
  })

  it('answers 404 for what is missing or outside, 405 for anything but GET and HEAD, with the CSP all the same', async () => {
    for (const url of ['app://ledger/missing.js', 'app://ledger/assets', 'app://ledger/..%2fsecret.txt', 'app://ledger/%2e%2e/secret.txt']) {
      const response = await handle(new Request(url))
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('not for the page')
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect((await handle(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await handle(new Request(APP_INDEX_URL, { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
