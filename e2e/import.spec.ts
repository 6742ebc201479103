// Importing bills through the wizard in the web build: Alipay and WeChat onto the right accounts, the same files again creating nothing, bad files named by file, row and column, and a year of bills.
import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  ALIPAY_ROWS,
  WECHAT_ROWS,
  alipayCsv,
  largeAlipayRows,
  malformed,
  wechatXlsx
} from '../src/testing/bill-fixtures'
import { LedgerPage } from './ledger-page'

const SHOTS = 'e2e/.artifacts/screens'

function asFile(name: string, bytes: Uint8Array, mimeType = 'text/csv') {
  return { name, mimeType, buffer: Buffer.from(bytes) }
}

async function chooseFiles(page: Page, files: ReturnType<typeof asFile>[]) {
  await page.getByTestId('import-drop').locator('input[type=file]').setInputFiles(files)
}

function product(page: Page, name: string): Locator {
  return page.getByTestId('import-product').filter({ has: page.locator('strong', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) })
}

/** Creates the account for a product from the wizard, with the statement and due day a statement account needs. */
async function createAccount(app: LedgerPage, name: string, expectedName: string, days?: [number, number]) {
  await product(app.page, name).getByTestId('import-product-create').click()
  const dialog = app.modal('account-modal')
  await expect(dialog.getByTestId('field-name')).toHaveValue(expectedName)
  if (days) {
    await app.fill(dialog, 'statementDay', String(days[0]))
    await app.fill(dialog, 'dueDay', String(days[1]))
  }
  await app.save(dialog)
  await expect(dialog).toBeHidden()
}

async function chooseFor(page: Page, name: string, option: string) {
  await product(page, name).getByTestId('import-product-select').click()
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last()
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click()
  await expect(dropdown).toBeHidden()
}

const skipProduct = (page: Page, name: string) => chooseFor(page, name, '不导入这种付款方式')

async function dataCounts(app: LedgerPage): Promise<string> {
  await app.nav('settings')
  return (await app.page.getByTestId('data-counts').textContent()) ?? ''
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') })
})

