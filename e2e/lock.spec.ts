// The app lock and the appearance in the web build: a password set in Settings is asked on opening and after the idle time
// (page.clock moves the time), a wrong one is refused, and the lock can be removed; dark follows the system or the choice.
// Screenshots of the changed pages, light and dark, in both languages at two window sizes.
import { expect, test, type Page } from '@playwright/test'
import { LedgerPage } from './ledger-page'

const SHOTS = 'e2e/.artifacts/lock'
const PASSWORD = 'ledger-2026'

function settingsCard(page: Page) {
  return page.getByTestId('app-lock-settings')
}

function errorOf(page: Page, testId: string) {
  return settingsCard(page).locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)')
}

async function setLock(page: Page, password: string) {
  const card = settingsCard(page)
  await card.getByTestId('lock-set').click()
  await card.getByTestId('lock-new').fill(password)
  await card.getByTestId('lock-confirm').fill(password)
  await card.getByTestId('lock-save').click()
  await expect(card.getByTestId('lock-status')).toHaveText(/已开启|On/)
}

async function unlock(page: Page, password: string) {
  const field = page.getByTestId('lock-password').locator('input').or(page.locator('input[data-testid="lock-password"]')).first()
  await expect(field).toBeFocused()
  await field.fill(password)
  await field.press('Enter')
}

test.describe('the app lock', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') })
  })

  test('a password set in Settings is asked on opening and after 5 idle minutes, and can be removed', async ({ page }) => {
    const app = new LedgerPage(page)
    await app.open('#/settings')
    const card = settingsCard(page)
    await expect(card.getByTestId('lock-status')).toHaveText('未开启')

    // The checks name the field.
    await card.getByTestId('lock-set').click()
    await expect(card.getByTestId('lock-new')).toBeFocused()
    await card.getByTestId('lock-save').click()
    await expect(errorOf(page, 'lock-new')).toHaveText('请输入新密码')
    await expect(errorOf(page, 'lock-confirm')).toHaveText('请再次输入新密码')
    await card.getByTestId('lock-new').fill('abc')
    await expect(errorOf(page, 'lock-new')).toHaveText('新密码至少 6 个字符')
    await card.getByTestId('lock-new').fill(PASSWORD)
    await card.getByTestId('lock-confirm').fill(`${PASSWORD}x`)
    await card.getByTestId('lock-save').click()
    await expect(errorOf(page, 'lock-confirm')).toHaveText('两次输入的新密码不一致')
    await card.getByTestId('lock-confirm').fill(PASSWORD)
    await card.getByTestId('lock-save').click()
    await expect(card.getByTestId('lock-status')).toHaveText('已开启')
    // Setting it does not lock the screen at once; only the hash is stored, on this device.
    await expect(page.getByTestId('nav')).toBeVisible()
    const stored = await page.evaluate(() => localStorage.getItem('ledger.lock.v1') ?? '')
    expect(JSON.parse(stored)).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA256', iterations: 600000 })
    expect(stored).not.toContain(PASSWORD)

    // Opening again asks; nothing of the ledger is in the page behind the lock.
    await page.reload()
    await expect(page.getByTestId('lock-screen')).toBeVisible()
    await expect(page.getByTestId('nav')).toHaveCount(0)
    await expect(page.getByTestId('page-settings')).toHaveCount(0)
    await unlock(page, 'wrong-password')
    await expect(page.getByTestId('lock-wrong')).toHaveText('密码不正确，请重试')
    await expect(page.getByTestId('nav')).toHaveCount(0)
    await unlock(page, PASSWORD)
    await expect(page.getByTestId('nav')).toBeVisible()
    await expect(page.getByTestId('lock-screen')).toHaveCount(0)

    // Idle: 4 minutes is not enough, a mouse move starts the count again, 5 minutes without one locks.
    await page.clock.fastForward('04:00')
    await expect(page.getByTestId('nav')).toBeVisible()
    await page.mouse.move(200, 200)
    await page.mouse.move(220, 240)
    await page.clock.fastForward('04:00')
    await expect(page.getByTestId('nav')).toBeVisible()
    await page.clock.fastForward('01:05')
    await expect(page.getByTestId('lock-screen')).toBeVisible()
    await expect(page.getByTestId('nav')).toHaveCount(0)
    await unlock(page, PASSWORD)
    await expect(page.getByTestId('page-settings')).toBeVisible()

    // Another idle time: 1 minute.
    await card.getByTestId('lock-idle').click()
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option', { hasText: '1 分钟' }).click()
    await page.clock.fastForward('01:05')
    await expect(page.getByTestId('lock-screen')).toBeVisible()
    await unlock(page, PASSWORD)

    // Removing asks for the current password.
    await card.getByTestId('lock-remove').click()
    await card.getByTestId('lock-current').fill('wrong-password')
    await card.getByTestId('lock-save').click()
    await expect(errorOf(page, 'lock-current')).toHaveText('当前密码不正确')
    await card.getByTestId('lock-current').fill(PASSWORD)
    await card.getByTestId('lock-save').click()
    await expect(card.getByTestId('lock-status')).toHaveText('未开启')
    expect(await page.evaluate(() => localStorage.getItem('ledger.lock.v1'))).toBeNull()
    await page.reload()
    await expect(page.getByTestId('nav')).toBeVisible()
    await page.clock.fastForward('10:00')
    await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  })
})

