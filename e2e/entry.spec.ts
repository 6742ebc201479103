// Entry at the speed of typing (issue 13): the order's due date follows account and order date until the user edits it, Enter never submits a half-filled form, N adds on every page, Ctrl/⌘+K finds any record.
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { Account, Order } from '../src/domain/records'
import { LedgerPage } from './ledger-page'

const at = (date: string) => new Date(`${date}T10:00:00+08:00`)

// 花呗: bills on the 1st, due on the 9th.
const huabei: Account = {
  id: 'hb',
  name: '花呗',
  kind: 'bnplStatement',
  creditLimit: 2_000_000,
  statementDay: 1,
  dueDay: 9,
  payLaterWindowDays: null,
  reportsToCredit: 'yes',
  reportName: '',
  penaltyMultiplier: 1.5,
  notes: '',
  archived: false,
  repaymentOrder: 'costsFirst',
  statementTerms: null
}
const zhima: Account = { ...huabei, id: 'zm', name: '芝麻先用后付', kind: 'payLaterOrder', statementDay: null, dueDay: null, payLaterWindowDays: 14, creditLimit: null }
const jd: Order = {
  id: 'od-jd',
  accountId: 'hb',
  merchant: '京东',
  item: '机械键盘',
  amount: 129_900,
  orderDate: '2027-01-20',
  dueDate: '2027-02-09',
  instalmentCount: 1,
  instalmentFeeRate: 0,
  status: 'unpaid',
  externalOrderNo: 'JD-88420017',
  notes: ''
}

/** Writes records straight into the app's store (as statement.spec.ts does), then reloads. */
async function seed(page: Page, records: { accounts: Account[]; orders?: Order[] }) {
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('credit-ledger')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['accounts', 'orders'], 'readwrite')
      for (const a of data.accounts) tx.objectStore('accounts').put(a)
      for (const o of data.orders ?? []) tx.objectStore('orders').put(o)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, records)
  await page.reload()
  await expect(page.getByTestId('nav')).toBeVisible()
}

function dateInput(scope: Locator, field: string): Locator {
  return scope.getByTestId(`field-${field}`).locator('input').or(scope.locator(`input[data-testid="field-${field}"]`)).first()
}

// Today is 2027-02-15, so a new order starts on 2027-02-15: after the 02-01 statement, on the 03-01
// bill, due 2027-03-09 — the figure the user saw wrongly kept for an order of 01-31.
async function start(page: Page, hash: string, orders: Order[] = []) {
  await page.clock.install({ time: at('2027-02-15') })
  const app = new LedgerPage(page)
  await app.open(hash)
  await seed(page, { accounts: [huabei, zhima], orders })
  await app.figuresReady()
  return app
}

test.describe('the order form', () => {
  test('the due date follows account then date, date then account, and stops once the user sets it', async ({ page }) => {
    const app = await start(page, '#/orders')
    // By hand, from DOMAIN.md "Statement credit": an order of 2027-01-31 is after the 01-01 statement,
    // so it is on the bill of 2027-02-01; due day 9 comes after statement day 1 in the same month: 2027-02-09.
    await page.getByTestId('add-order').click()
    let dialog = app.modal('order-modal')
    await app.choose(dialog, 'accountId', '花呗')
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-03-09')
    await app.date(dialog, 'orderDate', '2027-01-31')
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-02-09')
    // Still following: 2027-01-15 is also on the 02-01 bill (02-09); 2027-02-01 is the statement day
    // itself, so it rolls to the 03-01 bill, due 2027-03-09.
    await app.date(dialog, 'orderDate', '2027-02-01')
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-03-09')
    await app.date(dialog, 'orderDate', '2027-01-31')
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-02-09')
    await app.fill(dialog, 'merchant', '淘宝')
    await app.fill(dialog, 'amount', '88')
    await app.save(dialog)
    await expect(dialog).toBeHidden()
    await expect(app.rows('orders-table')).toHaveCount(1)
    await expect(app.rows('orders-table').first()).toContainText('2027-02-09')

    // Date first, then the account: the same bill, the same due date.
    await page.getByTestId('add-order').click()
    dialog = app.modal('order-modal')
    await app.date(dialog, 'orderDate', '2027-01-31')
    await app.choose(dialog, 'accountId', '花呗')
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-02-09')

    // The user sets the due date: neither the order date nor the account moves it any more.
    await app.date(dialog, 'dueDate', '2027-02-20')
    await app.date(dialog, 'orderDate', '2027-02-03')
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-02-20')
    // 芝麻先用后付 would make it 02-03 + 14 days = 02-17; the user's date stays.
    await app.choose(dialog, 'accountId', '芝麻先用后付')
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-02-20')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    // A new opening follows again.
    await page.getByTestId('add-order').click()
    dialog = app.modal('order-modal')
    await app.choose(dialog, 'accountId', '芝麻先用后付')
    // 2027-02-15 + 14 days = 2027-03-01.
    await expect(dateInput(dialog, 'dueDate')).toHaveValue('2027-03-01')
  })

  test('opens with the first field focused; Enter in a date confirms it and never submits a half-filled form', async ({ page }) => {
    const app = await start(page, '#/orders')
    await page.getByTestId('add-order').click()
    const dialog = app.modal('order-modal')
    await expect(dialog.locator('.ant-form-item').first().locator('input').first()).toBeFocused()

    const orderDate = dateInput(dialog, 'orderDate')
    await orderDate.click()
    await orderDate.fill('2027-01-31')
    await orderDate.press('Enter')
    await expect(orderDate).toHaveValue('2027-01-31')
    await expect(dialog).toBeVisible()
    await expect(dialog.locator('.ant-form-item-explain-error')).toHaveCount(0)
    await expect(page.getByText('请修正标红的字段后再保存')).toHaveCount(0)

    // Enter in a text field of an incomplete form moves on instead of saving.
    await app.fill(dialog, 'merchant', '淘宝')
    await dialog.getByTestId('field-merchant').press('Enter')
    await expect(dialog.getByTestId('field-item')).toBeFocused()
    await expect(dialog.locator('.ant-form-item-explain-error')).toHaveCount(0)

    // Once complete and valid, Enter saves.
    await app.choose(dialog, 'accountId', '花呗')
    await app.fill(dialog, 'amount', '88')
    await dialog.getByTestId('field-amount').press('Enter')
    await expect(dialog).toBeHidden()
    await expect(app.rows('orders-table')).toHaveCount(1)
  })
})