test('Alipay and WeChat bills become orders on the right accounts, and importing them again creates nothing', async ({ page }) => {
  const app = new LedgerPage(page)
  await app.open('#/import')
  const files = [asFile('支付宝账单.csv', alipayCsv(ALIPAY_ROWS)), asFile('微信支付账单.xlsx', await wechatXlsx(WECHAT_ROWS), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')]
  await chooseFiles(page, files)

  await expect(page.getByTestId('import-file')).toHaveCount(2)
  await expect(page.getByTestId('import-file').first()).toContainText('支付宝 · 12 行交易')
  await expect(page.getByTestId('import-file').last()).toContainText('微信支付 · 7 行交易')
  await expect(page.getByTestId('import-product')).toHaveCount(4)
  await expect(page.getByTestId('import-submit')).toBeDisabled()

  // First sight of each payment method: create 花呗 and 分付, leave 先用后付 and the credit card out.
  await createAccount(app, '花呗', '花呗', [1, 10])
  await createAccount(app, '分付', '微信分付', [25, 10])
  await skipProduct(page, '先用后付')
  await skipProduct(page, '招商银行信用卡(5678)')

  await expect(page.getByTestId('import-counts')).toHaveText('将新建 9 笔订单、2 笔还款，更新 0 笔已有订单')
  // The 饿了么 row repeats in the Alipay file; the debit-card purchase is ignored.
  await page.getByTestId('import-filter').getByText(/^重复/).click()
  await expect(page.getByTestId('import-row')).toHaveCount(1)
  await expect(page.getByTestId('import-row')).toContainText('与前面的一行相同')
  await page.getByTestId('import-filter').getByText(/^忽略/).click()
  await expect(page.getByTestId('import-row').filter({ hasText: '盒马' })).toContainText('不是信用消费')
  await page.getByTestId('import-filter').getByText(/^全部/).click()
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0)
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${SHOTS}/zh-CN-import-preview.png` })

  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-summary')).toContainText('新建 9 笔订单、2 笔还款，更新 0 笔订单')
  await expect(page.getByTestId('import-summary-account')).toHaveCount(2)
  await page.getByTestId('undo-button').waitFor()
  await page.locator('.ant-notification-notice-close').click()
  await page.screenshot({ path: `${SHOTS}/zh-CN-import-summary.png` })

  // The summary links to the account: 花呗 holds the Alipay orders, with the refund and the closed trade applied.
  await page.getByTestId('import-summary-account').filter({ hasText: '花呗' }).getByTestId('import-summary-link').click()
  await expect(page.getByTestId('account-title')).toHaveText('花呗')
  const orders = app.rows('orders-table')
  await expect(orders).toHaveCount(5)
  await expect(orders.filter({ hasText: '饿了么' })).toContainText('¥35.50')
  await expect(orders.filter({ hasText: '运动鞋' })).toContainText('¥199.00')
  await expect(orders.filter({ hasText: '连衣裙' })).toContainText('已取消')
  await expect(orders.filter({ hasText: '蓝牙耳机' })).toContainText('3 期')
  await app.nav('orders')
  await expect(app.rows('orders-table')).toHaveCount(9)
  await expect(app.rows('orders-table').filter({ hasText: '京东到家' })).toContainText('微信分付')
  await expect(app.rows('orders-table').filter({ hasText: '纸巾' })).toContainText('已退款')
  const counts = await dataCounts(app)
  expect(counts).toBe('2 个账户，0 笔借款，9 笔订单，2 笔还款，0 条查询')

  // The same two files again: the accounts are remembered and every row is a duplicate or ignored.
  await app.nav('import')
  await chooseFiles(page, files)
  await expect(page.getByTestId('import-file')).toHaveCount(2)
  // Only the two methods left out last time are listed, already answered.
  await expect(page.getByTestId('import-product')).toHaveCount(2)
  await expect(page.getByText('种付款方式没有选择账户')).toBeHidden()
  await expect(page.getByTestId('import-counts')).toHaveText('将新建 0 笔订单、0 笔还款，更新 0 笔已有订单')
  await expect(page.getByTestId('import-submit')).toBeDisabled()
  await expect(page.getByTestId('import-filter')).toContainText('重复 13')
  expect(await dataCounts(app)).toBe(counts)
})

test('a bad file is named by file, row and column, nothing is written, and the rest imports only once the user has seen it', async ({ page }) => {
  const app = new LedgerPage(page)
  await app.open('#/import')
  const bad = asFile('支付宝-坏行.csv', alipayCsv([ALIPAY_ROWS[0]!, malformed(ALIPAY_ROWS[2]!, { amount: '29..9' }), ALIPAY_ROWS[6]!]))
  const notBill = asFile('购物清单.txt', new TextEncoder().encode('牛奶,2\n面包,1\n'), 'text/plain')
  await chooseFiles(page, [bad, notBill])

  const problems = page.getByTestId('import-problems')
  await expect(problems).toContainText('有 2 处问题')
  const amountRow = problems.getByTestId('problem-row').filter({ hasText: '支付宝-坏行.csv' })
  await expect(amountRow).toContainText('20')
  await expect(amountRow).toContainText('金额')
  await expect(amountRow).toContainText('29..9')
  await expect(amountRow).toContainText('“金额”不是有效的金额')
  await expect(problems.getByTestId('problem-row').filter({ hasText: '购物清单.txt' })).toContainText('不是账单')
  await createAccount(app, '花呗', '花呗', [1, 10])
  await expect(page.getByTestId('import-counts')).toHaveText('将新建 2 笔订单、0 笔还款，更新 0 笔已有订单')
  await expect(page.getByTestId('import-submit')).toBeDisabled()
  await expect(page.getByText('请先查看上面的问题并勾选确认')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/zh-CN-import-problems.png` })

  // Leaving here writes nothing but the account the user created.
  expect(await dataCounts(app)).toBe('1 个账户，0 笔借款，0 笔订单，0 笔还款，0 条查询')

  await app.nav('import')
  await chooseFiles(page, [bad, notBill])
  await expect(page.getByTestId('import-problems')).toBeVisible()
  // Nothing was imported, so nothing was remembered: this time pick the account made before.
  await chooseFor(page, '花呗', '花呗')
  await page.getByTestId('import-acknowledge').click()
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-summary')).toContainText('新建 2 笔订单')

  // Taken back from the summary, the rows are new again; this time the order already due is written as paid.
  await page.getByTestId('import-undo').click()
  await expect(page.getByTestId('import-counts')).toHaveText('将新建 2 笔订单、0 笔还款，更新 0 笔已有订单')
  await page.getByTestId('import-mark-paid').click()
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-summary')).toContainText('新建 2 笔订单')
  await app.nav('orders')
  await expect(app.rows('orders-table')).toHaveCount(2)
  await expect(app.rows('orders-table').filter({ hasText: '运动鞋' })).toHaveCount(0)
  // 滴滴 of 10-20 was due 11-10, before today (12-01); 饿了么 of 11-05 is due 12-10.
  await expect(app.rows('orders-table').filter({ hasText: '滴滴出行' })).toContainText('已还清')
  await expect(app.rows('orders-table').filter({ hasText: '饿了么' })).toContainText('未还')
})

test('a year of bills (10,000 rows) parses off the page, previews virtually and imports in one write', async ({ page }) => {
  test.setTimeout(180_000)
  const rows = largeAlipayRows(10_000)
  const credit = rows.filter((r) => r.method === '花呗').length
  const repayments = rows.filter((r) => r.item.includes('还款')).length
  expect(repayments).toBe(10)
  const app = new LedgerPage(page)
  await app.open('#/accounts')
  await page.getByTestId('lang-switch').getByText('English').click()
  await app.nav('import')
  await chooseFiles(page, [asFile('alipay-2026.csv', alipayCsv(rows))])
  await expect(page.getByTestId('import-filter')).toContainText('All 10000', { timeout: 60_000 })
  // Only a window of the 10,000 rows is in the page.
  expect(await page.getByTestId('import-row').count()).toBeLessThan(100)
  await product(page, '花呗').getByTestId('import-product-create').click()
  const dialog = app.modal('account-modal')
  await app.fill(dialog, 'statementDay', '1')
  await app.fill(dialog, 'dueDay', '10')
  await app.save(dialog)
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('import-counts')).toHaveText(`Creates ${credit} orders and ${repayments} repayments, updates 0 stored orders`)
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0)
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${SHOTS}/en-import-preview.png` })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-summary')).toContainText(`Created ${credit} orders and ${repayments} repayments`, { timeout: 60_000 })
  await page.getByTestId('undo-button').waitFor()
  await page.locator('.ant-notification-notice-close').click()
  await page.screenshot({ path: `${SHOTS}/en-import-summary.png` })
})
