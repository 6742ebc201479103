// Lists that fit a laptop: at 1280x800 and 1440x900 the columns a person needs are on screen without scrolling sideways, an account's lists use the window's height, the detail drawer fits its labels, and the sidebar reaches its last item at 1024 wide.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { LedgerPage } from './ledger-page'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 }
] as const

/** The columns a person needs, by the column keys the lists give their header cells (data-col). */
const DRAW_COLUMNS = ['drawDate', 'account', 'principal', 'owed', 'status', 'nextDue']
const ORDER_COLUMNS = ['orderDate', 'account', 'amount', 'owed', 'status', 'dueDate']

async function loadSample(page: Page, language: 'zh-CN' | 'en') {
  const app = new LedgerPage(page)
  await app.open()
  await page.getByTestId('empty-state').getByTestId('load-sample').click()
  await expect(app.rows('accounts-table')).toHaveCount(8)
  // The due reminders arrive top right and would cover the tables' right edge in the pictures.
  await page.locator('.ant-notification-notice-close').first().click()
  await expect(page.locator('.ant-notification-notice')).toHaveCount(0)
  if (language === 'en') await page.getByTestId('lang-switch').getByText('English').click()
  return app
}

/**
 * Each key column's header lies wholly inside the table's visible area, left of the fixed actions
 * column, and the first row's owed figure is not cut (its text fits its cell).
 */
async function expectColumnsVisible(table: Locator, keys: string[]) {
  const body = await table.locator('.ant-table').boundingBox()
  const actions = await table.locator('th[data-col="actions"]').boundingBox()
  const viewport = table.page().viewportSize()
  expect(body && actions && viewport).toBeTruthy()
  const right = Math.min(actions!.x, viewport!.width)
  for (const key of keys) {
    const th = table.locator(`th[data-col="${key}"]`)
    await expect(th, `column ${key}`).toBeVisible()
    const box = (await th.boundingBox())!
    expect(box.x, `column ${key} starts inside the table`).toBeGreaterThanOrEqual(body!.x - 1)
    expect(box.x + box.width, `column ${key} ends before the actions column`).toBeLessThanOrEqual(right + 1)
  }
  const owed = table.getByTestId('record-row').first().locator('[data-col="owed"]')
  const cut = await owed.evaluate((td) => td.scrollWidth - td.clientWidth)
  expect(cut, 'the owed figure fits its cell').toBeLessThanOrEqual(0)
  // Nothing to scroll sideways: the table is no wider than its room.
  const sideways = await table.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first().evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(sideways, 'no sideways scrolling').toBeLessThanOrEqual(1)
}

async function expectDrawerFits(page: Page, row: Locator) {
  await row.click()
  const drawer = page.getByTestId('detail-drawer')
  await expect(drawer).toBeVisible()
  // The drawer slides in: measure once it stands still.
  await page.waitForTimeout(400)
  const labels = drawer.locator('.ant-descriptions-item-label')
  // Lines a label takes: the distinct tops of its text's boxes (a cell is as tall as its value, so its height says nothing).
  const heights = await labels.evaluateAll((cells) =>
    cells.map((c) => {
      const range = document.createRange()
      range.selectNodeContents(c)
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)))
      return { text: c.textContent ?? '', lines: tops.size }
    })
  )
  expect(heights.length).toBeGreaterThan(3)
  for (const h of heights) expect(h.lines, `label ${h.text} on one line`).toBeLessThanOrEqual(1)
  const inner = await drawer.locator('.ant-drawer-body').evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(inner, 'nothing in the drawer is wider than it').toBeLessThanOrEqual(0)
}

for (const language of ['zh-CN', 'en'] as const) {
  for (const size of SIZES) {
    test(`key columns are on screen at ${size.width}x${size.height} (${language})`, async ({ page }) => {
      await page.setViewportSize(size)
      const app = await loadSample(page, language)
      const shot = (name: string) => page.screenshot({ path: `e2e/.artifacts/fit/${language}-${size.width}-${name}.png` })

      await app.nav('draws')
      await expectColumnsVisible(page.getByTestId('draws-table'), DRAW_COLUMNS)
      await shot('draws')

      await app.nav('orders')
      await expectColumnsVisible(page.getByTestId('orders-table'), ORDER_COLUMNS)
      await shot('orders')

      // The detail drawers: wide enough that a label is one line, and a draw's schedule table inside.
      await expectDrawerFits(page, app.rows('orders-table').first())
      await shot('order-detail')
      await page.keyboard.press('Escape')
      await app.nav('draws')
      await expectDrawerFits(page, app.rows('draws-table').first())
      await expect(page.getByTestId('detail-drawer').locator('.ant-table')).toBeVisible()
      await shot('draw-detail')
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('detail-drawer')).toBeHidden()

      // An account page: its lists take the window's height, so six rows show all six.
      await app.nav('accounts')
      await page.getByRole('link', { name: '借呗' }).click()
      await expect(page.getByTestId('page-account')).toBeVisible()
      const draws = page.getByTestId('draws-table')
      await expectColumnsVisible(draws, DRAW_COLUMNS.filter((k) => k !== 'account'))
      const room = await draws.locator('.table-body').boundingBox()
      expect(room!.y + room!.height, 'the list reaches down to the window bottom').toBeGreaterThan(size.height - 40)
      expect(room!.height, 'the list has room for rows').toBeGreaterThan(size.height * 0.3)
      await shot('account-draws')

      await app.nav('accounts')
      await page.getByRole('link', { name: '花呗' }).click()
      await expect(page.getByTestId('page-account')).toBeVisible()
      await page.getByRole('tab', { name: language === 'en' ? /Orders/ : /订单/ }).click()
      await expectColumnsVisible(page.getByTestId('orders-table'), ORDER_COLUMNS.filter((k) => k !== 'account'))
      await shot('account-orders')
    })
  }
}

test('the sidebar reaches its last item at 1024x700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await loadSample(page, 'zh-CN')
  const menu = page.getByTestId('nav')
  const last = menu.locator('[data-testid^="nav-"]').last()
  // The menu scrolls, and shows that it does: a visible scrollbar (not an overlay that hides itself).
  const scroller = await menu.evaluate((el: HTMLElement) => {
    const style = getComputedStyle(el)
    return { overflowY: style.overflowY, scrolls: el.scrollHeight > el.clientHeight, gutter: el.offsetWidth - el.clientWidth }
  })
  if (scroller.scrolls) {
    expect(scroller.overflowY).toMatch(/auto|scroll/)
    expect(scroller.gutter, 'a visible scrollbar').toBeGreaterThan(0)
  }
  await last.scrollIntoViewIfNeeded()
  await last.click()
  const id = (await last.getAttribute('data-testid'))!.slice('nav-'.length)
  await expect(page.getByTestId(`page-${id}`)).toBeVisible()
  await page.screenshot({ path: 'e2e/.artifacts/fit/zh-CN-1024-sidebar.png' })
})
