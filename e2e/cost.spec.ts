// The cost engine as a user sees it: the real APR of an offer, the overview's charts and totals, and what repaying early saves.
import { expect, test } from '@playwright/test'
import { LedgerPage } from './ledger-page'

test('the calculator shows 13.03% for a 0.6%/month 12-month 分期, beside the advertised 7.20%', async ({ page }) => {
  const app = new LedgerPage(page)
  await app.open('#/calculator')
  await page.getByTestId('calc-principal').fill('12000')
  await page.getByTestId('calc-submit').click()
  await expect(page.getByTestId('calc-apr')).toContainText('13.03%')
  await expect(page.getByTestId('calc-naive')).toContainText('7.20%')
  // 12 x (1,000 principal + 72 fee) = 12,864.00
  await expect(page.getByTestId('calc-total')).toContainText('¥12,864.00')
  await expect(page.getByTestId('calc-schedule').locator('tbody tr.ant-table-row')).toHaveCount(12)

  // Bad input gets a message at the field and no result.
  await page.getByTestId('calc-rate').fill('150')
  await page.getByTestId('calc-submit').click()
  await expect(page.locator('.ant-form-item', { has: page.getByTestId('calc-rate') }).locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)')).toHaveText(
    '月手续费率应在 0% 到 2% 之间'
  )
  await expect(page.getByTestId('calc-result')).toHaveCount(0)
})

test('with sample data the overview shows this month, the four charts, and the early-repayment saving', async ({ page }) => {
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await app.nav('overview')
  await expect(page.getByTestId('month-cost')).toContainText('¥')
  for (const chart of ['chart-cost', 'chart-balance', 'chart-share', 'chart-apr']) {
    await expect(page.getByTestId(chart).locator('.recharts-surface').first()).toBeVisible()
  }
  // The APR chart carries the 24% and 36% reference lines.
  await expect(page.getByTestId('chart-apr').locator('.recharts-reference-line')).toHaveCount(2)
  await page.screenshot({ path: 'e2e/.artifacts/screens/overview-sample.png', fullPage: true })

  await app.nav('draws')
  await expect(page.getByTestId('draws-table')).toContainText('%')

  await app.nav('calculator')
  await expect(page.getByTestId('calc-apr')).toContainText('%')
  await page.screenshot({ path: 'e2e/.artifacts/screens/calculator-result.png' })
  await page.getByTestId('tab-early').click()
  await expect(page.getByTestId('early-saved')).toContainText('¥')
  const fullSaving = await page.getByTestId('early-saved').textContent()
  // Prepaying part of it saves less than paying it all off.
  await page.getByTestId('early-amount').fill('1000')
  await expect(page.getByTestId('early-repay')).toContainText('¥1,000.00')
  await expect(page.getByTestId('early-saved')).not.toHaveText(fullSaving ?? '')
  await page.screenshot({ path: 'e2e/.artifacts/screens/calculator-early.png' })
  await page.getByTestId('early-amount').fill('-5')
  await expect(page.getByTestId('early-repay')).toContainText('金额必须大于 0')
})
