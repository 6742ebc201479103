// Risk flags and mortgage readiness as a user meets them: sample data on a fixed day, a mortgage two months ahead, the checklist and plan, acknowledging a flag and seeing it return.
import { expect, test, type Page } from '@playwright/test'
import { LedgerPage } from './ledger-page'

// The sample ledger is generated relative to today: fix the day so its figures are the same on every run.
const NOW = new Date('2026-11-21T10:00:00+08:00')
const MORTGAGE = '2027-01-21'

async function withSampleAndProfile(page: Page): Promise<LedgerPage> {
  await page.clock.setFixedTime(NOW)
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await app.nav('settings')
  const form = page.getByTestId('page-settings')
  await app.fill(form, 'monthlyIncome', '20000')
  await app.date(form, 'mortgageDate', MORTGAGE)
  await app.fill(form, 'mortgageAmount', '1500000')
  await form.getByTestId('save-profile').click()
  await expect(page.getByText('已保存')).toBeVisible()
  return app
}

test('with a mortgage two months ahead, the readiness page shows the failing checks and a dated plan, and the what-if moves it', async ({ page }) => {
  const app = await withSampleAndProfile(page)
  await app.nav('mortgage')
  const checks = page.getByTestId('readiness-checks')
  const check = (id: string) => checks.locator(`[data-check="${id}"]`)
  // Draws on 网商贷 and 借呗 inside the 3-month clean-up window, loans still open on the date,
  // three online lenders owed, and payments with the mortgage above 55% of income.
  for (const id of ['cleanupDraws', 'openLoans', 'onlineLenders', 'debtWithMortgage']) await expect(check(id)).toHaveAttribute('data-state', 'fail')
  for (const id of ['utilisation', 'inquiries1m', 'mortgagePayment']) await expect(check(id)).toHaveAttribute('data-state', 'pass')
  await expect(check('onlineLenders')).toContainText('3 / 上限 2')
  await expect(check('cleanupDraws')).toContainText('网商贷 1 笔（2026-11-19 ¥3,060.00）')
  await expect(page.getByTestId('readiness-pass')).toHaveText('6/11 项通过')
  await expect(page.getByTestId('readiness-days')).toContainText('61 天')

  const plan = page.getByTestId('readiness-plan')
  const step = (kind: string) => plan.locator(`[data-kind="${kind}"]`)
  await expect(step('settle').filter({ hasText: '结清借呗' })).toContainText('2026-12-22')
  await expect(step('stopDraws')).toContainText('2026-11-21 · 今天')
  await expect(step('stopDraws')).toContainText('不再从借呗、网商贷借款（已在房贷前 3 个月的清理期内）')
  await expect(step('apply')).toContainText(MORTGAGE)
  await page.screenshot({ path: 'e2e/.artifacts/screens/mortgage-readiness.png', fullPage: true })

  // What-if: half a year later the clean-up window has not opened yet, so the plan moves with it.
  const picker = page.getByTestId('mortgage-date')
  await picker.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('2027-06-01')
  await page.keyboard.press('Enter')
  await expect(step('stopDraws')).toContainText('2027-03-01不再从借呗、网商贷借款（房贷前 3 个月的清理期从这天开始）')
  await expect(step('settle').filter({ hasText: '结清网商贷' })).toContainText('2027-05-02')
  await expect(check('cleanupDraws')).toHaveAttribute('data-state', 'pass')
  await expect(page.getByText(`正在试算 2027-06-01，你保存的计划日期是 ${MORTGAGE}。`)).toBeVisible()
  await page.getByTestId('mortgage-reset-date').click()
  await expect(step('apply')).toContainText(MORTGAGE)
})

