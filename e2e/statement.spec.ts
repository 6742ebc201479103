// Statement credit and late payments as a lender computes them (issue 10): the minimum paid on time is not overdue and revolves; an overdue instalment cleared by the pre-filled amount leaves the next at its contract figure; one total for this month on every page.
import { expect, test, type Page } from '@playwright/test'
import { CREDIT_CARD_TERMS } from '../src/domain/account-terms'
import type { Account, Draw, Order } from '../src/domain/records'
import { LedgerPage } from './ledger-page'

const at = (date: string) => new Date(`${date}T10:00:00+08:00`)

const card: Account = {
  id: 'card',
  name: '招商银行信用卡',
  kind: 'creditCard',
  creditLimit: 3_000_000,
  statementDay: 5,
  dueDay: 23,
  payLaterWindowDays: null,
  reportsToCredit: 'yes',
  reportName: '招商银行',
  penaltyMultiplier: 1.5,
  notes: '',
  archived: false,
  repaymentOrder: 'costsFirst',
  statementTerms: CREDIT_CARD_TERMS
}
const purchase: Order = { id: 'od-5000', accountId: 'card', merchant: '携程', item: '机票', amount: 500_000, orderDate: '2026-10-10', dueDate: '2026-11-23', instalmentCount: 1, instalmentFeeRate: 0, status: 'unpaid', externalOrderNo: '', notes: '' }

const mybank: Account = { ...card, id: 'mybank', name: '网商贷', kind: 'cashLoanLine', creditLimit: 5_000_000, statementDay: null, dueDay: null, reportName: '浙江网商银行股份有限公司', statementTerms: null }
// ¥10,000 等额本息 at 0.04% a day over 12 months, drawn 01-10: ¥899.75 a month (1.2% a month by the formula).
const loan: Draw = { id: 'dr-wsd', accountId: 'mybank', principal: 1_000_000, drawDate: '2026-01-10', channel: 'app', method: 'equalInstalment', rateUnit: 'daily', rate: 0.0004, termMonths: 12, firstDueDate: '2026-02-10', upfrontFee: 0, notes: '' }

/** Writes records straight into the app's store (the forms are tested elsewhere), then reloads. */
async function seed(page: Page, records: { accounts: Account[]; draws?: Draw[]; orders?: Order[] }) {
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('credit-ledger')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['accounts', 'draws', 'orders'], 'readwrite')
      for (const a of data.accounts) tx.objectStore('accounts').put(a)
      for (const d of data.draws ?? []) tx.objectStore('draws').put(d)
      for (const o of data.orders ?? []) tx.objectStore('orders').put(o)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, records)
  await page.reload()
}

async function moveTo(page: Page, date: string) {
  await page.clock.setSystemTime(at(date))
  await page.reload()
  await expect(page.getByTestId('page-home')).toBeVisible()
}

test('story 1: a card bill paid at its minimum before the due day is on time and revolves', async ({ page }) => {
  await page.clock.install({ time: at('2026-11-06') })
  const app = new LedgerPage(page)
  await app.open('#/home')
  await seed(page, { accounts: [card], orders: [purchase] })

  // The 11-05 bill: ¥5,000.00, minimum 10% = ¥500.00, due 11-23.
  const bill = page.getByTestId('due-item').filter({ hasText: '招商银行信用卡' })
  await expect(bill).toHaveCount(1)
  await expect(bill).toContainText('¥5,000.00')
  await expect(bill).toContainText('最低还款 ¥500.00')

  // 11-20: pay the minimum from the item's own button.
  await moveTo(page, '2026-11-20')
  await page.getByTestId('due-item').filter({ hasText: '招商银行信用卡' }).getByTestId('due-clear').click()
  const modal = app.modal('repayment-modal')
  await expect(modal.getByTestId('field-amount')).toHaveValue('5000.00')
  await modal.getByTestId('field-amount').fill('500')
  await app.save(modal)
  await expect(modal).toBeHidden()

  // 12-06, after the grace days (to 11-26) and the next statement: nothing overdue, no late
  // month, a revolving line. The 12-05 bill carries ¥4,500.00 and ¥136.25 of interest (全额计息:
  // 5,000 x 0.05% x 41 days + 4,500 x 0.05% x 15 days); its minimum 136.25 + 450.00 = ¥586.25.
  await moveTo(page, '2026-12-06')
  await expect(page.getByTestId('due-section-overdue')).toHaveCount(0)
  await expect(page.getByTestId('card-overdue')).toContainText('¥0.00')
  await expect(page.getByTestId('revolving-card')).toContainText('¥4,500.00 在循环')
  const next = page.getByTestId('due-item').filter({ hasText: '招商银行信用卡' })
  await expect(next).toContainText('¥4,636.25')
  await expect(next).toContainText('最低还款 ¥586.25')
  await expect(page.locator('[data-testid="flag"][data-rule="overdue"]')).toHaveCount(0)
  await expect(page.locator('[data-testid="flag"][data-rule="latePayments"]')).toHaveCount(0)
  await page.screenshot({ path: 'e2e/.artifacts/screens/statement-home-zh-1280.png' })

  // The bill's detail: its parts, the minimum, and the what-if of the open bill.
  await next.getByTestId('due-open').click()
  const drawer = page.getByTestId('due-drawer')
  await expect(drawer.getByTestId('bill-total')).toContainText('¥4,636.25')
  await expect(drawer.getByTestId('bill-what-if')).toContainText('只还最低 ¥586.25')
  await page.screenshot({ path: 'e2e/.artifacts/screens/statement-bill-zh-1280.png' })
  await drawer.locator('.ant-drawer-close').click()

  // The risk page holds only the informational revolving flag for the card.
  await app.nav('risk')
  await expect(page.locator('[data-testid="flag"][data-rule="revolving"]')).toHaveCount(1)
  await expect(page.locator('[data-testid="flag"][data-rule="overdue"]')).toHaveCount(0)
})

