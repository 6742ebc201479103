// Reports and backups as a user meets them: the month's PDF carries its totals as text, the spreadsheet reads back, a backup restores through the page (a bad file changes nothing), and the web reminder.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import readXlsxFile from 'read-excel-file/node'
import { canonicalJson } from '../src/domain/backup/backup-file'
import { formatFen } from '../src/domain/money'
import { addMonthsToMonth, monthOf } from '../src/domain/calendar'
import { dueItems } from '../src/domain/dues/items'
import { assembleMonthReport, type ReportContext } from '../src/domain/report/month-report'
import { DEFAULT_PROFILE } from '../src/domain/records'
import { activeFlags, DEFAULT_RISK_SETTINGS } from '../src/domain/risk'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import { translateMessage } from '../src/i18n'
import { LedgerPage } from './ledger-page'
import { withoutSavePicker } from './save-picker'

// The sample ledger is generated for the day the app thinks it is: fix that day.
const NOW = new Date('2026-11-21T08:00:00+08:00')
const TODAY = '2026-11-21'
const MONTH = '2026-10'
const sample = generateSampleLedger({ today: TODAY })
// Next month's dues and the flags as the dues and risk features know them at the month's end (their texts are the page's business).
const inputsOf = ({ month, ledger, day, cost }: ReportContext) => ({
  dues: dueItems(ledger, day, cost)
    .filter((i) => monthOf(i.dueDate) === addMonthsToMonth(month, 1))
    .map((i) => ({ date: i.dueDate, accountId: i.accountId, what: '', amount: i.amount })),
  flags: activeFlags(ledger, DEFAULT_PROFILE, DEFAULT_RISK_SETTINGS, day, { cost }).map((f) => ({ severity: f.severity, title: translateMessage('zh-CN', f.explanation), source: f.source }))
})
const expected = assembleMonthReport(sample, MONTH, TODAY, inputsOf)
const work = mkdtempSync(join(tmpdir(), 'credit-ledger-reports-'))

async function openWithSample(page: Page): Promise<LedgerPage> {
  await page.clock.install({ time: NOW })
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  await page.locator('.ant-notification-notice-close').click()
  return app
}

/** Text with every space and line break taken out: how pdftotext spaces a line depends on the fonts the machine has. */
const squeeze = (text: string) => text.replace(/\s+/g, '')

/** The PDF's text in reading order, squeezed (compare with squeeze(expected)). */
function pdfText(path: string): string {
  return squeeze(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }))
}

