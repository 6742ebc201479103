// The first run in the web build: the empty home page leads to adding an account from a product preset (花呗 in one step), and an import that creates a 花呗 saves from the preset too; screenshots of both screens.
import { expect, test, type Page } from '@playwright/test'
import { ALIPAY_ROWS, alipayCsv } from '../src/testing/bill-fixtures'
import { LedgerPage } from './ledger-page'

const SHOTS = 'e2e/.artifacts/first-run'

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') })
})

async function openEmptyHome(app: LedgerPage) {
  await app.open('#/home')
  const home = app.page.getByTestId('page-home')
  await expect(home.getByTestId('empty-state')).toBeVisible()
  return home
}

test('from the empty home page, 花呗 is added from its preset in one step and listed with its statement and due days', async ({ page }) => {
  const app = new LedgerPage(page)
  const home = await openEmptyHome(app)
  // The three ways in, adding an account first.
  await expect(home.getByTestId('first-add-account')).toBeVisible()
  await expect(home.getByTestId('first-import')).toBeVisible()
  await expect(home.getByTestId('load-sample')).toBeVisible()

  await home.getByTestId('first-add-account').click()
  const picker = page.getByTestId('product-picker')
  await expect(picker).toBeVisible()
  await picker.getByTestId('preset-huabei').click()
  await expect(picker).toBeHidden()

  // The preset filled everything: save without typing.
  const dialog = app.modal('account-modal')
  await expect(dialog.getByTestId('field-name')).toHaveValue('花呗')
  await expect(dialog.getByTestId('field-statementDay')).toHaveValue('1')
  await expect(dialog.getByTestId('field-dueDay')).toHaveValue('10')
  await app.save(dialog)
  await expect(dialog).toBeHidden()

  await expect(page.getByTestId('page-accounts')).toBeVisible()
  const rows = app.rows('accounts-table')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('花呗')
  await expect(rows.first().getByTestId('account-days')).toHaveText('1 日出账 · 10 日还款')
})

test('every preset value stays editable: a 招商银行 card from its preset with another due day', async ({ page }) => {
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-add-account').click()
  await page.getByTestId('product-picker').getByTestId('preset-card-cmb').click()
  const dialog = app.modal('account-modal')
  await expect(dialog.getByTestId('field-statementDay')).toHaveValue('5')
  await expect(dialog.getByTestId('field-dueDay')).toHaveValue('23')
  await app.fill(dialog, 'dueDay', '24')
  await app.save(dialog)
  await expect(dialog).toBeHidden()
  await expect(app.rows('accounts-table').first().getByTestId('account-days')).toHaveText('5 日出账 · 24 日还款')
})

test('an import that creates the 花呗 account saves it from the preset without typing', async ({ page }) => {
  const app = new LedgerPage(page)
  await app.open('#/import')
  await page
    .getByTestId('import-drop')
    .locator('input[type=file]')
    .setInputFiles([{ name: '支付宝账单.csv', mimeType: 'text/csv', buffer: Buffer.from(alipayCsv(ALIPAY_ROWS)) }])
  // The file is read and the preview built before an account is created (as import.spec does).
  await expect(page.getByTestId('import-file')).toContainText('12 行交易')
  await expect(page.getByTestId('import-product')).toHaveCount(3)
  const huabei = page.getByTestId('import-product').filter({ has: page.locator('strong', { hasText: /^花呗$/ }) })
  await huabei.getByTestId('import-product-create').click()
  const dialog = app.modal('account-modal')
  await expect(dialog.getByTestId('field-name')).toHaveValue('花呗')
  await expect(dialog.getByTestId('field-statementDay')).toHaveValue('1')
  await expect(dialog.getByTestId('field-dueDay')).toHaveValue('10')
  await app.save(dialog)
  // The import page re-plans the preview around the save; on a loaded machine that can take a while.
  await expect(dialog).toBeHidden({ timeout: 30_000 })
  // The new account is the answer for 花呗 now.
  await expect(huabei.getByTestId('import-product-select')).toContainText('花呗')

  await app.nav('accounts')
  await expect(app.rows('accounts-table').first().getByTestId('account-days')).toHaveText('1 日出账 · 10 日还款')
})

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${name} is wider than the window`).toBeLessThanOrEqual(0)
}

for (const language of ['zh-CN', 'en'] as const) {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 }
  ]) {
    test(`screenshots: the empty home page and the product picker (${language}, ${size.width}x${size.height})`, async ({ page }) => {
      await page.setViewportSize(size)
      const app = new LedgerPage(page)
      const home = await openEmptyHome(app)
      if (language === 'en') {
        await page.getByTestId('lang-switch').getByText('English').click()
        await expect(home.getByTestId('first-add-account')).toHaveText(/Add my first account/)
      }
      await shoot(page, `${language}-${size.width}-home-empty`)
      await home.getByTestId('first-add-account').click()
      await expect(page.getByTestId('product-picker')).toBeVisible()
      // Let the dialog finish opening (an animation) before the picture; no assertion depends on it.
      await page.waitForTimeout(500)
      await shoot(page, `${language}-${size.width}-product-picker`)
    })
  }
}