test('story 2: the pre-filled repayment of an overdue instalment clears it with its penalty; the next stays ¥899.75', async ({ page }) => {
  await page.clock.install({ time: at('2026-03-02') })
  const app = new LedgerPage(page)
  await app.open('#/home')
  await seed(page, { accounts: [mybank], draws: [loan] })

  // 20 days after 02-10: ¥899.75 + penalty 899.75 x 0.04% x 1.5 x 20 = 10.797 -> ¥10.80.
  const overdue = page.getByTestId('due-section-overdue').getByTestId('due-item')
  await expect(overdue).toHaveCount(1)
  await expect(overdue).toContainText('¥910.55')
  await expect(overdue.getByTestId('due-penalty')).toContainText('含罚息 ¥10.80')
  await overdue.getByTestId('due-clear').click()
  const modal = app.modal('repayment-modal')
  await expect(modal.getByTestId('field-amount')).toHaveValue('910.55')
  await app.save(modal)
  await expect(modal).toBeHidden()

  await expect(page.getByTestId('due-section-overdue')).toHaveCount(0)
  const nextInstalment = page.getByTestId('due-item').filter({ hasText: '第 2/12 期' })
  await expect(nextInstalment).toContainText('¥899.75')
  await expect(nextInstalment).toContainText('2026-03-10')

  // The draw's schedule: period 1 paid with its ¥10.80 penalty, period 2 at the contract amount.
  await app.nav('draws')
  await app.rows('draws-table').first().click()
  const schedule = page.getByTestId('draw-schedule')
  await expect(schedule.locator('tr[data-status="paid"]')).toHaveCount(1)
  await expect(schedule.locator('tr[data-status="paid"]')).toContainText('¥10.80')
  await expect(schedule.locator('tbody tr').nth(1)).toContainText('¥899.75')
  await expect(page.getByTestId('detail-drawer')).toContainText('¥10.80')
  await page.screenshot({ path: 'e2e/.artifacts/screens/draw-schedule-zh-1280.png' })
})

test('one day, one figure: this month\'s cash needed is the same on the home page, calendar, overview and report', async ({ page }) => {
  await page.clock.install({ time: at('2026-12-16') })
  const app = new LedgerPage(page)
  await app.open('#/home')
  await page.getByTestId('page-home').getByTestId('load-sample').click()
  await expect(page.getByTestId('due-totals')).toBeVisible()
  await app.figuresReady()
  const home = (await page.getByTestId('cash-this-month').locator('.ant-statistic-content').innerText()).trim()
  expect(home).toMatch(/^¥[\d,]+\.\d\d$/)

  await app.nav('calendar')
  await expect(page.getByTestId('calendar-month-total')).toContainText(home)
  await app.nav('overview')
  await expect(page.getByTestId('month-due')).toContainText(home)
  await app.nav('reports')
  await app.reportMonth('2026年12月')
  await expect(page.getByTestId('report-title')).toHaveText('2026年12月 月度报表')
  await expect(page.getByTestId('report-due-this-month')).toContainText(home)
})
