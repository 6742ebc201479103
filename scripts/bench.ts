// Owns `npm run bench`: the cost engine on a ten-year heavy ledger, whole and cut to the issue's sizes, against a plain pass over its records; the calculator on 1,000 offers.
//
// Prints figures only; nothing here asserts a time, because times depend on the machine.
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { calculateOffer } from '../src/domain/cost/apr'
import { ledgerCost } from '../src/domain/cost/ledger-cost'
import { RATE_LIMITS, REPAYMENT_METHODS, type Ledger } from '../src/domain/records'
import { generateSampleLedger } from '../src/domain/ledger/sample-data'
import { sizesOf, trimOrders, type LedgerSizes } from './bench-ledger'
import { alipayCsv, largeAlipayRows } from '../src/testing/bill-fixtures'
import { parseBill } from '../src/domain/import/parse-bill'
import { planImport } from '../src/domain/import/plan'
import { indexLedger, reviewImport } from '../src/domain/import/review'

const TODAY = '2026-11-21'
const MONTHS = 120
// At scale 1 the sample makes 3 draws a month (2.5 网商贷 + 0.5 借呗) and a car loan: 360 * 56 + 1 =
// 20,161 draws over ten years, the first scale past 20,000. Orders (13 a month) and repayments follow.
const SCALE = 56
const RUNS = 5
// The issue's aim: under 200 ms for a ten-year heavy ledger of at least these many records.
const ISSUE: LedgerSizes = { draws: 20_000, orders: 20_000, repayments: 40_000 }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** One warm-up, then the median of RUNS timed runs, in milliseconds. */
function time(work: () => unknown): number {
  work()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** The floor: touch every record once and add up its amounts. */
function plainPass(ledger: Ledger): number {
  let total = 0
  for (const d of ledger.draws) total += d.principal + d.upfrontFee
  for (const o of ledger.orders) total += o.amount
  for (const r of ledger.repayments) total += r.amount
  return total
}

const ms = (x: number) => `${x.toFixed(1)} ms`

// Bill import, first part: parsing runs in the app's worker, whose heap holds only the files, so it
// is timed here before the heavy ledger below fills this process's heap (and slows its collector).
async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  await work()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return median(times)
}
const BILL_ROWS = 10_000
const billBytes = alipayCsv(largeAlipayRows(BILL_ROWS))
const plainBillParse = () => new TextDecoder('gb18030').decode(billBytes).split('\n').map((line) => line.split(','))
const parseAlipay = () => parseBill({ fileIndex: 0, name: 'alipay.csv', bytes: billBytes })
const billPlain = time(plainBillParse)
const billParseOnly = await timeAsync(parseAlipay)
const billRows = (await parseAlipay()).rows

const generatedAt = performance.now()
const ledger = generateSampleLedger({ today: TODAY, months: MONTHS, scale: SCALE })
const generation = performance.now() - generatedAt
// What the app hands the engine comes out of IndexedDB, a structured clone: the same records with
// every string flat. The generator's ids and dates are built by concatenation, which makes each
// Map lookup by id slower, so both are timed.
const stored: Ledger = structuredClone(ledger)

console.log(`Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`)
console.log(`Ledger: ${MONTHS} months to ${TODAY}, scale ${SCALE} (generated in ${ms(generation)})`)
console.log(`  draws       ${ledger.draws.length.toLocaleString('en')}`)
console.log(`  orders      ${ledger.orders.length.toLocaleString('en')}`)
console.log(`  repayments  ${ledger.repayments.length.toLocaleString('en')}`)
console.log(`  accounts    ${ledger.accounts.length}`)

const plain = time(() => plainPass(ledger))
const full = time(() => ledgerCost(ledger, TODAY))
const plainStored = time(() => plainPass(stored))
const fullStored = time(() => ledgerCost(stored, TODAY))
const result = ledgerCost(ledger, TODAY)

console.log(`\nFull recomputation, ledgerCost (median of ${RUNS} after a warm-up):`)
console.log(`  as generated          ${ms(full).padStart(10)}   plain pass ${ms(plain).padStart(9)}   ratio ${(full / plain).toFixed(0)}x`)
console.log(`  as loaded from store  ${ms(fullStored).padStart(10)}   plain pass ${ms(plainStored).padStart(9)}   ratio ${(fullStored / plainStored).toFixed(0)}x`)
console.log(`  (${result.monthly.length} months charted; this month: cost ${result.thisMonth.cost} fen, due ${result.thisMonth.due} fen)`)

