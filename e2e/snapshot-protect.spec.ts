// The desktop's automatic snapshots protected with a passphrase, against a stand-in bridge (no Electron runs here) that keeps the files main would write: turning protection on asks for the passphrase twice, the next automatic snapshot is sealed (nothing of the ledger readable in it), the list marks it, and restoring it asks for the passphrase - a wrong one is refused and changes nothing. Screenshots in both languages at 1280x800 and 1440x900.
import { expect, test, type Page } from '@playwright/test'
import { LedgerPage } from './ledger-page'

const NOW = new Date('2026-11-21T08:00:00+08:00')
const PASS = '快照口令 ledger-2026'
const SHOTS = 'e2e/.artifacts/backup'

/** Just enough of the main process for the backup page: snapshots kept in the page's memory, as main keeps them in backups/. */
function standInBridge() {
  type Kept = { name: string; kind: string; text: string; createdAt: string }
  const kept: Kept[] = []
  Reflect.set(window, '__snapshots', kept)
  const info = (s: Kept) => {
    const encrypted = s.text.includes('"credit-ledger-backup-encrypted"')
    // Main reads a plain file's counts from its header; the stand-in leaves them at zero, as for a protected one.
    const zero = { accounts: 0, draws: 0, orders: 0, repayments: 0, inquiries: 0, billInstalments: 0, billFigures: 0 }
    return {
      name: s.name,
      kind: s.kind,
      encrypted,
      createdAt: s.createdAt,
      appVersion: '0.1.0',
      schemaVersion: encrypted ? 0 : 3,
      checksum: '',
      counts: zero,
      from: null,
      to: null,
      size: s.text.length
    }
  }
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
    listSnapshots: async () => ({ dir: '/home/me/.config/credit-ledger/backups', snapshots: [...kept].reverse().map(info) }),
    // Main's "due" rules (a day apart, changed data) are its own; here a snapshot is due once the test says so.
    snapshotNeeded: async () => Reflect.get(window, '__snapshotDue') === true && !kept.some((s) => s.kind === 'auto'),
    saveSnapshot: async (request: { text: string; kind: string }) => {
      const name = `${request.kind}-2026-11-21-080${kept.length}.json`
      kept.push({ name, kind: request.kind, text: request.text, createdAt: new Date().toISOString() })
      return { written: true, name }
    },
    readSnapshot: async (name: string) => kept.find((s) => s.name === name)?.text ?? '',
    dataDiskSpace: async () => ({ free: 50e9, total: 100e9 }),
    getLoginItem: async () => ({ supported: true, openAtLogin: false, asked: true }),
    setLoginItem: async () => ({ supported: true, openAtLogin: false, asked: true }),
    pushState: async () => ({ channels: [] }),
    pushConfigure: async () => ({ saved: false, field: 'key', problem: 'required' }),
    pushTest: async () => ({ ok: true }),
    pushSend: async () => undefined,
    syncState: async () => ({ configured: false, url: null, user: null }),
    syncConfigure: async () => ({ saved: false, field: 'url', problem: 'required' }),
    syncTest: async () => ({ ok: false, kind: 'unavailable', status: null, detail: '' }),
    syncList: async () => ({ ok: false, kind: 'unavailable', status: null, detail: '' }),
    syncRead: async () => ({ ok: false, kind: 'unavailable', status: null, detail: '' }),
    syncCreate: async () => ({ ok: false, kind: 'unavailable', status: null, detail: '' }),
    syncRemove: async () => ({ ok: false, kind: 'unavailable', status: null, detail: '' })
  })
}

async function openDesktop(page: Page, language: 'zh-CN' | 'en'): Promise<LedgerPage> {
  await page.addInitScript(standInBridge)
  await page.clock.install({ time: NOW })
  const app = new LedgerPage(page)
  await app.open()
  if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
  await app.nav('backup')
  return app
}

async function turnOn(page: Page) {
  await page.getByTestId('snapshot-protect-switch').click()
  const pass = page.locator('input[data-testid="snapshot-passphrase"]')
  await expect(pass).toBeFocused()
  await pass.fill(PASS)
  await page.locator('input[data-testid="snapshot-passphrase-confirm"]').fill(PASS)
  await page.getByTestId('snapshot-protect-enable').click()
  await expect(page.getByTestId('snapshot-protect-on')).toBeVisible({ timeout: 20_000 })
}

/** The automatic snapshots the stand-in keeps (the copy taken before a bulk write, such as loading the sample, stays plain by design). */
const snapshots = (page: Page) => page.evaluate(() => (Reflect.get(window, '__snapshots') as { name: string; kind: string; text: string }[]).filter((s) => s.kind === 'auto'))

