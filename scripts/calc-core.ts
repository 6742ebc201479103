// Owns the command-line calculator's work, apart from the process: JSON argument in, JSON schedule and real APR (or a one-line error) out.
//
// Input amounts are yuan (a number or a string, at most two decimals) and the rate is a percent
// as the lender quotes it (0.6 for 0.6%); output amounts are fen, rates plain decimals rounded to
// six places. The start date defaults to 2026-01-01, not today, so a given input always prints
// the same answer.
import { calculateFlows, calculateOffer } from '../src/domain/cost/apr'
import { parseYuan, type Fen } from '../src/domain/money'
import { RATE_UNITS, REPAYMENT_METHODS, type FieldIssue } from '../src/domain/records'
import { en } from '../src/i18n/en'

export interface CalcRun {
  code: number
  stdout: string
  stderr: string
}

export const DEFAULT_START_DATE = '2026-01-01'

const OFFER_FIELDS = ['principal', 'method', 'rateUnit', 'rate', 'termMonths', 'startDate', 'firstDueDate', 'upfrontFee'] as const

export const USAGE = `usage: npm run calc -- '{"principal":12000,"method":"feeInstalment","rateUnit":"monthlyFee","rate":0.6,"termMonths":12}'
       npm run calc -- '{"flows":[{"date":"2026-01-01","amount":10000},{"date":"2026-01-02","amount":-10003}]}'`

// The UI's English catalogue, plus the money parser's codes, which the UI words in its forms.
const messages = new Map<string, string>([
  ...Object.entries(en),
  ['money.empty', 'Enter an amount'],
  ['money.notNumber', 'Not a number'],
  ['money.tooManyDecimals', 'At most two decimals'],
  ['money.tooLarge', 'The amount cannot exceed ¥10,000,000,000']
])

function english(key: string): string {
  return messages.get(key) ?? key
}

function fail(line: string): CalcRun {
  return { code: 1, stdout: '', stderr: `error: ${line}\n` }
}

// A choice is easier to fix when the error lists what it may be.
const CHOICES = new Map<string, readonly string[]>([
  ['method', REPAYMENT_METHODS],
  ['rateUnit', RATE_UNITS]
])

function failIssue(issue: FieldIssue): CalcRun {
  const choices = CHOICES.get(issue.path)
  const hint = choices && issue.message === 'validation.choice' ? ` (one of ${choices.join(', ')})` : ''
  return fail(issue.path ? `${issue.path}: ${english(issue.message)}${hint}` : english(issue.message))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Yuan as typed (number or text) to fen, or the reason it is not an amount. */
function yuanToFen(field: string, value: unknown): { ok: true; fen: Fen } | { ok: false; run: CalcRun } {
  if (typeof value !== 'number' && typeof value !== 'string') return { ok: false, run: fail(`${field}: ${english('validation.amount')}`) }
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, run: fail(`${field}: ${english('money.notNumber')}`) }
  const parsed = parseYuan(String(value))
  return parsed.ok ? { ok: true, fen: parsed.fen } : { ok: false, run: fail(`${field}: ${english(parsed.code)}`) }
}

/** A number as typed (number or numeric text, an optional trailing % for the rate); NaN when it is not one. */
function numberOf(value: unknown, allowPercentSign: boolean): number {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return Number.NaN
  const text = allowPercentSign ? value.trim().replace(/%$/, '') : value.trim()
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

function runFlows(flows: unknown): CalcRun {
  if (!Array.isArray(flows)) return fail(`flows: a list of {"date":"YYYY-MM-DD","amount":yuan} is expected (received money positive, paid negative)`)
  const inFen: { date: unknown; amount: Fen }[] = []
  for (const [i, f] of flows.entries()) {
    if (!isRecord(f)) return fail(`flows.${i}: {"date":"YYYY-MM-DD","amount":yuan} is expected`)
    const fen = yuanToFen(`flows.${i}.amount`, f.amount)
    if (!fen.ok) return fen.run
    inFen.push({ date: f.date, amount: fen.fen })
  }
  const result = calculateFlows(inFen)
  if (!result.ok) return failIssue({ ...result.issues[0]!, path: result.issues[0]!.path ? `flows.${result.issues[0]!.path}` : '' })
  const { periodRate, aprSimple, aprCompound } = result.value
  return { code: 0, stdout: `${JSON.stringify({ unit: 'day', periodRate: round6(periodRate), aprSimple: round6(aprSimple), aprCompound: round6(aprCompound) }, null, 2)}\n`, stderr: '' }
}

/** Runs the calculator on the command line's arguments (after the script name). */
export function runCalc(argv: readonly string[]): CalcRun {
  const text = argv.join(' ').trim()
  if (text === '' || text === '--help' || text === '-h') return { code: text === '' ? 1 : 0, stdout: text === '' ? '' : `${USAGE}\n`, stderr: text === '' ? `error: no input\n${USAGE}\n` : '' }
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (e) {
    return fail(`the input is not valid JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  if (!isRecord(input)) return fail('the input must be a JSON object, e.g. {"principal":12000,...}')
  if ('flows' in input) return runFlows(input.flows)

  const known: readonly string[] = OFFER_FIELDS
  const unknown = Object.keys(input).find((k) => !known.includes(k))
  if (unknown !== undefined) return fail(`unknown field "${unknown}" (expected ${OFFER_FIELDS.join(', ')})`)
  if (input.principal === undefined) return fail(`principal: ${english('validation.required')}`)
  const principal = yuanToFen('principal', input.principal)
  if (!principal.ok) return principal.run
  const upfrontFee = input.upfrontFee === undefined ? { ok: true as const, fen: 0 } : yuanToFen('upfrontFee', input.upfrontFee)
  if (!upfrontFee.ok) return upfrontFee.run
  const rate = numberOf(input.rate, true)
  if (Number.isNaN(rate)) return fail(`rate: ${english('validation.rate')} (a percent as quoted: 0.6 for 0.6%)`)
  const termMonths = numberOf(input.termMonths, false)

  const result = calculateOffer({
    principal: principal.fen,
    method: input.method,
    rateUnit: input.rateUnit,
    rate: rate / 100,
    termMonths,
    startDate: input.startDate ?? DEFAULT_START_DATE,
    ...(input.firstDueDate !== undefined ? { firstDueDate: input.firstDueDate } : {}),
    upfrontFee: upfrontFee.fen
  })
  if (!result.ok) return failIssue(result.issues[0]!)
  const { schedule, apr, naiveRate } = result.value
  const out = {
    unit: 'fen',
    schedule: schedule.periods,
    totalPrincipal: schedule.totalPrincipal,
    totalInterest: schedule.totalInterest,
    totalFees: schedule.totalFees,
    totalPayment: schedule.totalPayment,
    aprSimple: round6(apr.aprSimple),
    aprCompound: round6(apr.aprCompound),
    naiveRate: round6(naiveRate),
    estimate: schedule.estimate
  }
  return { code: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: '' }
}
