// The calendar file as a user gets it: one click on the home page downloads credit-ledger-dues.ics, which Mozilla's ical.js reads back (events with the account in the title and alarms); after a repayment the page asks for a new export, whose file cancels the paid item; the calendar page has the same button; screenshots of both pages in both languages at laptop sizes.
import { readFile } from 'node:fs/promises'
import { expect, test, type Download, type Page } from '@playwright/test'
import ICAL from 'ical.js'
import { homeWithSample, LedgerPage } from './ledger-page'

// As in dues.spec.ts: with the clock at 2026-12-16 the sample's last 芝麻先用后付 order (¥23.00) is
// 4 days overdue, the car loan's instalment falls due on 12-19 and the 招商银行 card's bill on 12-23.
const START = new Date('2026-12-16T10:00:00+08:00')
const SHOTS = 'e2e/.artifacts/calendar'

async function withSample(page: Page, language: 'zh-CN' | 'en' = 'zh-CN') {
  const app = await homeWithSample(page, START)
  // The due reminders arrive top right, over the side column the button is in.
  await expect(page.locator('.ant-notification-notice')).toHaveCount(0)
  if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
  return app
}

interface Parsed {
  uid: string
  summary: string
  start: string
  sequence: number
  status: string
  alarms: string[]
}

async function parseDownload(download: Download): Promise<{ text: string; events: Parsed[] }> {
  expect(download.suggestedFilename()).toBe('credit-ledger-dues.ics')
  // Kept for a look (and for trying on a real phone).
  await download.saveAs(`${SHOTS}/last-export.ics`)
  const text = await readFile(`${SHOTS}/last-export.ics`, 'utf8')
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      alarms: component.getAllSubcomponents('valarm').map((a) => `${String(a.getFirstPropertyValue('action'))} ${String(a.getFirstPropertyValue('trigger'))}`)
    }
  })
  return { text, events }
}

async function exportFrom(page: Page, place: 'home' | 'calendar') {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`calendar-export-${place}`).getByTestId('calendar-export').click()])
  return parseDownload(download)
}

