// Nothing lost, as a user meets it in Chromium: a storage that fills (the quota path forced at the storage API's edge, see storage-pressure.ts), a database the browser deletes, a backup saved through the picker or not at all, and hostile bills.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { createBackup } from '../src/domain/backup/backup-file'
import { ALIPAY_ROWS, WECHAT_ROWS, alipayText, farCellXlsx, malformed, wechatCsv } from '../src/testing/bill-fixtures'
import { RECORD_TYPES } from '../src/domain/records'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import { LedgerPage } from './ledger-page'
import { answerSavePicker, privateFileText } from './save-picker'
import { installStoragePressure, leaveRoom } from './storage-pressure'

const NOW = new Date('2026-11-21T08:00:00+08:00')
const TODAY = '2026-11-21'
const SHOTS = 'e2e/.artifacts/screens'
const sample = generateSampleLedger({ today: TODAY })
// Every record type counts, 账单分期 plans and printed-bill figures included.
const sampleTotal = RECORD_TYPES.reduce((n, type) => n + sample[type].length, 0)
const work = mkdtempSync(join(tmpdir(), 'credit-ledger-safety-'))
const KB = 1024
const MB = 1024 * KB

async function openEmpty(page: Page): Promise<LedgerPage> {
  await installStoragePressure(page)
  await page.clock.install({ time: NOW })
  const app = new LedgerPage(page)
  await app.open()
  return app
}

async function loadSample(app: LedgerPage): Promise<void> {
  await app.page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await app.page.getByTestId('undo-button').waitFor()
  await app.page.locator('.ant-notification-notice-close').click()
}

async function chooseHuabei(page: Page): Promise<void> {
  await page.getByTestId('import-product').getByTestId('import-product-select').click()
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option', { hasText: '花呗' }).first().click()
}

async function counts(app: LedgerPage): Promise<string> {
  await app.nav('settings')
  return (await app.page.getByTestId('data-counts').textContent()) ?? ''
}

const SAMPLE_COUNTS = `${sample.accounts.length} 个账户，${sample.draws.length} 笔借款，${sample.orders.length} 笔订单，${sample.repayments.length} 笔还款，${sample.inquiries.length} 条查询`

test('a bulk write that cannot fit is refused before anything is written, naming the space it needs', async ({ page }) => {
  // What the browser tells the page: 5 MB left.
  await page.addInitScript(() => {
    const real = StorageManager.prototype.estimate
    StorageManager.prototype.estimate = async function (this: StorageManager) {
      const e = await real.call(this)
      return { ...e, quota: (e.usage ?? 0) + 5 * 1024 * 1024 }
    }
  })
  const app = await openEmpty(page)
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  const dialog = page.locator('.ant-modal-confirm-error')
  await expect(dialog).toContainText('载入示例数据没有完成')
  await expect(dialog).toContainText(/空间不够，没有开始写入：这次载入示例数据约需 \d+\.\d MB（含先保存的一份副本和余量），浏览器给本应用的存储空间只剩 5\.0 MB。账本保持原样。/)
  await page.screenshot({ path: `${SHOTS}/zh-CN-safety-no-room.png` })
  await dialog.getByRole('button').click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  // Not even a copy was written.
  await app.nav('backup')
  await expect(page.getByTestId('copies-card')).toContainText('还没有副本')
})

test('a restore that fills the storage is reported as it happened; after the browser deletes the database, the copy brings every record back', async ({ page }) => {
  const app = await openEmpty(page)
  await loadSample(app)
  // A backup about forty times the sample's size, to restore on a nearly full storage.
  const big = generateSampleLedger({ today: TODAY, months: 24, scale: 20 })
  const bigFile = join(work, 'big.json')
  writeFileSync(bigFile, (await createBackup({ payload: { ledger: big, meta: { profile: null, settings: {} } }, appVersion: '0.1.0', createdAt: NOW.toISOString() })).text)

  // Room for the copy of the current ledger, not for the new one: the write fails at commit.
  await leaveRoom(page, 1 * MB)
  await app.nav('backup')
  await page.getByTestId('page-backup').locator('input[type=file]').setInputFiles(bigFile)
  await expect(page.getByTestId('restore-preview')).toBeVisible()
  await page.getByTestId('restore-confirm').click()
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '用这个备份替换当前数据' }).click()
  const dialog = page.locator('.ant-modal-confirm-error')
  await expect(dialog).toContainText('恢复没有完成')
  await expect(dialog).toContainText('恢复失败：存储空间已满，浏览器拒绝了写入（QuotaExceededError')
  await expect(dialog).toContainText('已重新读取账本核对：和恢复之前完全一致，没有写入任何内容。')
  await expect(page.locator('.ant-modal-confirm-confirm')).toBeHidden()
  await page.screenshot({ path: `${SHOTS}/zh-CN-safety-write-failed.png` })
  await dialog.getByRole('button').click()
  expect(await counts(app)).toBe(SAMPLE_COUNTS)

  // What Chromium did on a full disk: the whole database deleted. The copy taken before the restore is outside it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('credit-ledger')
        request.onsuccess = () => resolve()
        request.onerror = () => reject(request.error)
      })
  )
  await page.reload()
  const offer = page.getByTestId('recovery-offer')
  await expect(offer).toContainText('账本是空的，但找到了一份有记录的副本')
  await expect(offer).toContainText(`副本里有 ${sampleTotal} 条记录`)
  await page.screenshot({ path: `${SHOTS}/zh-CN-safety-recovery.png` })
  await offer.getByTestId('recovery-restore').click()
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '用这份副本恢复' }).click()
  await expect(page.getByText(`已用副本恢复 ${sampleTotal} 条记录`)).toBeVisible()
  await expect(offer).toHaveCount(0)
  expect(await counts(app)).toBe(SAMPLE_COUNTS)
})

