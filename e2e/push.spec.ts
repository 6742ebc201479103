// The push-channels card in Settings: the web build says pushing needs the desktop app and offers no inputs; the desktop card (the page against a stand-in bridge, as no Electron runs here) lists the services, saves, tests and shows failures. Screenshots at 1280x800 in zh-CN and English.
import { expect, test, type Page } from '@playwright/test'
import { LedgerPage } from './ledger-page'

test.use({ viewport: { width: 1280, height: 800 } })

/** A stand-in for the preload bridge, run in the page: just enough of the main process for the page to run, no Electron needed. */
function standInBridge({ askedLoginItem }: { askedLoginItem: boolean }) {
  type Channel = { id: string; enabled: boolean; configured: boolean; shown: Record<string, string>; lastSuccessAt: string | null; lastError: { at: string; message: string } | null; pending: number }
  const ids = ['wecom', 'dingtalk', 'feishu', 'bark', 'ntfy', 'serverchan', 'pushplus']
  const channels: Channel[] = ids.map((id) => ({ id, enabled: false, configured: false, shown: {}, lastSuccessAt: null, lastError: null, pending: 0 }))
  const dingtalk = channels[1]
  if (dingtalk) Object.assign(dingtalk, { enabled: true, configured: true, lastError: { at: '2026-04-09T01:00:00Z', message: 'errcode 310000: sign not match' }, pending: 1 })
  const calls: unknown[][] = []
  Reflect.set(window, '__pushCalls', calls)
  const state = () => ({ channels: channels.map((c) => ({ ...c })) })
  Reflect.set(window, 'creditLedger', {
    getAppInfo: async () => ({ version: '0.1.0', dataDir: '/home/me/.config/credit-ledger', platform: 'linux' }),
    openExternal: async () => true,
    saveFile: async () => ({ saved: false }),
    notify: async () => true,
    setBadgeCount: async () => undefined,
    setTrayMode: async () => undefined,
    onNotificationClick: () => () => undefined,
    onResume: () => () => undefined,
    printToPdf: async () => ({ saved: false }),
    listSnapshots: async () => ({ dir: '/home/me/.config/credit-ledger/backups', snapshots: [] }),
    snapshotNeeded: async () => false,
    saveSnapshot: async () => ({ written: false, reason: 'unchanged' }),
    readSnapshot: async () => '',
    dataDiskSpace: async () => ({ free: 50e9, total: 100e9 }),
    // The answer is kept in localStorage, as main keeps it in desktop-prefs.json: a reload asks no more.
    getLoginItem: async () => ({ supported: true, openAtLogin: localStorage.getItem('standIn.openAtLogin') === 'true', asked: askedLoginItem || localStorage.getItem('standIn.asked') === 'true' }),
    setLoginItem: async (open: boolean) => {
      calls.push(['setLoginItem', open])
      localStorage.setItem('standIn.asked', 'true')
      localStorage.setItem('standIn.openAtLogin', String(open))
      return { supported: true, openAtLogin: open, asked: true }
    },
    pushState: async () => state(),
    pushConfigure: async (request: { id: string; enabled: boolean; fields: Record<string, string> }) => {
      calls.push(['configure', request])
      const key = Object.values(request.fields)[0] ?? ''
      if (key.startsWith('https://') && !key.startsWith('https://qyapi.weixin.qq.com/')) return { saved: false, field: 'key', problem: 'host' }
      const channel = channels.find((c) => c.id === request.id)
      if (channel) Object.assign(channel, { enabled: request.enabled, configured: true })
      return { saved: true, state: state() }
    },
    pushTest: async (id: string, message: unknown) => {
      calls.push(['test', id, message])
      const channel = channels.find((c) => c.id === id)
      if (channel) channel.lastSuccessAt = '2026-04-09T02:00:00Z'
      return { ok: true }
    },
    pushSend: async () => undefined
  })
}

async function withStandInBridge(page: Page, askedLoginItem = true) {
  await page.addInitScript(standInBridge, { askedLoginItem })
}

