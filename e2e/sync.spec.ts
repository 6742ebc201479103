// Sync in the web build against a real WebDAV server (webdav-server on 127.0.0.1, answering the browser's cross-origin requests as a server that allows them would): a second browser profile gets the first one's ledger with only the folder and the passphrase; a wrong passphrase is refused. Screenshots of the card in both languages at two sizes.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { v2 as webdav } from 'webdav-server'
import { LedgerPage } from './ledger-page'

const USER = 'ledger@example.com'
const PASSWORD = 'app-password-1'
const PASSPHRASE = '同步口令 2026'
let server: Server
let davUrl = ''

test.beforeAll(async () => {
  const users = new webdav.SimpleUserManager()
  const account = users.addUser(USER, PASSWORD, false)
  const privileges = new webdav.SimplePathPrivilegeManager()
  privileges.setRights(account, '/', ['all'])
  const dav = new webdav.WebDAVServer({ httpAuthentication: new webdav.HTTPBasicAuthentication(users, 'test'), privilegeManager: privileges, requireAuthentification: true })
  server = createServer((request, response) => {
    // What a server that allows the page's origin sends (坚果云 does not; a self-hosted one can).
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*')
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Depth, Content-Type, If-None-Match')
    response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, PUT, PROPFIND, MKCOL, OPTIONS')
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      response.writeHead(204)
      response.end()
      return
    }
    dav.executeRequest(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const made = await fetch(`${origin}/dav/`, { method: 'MKCOL', headers: { Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` } })
  expect(made.status).toBe(201)
  davUrl = `${origin}/dav/`
})

test.afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function setUpFolder(page: Page, passphrase: string) {
  const card = page.getByTestId('sync-card')
  await card.getByTestId('sync-preset').click()
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option').last().click()
  await card.getByTestId('sync-url').fill(davUrl)
  await card.getByTestId('sync-user').fill(USER)
  await card.locator('input[data-testid="sync-password"]').fill(PASSWORD)
  await card.getByTestId('sync-save-folder').click()
  await card.locator('input[data-testid="sync-passphrase"]').fill(passphrase)
  await card.getByTestId('sync-connect').click()
}

async function fresh(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const app = new LedgerPage(page)
  return { context, page, app }
}

test('a second browser profile gets the ledger through the folder with the passphrase; a wrong one is refused', async ({ browser }) => {
  test.setTimeout(180_000)
  const a = await fresh(browser)
  await a.app.open()
  await a.page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(a.app.rows('accounts-table')).toHaveCount(8)
  await a.page.locator('.ant-notification-notice-close').first().click()
  await a.app.nav('settings')
  const counts = await a.page.getByTestId('data-counts').textContent()
  await a.app.nav('backup')
  await setUpFolder(a.page, PASSPHRASE)
  await expect(a.page.getByTestId('sync-status')).toHaveText('已连接', { timeout: 30_000 })
  await expect(a.page.getByTestId('sync-state')).toContainText('上次同步', { timeout: 30_000 })
  await expect(a.page.getByTestId('sync-state')).not.toContainText('发出 0 处改动')

  const b = await fresh(browser)
  await b.app.open()
  await b.app.nav('backup')
  await setUpFolder(b.page, PASSPHRASE)
  await expect(b.page.getByTestId('sync-state')).toContainText('上次同步', { timeout: 30_000 })
  await b.app.nav('settings')
  await expect(b.page.getByTestId('data-counts')).toHaveText(counts ?? '')
  await b.app.nav('accounts')
  await expect(b.app.rows('accounts-table')).toHaveCount(8)

  const c = await fresh(browser)
  await c.app.open()
  await c.app.nav('backup')
  await setUpFolder(c.page, 'not the passphrase')
  await expect(c.page.getByTestId('sync-connect-error')).toHaveText('同步口令不对。')
  await expect(c.page.getByTestId('sync-status')).toHaveText('未连接')
  for (const x of [a, b, c]) await x.context.close()
})

for (const language of ['zh-CN', 'en'] as const)
  test(`screenshots of the sync card (${language})`, async ({ browser }) => {
    const a = await fresh(browser)
    await a.app.open()
    if (language === 'en') await a.page.getByTestId('lang-switch').getByText('English').click()
    await a.app.nav('backup')
    await a.page.getByTestId('sync-card').scrollIntoViewIfNeeded()
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 }
    ]) {
      await a.page.setViewportSize(size)
      await a.page.getByTestId('sync-card').scrollIntoViewIfNeeded()
      await a.page.waitForTimeout(200)
      await a.page.screenshot({ path: `e2e/.artifacts/sync/${language}-${size.width}-sync-card.png` })
    }
    await a.context.close()
  })