// The issue's sizes: the generator needs scale 56 for 20,000 draws, which brings four times the
// orders, so orders are cut back to the minimum (bench-ledger.ts says how). Draw repayments alone
// already pass 40,000 at that scale, so repayments land above their minimum rather than at it.
const issue: Ledger = structuredClone(trimOrders(ledger, ISSUE.orders, TODAY))
const issueSizes = sizesOf(issue)
for (const key of ['draws', 'orders', 'repayments'] as const)
  if (issueSizes[key] < ISSUE[key]) throw new Error(`the issue-sized ledger has ${issueSizes[key]} ${key}, fewer than ${ISSUE[key]}`)
const plainIssue = time(() => plainPass(issue))
const fullIssue = time(() => ledgerCost(issue, TODAY))
const count = (n: number) => n.toLocaleString('en')
console.log(`\nAt the issue's sizes (at least ${count(ISSUE.draws)} draws, ${count(ISSUE.orders)} orders, ${count(ISSUE.repayments)} repayments; as loaded from store):`)
console.log(`  draws ${count(issueSizes.draws)}, orders ${count(issueSizes.orders)}, repayments ${count(issueSizes.repayments)}`)
console.log(`  ledgerCost            ${ms(fullIssue).padStart(10)}   plain pass ${ms(plainIssue).padStart(9)}   ratio ${(fullIssue / plainIssue).toFixed(0)}x   (aim: under 200 ms)`)

// 1,000 offers across every method, rate unit, term and rate range.
const offers = Array.from({ length: 1_000 }, (_, i) => {
  const method = REPAYMENT_METHODS[i % REPAYMENT_METHODS.length]!
  const rateUnit = method === 'feeInstalment' ? 'monthlyFee' : i % 2 === 0 ? 'daily' : 'annual'
  return {
    principal: 100_000 + ((i * 7_919) % 10_000_000),
    method,
    rateUnit,
    rate: (RATE_LIMITS[rateUnit] * ((i % 97) + 1)) / 100,
    termMonths: [3, 6, 12, 24, 36, 60, 120, 360][i % 8]!,
    startDate: '2026-01-01',
    upfrontFee: i % 3 === 0 ? 1_000 : 0
  }
})
let solved = 0
const offersTime = time(() => {
  solved = 0
  for (const o of offers) if (calculateOffer(o).ok) solved++
})
console.log(`\ncalculateOffer x ${offers.length.toLocaleString('en')} (schedule + IRR each): ${ms(offersTime)}, ${solved} solved, ${((offersTime / offers.length) * 1000).toFixed(0)} µs per offer`)

// Bill import, second part: plan and review run on the page, beside the ledger, so they are timed with
// it loaded: into a ledger with the sample accounts only, and into the heavy one (dedup against its orders).
const huabeiChoice = new Map([['花呗', 'huabei']])
let billOrders = 0
const planAndReview = (into: Ledger) => {
  const plan = planImport({ rows: billRows, existing: into, choices: huabeiChoice, newId: () => crypto.randomUUID() })
  const selected = new Set(plan.filter((p) => p.state === 'new' || p.state === 'update').map((p) => p.key))
  billOrders = reviewImport(plan, selected, indexLedger(into)).change.orders.length
}
const sampleAccounts: Ledger = { accounts: ledger.accounts, draws: [], orders: [], repayments: [], inquiries: [], billInstalments: [], billFigures: [] }
const billEmpty = time(() => planAndReview(sampleAccounts))
const billHeavy = time(() => planAndReview(stored))
console.log(`\nBill import, ${BILL_ROWS.toLocaleString('en')}-row Alipay CSV (GBK, ${(billBytes.length / 1024).toFixed(0)} KB), ${billOrders.toLocaleString('en')} 花呗 orders (median of ${RUNS}):`)
console.log(`  plain parse (decode + split)          ${ms(billPlain).padStart(10)}`)
console.log(`  parseBill (the worker's part)         ${ms(billParseOnly).padStart(10)}   ratio ${(billParseOnly / billPlain).toFixed(1)}x`)
console.log(`  + plan and review, accounts only      ${ms(billParseOnly + billEmpty).padStart(10)}   ratio ${((billParseOnly + billEmpty) / billPlain).toFixed(1)}x`)
console.log(`  + plan and review, into heavy ledger  ${ms(billParseOnly + billHeavy).padStart(10)}   ratio ${((billParseOnly + billHeavy) / billPlain).toFixed(1)}x   (dedup against ${stored.orders.length.toLocaleString('en')} stored orders)`)