test('locking takes away a confirmation left open and the undo on offer', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') })
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await page.locator('.ant-notification-notice-close').first().click()
  await app.nav('settings')
  await setLock(page, PASSWORD)
  // Sample data again: its "replace?" confirmation is left open, and an undo is on offer from the first load.
  await page.getByTestId('page-settings').getByTestId('load-sample').click()
  await expect(page.locator('.ant-modal-confirm')).toBeVisible()
  await page.clock.fastForward('05:05')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.locator('.ant-modal-confirm')).toHaveCount(0)
  // Ctrl+Z on the lock screen undoes nothing.
  await page.getByTestId('lock-screen').click({ position: { x: 10, y: 10 } })
  await page.keyboard.press('Control+z')
  await page.locator('input[data-testid="lock-password"]').or(page.getByTestId('lock-password').locator('input')).first().click()
  await unlock(page, PASSWORD)
  await expect(page.getByTestId('nav')).toBeVisible()
  await app.nav('accounts')
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await expect(page.getByTestId('undo-button')).toHaveCount(0)
})

async function bodyBackground(page: Page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor)
}

const DARK_BG = 'rgb(20, 20, 20)'
const LIGHT_BG = 'rgb(246, 245, 243)'

test('dark follows the system by default, and 浅色 / 深色 keep one whatever the system says', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const app = new LedgerPage(page)
  await app.open('#/settings')
  expect(await bodyBackground(page)).toBe(DARK_BG)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  // antd's own surfaces are dark too (its theme variables).
  const cardBg = await page.getByTestId('appearance-settings').evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(cardBg).not.toBe('rgb(255, 255, 255)')

  const appearance = page.getByTestId('appearance')
  await appearance.getByText('浅色').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await bodyBackground(page)).toBe(LIGHT_BG)
  expect(await page.getByTestId('appearance-settings').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)')

  // Kept on reopening, dark system or not.
  await page.reload()
  await expect(page.getByTestId('nav')).toBeVisible()
  expect(await bodyBackground(page)).toBe(LIGHT_BG)

  await page.getByTestId('appearance').getByText('深色').click()
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await bodyBackground(page)).toBe(DARK_BG)

  // Following the system again hears its changes.
  await page.getByTestId('appearance').getByText('跟随系统').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 }
] as const

for (const language of ['zh-CN', 'en'] as const) {
  test(`screenshots of the lock screen, settings and pages in dark and light (${language})`, async ({ page }) => {
    test.setTimeout(180_000)
    const app = new LedgerPage(page)
    await page.emulateMedia({ colorScheme: 'dark' })
    await app.open()
    await page.getByTestId('empty-state').getByTestId('load-sample').click()
    await expect(app.rows('accounts-table')).toHaveCount(8)
    await page.getByTestId('undo-button').waitFor()
    await page.locator('.ant-notification-notice-close').click()
    if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
    await app.nav('settings')
    await setLock(page, PASSWORD)

    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const size of SIZES) {
        await page.setViewportSize(size)
        const name = (what: string) => `${SHOTS}/${language}-${scheme}-${size.width}x${size.height}-${what}.png`
        await app.nav('settings')
        await page.waitForTimeout(300)
        await page.screenshot({ path: name('settings') })
        await page.getByTestId('page-settings').locator('.settings-grid').evaluate((el) => el.scrollTo(0, el.scrollHeight))
        await page.waitForTimeout(200)
        await page.screenshot({ path: name('settings-lock') })
        if (scheme === 'dark') {
          for (const p of ['home', 'draws', 'orders', 'overview', 'risk', 'mortgage', 'accounts']) {
            await app.nav(p)
            await page.waitForTimeout(p === 'overview' ? 2000 : 400)
            await page.screenshot({ path: name(p) })
          }
          // An account page: its figures in one row, its list below.
          await page.getByRole('link', { name: '花呗' }).click()
          await expect(page.getByTestId('account-owed')).toBeVisible()
          await page.waitForTimeout(400)
          await page.screenshot({ path: name('account') })
        }
        await page.reload()
        await expect(page.getByTestId('lock-screen')).toBeVisible()
        await unlockShot(page, name('lock'))
        const notice = page.locator('.ant-notification-notice-close')
        if (await notice.count()) await notice.first().click()
      }
    }
  })
}

async function unlockShot(page: Page, path: string) {
  const field = page.locator('input[data-testid="lock-password"]').or(page.getByTestId('lock-password').locator('input')).first()
  await field.fill('wrong-one')
  await field.press('Enter')
  await expect(page.getByTestId('lock-wrong')).toBeVisible()
  await page.screenshot({ path })
  await unlock(page, PASSWORD)
  await expect(page.getByTestId('nav')).toBeVisible()
}