/** The watcher checks 5 s after records change and every hour: with the snapshot due, an hour on brings one. */
async function takeSnapshot(page: Page) {
  await page.evaluate(() => Reflect.set(window, '__snapshotDue', true))
  await page.clock.fastForward('01:00:05')
  await expect.poll(async () => (await snapshots(page)).length).toBe(1)
}

test('protection on: the next automatic snapshot is sealed, listed with a lock, and restored only with the passphrase', async ({ page }) => {
  test.setTimeout(120_000)
  const app = await openDesktop(page, 'zh-CN')
  // Two passphrases that differ are refused at the second field, and nothing is kept.
  await page.getByTestId('snapshot-protect-switch').click()
  await page.locator('input[data-testid="snapshot-passphrase"]').fill(PASS)
  await page.locator('input[data-testid="snapshot-passphrase-confirm"]').fill(`${PASS}x`)
  await page.getByTestId('snapshot-protect-enable').click()
  await expect(page.getByTestId('snapshot-protect')).toContainText('两次输入的口令不一致')
  await expect(page.getByTestId('snapshot-protect-on')).toHaveCount(0)
  await page.locator('input[data-testid="snapshot-passphrase-confirm"]').fill(PASS)
  await page.getByTestId('snapshot-protect-enable').click()
  await expect(page.getByTestId('snapshot-protect-on')).toHaveText('已开启：之后的自动备份都会加密')
  expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain(PASS)

  // Records arrive; the watcher's snapshot comes 5 s after they settle.
  await app.nav('home')
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  // On the desktop the reminder goes out as a system notification (the stand-in's), not a banner.
  await expect(page.getByTestId('due-totals')).toBeVisible()
  await takeSnapshot(page)
  const [file] = await snapshots(page)
  expect(JSON.parse(file!.text)).toMatchObject({ format: 'credit-ledger-backup-encrypted', version: 1, kdf: { name: 'PBKDF2-SHA256', iterations: 600000 } })
  // Nothing of the ledger in it: no account name, no date.
  for (const name of ['花呗', '招商银行', '网商贷', '2026-']) expect(file!.text).not.toContain(name)

  await app.nav('backup')
  const row = page.getByTestId('copy-row').filter({ has: page.getByTestId('copy-encrypted') })
  await expect(row.getByTestId('copy-encrypted')).toContainText('已加密')
  await row.getByTestId('copy-restore').click()
  const passphrase = page.locator('input[data-testid="restore-passphrase"]')
  await expect(passphrase).toBeFocused()
  await passphrase.fill('not the passphrase')
  await page.getByTestId('restore-open').click()
  await expect(page.getByTestId('restore-sealed-error')).toContainText('口令不对')
  await expect(page.getByTestId('restore-preview')).toHaveCount(0)
  await passphrase.fill(PASS)
  await passphrase.press('Enter')
  await expect(page.getByTestId('restore-preview').getByTestId('restore-count-accounts')).toContainText('账户8')

  // Off again (after asking): the next snapshot would be plain; the sealed one stays.
  await page.getByTestId('snapshot-protect-switch').click()
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '关闭加密' }).click()
  await expect(page.getByTestId('snapshot-protect-on')).toHaveCount(0)
  expect(await snapshots(page)).toHaveLength(1)
})

for (const language of ['zh-CN', 'en'] as const)
  test(`screenshots of protected automatic backups (${language})`, async ({ page }) => {
    test.setTimeout(90_000)
    const app = await openDesktop(page, language)
    await page.getByTestId('snapshot-protect-switch').click()
    await expect(page.locator('input[data-testid="snapshot-passphrase"]')).toBeFocused()
    for (const [width, height] of [
      [1280, 800],
      [1440, 900]
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: `${SHOTS}/${language}-${width}-snapshot-passphrase.png`, fullPage: true })
    }
    await page.getByTestId('snapshot-protect-switch').click()
    await turnOn(page)
    await app.nav('home')
    await page.getByTestId('empty-state').getByTestId('load-sample').click()
    await expect(page.getByTestId('due-totals')).toBeVisible()
    await takeSnapshot(page)
    await app.nav('backup')
    await expect(page.getByTestId('copy-encrypted')).toBeVisible()
    for (const [width, height] of [
      [1280, 800],
      [1440, 900]
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: `${SHOTS}/${language}-${width}-snapshot-protected.png`, fullPage: true })
    }
  })
