// Dues as a user meets them: the dashboard and calendar with sample data, one click to clear an item, and reminders (in-app banner, catch-up) with the clock set rather than waited for.
import { expect, test, type Page } from '@playwright/test'
import { homeWithSample, LedgerPage } from './ledger-page'

// Sample data is generated relative to today, so with the clock fixed it is always the same: on
// 2026-12-16 its last 芝麻先用后付 order (¥23.00) is 4 days overdue, the car loan's instalment
// falls due on 12-19 and the 招商银行 card's bill on 12-23.
const START = new Date('2026-12-16T10:00:00+08:00')

function withSample(page: Page) {
  return homeWithSample(page, START)
}

function row(page: Page, section: string, text: string) {
  return page.getByTestId(`due-section-${section}`).getByTestId('due-item').filter({ hasText: text })
}

test('sample data shows the overdue order first, the coming week, the calendar by urgency, and one click clears an item', async ({ page }) => {
  const app = await withSample(page)

  // Overdue first, in red, with days and penalty; then the next 7 days.
  const sections = page.locator('[data-testid^="due-section-"]')
  await expect(sections.first()).toHaveAttribute('data-testid', 'due-section-overdue')
  const overdue = row(page, 'overdue', '芝麻先用后付')
  await expect(overdue).toHaveCount(1)
  await expect(overdue).toHaveAttribute('data-urgency', 'overdue')
  await expect(overdue.getByTestId('due-when')).toHaveText('逾期 4 天')
  await expect(overdue).toContainText('¥23.00')
  await expect(overdue.getByTestId('due-penalty')).toContainText('另有罚息约 ¥')
  await expect(page.getByTestId('card-overdue')).toContainText('¥23.00')
  await expect(row(page, 'week', '车贷')).toContainText('3 天后到期')
  await expect(row(page, 'week', '招商银行信用卡')).toContainText('账单')
  await expect(page.getByTestId('due-badge')).toContainText('1')
  await page.screenshot({ path: 'e2e/.artifacts/screens/dues-home.png' })

  // The calendar colours each day by urgency; clicking one lists its items.
  await app.nav('calendar')
  const day = (date: string) => page.getByTestId('due-calendar').locator(`[data-testid="due-day"][data-date="${date}"]`)
  await expect(day('2026-12-12')).toHaveAttribute('data-urgency', 'overdue')
  await expect(day('2026-12-12')).toContainText('¥23')
  await expect(day('2026-12-19')).toHaveAttribute('data-urgency', 'soon')
  await expect(day('2026-12-23')).toHaveAttribute('data-urgency', 'week')
  await day('2026-12-12').click()
  await expect(page.getByTestId('calendar-day')).toContainText('2026-12-12')
  await expect(page.getByTestId('calendar-day-items').getByTestId('due-item')).toHaveCount(1)
  await expect(page.getByTestId('calendar-day-items')).toContainText('芝麻先用后付')
  await page.screenshot({ path: 'e2e/.artifacts/screens/dues-calendar.png' })

  // One click: the repayment form, filled in with the order and the amount that clears it.
  await app.nav('home')
  await overdue.getByTestId('due-clear').click()
  const modal = app.modal('repayment-modal')
  await expect(modal.getByTestId('field-amount')).toHaveValue('23.00')
  await expect(modal.getByTestId('field-targetType')).toContainText('一笔订单')
  await app.save(modal)
  await expect(modal).toBeHidden()
  await expect(page.getByTestId('due-section-overdue')).toHaveCount(0)
  await expect(page.getByTestId('card-overdue')).toContainText('¥0.00')
  await expect(page.getByTestId('due-badge')).not.toContainText('1')
  await app.nav('calendar')
  await expect(day('2026-12-12')).toHaveCount(0)
})

test('the in-app reminder appears for an item due tomorrow at 09:00, opens it, and the item can be cleared from there', async ({ page }) => {
  const app = await withSample(page)
  await expect(page.getByTestId('due-reminder')).toHaveCount(0)

  // Two days on, at the reminder hour: the car loan's instalment is due tomorrow.
  await page.clock.fastForward('47:00:00')
  const banner = page.getByTestId('due-reminder')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('车贷')
  await expect(banner).toContainText('明天到期')
  // Without permission for system notifications, the banner offers to ask (on this click only).
  await expect(banner.getByTestId('due-reminder-enable')).toBeVisible()
  await page.screenshot({ path: 'e2e/.artifacts/screens/dues-reminder.png' })

  await banner.getByTestId('due-reminder-open').click()
  await expect(banner).toBeHidden()
  const drawer = page.getByTestId('due-drawer')
  await expect(drawer).toBeVisible()
  await expect(drawer).toContainText('车贷')
  await expect(drawer).toContainText('2026-12-19')
  await page.screenshot({ path: 'e2e/.artifacts/screens/dues-drawer.png' })
  await drawer.getByTestId('due-drawer-clear').click()
  const modal = app.modal('repayment-modal')
  await expect(modal.getByTestId('field-targetType')).toContainText('一笔借款')
  await app.save(modal)
  await expect(modal).toBeHidden()
  await expect(drawer.getByTestId('due-gone')).toBeVisible()

  // It fired once: an hour later nothing comes back.
  await page.clock.fastForward('01:00:00')
  await expect(page.getByTestId('due-reminder')).toHaveCount(0)
})

