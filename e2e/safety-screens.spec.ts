// The pages that keep data safe as a person sees them, in Chinese and English at 1280x800 and 1440x900: Settings' storage card, a download waiting for confirmation and the kept copies, the offer to restore a copy, hostile bills named, and a bulk write refused for want of room.
import { expect, test, type Page } from '@playwright/test'
import { ALIPAY_ROWS, WECHAT_ROWS, alipayText, farCellXlsx, malformed, wechatCsv } from '../src/testing/bill-fixtures'
import { LedgerPage } from './ledger-page'
import { withoutSavePicker } from './save-picker'

const SHOTS = 'e2e/.artifacts/screens'
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 }
] as const

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${name} is wider than the window`).toBeLessThanOrEqual(0)
}

for (const language of ['zh-CN', 'en'] as const)
  for (const size of SIZES)
    test(`safety pages (${language}, ${size.width}x${size.height})`, async ({ page }) => {
      const tag = `${language}-${size.width}`
      await page.setViewportSize(size)
      await withoutSavePicker(page)
      // Once the test says so, the browser reports 2 MB left.
      await page.addInitScript(() => {
        const real = StorageManager.prototype.estimate
        StorageManager.prototype.estimate = async function (this: StorageManager) {
          const e = await real.call(this)
          return sessionStorage.getItem('noRoom') === '1' ? { ...e, quota: (e.usage ?? 0) + 2 * 1024 * 1024 } : e
        }
      })
      await page.clock.install({ time: new Date('2026-11-21T08:00:00+08:00') })
      const app = new LedgerPage(page)
      await app.open()
      if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
      await page.getByTestId('empty-state').getByTestId('load-sample').click()
      await expect(app.rows('accounts-table')).toHaveCount(8)
      await page.getByTestId('undo-button').waitFor()
      await page.locator('.ant-notification-notice-close').click()

      await app.nav('settings')
      await expect(page.getByTestId('storage-copies')).toContainText(language === 'en' ? /\d+, in the browser/ : /\d+ 份/)
      await shot(page, `${tag}-safety-settings`)

      await app.nav('backup')
      await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()])
      await expect(page.getByTestId('backup-pending')).toBeVisible()
      await shot(page, `${tag}-safety-backup-pending`)
      await page.getByTestId('backup-confirm-saved').click()

      // Loading the sample again finds no room.
      await page.evaluate(() => sessionStorage.setItem('noRoom', '1'))
      await app.nav('settings')
      await page.getByTestId('load-sample').click()
      await page.locator('.ant-modal-confirm-confirm .ant-btn-primary').click()
      await expect(page.locator('.ant-modal-confirm-error')).toBeVisible()
      await expect(page.locator('.ant-modal-confirm-confirm')).toBeHidden()
      await shot(page, `${tag}-safety-no-room`)
      await page.locator('.ant-modal-confirm-error .ant-btn').click()

      await app.nav('import')
      const lines = alipayText(ALIPAY_ROWS.slice(0, 7)).split('\r\n')
      lines[20] = lines[20]!.replace('运动鞋 两双', '"运动鞋 两双')
      await page
        .getByTestId('import-drop')
        .locator('input[type=file]')
        .setInputFiles([
          { name: 'quote.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') },
          { name: 'negative.csv', mimeType: 'text/csv', buffer: Buffer.from(wechatCsv([malformed(WECHAT_ROWS[0]!, { amount: '¥-5.00' })])) },
          { name: 'far.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(farCellXlsx()) }
        ])
      await expect(page.getByTestId('problem-row')).toHaveCount(3)
      await shot(page, `${tag}-safety-import-problems`)

      // The database lost: the copy is offered.
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase('credit-ledger')
            request.onsuccess = () => resolve()
            request.onerror = () => reject(request.error)
          })
      )
      await page.reload()
      if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
      await expect(page.getByTestId('recovery-offer')).toBeVisible()
      await shot(page, `${tag}-safety-recovery-offer`)
    })