test('an import that fills the storage says what it found; one that fits goes in', async ({ page }) => {
  const app = await openEmpty(page)
  await loadSample(app)
  await app.nav('import')
  // 6,000 purchases whose notes do not compress: several megabytes in IndexedDB.
  const noise = (i: number) => Array.from({ length: 6 }, (_, k) => ((Math.imul(i * 7 + k, 0x9e3779b1) >>> 0) % 1e9).toString(36)).join('')
  const rows = Array.from({ length: 6000 }, (_, i) => malformed(ALIPAY_ROWS[0]!, { tradeNo: `20261105220014${String(i).padStart(14, '0')}`, merchantOrderNo: `E${i}`, item: `外卖订单 ${i} ${noise(i)}`, note: noise(i + 1) }))
  const bill = { name: '支付宝账单.csv', mimeType: 'text/csv', buffer: Buffer.from(alipayText(rows), 'utf8') }
  await page.getByTestId('import-drop').locator('input[type=file]').setInputFiles([bill])
  await chooseHuabei(page)
  await expect(page.getByTestId('import-counts')).toHaveText('将新建 6000 笔订单、0 笔还款，更新 0 笔已有订单')
  await leaveRoom(page, 1 * MB)
  await page.getByTestId('import-submit').click()
  const failure = page.getByTestId('import-failure')
  await expect(failure).toContainText('导入失败：存储空间已满，浏览器拒绝了写入（QuotaExceededError')
  await expect(failure).toContainText('已重新读取账本核对：和导入之前完全一致，没有写入任何内容。')
  await expect(failure).not.toContainText('什么都没有写入')
  await page.screenshot({ path: `${SHOTS}/zh-CN-safety-import-failed.png` })
  expect(await counts(app)).toBe(SAMPLE_COUNTS)
  // With room, the same bill goes in.
  await leaveRoom(page, Number.POSITIVE_INFINITY)
  await app.nav('import')
  await page.getByTestId('import-drop').locator('input[type=file]').setInputFiles([bill])
  // The failed import remembered nothing, not even the account of 花呗.
  await chooseHuabei(page)
  await expect(page.getByTestId('import-counts')).toHaveText('将新建 6000 笔订单、0 笔还款，更新 0 笔已有订单')
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-summary')).toContainText('新建 6000 笔订单', { timeout: 60_000 })
})

test('a backup through the save picker counts only once written; cancelled or failed, it does not', async ({ page }) => {
  const app = await openEmpty(page)
  await loadSample(app)
  await app.nav('backup')
  const status = page.getByTestId('backup-status')

  await answerSavePicker(page, { cancel: true })
  await page.getByTestId('backup-download').click()
  await expect(page.getByTestId('backup-download')).not.toHaveClass(/ant-btn-loading/)
  await expect(status).toContainText('还没有下载或保存过备份')

  // The disk the user picked is full: the browser refuses the write, and the backup does not count.
  await leaveRoom(page, 8 * KB)
  await answerSavePicker(page, { name: 'full-disk-backup.json' })
  await page.getByTestId('backup-download').click()
  await expect(page.locator('.ant-message')).toContainText('备份失败：存储空间已满，浏览器拒绝了写入（QuotaExceededError')
  await expect(status).toContainText('还没有下载或保存过备份')
  await leaveRoom(page, Number.POSITIVE_INFINITY)

  await answerSavePicker(page, { name: 'my-backup.json' })
  await page.getByTestId('backup-download').click()
  await expect(page.locator('.ant-message')).toContainText('备份已保存：my-backup.json')
  await expect(status).toContainText('上次备份：2026-11-21')
  const saved = JSON.parse((await privateFileText(page, 'my-backup.json')) ?? '{}') as { format?: string; summary?: { counts?: { draws?: number } } }
  expect(saved.format).toBe('credit-ledger-backup')
  expect(saved.summary?.counts?.draws).toBe(sample.draws.length)
})

test('hostile bills: an open quote, a negative purchase and a 4 KB sheet reaching XFD1048576 are named; nothing else is lost and the page stays', async ({ page }) => {
  const app = await openEmpty(page)
  await app.nav('import')
  const lines = alipayText(ALIPAY_ROWS.slice(0, 7)).split('\r\n')
  lines[20] = lines[20]!.replace('运动鞋 两双', '"运动鞋 两双')
  const negative = malformed(WECHAT_ROWS[0]!, { amount: '¥-5.00' })
  await page
    .getByTestId('import-drop')
    .locator('input[type=file]')
    .setInputFiles([
      { name: '引号.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') },
      { name: '负数.csv', mimeType: 'text/csv', buffer: Buffer.from(wechatCsv([negative, WECHAT_ROWS[5]!])) },
      { name: '超大表格.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(farCellXlsx()) }
    ])
  const problems = page.getByTestId('problem-row')
  await expect(problems).toHaveCount(3)
  await expect(problems.filter({ hasText: '引号.csv' })).toContainText('21')
  await expect(problems.filter({ hasText: '引号.csv' })).toContainText('引号没有配对')
  await expect(problems.filter({ hasText: '负数.csv' })).toContainText('是负数，但这一行不是退款')
  await expect(problems.filter({ hasText: '超大表格.xlsx' })).toContainText('一直到 XFD1048576')
  // The rows after the open quote are all there: 7 in the file, one held back.
  await expect(page.getByTestId('import-file').first()).toContainText('7 行交易')
  await expect(page.getByTestId('import-row')).toHaveCount(7)
  await page.screenshot({ path: `${SHOTS}/zh-CN-safety-hostile-bills.png` })
})