async function openSettings(page: Page, language: 'zh-CN' | 'en') {
  const app = new LedgerPage(page)
  await app.open()
  if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
  await app.nav('settings')
  return app
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`web build: the push card says the desktop app is needed, with no inputs (${language})`, async ({ page }) => {
    await openSettings(page, language)
    const card = page.getByTestId('push-channels')
    await card.scrollIntoViewIfNeeded()
    await expect(card.getByTestId('push-web-only')).toContainText(language === 'en' ? 'needs the desktop app' : '需要桌面版')
    await expect(card.locator('input, button')).toHaveCount(0)
    // Start at login is a desktop matter too: the web reminder card has no such switch.
    await expect(page.getByTestId('login-item')).toHaveCount(0)
    await card.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: `e2e/.artifacts/push/web-${language}.png` })
  })

  test(`desktop card against a stand-in bridge: save, test, failure shown (${language})`, async ({ page }) => {
    await withStandInBridge(page)
    await openSettings(page, language)
    const card = page.getByTestId('push-channels')
    await card.scrollIntoViewIfNeeded()
    // The desktop reminder card has the start-at-login switch.
    await expect(page.getByTestId('login-item')).toBeVisible()
    await expect(card.getByTestId('push-status-dingtalk')).toBeVisible()
    await card.getByText(language === 'en' ? 'WeCom group bot (企业微信)' : '企业微信群机器人').click()
    const wecom = card.getByTestId('push-channel-wecom')
    await wecom.getByTestId('push-wecom-key').fill('https://evil.example/cgi-bin/webhook/send?key=abc')
    await wecom.getByTestId('push-wecom-save').click()
    await expect(wecom).toContainText(language === 'en' ? "is not on this service's own host" : '不是该服务的官方域名')
    await wecom.getByTestId('push-wecom-key').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')
    await wecom.getByTestId('push-wecom-save').click()
    await expect(wecom.getByTestId('push-wecom-enabled')).toBeChecked()
    await wecom.getByTestId('push-wecom-test').click()
    await expect(card.getByTestId('push-status-wecom')).toContainText('2026-04-09')
    const calls = await page.evaluate(() => Reflect.get(window, '__pushCalls') as unknown[][])
    expect(calls.at(-1)).toEqual(['test', 'wecom', { title: language === 'en' ? 'Credit Ledger · test message' : '信用账本 · 测试消息', body: expect.any(String) }])
    // The failing channel shows its error and what waits for a retry.
    await card.getByText(language === 'en' ? 'DingTalk bot (钉钉)' : '钉钉机器人').click()
    await expect(card.getByTestId('push-dingtalk-error')).toContainText('errcode 310000: sign not match')
    await expect(card.getByTestId('push-dingtalk-error')).toContainText(language === 'en' ? '1 waiting for a retry' : '1 条等待重试')
    // The picture: the WeCom panel closed again, the card at the top of the 1280x800 window.
    await card.getByText(language === 'en' ? 'WeCom group bot (企业微信)' : '企业微信群机器人').click()
    await card.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await page.waitForTimeout(400)
    await page.screenshot({ path: `e2e/.artifacts/push/desktop-${language}.png` })
  })
}

test('desktop: start at login is asked once; agreeing turns it on', async ({ page }) => {
  await withStandInBridge(page, false)
  const app = new LedgerPage(page)
  await app.open()
  const prompt = page.getByRole('dialog', { name: '开机时在后台启动信用账本？' })
  await expect(prompt).toBeVisible()
  await page.screenshot({ path: 'e2e/.artifacts/push/login-item-prompt-zh-CN.png' })
  await prompt.getByRole('button', { name: '开机启动' }).click()
  await expect(prompt).toBeHidden()
  expect(await page.evaluate(() => Reflect.get(window, '__pushCalls') as unknown[][])).toContainEqual(['setLoginItem', true])
  await page.reload()
  await app.nav('settings')
  await expect(page.getByTestId('login-item')).toBeChecked()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
