// Measures the built web app in Chromium: cold open to the home page's content, every page switch to content, saving an order to its row in the list, stopping an export, and the longest main-thread task, on the sample and a 3-year ledger. Prints figures; asserts nothing.
//
//   npm run build:web
//   npx vite preview --config vite.web.config.ts --port 4192     (or let this script start it)
//   npx tsx scripts/measure-open.ts [--url http://127.0.0.1:4192] [--runs 3]
import { chromium, type Browser, type Page } from '@playwright/test'
import type { Ledger } from '../src/domain/records'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import { CHROMIUM, cliOption, ensurePreview, fillDatabase, median, ms, today } from './measure-kit'

const URL = cliOption('url', 'http://127.0.0.1:4192')
const RUNS = Number(cliOption('runs', '3'))
const ONLY = cliOption('only', '')


// Runs in the page before the app: keeps every long task, and the moment a page's content first reaches a frame.
const PROBE = () => {
  const w = window as unknown as { __longtasks: { start: number; duration: number }[]; __shown: Record<string, number>; __clickAt: number }
  w.__longtasks = []
  w.__shown = {}
  w.__clickAt = 0
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  // The click's own timestamp: a switch is timed from the user's input, not from when the script saw it.
  window.addEventListener('click', (e) => (w.__clickAt = e.timeStamp), true)
  const seen = new Set<string>()
  new MutationObserver(() => {
    for (const el of Array.from(document.querySelectorAll('[data-testid^="page-"]'))) {
      const id = el.getAttribute('data-testid') ?? ''
      if (id === 'page-loading' || seen.has(id)) continue
      seen.add(id)
      // The next frame after the commit is when the content is painted.
      requestAnimationFrame(() => setTimeout(() => (w.__shown[id] = performance.now()), 0))
    }
    for (const id of [...seen]) if (!document.querySelector(`[data-testid="${id}"]`)) seen.delete(id)
  }).observe(document, { childList: true, subtree: true })
}

async function seed(browser: Browser, ledger: Ledger) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${URL}/#/accounts`)
  await page.getByTestId('nav').waitFor()
  // Straight into IndexedDB, as e2e/large-ledger.spec.ts does.
  await fillDatabase(page, ledger)
  await page.close()
  return context
}

interface Run {
  open: number
  openLongest: number
  /** Each page's first visit after opening (its code and its first render cold), and a second round of visits. */
  switches: Record<string, number>
  again: Record<string, number>
  switchLongest: number
  /** Click on Save to the frame that shows the new row; and the longest task meanwhile. */
  save: number
  saveLongest: number
  /** Export everything (XLSX) stopped by Cancel, Escape and the close button: the input to the end of its handlers, which terminate the export's worker (Event Timing). */
  stops: Record<string, number>
}

async function measureRun(page: Page, withStops: boolean): Promise<Run> {
  await page.goto(`${URL}/#/home`)
  await page.waitForFunction(() => (window as unknown as { __shown: Record<string, number> }).__shown['page-home'] !== undefined, null, { timeout: 120_000 })
  const open = await page.evaluate(() => (window as unknown as { __shown: Record<string, number> }).__shown['page-home']!)
  // Let the idle prefetch of the other pages run, as it would while a person reads the home page.
  await page.waitForTimeout(3000)
  const openLongest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longtasks: { duration: number }[] }).__longtasks.map((t) => t.duration)))
  await page.evaluate(() => ((window as unknown as { __longtasks: unknown[] }).__longtasks.length = 0))
  const pages = await page
    .getByTestId('nav')
    .locator('[data-testid^="nav-"]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')!.slice('nav-'.length)))
  const order = [...pages.filter((p) => p !== 'home'), 'home']
  const round = async () => {
    const times: Record<string, number> = {}
    for (const p of order) {
      await page.evaluate((id) => delete (window as unknown as { __shown: Record<string, number> }).__shown[id], `page-${p}`)
      await page.getByTestId(`nav-${p}`).click()
      await page.waitForFunction((id) => (window as unknown as { __shown: Record<string, number> }).__shown[id] !== undefined, `page-${p}`, { timeout: 60_000 })
      times[p] = await page.evaluate((id) => {
        const w = window as unknown as { __shown: Record<string, number>; __clickAt: number }
        return w.__shown[id]! - w.__clickAt
      }, `page-${p}`)
      await page.waitForTimeout(300)
    }
    return times
  }
  const switches = await round()
  const switchLongest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longtasks: { duration: number }[] }).__longtasks.map((t) => t.duration)))
  const again = await round()
  const { save, saveLongest } = await measureSave(page)
  // The sample's export is over before a click can reach Cancel.
  const stops = withStops ? await measureStops(page) : {}
  return { open, openLongest, switches, again, switchLongest, save, saveLongest, stops }
}