test('the month report on screen and as a PDF carries the month\'s totals in Chinese, and in English on request', async ({ page }) => {
  const app = await openWithSample(page)
  await app.nav('reports')
  const view = page.getByTestId('report-view')
  await expect(page.getByTestId('report-title')).toHaveText('2026年10月 月度报表')
  const figures = {
    'report-borrowed': expected.totals.borrowed,
    'report-repaid': expected.totals.repaid,
    'report-cost-paid': expected.totals.costPaid,
    'report-cost-charged': expected.totals.costCharged,
    'report-outstanding': expected.totals.principalOutstanding,
    'report-owed': expected.totals.owed
  }
  for (const [testId, fen] of Object.entries(figures)) await expect(page.getByTestId(testId)).toHaveText(formatFen(fen))
  expect(expected.dues.length).toBeGreaterThan(0)
  const dueRows = view.getByTestId('report-dues').locator('tbody tr')
  await expect(dueRows).toHaveCount(expected.dues.length)
  await expect(dueRows.first()).toContainText(expected.dues[0]!.date)
  await expect(dueRows.first()).toContainText(formatFen(expected.dues[0]!.amount))
  expect(expected.flags.length).toBeGreaterThan(0)
  await expect(view.getByTestId('report-flags').locator('tbody tr')).toHaveCount(expected.flags.length)
  for (const f of expected.flags) await expect(view.getByTestId('report-flags')).toContainText(f.title)
  await expect(view.getByTestId('report-chart-cost').getByRole('application')).toBeVisible()
  await expect(view.getByTestId('report-chart-balance').getByRole('application')).toBeVisible()
  await page.screenshot({ path: 'e2e/.artifacts/screens/zh-CN-report.png' })
  await view.screenshot({ path: 'e2e/.artifacts/screens/zh-CN-report-paper.png' })

  // The browser's print-to-PDF of this same view (what "打印 / 存为 PDF" opens), checked as text.
  const pdfPath = join(work, 'report-zh.pdf')
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true })
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')
  const text = pdfText(pdfPath)
  expect(text).toContain(squeeze('2026年10月 月度报表'))
  for (const [label, fen] of [
    ['新增借款', expected.totals.borrowed],
    ['本月还款', expected.totals.repaid],
    ['本月支付的利息与费用', expected.totals.costPaid],
    ['本月产生的利息与费用', expected.totals.costCharged],
    ['月末未还本金', expected.totals.principalOutstanding],
    ['月末尚欠合计', expected.totals.owed]
  ] as const) {
    expect(text).toContain(squeeze(label))
    expect(text).toContain(squeeze(formatFen(fen)))
  }
  // Every open loan's real APR is printed, and no navigation is.
  for (const loan of expected.loans) expect(text).toContain(`${((loan.apr?.aprSimple ?? 0) * 100).toFixed(2)}%`)
  expect(text).not.toContain(squeeze('导入账单'))
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1])
  expect(pages).toBeGreaterThanOrEqual(1)
  expect(pages).toBeLessThanOrEqual(3)

  // The report in English, whatever the app's language.
  await page.getByTestId('report-language').getByText('English').click()
  await expect(page.getByTestId('report-title')).toHaveText('Monthly report, October 2026')
  await page.screenshot({ path: 'e2e/.artifacts/screens/en-report.png' })
  await view.screenshot({ path: 'e2e/.artifacts/screens/en-report-paper.png' })
  const enPath = join(work, 'report-en.pdf')
  await page.pdf({ path: enPath, preferCSSPageSize: true, printBackground: true })
  const en = pdfText(enPath)
  expect(en).toContain(squeeze('New borrowing'))
  expect(en).toContain(squeeze(formatFen(expected.totals.borrowed)))
  expect(en).toContain(squeeze('Owed at month end'))

  // Another month from the picker: the figures follow.
  await page.getByTestId('report-language').getByText('中文').click()
  const september = assembleMonthReport(sample, '2026-09', TODAY, { dues: [], flags: [] })
  await app.reportMonth('2026年09月')
  await expect(page.getByTestId('report-title')).toHaveText('2026年9月 月度报表')
  await expect(page.getByTestId('report-borrowed')).toHaveText(formatFen(september.totals.borrowed))
})

test('the month exports to XLSX and CSV that read back with its figures and records', async ({ page }) => {
  const app = await openWithSample(page)
  await app.nav('reports')
  await expect(page.getByTestId('report-title')).toHaveText('2026年10月 月度报表')

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
  expect(xlsx.suggestedFilename()).toBe('信用账本-月度报表-2026-10.xlsx')
  const xlsxPath = join(work, 'month.xlsx')
  await xlsx.saveAs(xlsxPath)
  const sheets = await readXlsxFile(xlsxPath)
  expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '按账户汇总', '未结清借款', '账单', '账户', '借款', '订单', '还款', '征信查询', '账单分期', '账单填写'])
  const [header, row] = sheets[0]!.data
  expect(header?.slice(0, 3)).toEqual(['月份', '新增借款', '本月还款'])
  expect(row?.[0]).toBe(MONTH)
  expect(row?.[1]).toBe(expected.totals.borrowed / 100)
  expect(row?.[2]).toBe(expected.totals.repaid / 100)
  expect(row?.[7]).toBe(expected.totals.principalOutstanding / 100)
  const inMonth = (date: string) => date.startsWith(MONTH)
  // The bills issued in the month: one row per statement account with a bill then.
  expect(sheets[3]!.data).toHaveLength(expected.bills.length + 1)
  expect(sheets[5]!.data).toHaveLength(sample.draws.filter((d) => inMonth(d.drawDate)).length + 1)
  expect(sheets[6]!.data).toHaveLength(sample.orders.filter((o) => inMonth(o.orderDate)).length + 1)
  expect(sheets[7]!.data).toHaveLength(sample.repayments.filter((r) => inMonth(r.date)).length + 1)
  expect(sheets[4]!.data.slice(1).map((r) => r[0])).toContain('芝麻先用后付')

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const csvPath = join(work, 'month.csv')
  await csv.saveAs(csvPath)
  const bytes = readFileSync(csvPath)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).split('\r\n')
  expect(lines[0]).toBe('汇总')
  expect(lines[2]).toMatch(new RegExp(`^${MONTH},${(expected.totals.borrowed / 100).toFixed(2)},${(expected.totals.repaid / 100).toFixed(2)},`))

  // A range of months: one summary row per month, as a spreadsheet.
  await page.getByTestId('export-more').click()
  await page.getByTestId('export-range').click()
  await expect(page.getByTestId('range-export')).toBeVisible()
  const [range] = await Promise.all([page.waitForEvent('download'), page.locator('.ant-modal-footer .ant-btn-primary').click()])
  expect(range.suggestedFilename()).toBe('信用账本-2025-12至2026-11.xlsx')
  const rangePath = join(work, 'range.xlsx')
  await range.saveAs(rangePath)
  const rangeSheets = await readXlsxFile(rangePath)
  expect(rangeSheets[0]!.data.slice(1).map((r) => r[0])).toEqual(['2025-12', ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)])
})

