// The statement-credit screens as a person sees them, at two laptop sizes and in both languages: the home page's revolving card, a bill's detail with its what-if, 账单分期, an account's bills, a draw's schedule, the account form's bill terms and the repayment form.
import { expect, test, type Page } from '@playwright/test'
import { LedgerPage } from './ledger-page'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 }
]

async function withSample(page: Page, language: 'zh-CN' | 'en') {
  // On 12-16 the card's 12-05 bill is open (due 12-23) and its 11-05 bill, paid at its minimum, revolves.
  await page.clock.install({ time: new Date('2026-12-16T10:00:00+08:00') })
  const app = new LedgerPage(page)
  await app.open('#/home')
  await page.getByTestId('page-home').getByTestId('load-sample').click()
  await expect(page.getByTestId('due-totals')).toBeVisible()
  await page.locator('.ant-notification-notice-close').first().click()
  if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
  return app
}

for (const language of ['zh-CN', 'en'] as const)
  for (const size of SIZES)
    test(`statement credit screens (${language}, ${size.width}x${size.height})`, async ({ page }) => {
      await page.setViewportSize(size)
      const app = await withSample(page, language)
      const shot = async (name: string) => {
        await page.waitForTimeout(400)
        await page.screenshot({ path: `e2e/.artifacts/screens/statement-${name}-${language}-${size.width}.png` })
      }
      await expect(page.getByTestId('revolving-card')).toBeVisible()
      await shot('home')

      // The card's open bill: its contents, minimum and what-if.
      await page.getByTestId('due-item').filter({ hasText: '招商银行信用卡' }).first().getByTestId('due-open').click()
      await expect(page.getByTestId('bill-what-if')).toBeVisible()
      await shot('bill')
      await page.getByTestId('bill-instalment-open').click()
      await expect(page.getByTestId('bill-instalment-modal').getByTestId('field-amount')).toBeVisible()
      await shot('bill-instalment')
      await page.getByTestId('bill-instalment-modal').getByRole('button', { name: language === 'en' ? 'Cancel' : '取 消' }).click()
      await expect(page.getByTestId('bill-instalment-modal').getByTestId('field-amount')).toBeHidden()
      await page.getByTestId('due-drawer').locator('.ant-drawer-close').click()
      await expect(page.getByTestId('bill-what-if')).toBeHidden()

      // The card's account page: its bills.
      await app.nav('accounts')
      await page.getByRole('link', { name: '招商银行信用卡' }).click()
      await page.getByRole('tab', { name: language === 'en' ? /Bills/ : /账单/ }).click()
      await expect(page.getByTestId('bills-panel')).toBeVisible()
      await shot('account-bills')
      await page.getByTestId('edit-account').click()
      await expect(page.getByTestId('terms-fields')).toBeVisible()
      await shot('account-form')
      await page.getByTestId('account-modal').getByRole('button', { name: language === 'en' ? 'Cancel' : '取 消' }).click()
      await expect(page.getByTestId('terms-fields')).toBeHidden()

      // A 借呗 instalment draw's schedule (the sample's 借呗 draws are all 等额; the method column may give way at this width).
      await app.nav('draws')
      await page.getByTestId('draws-table').getByTestId('record-row').filter({ hasText: '借呗' }).first().click()
      await expect(page.getByTestId('draw-schedule')).toBeVisible()
      await shot('draw-schedule')
    })