/**
 * Starts "export everything" and stops it three ways; each time, the Event Timing entry of the input:
 * from the click or key to the end of its handlers, the moment the worker is terminated. Entries
 * start at 16 ms; an input handled faster has none and counts as 16.
 */
async function measureStops(page: Page): Promise<Record<string, number>> {
  await page.getByTestId('nav-reports').click()
  await page.getByTestId('page-reports').waitFor()
  const stops: Record<string, number> = {}
  const ways: [string, () => Promise<void>][] = [
    ['Cancel', () => page.getByTestId('range-export-cancel').click()],
    ['Escape', () => page.keyboard.press('Escape')],
    ['close (x)', () => page.locator('.ant-modal-close').click()]
  ]
  for (const [how, stop] of ways) {
    await page.getByTestId('export-more').click()
    await page.getByTestId('export-all').click()
    await page.getByTestId('range-export').waitFor()
    await page.getByTestId('range-export-ok').click()
    await page.getByTestId('range-progress').waitFor().catch(async (e: unknown) => {
      await page.screenshot({ path: '/tmp/measure-stop.png' })
      throw e
    })
    await page.evaluate(() => {
      const w = window as unknown as { __stop: number }
      w.__stop = 16
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as PerformanceEventTiming[]) if (e.name === 'click' || e.name === 'keydown') w.__stop = Math.max(w.__stop, e.processingEnd - e.startTime)
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
    })
    await stop()
    await page.getByTestId('range-export').waitFor({ state: 'hidden' })
    // Event Timing entries are reported after the next frame.
    await page.waitForTimeout(500)
    stops[how] = await page.evaluate(() => (window as unknown as { __stop: number }).__stop)
  }
  return stops
}

/** Adds an order through the form, as a person would, and times Save to the frame with the new row in the list. */
async function measureSave(page: Page): Promise<{ save: number; saveLongest: number }> {
  await page.getByTestId('nav-orders').click()
  await page.getByTestId('page-orders').waitFor()
  // The due reminders (top right) sit over the add button: close them as a person would.
  const closers = page.locator('.ant-notification-notice-close')
  while ((await closers.count()) > 0) {
    await closers.first().click()
    await page.waitForTimeout(400)
  }
  await page.getByTestId('add-order').click()
  const dialog = page.getByTestId('order-modal')
  await dialog.waitFor()
  await dialog.getByTestId('field-accountId').click()
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click()
  const merchant = `measure-${Date.now()}`
  await dialog.getByTestId('field-merchant').fill(merchant)
  await dialog.getByTestId('field-item').fill('measure')
  await dialog.getByTestId('field-amount').fill('123.45')
  const date = dialog.getByTestId('field-orderDate').locator('input').or(dialog.locator('input[data-testid="field-orderDate"]')).first()
  await date.click()
  await date.fill(today())
  await date.press('Tab')
  await page.waitForTimeout(500)
  await page.evaluate((text) => {
    const w = window as unknown as { __saved: number; __longtasks: unknown[] }
    w.__saved = 0
    w.__longtasks.length = 0
    // No named helper inside: the script runner would wrap it in a function the page does not have.
    const observer = new MutationObserver(() => {
      if (!Array.from(document.querySelectorAll('[data-testid="orders-table"] [data-testid="record-row"]')).some((r) => r.textContent?.includes(text))) return
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => (w.__saved = performance.now()), 0))
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  }, merchant)
  await dialog.getByTestId('modal-save').click()
  await page.waitForFunction(() => (window as unknown as { __saved: number }).__saved > 0, null, { timeout: 60_000 })
  await page.waitForTimeout(1000)
  return page.evaluate(() => {
    const w = window as unknown as { __saved: number; __clickAt: number; __longtasks: { duration: number }[] }
    return { save: w.__saved - w.__clickAt, saveLongest: Math.max(0, ...w.__longtasks.map((t) => t.duration)) }
  })
}

