// A heavy ledger (50,000+ orders) stays usable: the list renders only what is on screen, scrolls to the end and sorts.
import { expect, test } from '@playwright/test'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import { LedgerPage } from './ledger-page'

test('the orders list stays virtualised with 50,000 orders', async ({ page }) => {
  test.setTimeout(180_000)
  const ledger = generateSampleLedger({ today: '2026-11-21', months: 120, scale: 33 })
  expect(ledger.orders.length).toBeGreaterThanOrEqual(50_000)
  const app = new LedgerPage(page)
  await app.open()
  // Straight into IndexedDB: the point here is the list, not 50,000 form submissions.
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('credit-ledger')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const stores = ['accounts', 'draws', 'orders', 'repayments', 'inquiries'] as const
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([...stores], 'readwrite')
      for (const s of stores) for (const row of data[s]) tx.objectStore(s).put(row)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, ledger)

  await page.reload()
  const started = Date.now()
  // Opening 100,000 records takes seconds on a 2-core machine shared with the other e2e worker.
  await expect(page.getByTestId('page-accounts')).toBeVisible({ timeout: 90_000 })
  await page.getByTestId('nav-orders').click()
  await expect(page.getByTestId('orders-table')).toContainText(`共 ${ledger.orders.length} 条`, { timeout: 60_000 })
  await expect(app.rows('orders-table').first()).toBeVisible()
  console.log(`orders page with ${ledger.orders.length} orders ready in ${Date.now() - started} ms (informational)`)

  // Only a window of rows is in the DOM.
  expect(await app.rows('orders-table').count()).toBeLessThan(100)

  // Newest first by default; scrolling to the end reaches the oldest order.
  const oldest = [...ledger.orders].sort((a, b) => a.orderDate.localeCompare(b.orderDate))[0]!
  const holder = page.getByTestId('orders-table').locator('.ant-table-tbody-virtual-holder')
  await holder.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(app.rows('orders-table').last()).toContainText(oldest.orderDate)
  expect(await app.rows('orders-table').count()).toBeLessThan(100)

  // Sorting by amount puts the largest order first.
  const largest = Math.max(...ledger.orders.map((o) => o.amount))
  const amountHeader = page.getByTestId('orders-table').locator('.ant-table-column-sorters', { hasText: '金额' })
  await amountHeader.click()
  await amountHeader.click()
  await holder.evaluate((el) => el.scrollTo(0, 0))
  const yuan = (largest / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })
  await expect(app.rows('orders-table').first()).toContainText(`¥${yuan}`)

  // Search narrows 50,000 rows to the ones that match.
  await page.getByTestId('table-search').locator('input').fill(oldest.externalOrderNo)
  await expect(app.rows('orders-table')).toHaveCount(ledger.orders.filter((o) => o.externalOrderNo.includes(oldest.externalOrderNo)).length)
})