test('acknowledging a flag hides it, and a new draw that makes it worse brings it back', async ({ page }) => {
  const app = await withSampleAndProfile(page)
  await app.nav('risk')
  const flag = page.getByTestId('risk-active').locator('[data-flag-id="mortgageDraws:mybank"]')
  await expect(flag).toContainText('网商贷有 1 笔借款：2026-11-19 ¥3,060.00')
  await expect(flag.getByTestId('source-FOLK')).toBeVisible()
  await page.screenshot({ path: 'e2e/.artifacts/screens/risk-flags.png' })
  await flag.getByTestId('flag-acknowledge').click()
  await expect(flag).toHaveCount(0)
  await page.getByTestId('tab-acknowledged').click()
  await expect(page.getByTestId('risk-acknowledged').locator('[data-flag-id="mortgageDraws:mybank"]')).toContainText('2026-11-21 确认，当时为 1 项')

  // It stays hidden after a reload: the acknowledgement is stored.
  await page.reload()
  await expect(page.getByTestId('tab-active')).toBeVisible()
  await expect(page.getByTestId('risk-active').locator('[data-flag-id="mortgageDraws:mybank"]')).toHaveCount(0)

  // A second draw on 网商贷 inside the window: worse than when it was acknowledged.
  await app.nav('draws')
  await page.getByTestId('add-draw').click()
  const dialog = app.modal('draw-modal')
  await app.choose(dialog, 'accountId', '网商贷')
  await app.fill(dialog, 'principal', '2000')
  await app.fill(dialog, 'rate', '0.04')
  await app.save(dialog)
  await expect(dialog).toBeHidden()
  // The new draw's row carries its flags.
  const newRow = app.rows('draws-table').filter({ hasText: '¥2,000.00' }).first()
  await expect(newRow.locator('[data-flag-ids~="mortgageDraws:mybank"]')).toBeVisible()

  await app.nav('risk')
  const back = page.getByTestId('risk-active').locator('[data-flag-id="mortgageDraws:mybank"]')
  await expect(back).toContainText('网商贷有 2 笔借款：2026-11-21 ¥2,000.00；2026-11-19 ¥3,060.00')

  // The account page shows it too.
  await app.nav('accounts')
  await expect(app.rows('accounts-table').filter({ hasText: '网商贷' }).getByTestId('account-flag-count')).toBeVisible()
  await page.getByRole('link', { name: '网商贷' }).click()
  await page.getByTestId('account-flags').locator('.ant-collapse-header').click()
  await expect(page.getByTestId('account-flags').locator('[data-flag-id="mortgageDraws:mybank"]')).toBeVisible()
  await page.screenshot({ path: 'e2e/.artifacts/screens/account-flags.png' })
})

test('a threshold out of range is refused at its field; a valid one changes the flags', async ({ page }) => {
  const app = await withSampleAndProfile(page)
  await app.nav('risk')
  await page.getByTestId('tab-settings').click()
  const form = page.getByTestId('risk-settings')
  const field = form.getByTestId('setting-cleanupMonths')
  await field.fill('7')
  await form.getByTestId('risk-settings-save').click()
  await expect(form.locator('.ant-form-item', { has: page.getByTestId('setting-cleanupMonths') }).locator('.ant-form-item-explain-error')).toHaveText('请填 1 到 6 之间的数')
  // Nothing was stored: the rules page still shows 3 months.
  await app.nav('rules')
  await expect(page.getByTestId('threshold-cleanupMonths')).toContainText('房贷前清理期（月）：3个月')
  await app.nav('risk')
  await page.getByTestId('tab-settings').click()
  await form.getByTestId('setting-maxOnlineLenders').fill('4')
  await form.getByTestId('risk-settings-save').click()
  await expect(page.getByText('阈值已保存')).toBeVisible()
  await page.getByTestId('tab-active').click()
  await expect(page.getByTestId('risk-active').locator('[data-flag-id="mortgageDraws:mybank"]')).toBeVisible()
  await expect(page.getByTestId('risk-active').locator('[data-flag-id="onlineLenders"]')).toHaveCount(0)
  await app.nav('rules')
  await expect(page.getByTestId('threshold-maxOnlineLenders')).toContainText('最多未结清网贷机构数：4家（默认 2）')
  await page.screenshot({ path: 'e2e/.artifacts/screens/rules.png', fullPage: true })
})
