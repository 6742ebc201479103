// A passphrase-protected backup in the web build: the passphrase is checked before anything is saved, the file holds nothing readable, a wrong passphrase or a changed byte is refused with the reason and nothing changes, and the right one restores. Screenshots of the backup page in both languages at two sizes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { LedgerPage } from './ledger-page'
import { withoutSavePicker } from './save-picker'

const NOW = new Date('2026-11-21T08:00:00+08:00')
const PASS = '我的口令 ledger-2026'
const SHOTS = 'e2e/.artifacts/backup'
const work = mkdtempSync(join(tmpdir(), 'credit-ledger-encrypted-'))

async function openWithSample(page: Page): Promise<LedgerPage> {
  await withoutSavePicker(page)
  await page.clock.install({ time: NOW })
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await page.locator('.ant-notification-notice-close').click()
  await app.nav('backup')
  return app
}

function fieldError(page: Page, testId: string) {
  return page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)')
}

test('a protected backup: checked before saving, unreadable on disk, refused with a wrong passphrase or a changed byte, restored with the right one', async ({ page }) => {
  test.setTimeout(120_000)
  await openWithSample(page)
  const downloads: string[] = []
  page.on('download', (d) => downloads.push(d.suggestedFilename()))

  // The passphrase is checked on the click, before anything is saved.
  await page.getByTestId('backup-protect').click()
  await expect(page.getByTestId('backup-passphrase').locator('input').or(page.locator('input[data-testid="backup-passphrase"]')).first()).toBeFocused()
  const pass = page.locator('input[data-testid="backup-passphrase"]')
  const confirm = page.locator('input[data-testid="backup-passphrase-confirm"]')
  await page.getByTestId('backup-download').click()
  await expect(fieldError(page, 'backup-passphrase')).toHaveText('请输入口令')
  await pass.fill('short')
  await expect(fieldError(page, 'backup-passphrase')).toHaveText('口令至少 8 个字符')
  await pass.fill(PASS)
  await confirm.fill(`${PASS}x`)
  await expect(fieldError(page, 'backup-passphrase-confirm')).toHaveText('两次输入的口令不一致')
  expect(downloads).toEqual([])
  await confirm.fill(PASS)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()])
  expect(download.suggestedFilename()).toMatch(/^credit-ledger-backup-2026-11-21-\d{4}-encrypted\.json$/)
  const goodPath = join(work, 'protected.json')
  await download.saveAs(goodPath)
  const sealed = readFileSync(goodPath, 'utf8')
  // Nothing of the ledger in the clear: no account name, no date, no counts.
  for (const plain of ['花呗', '网商贷', '借呗', '2026-', '"payload"', '"counts"']) expect(sealed.includes(plain), plain).toBe(false)
  expect(JSON.parse(sealed)).toMatchObject({ format: 'credit-ledger-backup-encrypted', version: 1, kdf: { name: 'PBKDF2-SHA256', iterations: 600_000 }, cipher: { name: 'AES-256-GCM' } })
  // The fields are cleared once it is saved.
  await expect(page.getByTestId('backup-passphrase')).toHaveCount(0)

  const input = page.getByTestId('page-backup').locator('input[type=file]')
  const passphrase = page.locator('input[data-testid="restore-passphrase"]')
  // A changed byte in the data: the passphrase is right, the file is not.
  const file = JSON.parse(sealed) as { data: string }
  const flipped = file.data[40] === 'A' ? 'B' : 'A'
  const tamperedPath = join(work, 'tampered.json')
  writeFileSync(tamperedPath, JSON.stringify({ ...file, data: file.data.slice(0, 40) + flipped + file.data.slice(41) }))
  await input.setInputFiles(tamperedPath)
  await expect(page.getByTestId('restore-sealed')).toContainText('这份备份已加密：tampered.json')
  await expect(passphrase).toBeFocused()
  await passphrase.fill(PASS)
  await passphrase.press('Enter')
  await expect(page.getByTestId('restore-sealed-error')).toContainText('文件内容在加密之后被改动过或已损坏')
  await expect(page.getByTestId('restore-preview')).toHaveCount(0)

  // The real file with a wrong passphrase.
  await input.setInputFiles(goodPath)
  await expect(page.getByTestId('restore-sealed')).toContainText('protected.json')
  await passphrase.fill('not the passphrase')
  await page.getByTestId('restore-open').click()
  await expect(page.getByTestId('restore-sealed-error')).toContainText('口令不对')
  await expect(page.getByTestId('restore-sealed-error')).toContainText('没有恢复任何数据')
  await expect(page.getByTestId('restore-preview')).toHaveCount(0)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: `${SHOTS}/zh-CN-1280-sealed-wrong.png` })

  // The right one: the preview, then the restore.
  await passphrase.fill(PASS)
  await passphrase.press('Enter')
  const preview = page.getByTestId('restore-preview')
  await expect(preview).toBeVisible()
  await expect(preview.getByTestId('restore-count-accounts')).toContainText('账户8')
  await expect(page.getByTestId('restore-sealed')).toHaveCount(0)
  await page.getByTestId('restore-confirm').click()
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '用这个备份替换当前数据' }).click()
  await expect(page.getByText(/已从备份恢复 \d+ 条记录/)).toBeVisible()
})

for (const language of ['zh-CN', 'en'] as const)
  test(`screenshots of the backup page with a passphrase (${language})`, async ({ page }) => {
    const app = await openWithSample(page)
    if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
    await app.nav('backup')
    await page.getByTestId('backup-protect').click()
    await page.locator('input[data-testid="backup-passphrase"]').fill('short')
    await page.getByTestId('backup-download').click()
    const path = join(work, 'any.json')
    writeFileSync(path, '{"format":"credit-ledger-backup-encrypted","version":1}')
    await page.getByTestId('page-backup').locator('input[type=file]').setInputFiles(path)
    await expect(page.getByTestId('restore-sealed')).toBeVisible()
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 }
    ]) {
      await page.setViewportSize(size)
      await page.waitForTimeout(200)
      await page.screenshot({ path: `${SHOTS}/${language}-${size.width}-backup-protect.png` })
    }
  })