test('the home page exports the dues as a calendar file with alarms; a repayment asks for a new export, which cancels the paid item', async ({ page }) => {
  const app = await withSample(page)
  const home = page.getByTestId('calendar-export-home')
  await expect(home.getByTestId('calendar-export')).toHaveText(/导出到手机日历/)
  await expect(home.getByTestId('calendar-export-changed')).toHaveCount(0)

  // The help says how to import on each kind of device.
  await home.getByTestId('calendar-export-help-open').click()
  const help = page.getByTestId('calendar-export-help')
  await expect(help).toContainText('iPhone')
  await expect(help).toContainText('安卓')
  await expect(help).toContainText('Outlook')
  await home.getByTestId('calendar-export-help-open').click()

  const first = await exportFrom(page, 'home')
  expect(first.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  expect(first.events.length).toBeGreaterThan(3)
  const overdue = first.events.find((e) => e.summary.includes('芝麻先用后付'))!
  // Overdue since 12-12: on the export day, with the reminder hour's alarm (09:00 by default).
  expect(overdue.summary).toBe('已逾期 · 还款 ¥23.00 · 芝麻先用后付')
  expect(overdue.start).toBe('2026-12-16')
  expect(overdue.alarms).toEqual(['DISPLAY PT9H'])
  const car = first.events.find((e) => e.start === '2026-12-19' && e.summary.includes('车贷'))!
  expect(car.summary).toMatch(/^还款 ¥[\d,]+\.\d\d · 车贷/)
  // Default leads 3, 1 and 0 days at 09:00 (see the unit test for the arithmetic).
  expect(car.alarms).toEqual(['DISPLAY -P2DT15H', 'DISPLAY -PT15H', 'DISPLAY PT9H'])
  expect(first.events.some((e) => e.start === '2026-12-23' && e.summary.includes('招商银行信用卡'))).toBe(true)
  // Nothing beyond 12 months, everything confirmed.
  expect(first.events.every((e) => e.start <= '2027-12-16' && e.status === 'CONFIRMED' && e.sequence === 0)).toBe(true)
  await expect(home.getByTestId('calendar-export-last')).toContainText('2026-12-16')

  // Clear the overdue order: the dues changed, and the page says to export again.
  await page.getByTestId('due-section-overdue').getByTestId('due-item').filter({ hasText: '芝麻先用后付' }).getByTestId('due-clear').click()
  const modal = app.modal('repayment-modal')
  await expect(modal.getByTestId('field-amount')).toHaveValue('23.00')
  await app.save(modal)
  await expect(modal).toBeHidden()
  await expect(home.getByTestId('calendar-export-changed')).toHaveText('到期项有变化，请重新导出日历')
  await page.screenshot({ path: `${SHOTS}/zh-CN-1360-home-changed.png` })

  const second = await exportFrom(page, 'home')
  const cancelled = second.events.find((e) => e.uid === overdue.uid)!
  expect(cancelled.status).toBe('CANCELLED')
  expect(cancelled.sequence).toBe(1)
  // The others keep their UIDs.
  expect(second.events.find((e) => e.uid === car.uid)?.status).toBe('CONFIRMED')
  await expect(home.getByTestId('calendar-export-changed')).toHaveCount(0)

  // The calendar page has the same button, and knows the last export (this device's storage).
  await app.nav('calendar')
  const onCalendar = page.getByTestId('calendar-export-calendar')
  await expect(onCalendar.getByTestId('calendar-export-last')).toContainText('2026-12-16')
  const third = await exportFrom(page, 'calendar')
  expect(third.events.map((e) => e.uid).sort()).toEqual(second.events.map((e) => e.uid).sort())

  // In English the file is written in English: the same events, the same UIDs.
  await page.getByTestId('lang-switch').getByText('English').click()
  await expect(onCalendar.getByTestId('calendar-export')).toHaveText(/Export to phone calendar/)
  const english = await exportFrom(page, 'calendar')
  expect(english.events.map((e) => e.uid).sort()).toEqual(third.events.map((e) => e.uid).sort())
  expect(english.events.find((e) => e.uid === car.uid)!.summary).toBe(car.summary.replace(/^还款 (¥[\d,.]+) · /, 'Repay $1 · '))
  expect(english.text).toContain('DESCRIPTION:Item: Payment 12 of 36')
})

test('with no dues the button says there is nothing to export, and is disabled', async ({ page }) => {
  await page.clock.install({ time: START })
  const app = new LedgerPage(page)
  await app.open('#/home')
  // A 芝麻先用后付 account with no orders yet: the home page is there, with nothing due.
  await page.getByTestId('page-home').getByTestId('first-add-account').click()
  await page.getByTestId('product-picker').getByTestId('preset-zhima-later').click()
  await app.save(app.modal('account-modal'))
  await app.nav('home')
  const button = page.getByTestId('calendar-export-home').getByTestId('calendar-export')
  await expect(button).toBeDisabled()
  await expect(button).toHaveText(/没有可导出的到期项/)
})

for (const language of ['zh-CN', 'en'] as const) {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 }
  ]) {
    test(`screenshots: the export button on the home and calendar pages (${language}, ${size.width}x${size.height})`, async ({ page }) => {
      await page.setViewportSize(size)
      const app = await withSample(page, language)
      const home = page.getByTestId('calendar-export-home')
      await expect(home.getByTestId('calendar-export')).toHaveText(language === 'en' ? /Export to phone calendar/ : /导出到手机日历/)
      await page.screenshot({ path: `${SHOTS}/${language}-${size.width}-home.png` })
      await home.getByTestId('calendar-export-help-open').click()
      await expect(page.getByTestId('calendar-export-help')).toBeVisible()
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${SHOTS}/${language}-${size.width}-home-help.png` })
      await home.getByTestId('calendar-export-help-open').click()
      await app.nav('calendar')
      await expect(page.getByTestId('calendar-export-calendar').getByTestId('calendar-export')).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/${language}-${size.width}-calendar.png` })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
    })
  }
}