async function main() {
  const stopPreview = await ensurePreview(URL)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const day = today()
    const ledgers: [string, Ledger][] = [
      ['sample', generateSampleLedger({ today: day })],
      ['3 years (months 36, scale 3)', generateSampleLedger({ today: day, months: 36, scale: 3 })]
    ]
    console.log(`${URL}, Chromium ${browser.version()}, ${RUNS} runs each, medians; times from navigation start or the click to the frame after the page's content appears`)
    for (const [name, ledger] of ledgers.filter(([n]) => ONLY === '' || n.startsWith(ONLY))) {
      const records = ledger.accounts.length + ledger.draws.length + ledger.orders.length + ledger.repayments.length + ledger.inquiries.length + ledger.billInstalments.length
      const context = await seed(browser, ledger)
      const runs: Run[] = []
      for (let i = 0; i < RUNS; i++) {
        // A new page each run: a cold open of the app (the HTTP cache is the context's, as a returning user has).
        const page = await context.newPage()
        await page.addInitScript(PROBE)
        runs.push(await measureRun(page, name !== 'sample'))
        await page.close()
      }
      await context.close()
      console.log(`\n${name}: ${records} records`)
      console.log(`  open to home content      ${ms(median(runs.map((r) => r.open)))}   (runs: ${runs.map((r) => Math.round(r.open)).join(', ')})`)
      console.log(`  longest task while opening ${ms(median(runs.map((r) => r.openLongest)))}   (includes the idle prefetch, 3 s)`)
      const pages = Object.keys(runs[0]!.switches)
      const perPage = pages.map((p) => [p, median(runs.map((r) => r.switches[p]!)), median(runs.map((r) => r.again[p]!))] as const)
      console.log(`  switch to (first visit, again)`)
      for (const [p, t, a] of perPage) console.log(`    ${p.padEnd(12)}          ${ms(t)} ${ms(a)}`)
      const worst = perPage.reduce((a, b) => (b[1] > a[1] ? b : a))
      const worstAgain = perPage.reduce((a, b) => (b[2] > a[2] ? b : a))
      console.log(`  worst switch, first visit ${ms(worst[1])}   (${worst[0]}); over 100 ms: ${perPage.filter(([, t]) => t > 100).length} of ${perPage.length}`)
      console.log(`  worst switch, again       ${ms(worstAgain[2])}   (${worstAgain[0]}); over 100 ms: ${perPage.filter(([, , a]) => a > 100).length} of ${perPage.length}`)
      console.log(`  longest task in first visits ${ms(median(runs.map((r) => r.switchLongest)))}`)
      console.log(`  save an order to its row  ${ms(median(runs.map((r) => r.save)))}   (runs: ${runs.map((r) => Math.round(r.save)).join(', ')}; longest task ${Math.round(median(runs.map((r) => r.saveLongest)))} ms)`)
      for (const how of Object.keys(runs[0]!.stops))
        console.log(`  export stopped by ${how.padEnd(9)} ${ms(median(runs.map((r) => r.stops[how]!)))}   (input to worker terminated; runs: ${runs.map((r) => Math.round(r.stops[how]!)).join(', ')})`)
    }
  } finally {
    await browser.close()
    stopPreview()
  }
}

await main()