test('a reminder that falls due while the app is locked waits behind the lock screen, and shows on unlocking', async ({ page }) => {
  const app = await withSample(page)
  await app.nav('settings')
  const card = page.getByTestId('app-lock-settings')
  await card.getByTestId('lock-set').click()
  await card.getByTestId('lock-new').fill('ledger-2026')
  await card.getByTestId('lock-confirm').fill('ledger-2026')
  await card.getByTestId('lock-save').click()
  await expect(card.getByTestId('lock-status')).toHaveText('已开启')

  // Away for two days: the idle lock comes after 5 minutes, the car loan's reminder at 09:00 on 12-18.
  await page.clock.fastForward('47:00:00')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.getByTestId('lock-reminders')).toHaveText('有 1 条还款提醒，解锁后查看')
  // No amount over the lock screen.
  await expect(page.getByTestId('due-reminder')).toHaveCount(0)
  await expect(page.getByTestId('lock-screen')).not.toContainText('¥')

  const field = page.locator('input[data-testid="lock-password"]').or(page.getByTestId('lock-password').locator('input')).first()
  await field.fill('ledger-2026')
  await field.press('Enter')
  const banner = page.getByTestId('due-reminder')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('车贷')
  await expect(banner).toContainText('明天到期')
  await expect(page.locator('[data-testid="due-reminder"]')).toHaveCount(1)
})

test('reminders missed while the app was closed arrive as one summary when it opens again', async ({ page }) => {
  await withSample(page)
  // Closed until 12-20 10:00: the car loan went overdue the day before and the card bill is 3 days off.
  await page.clock.setSystemTime(new Date('2026-12-20T10:00:00+08:00'))
  await page.reload()
  const banner = page.getByTestId('due-reminder')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('还款提醒：2 笔待还')
  await expect(banner).toContainText('1 笔已逾期，1 笔即将到期')
  await expect(page.locator('[data-testid="due-reminder"]')).toHaveCount(1)
  // Switching the language rewrites the banner on screen (and back).
  await page.getByTestId('lang-switch').getByText('English').click()
  await expect(banner).toContainText('Repayment reminder: 2 due')
  await expect(banner.getByTestId('due-reminder-open')).not.toContainText('查看')
  await page.getByTestId('lang-switch').getByText('中文').click()
  await expect(banner).toContainText('还款提醒：2 笔待还')
  await expect(page.locator('[data-testid="due-reminder"]')).toHaveCount(1)
  // Opening it shows the dashboard.
  await banner.getByTestId('due-reminder-open').click()
  await expect(page.getByTestId('page-home')).toBeVisible()
  await expect(row(page, 'overdue', '车贷')).toContainText('逾期 1 天')
  // A second start the same day repeats nothing.
  await page.reload()
  await expect(page.getByTestId('page-home')).toBeVisible()
  await expect(page.getByTestId('due-totals')).toBeVisible()
  await expect(page.getByTestId('due-reminder')).toHaveCount(0)
})

test('reminder settings: lead times and hour are kept, and turning reminders off is honoured', async ({ page }) => {
  await withSample(page)
  const app = new LedgerPage(page)
  await app.nav('settings')
  const card = page.getByTestId('reminder-settings')
  await expect(card.getByTestId('notification-permission')).toBeVisible()
  await card.getByTestId('reminders-enabled').click()
  await expect(card.getByTestId('reminders-enabled')).not.toBeChecked()
  await page.reload()
  await expect(page.getByTestId('reminder-settings').getByTestId('reminders-enabled')).not.toBeChecked()
  await page.screenshot({ path: 'e2e/.artifacts/screens/dues-settings.png' })
  await page.clock.fastForward('47:00:00')
  await expect(page.getByTestId('page-settings')).toBeVisible()
  await expect(page.getByTestId('due-reminder')).toHaveCount(0)
})