test('a backup restores through the page after a preview; a bad file is refused and changes nothing; the restore can be undone', async ({ page }) => {
  // A browser without the save picker: the backup is a download, which counts only once confirmed.
  await withoutSavePicker(page)
  const app = await openWithSample(page)
  await app.nav('backup')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()])
  expect(download.suggestedFilename()).toMatch(/^credit-ledger-backup-2026-11-21-\d{4}\.json$/)
  const goodPath = join(work, 'good.json')
  await download.saveAs(goodPath)
  const good = readFileSync(goodPath, 'utf8')
  await expect(page.getByTestId('backup-pending')).toContainText('下载已开始')
  await expect(page.getByTestId('backup-status')).toContainText('还没有下载或保存过备份')
  await page.getByTestId('backup-confirm-saved').click()
  await expect(page.getByTestId('backup-pending')).toHaveCount(0)
  await expect(page.getByTestId('backup-status')).toContainText('上次备份：2026-11-21')

  const file = JSON.parse(good) as { schemaVersion: number; checksum: { value: string }; payload: { ledger: { draws: { principal: number }[] } } }
  const write = (name: string, text: string) => {
    const path = join(work, name)
    writeFileSync(path, text)
    return path
  }
  const tampered = structuredClone(file)
  tampered.payload.ledger.draws[0]!.principal += 100
  const negative = structuredClone(file)
  negative.payload.ledger.draws[2]!.principal = -5_000
  negative.checksum.value = createHash('sha256').update(canonicalJson(negative.payload)).digest('hex')
  const newer = { ...file, schemaVersion: file.schemaVersion + 1 }
  const bad: [string, string][] = [
    [write('truncated.json', good.slice(0, Math.floor(good.length / 2))), '文件不完整'],
    [write('tampered.json', JSON.stringify(tampered)), '校验和不符'],
    [write('negative.json', JSON.stringify(negative)), '借款第 3 条有误：借款金额（元）：金额必须大于 0'],
    [write('newer.json', JSON.stringify(newer)), '更新版本的信用账本'],
    [write('other.json', '{"hello":"world"}'), '这不是信用账本的备份文件']
  ]
  const input = page.getByTestId('page-backup').locator('input[type=file]')
  for (const [path, reason] of bad) {
    await input.setInputFiles(path)
    await expect(page.getByTestId('restore-error')).toContainText(reason)
    await expect(page.getByTestId('restore-error')).toContainText('当前数据没有任何改动')
    await expect(page.getByTestId('restore-preview')).toHaveCount(0)
  }
  await page.screenshot({ path: 'e2e/.artifacts/screens/zh-CN-backup-rejected.png' })
  await app.nav('settings')
  const counts = `${sample.accounts.length} 个账户，${sample.draws.length} 笔借款，${sample.orders.length} 笔订单，${sample.repayments.length} 笔还款，${sample.inquiries.length} 条查询`
  await expect(page.getByTestId('data-counts')).toHaveText(counts)

  // Lose everything, then restore from the file.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('credit-ledger')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const stores = ['accounts', 'draws', 'orders', 'repayments', 'inquiries', 'billInstalments', 'billFigures']
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite')
      for (const s of stores) tx.objectStore(s).clear()
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  })
  await page.reload()
  await app.nav('backup')
  await input.setInputFiles(goodPath)
  const preview = page.getByTestId('restore-preview')
  await expect(preview).toBeVisible()
  await expect(preview.getByTestId('restore-count-accounts')).toContainText(`账户${sample.accounts.length}0`)
  await expect(preview.getByTestId('restore-count-draws')).toContainText(`借款${sample.draws.length}0`)
  const dates = [...sample.draws.map((d) => d.drawDate), ...sample.orders.map((o) => o.orderDate), ...sample.repayments.map((r) => r.date), ...sample.inquiries.map((i) => i.date), ...sample.billInstalments.map((b) => b.date)].sort()
  await expect(preview.getByTestId('restore-range')).toHaveText(`${dates[0]} 至 ${dates.at(-1)}`)
  await page.screenshot({ path: 'e2e/.artifacts/screens/zh-CN-backup-preview.png' })
  await page.getByTestId('restore-confirm').click()
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '用这个备份替换当前数据' }).click()
  await expect(page.getByText(`已从备份恢复 ${sample.accounts.length + sample.draws.length + sample.orders.length + sample.repayments.length + sample.inquiries.length + sample.billInstalments.length} 条记录`)).toBeVisible()
  await expect(page.getByTestId('undo-restore-card')).toBeVisible()
  await app.nav('settings')
  await expect(page.getByTestId('data-counts')).toHaveText(counts)
  await app.nav('accounts')
  await expect(app.rows('accounts-table')).toHaveCount(8)

  // Undo goes back to the (empty) ledger from before the restore.
  await app.nav('backup')
  await page.getByTestId('undo-restore').click()
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '撤销恢复' }).click()
  await expect(page.getByTestId('undo-restore-card')).toHaveCount(0)
  await app.nav('accounts')
  await expect(page.getByTestId('empty-state')).toBeVisible()
})

