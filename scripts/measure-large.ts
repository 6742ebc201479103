// Owns `npm run measure:large`: the 10-year ledger (the bench's trimmed ledger, ~92k records) in Chromium with the minified web build: a raw read of every record, the app's open to the home page's content beside it, when the figures arrive, the longest main-thread task while opening, and after one saved repayment how soon the figures follow. Prints figures; asserts nothing.
//
//   npm run build:web && npm run measure:large [-- --url http://127.0.0.1:4193 --runs 3]
import { chromium, type Page } from '@playwright/test'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import type { Ledger } from '../src/domain/records'
import { trimOrders } from './bench-ledger'
import { CHROMIUM, cliOption, ensurePreview, fillDatabase, median, ms, today } from './measure-kit'

const URL = cliOption('url', 'http://127.0.0.1:4193')
const RUNS = Number(cliOption('runs', '3'))
// The app's own today, not a faked clock: under Playwright's clock the page's performance marks read back empty and its times were not wall times.
const TODAY = today()

// Runs in the page before the app: every long task, when the home page's content reached a frame, and the figures' marks.
const PROBE = () => {
  const w = window as unknown as { __longtasks: { start: number; duration: number }[]; __home: number }
  w.__longtasks = []
  w.__home = 0
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  new MutationObserver(() => {
    if (w.__home === 0 && document.querySelector('[data-testid="page-home"]')) requestAnimationFrame(() => setTimeout(() => (w.__home ||= performance.now()), 0))
  }).observe(document, { childList: true, subtree: true })
}

async function blank(page: Page) {
  // A same-origin page without the app: the raw read must not share the thread with it.
  await page.route(`${URL}/raw-read`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>raw</title>' }))
  await page.goto(`${URL}/raw-read`)
}

async function seed(page: Page, ledger: Ledger) {
  await page.goto(`${URL}/#/accounts`)
  await page.getByTestId('nav').waitFor()
  await blank(page)
  await fillDatabase(page, ledger)
}

async function rawRead(page: Page, stores: string[]): Promise<number> {
  await blank(page)
  return page.evaluate(async (names: string[]) => {
    const started = performance.now()
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('credit-ledger')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const tx = db.transaction(names, 'readonly')
    await Promise.all(names.map((n) => new Promise((resolve) => (tx.objectStore(n).getAll().onsuccess = resolve))))
    const took = performance.now() - started
    db.close()
    return took
  }, stores)
}

interface Open {
  home: number
  figures: number
  figuresRun: number
  inWorker: boolean
  longest: number
  over200: number
}

async function open(page: Page): Promise<Open> {
  await page.goto(`${URL}/#/home`)
  await page.waitForFunction(() => (window as unknown as { __home: number }).__home > 0, null, { timeout: 300_000 })
  await page.waitForTimeout(3000)
  return page.evaluate(() => {
    const w = window as unknown as { __longtasks: { duration: number }[]; __home: number }
    const marks = performance.getEntriesByName('ledger-figures') as PerformanceMark[]
    const first = marks[0]
    const detail = (first?.detail ?? {}) as { ms?: number; inWorker?: boolean }
    return {
      home: w.__home,
      figures: first?.startTime ?? NaN,
      figuresRun: detail.ms ?? NaN,
      inWorker: detail.inWorker ?? false,
      longest: Math.max(0, ...w.__longtasks.map((t) => t.duration)),
      over200: w.__longtasks.filter((t) => t.duration > 200).length
    }
  })
}

async function main() {
  const stopPreview = await ensurePreview(URL)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] })
  try {
    const ledger = trimOrders(generateSampleLedger({ today: TODAY, months: 120, scale: 56 }), 20_000, TODAY)
    const records = Object.values(ledger).reduce((n, rows: unknown[]) => n + rows.length, 0)
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.addInitScript(PROBE)
    await seed(page, ledger)
    console.log(`${URL}, Chromium ${browser.version()}, ${RUNS} runs, medians; 10 years: ${records} records`)
    const raws: number[] = []
    const opens: Open[] = []
    for (let i = 0; i < RUNS; i++) {
      raws.push(await rawRead(page, Object.keys(ledger)))
      opens.push(await open(page))
    }
    const raw = median(raws)
    const home = median(opens.map((o) => o.home))
    console.log(`  raw read of every record   ${ms(raw)}   (runs: ${raws.map(Math.round).join(', ')})`)
    console.log(`  open to home content       ${ms(home)}   ${(home / raw).toFixed(2)}x the raw read (runs: ${opens.map((o) => Math.round(o.home)).join(', ')})`)
    console.log(`  figures on the page        ${ms(median(opens.map((o) => o.figures)))}   (a run of ${Math.round(median(opens.map((o) => o.figuresRun)))} ms ${opens[0]!.inWorker ? 'in the worker' : 'ON THE PAGE'})`)
    console.log(`  longest task while opening ${ms(median(opens.map((o) => o.longest)))}   tasks over 200 ms: ${opens.map((o) => o.over200).join(', ')}`)
  } finally {
    await browser.close()
    stopPreview()
  }
}

void main()