test.describe('N and Ctrl+K on every page', () => {
  test('N opens the page\'s own form on a list page and the chooser elsewhere', async ({ page }) => {
    const app = await start(page, '#/home')
    // Home has no one record type: the chooser; 2 picks the order form.
    await page.keyboard.press('n')
    const chooser = app.modal('add-chooser')
    await expect(chooser).toBeVisible()
    await expect(chooser.getByTestId('add-draw')).toBeFocused()
    await page.keyboard.press('2')
    await expect(chooser).toBeHidden()
    const order = app.modal('order-modal')
    await expect(order).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(order).toBeHidden()

    // The calendar: the chooser again, and a click on 征信查询 opens that form.
    await app.nav('calendar')
    await page.keyboard.press('n')
    await expect(chooser).toBeVisible()
    await chooser.getByTestId('add-inquiry').click()
    await expect(app.modal('inquiry-modal')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(app.modal('inquiry-modal')).toBeHidden()

    // List pages answer N with their own form, no chooser.
    await app.nav('orders')
    await page.keyboard.press('n')
    await expect(app.modal('order-modal')).toBeVisible()
    await expect(chooser).toBeHidden()
    await page.keyboard.press('Escape')
    await expect(app.modal('order-modal')).toBeHidden()
    // Accounts: N starts adding one, from the product picker (as the page's button does).
    await app.nav('accounts')
    await page.keyboard.press('n')
    await expect(page.getByTestId('product-picker')).toBeVisible()
    await expect(chooser).toBeHidden()
  })

  test('Ctrl+K finds an order by merchant, order number or amount and opens it; an account opens its page', async ({ page }) => {
    const app = await start(page, '#/home', [jd])
    const search = app.modal('record-search')
    const input = search.getByTestId('record-search-input')

    await page.keyboard.press('Control+k')
    await expect(search).toBeVisible()
    await expect(input).toBeFocused()
    await input.fill('88420017')
    await expect(search.getByTestId('record-search-hit')).toHaveCount(1)
    await input.fill('¥1,299')
    await expect(search.getByTestId('record-search-hit')).toHaveCount(1)
    await input.fill('京东')
    await expect(search.getByTestId('record-search-hit').first()).toContainText('机械键盘')
    await input.press('Enter')
    await expect(search).toBeHidden()
    await expect(page.getByTestId('page-orders')).toBeVisible()
    await expect(page.getByTestId('detail-drawer')).toContainText('机械键盘')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('detail-drawer')).toBeHidden()

    // From the draws page: the account itself.
    await app.nav('draws')
    await page.keyboard.press('Control+k')
    await expect(search).toBeVisible()
    await input.fill('芝麻')
    await search.getByTestId('record-search-hit').filter({ hasText: '芝麻先用后付' }).first().click()
    await expect(page.getByTestId('account-title')).toHaveText('芝麻先用后付')
    await expect(search).toBeHidden()

    // Nothing matching says so.
    await page.keyboard.press('Control+k')
    await expect(input).toHaveValue('')
    await input.fill('不存在的商户')
    await expect(search.getByTestId('record-search-hit')).toHaveCount(0)
    await expect(search).toContainText('没有找到匹配的记录')
  })
})