test('the web build reminds to download a backup after a week of changes, and a download counts only once confirmed', async ({ page }) => {
  await withoutSavePicker(page)
  const app = await openWithSample(page)
  // The watcher notes the first change not in a backup a few seconds after the data settles.
  await page.clock.runFor(6_000)
  await app.nav('backup')
  await expect(page.getByTestId('backup-status')).toContainText('还没有下载或保存过备份 · 自 2026-11-21 08:0')
  const HOUR = 60 * 60 * 1000
  await page.clock.fastForward(160 * HOUR)
  await page.clock.runFor(HOUR)
  await expect(page.getByTestId('reminder-download')).toHaveCount(0)
  // Past a week: the hourly check brings the reminder.
  await page.clock.fastForward(8 * HOUR)
  await expect(page.getByTestId('reminder-download')).toBeVisible()
  // Let the notice's entrance animation run on the real clock before the picture.
  await page.clock.resume()
  await page.waitForTimeout(600)
  await page.screenshot({ path: 'e2e/.artifacts/screens/zh-CN-backup-reminder.png' })
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminder-download').click()])
  expect(download.suggestedFilename()).toMatch(/^credit-ledger-backup-2026-11-28-\d{4}\.json$/)
  // The browser cannot tell whether the file landed: the reminder asks, and a "no" changes nothing.
  await expect(page.getByTestId('reminder-download')).toHaveCount(0)
  await page.getByTestId('reminder-not-saved').click()
  await expect(page.getByTestId('reminder-download')).toBeVisible()
  await expect(page.getByTestId('backup-status')).toContainText('还没有下载或保存过备份')
  await Promise.all([page.waitForEvent('download'), page.getByTestId('reminder-download').click()])
  await page.getByTestId('reminder-confirm-saved').click()
  await expect(page.getByTestId('reminder-confirm-saved')).toHaveCount(0)
  await expect(page.getByTestId('reminder-download')).toHaveCount(0)
  await expect(page.getByTestId('backup-status')).toContainText('上次备份：2026-11-28')
})
