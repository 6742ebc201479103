import { expect, test } from '@playwright/test'
import { LedgerPage } from './ledger-page'
test('peek', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-21T08:00:00+08:00'))
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await app.nav('reports')
  await page.waitForTimeout(500)
  await page.pdf({ path: '/tmp/peek.pdf', format: 'A4', printBackground: true, preferCSSPageSize: true })
})
