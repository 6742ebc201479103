// Every page as a person sees it, in Chinese and English, with sample data: screenshots to look at, and no page wider than the window.
import { expect, test } from '@playwright/test'
import { LedgerPage } from './ledger-page'

for (const language of ['zh-CN', 'en'] as const) {
  test(`every page fits the window with sample data (${language})`, async ({ page }) => {
    const app = new LedgerPage(page)
    await app.open()
    await page.getByTestId('empty-state').getByTestId('load-sample').click()
    await expect(app.rows('accounts-table')).toHaveCount(8)
    await page.getByTestId('undo-button').waitFor()
    await page.locator('.ant-notification-notice-close').click()
    if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
    // The pages as the navigation lists them (the route table is React code, not importable here).
    const pages = await page.getByTestId('nav').locator('[data-testid^="nav-"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')?.slice('nav-'.length) ?? ''))
    expect(pages.length).toBeGreaterThan(10)
    for (const p of pages) {
      await app.nav(p)
      // Charts animate in (short series only): let them finish before the picture.
      await page.waitForTimeout(p === 'overview' ? 2000 : 300)
      await page.screenshot({ path: `e2e/.artifacts/screens/${language}-${p}.png` })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `${p} is wider than the window`).toBeLessThanOrEqual(0)
    }
    await app.nav('accounts')
    await page.getByRole('link', { name: language === 'en' ? '花呗' : '花呗' }).click()
    await expect(page.getByTestId('page-account')).toBeVisible()
    await page.screenshot({ path: `e2e/.artifacts/screens/${language}-account.png` })
    await app.nav('draws')
    await app.rows('draws-table').first().click()
    await expect(page.getByTestId('detail-drawer')).toBeVisible()
    await page.waitForTimeout(600)
    await page.screenshot({ path: `e2e/.artifacts/screens/${language}-draw-detail.png` })
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('detail-drawer')).toBeHidden()
    await page.keyboard.press('n')
    // The form opens with its first field (the account) focused.
    await expect(page.getByTestId('draw-modal').locator('.ant-form-item').first().locator('input').first()).toBeFocused()
    await page.waitForTimeout(600)
    await page.screenshot({ path: `e2e/.artifacts/screens/${language}-draw-form.png` })
  })
}
