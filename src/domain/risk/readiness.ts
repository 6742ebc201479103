// Owns mortgage readiness: the checklist as a bank would read the report on the planned date, a score a person can read, and the dated action plan.
//
// Time-based checks are judged on the mortgage date, assuming nothing new happens: inquiries and
// late payments that will have left their windows by then no longer count, and draws already in
// the clean-up window do. Balances, utilisation and debt payments in the checks are today's: the
// plan says what to change and by when. Each settle step states the cash needed on its day (the
// balance projected there with the scheduled instalments paid, interest to that day included:
// mortgage-plan.ts), the plan its cash total, and the debt-to-income ratio is given today and
// once the plan's settlements are made.
import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar'
import type { Fen } from '../money'
import type { Account } from '../records'
import { isOnlineLender, mayReport } from './context'
import { allowedPayment, debtToIncome, isAbove } from './debt-to-income'
import { accountOwedOn, dtiAfterPlan, type DtiAfterPlan } from './mortgage-plan'
import { hardInquiriesIn, inquiriesCalmOn } from './inquiries'
import { lateClearsOn, lateSummaryAt } from './late-payments'
import { cleanupStart, drawsInCleanup, openOnDate, settleBy, type OpenLoan } from './mortgage-window'
import { unclearedLenders } from './online-lenders'
import { overdueRecords } from './overdue'
import type { RiskParam, RiskText } from './messages'
import { drawShort, inquiryLabel, listOf, money, msg, names, percent } from './text'
import type { RiskInput, SourceCategory } from './types'
import { isOverUtilised, utilisations } from './utilisation'

export const CHECK_IDS = [
  'overdue',
  'latePayments',
  'inquiries1m',
  'inquiries3m',
  'onlineLenders',
  'utilisation',
  'debtToIncome',
  'mortgagePayment',
  'debtWithMortgage',
  'cleanupDraws',
  'openLoans'
] as const
export type CheckId = (typeof CHECK_IDS)[number]

/** pass: fine; warn: passes but close, or only outside the report; fail: a bank would hold it against you; unknown: needs data (income, amount). */
export type CheckState = 'pass' | 'warn' | 'fail' | 'unknown'

export interface CheckItem {
  id: CheckId
  source: SourceCategory
  state: CheckState
  /** The measured value and the most that passes, in `unit`; null where unknown. */
  value: number | null
  limit: number | null
  unit: 'count' | 'percent' | 'fen'
  /** What it found, naming accounts, records and amounts; by how much it fails. */
  detail: RiskText
  accountIds: string[]
}

export const PLAN_KINDS = ['payOverdue', 'payDown', 'settle', 'cutPayments', 'stopDraws', 'noApplications', 'waitInquiries', 'waitLate', 'checkReport', 'apply'] as const
export type PlanKind = (typeof PLAN_KINDS)[number]

export interface PlanStep {
  date: IsoDate
  kind: PlanKind
  text: RiskText
  accountIds: string[]
  amount: Fen | null
}

export interface Readiness {
  mortgageDate: IsoDate
  /** Days from today to the mortgage date (negative once it has passed). */
  daysLeft: number
  checks: CheckItem[]
  score: { pass: number; warn: number; fail: number; unknown: number; /** Checks that could be judged. */ judged: number; /** pass = 1, warn = 1/2, over the judged checks. */ percent: number }
  plan: PlanStep[]
  /** The planned mortgage's estimated payment (null without an amount) and today's debt payments, for the page's summary. */
  mortgagePayment: Fen | null
  monthlyPayments: Fen
  /**
   * The cash the plan asks for: every settle step's amount, plus overdue payments and pay-downs on
   * accounts the plan does not settle (a settled account's cash already covers them).
   */
  cashTotal: Fen
  /** Monthly debt payments over income, today and once the plan's settlements are made. */
  dti: DtiAfterPlan
}

const nameOf = (input: RiskInput, id: string) => input.accountById.get(id)?.name ?? '—'

interface Built {
  checks: CheckItem[]
  plan: PlanStep[]
}

function overdueCheck(input: RiskInput, out: Built): void {
  const reported: RiskText[] = []
  const outside: RiskText[] = []
  const accounts = new Set<string>()
  for (const r of overdueRecords(input)) {
    ;(mayReport(r.account) ? reported : outside).push(msg('riskText.check.overdue.item', { label: r.label, days: r.days }))
    accounts.add(r.accountId)
    out.plan.push({
      date: input.today,
      kind: 'payOverdue',
      accountIds: [r.accountId],
      amount: r.owed,
      text:
        r.record.type === 'draw'
          ? msg('riskText.plan.payOverdueDraw', { label: r.label, owed: money(r.owed) })
          : msg('riskText.plan.payOverdueOrder', { label: r.label, owed: money(r.owed) })
    })
  }
  const state: CheckState = reported.length > 0 ? 'fail' : outside.length > 0 ? 'warn' : 'pass'
  const list = listOf([...reported, ...outside])
  out.checks.push({
    id: 'overdue',
    source: 'REG',
    state,
    value: reported.length + outside.length,
    limit: 0,
    unit: 'count',
    accountIds: [...accounts],
    detail:
      state === 'pass'
        ? msg('riskText.check.overdue.pass')
        : state === 'fail'
          ? msg('riskText.check.overdue.fail', { count: reported.length + outside.length, list })
          : msg('riskText.check.overdue.warn', { count: outside.length, list })
  })
}

function lateCheck(input: RiskInput, date: IsoDate, out: Built): void {
  const { lateWindowMonths: window, lateConsecutive, lateTotal } = input.settings
  const summary = lateSummaryAt(input, date, window)
  const run = summary.longest?.months.length ?? 0
  const fail = run >= lateConsecutive || summary.total >= lateTotal
  const state: CheckState = fail ? 'fail' : summary.total > 0 ? 'warn' : 'pass'
  const accounts = [...new Set(summary.events.map((e) => e.accountId))]
  if (fail) {
    // With events at all it always clears once the last of them leaves the window.
    const clear = lateClearsOn(summary.events, window, lateConsecutive, lateTotal) ?? input.today
    out.plan.push({
      date: clear < input.today ? input.today : clear,
      kind: 'waitLate',
      accountIds: accounts,
      amount: null,
      text: msg('riskText.plan.waitLate', { clear })
    })
  }
  out.checks.push({
    id: 'latePayments',
    source: 'BANK',
    state,
    value: summary.total,
    limit: lateTotal - 1,
    unit: 'count',
    accountIds: accounts,
    detail:
      summary.total === 0
        ? msg('riskText.check.late.none', { date, window })
        : msg('riskText.check.late.some', {
            date,
            total: summary.total,
            accounts: names(accounts.map((id) => nameOf(input, id))),
            run,
            consecutive: lateConsecutive,
            lateTotal
          })
  })
}

function inquiryChecks(input: RiskInput, date: IsoDate, out: Built): void {
  for (const { id, months, max } of [
    { id: 'inquiries1m' as const, months: 1, max: input.settings.inquiryMax1m },
    { id: 'inquiries3m' as const, months: 3, max: input.settings.inquiryMax3m }
  ]) {
    const hard = hardInquiriesIn(input.ledger.inquiries, date, months)
    const fail = hard.length > max
    if (fail) {
      const calm = inquiriesCalmOn(hard, months, max)!
      out.plan.push({
        date: calm,
        kind: 'waitInquiries',
        accountIds: [],
        amount: null,
        text: msg('riskText.plan.waitInquiries', { months, calm, max })
      })
    }
    const list = listOf([...hard].reverse().map(inquiryLabel))
    out.checks.push({
      id,
      source: 'BANK',
      state: fail ? 'fail' : 'pass',
      value: hard.length,
      limit: max,
      unit: 'count',
      accountIds: [],
      detail:
        hard.length === 0
          ? msg('riskText.check.inquiries.none', { date, months })
          : msg('riskText.check.inquiries.some', { date, months, count: hard.length, max, over: fail ? msg('riskText.check.inquiries.over', { count: hard.length - max }) : '', list })
    })
  }
}

/** Settle steps are collected per account, so one account named by several checks gets one step. */
type SettleReasons = Map<string, { account: Account; owed: Fen }>

function lendersCheck(input: RiskInput, settle: SettleReasons, out: Built): void {
  const max = input.settings.maxOnlineLenders
  const lenders = unclearedLenders(input)
  const fail = lenders.length > max
  const toClear = fail ? lenders.slice(0, lenders.length - max) : []
  for (const l of toClear) for (const a of l.accounts) settle.set(a.id, { account: a, owed: input.balances.get(a.id)?.owed ?? 0 })
  const list = listOf(lenders.map((l) => msg('riskText.check.lenders.lender', { lender: l.lender, owed: money(l.owed) })), 8)
  out.checks.push({
    id: 'onlineLenders',
    source: 'BANK',
    state: fail ? 'fail' : 'pass',
    value: lenders.length,
    limit: max,
    unit: 'count',
    accountIds: lenders.flatMap((l) => l.accounts.map((a) => a.id)),
    detail:
      lenders.length === 0
        ? msg('riskText.check.lenders.none')
        : msg('riskText.check.lenders.some', { count: lenders.length, max, over: fail ? msg('riskText.check.lenders.over', { count: lenders.length - max }) : '', list })
  })
}

function utilisationCheck(input: RiskInput, deadline: IsoDate, out: Built): void {
  const pct = input.settings.utilisationPercent
  const all = utilisations(input)
  const over = all.filter((u) => isOverUtilised(u, pct))
  for (const u of over)
    out.plan.push({
      date: deadline,
      kind: 'payDown',
      accountIds: [u.account.id],
      amount: u.used - u.cap,
      text: msg('riskText.plan.payDown', { account: u.account.name, cap: money(u.cap), limit: money(u.limit), percent: percent(pct), payDown: money(u.used - u.cap) })
    })
  const worst = [...all].sort((a, b) => b.percent - a.percent)[0]
  const list = listOf(over.map((u) => msg('riskText.check.utilisation.item', { account: u.account.name, percent: percent(u.percent), used: money(u.used), limit: money(u.limit) })))
  out.checks.push({
    id: 'utilisation',
    source: 'BANK',
    state: over.length > 0 ? 'fail' : 'pass',
    value: worst ? Math.round(worst.percent * 10) / 10 : null,
    limit: pct,
    unit: 'percent',
    accountIds: over.map((u) => u.account.id),
    detail:
      over.length > 0
        ? msg('riskText.check.utilisation.fail', { count: over.length, max: percent(pct), list })
        : worst
          ? msg('riskText.check.utilisation.pass', { max: percent(pct), account: worst.account.name, percent: percent(worst.percent) })
          : msg('riskText.check.utilisation.none')
  })
}

function incomeChecks(input: RiskInput, deadline: IsoDate, out: Built): { payments: Fen; mortgage: Fen | null } {
  const s = input.settings
  const d = debtToIncome(input)
  const income = d.income !== null && d.income > 0 ? d.income : null
  const current = d.payments.total
  const needIncome = msg('riskText.check.needIncome')
  const needAmount = msg('riskText.check.needAmount')
  const share = (x: Fen) => (income === null ? null : Math.round((x / income) * 1000) / 10)
  const payers = listOf(
    [...d.payments.byAccount].sort((a, b) => b[1] - a[1]).map(([id, amount]) => msg('riskText.dti.payer', { account: nameOf(input, id), amount: money(amount) })),
    4
  )

  const dtiFail = income !== null && isAbove(current, income, s.dtiPercent)
  out.checks.push({
    id: 'debtToIncome',
    source: 'BANK',
    state: income === null ? 'unknown' : dtiFail ? 'fail' : 'pass',
    value: share(current),
    limit: s.dtiPercent,
    unit: 'percent',
    accountIds: [...d.payments.byAccount.keys()],
    detail:
      income === null
        ? needIncome
        : msg('riskText.check.dti', {
            current: money(current),
            payers: current > 0 ? msg('riskText.check.dti.payers', { list: payers }) : '',
            income: money(income),
            share: percent(share(current)!),
            over: dtiFail ? msg('riskText.check.dti.over', { amount: money(current - allowedPayment(income, s.dtiPercent)) }) : ''
          })
  })
  if (dtiFail && income !== null)
    out.plan.push({
      date: deadline,
      kind: 'cutPayments',
      accountIds: [...d.payments.byAccount.keys()],
      amount: current - allowedPayment(income, s.dtiPercent),
      text: msg('riskText.plan.cutPayments', { cut: money(current - allowedPayment(income, s.dtiPercent)), allowed: money(allowedPayment(income, s.dtiPercent)), payers })
    })

  const mortgage = d.mortgage
  const mFail = income !== null && mortgage !== null && isAbove(mortgage, income, s.mortgagePaymentPercent)
  const estimate = msg('riskText.check.estimate', { years: s.mortgageTermYears, rate: s.mortgageRatePercent })
  out.checks.push({
    id: 'mortgagePayment',
    source: 'REG',
    state: income === null || mortgage === null ? 'unknown' : mFail ? 'fail' : 'pass',
    value: mortgage === null ? null : share(mortgage),
    limit: s.mortgagePaymentPercent,
    unit: 'percent',
    accountIds: [],
    detail:
      income === null || mortgage === null
        ? needAmount
        : msg('riskText.check.mortgagePayment', {
            mortgage: money(mortgage),
            estimate,
            share: percent(share(mortgage)!),
            over: mFail ? msg('riskText.check.mortgagePayment.over', { amount: money(mortgage - allowedPayment(income, s.mortgagePaymentPercent)) }) : ''
          })
  })
  const all = current + (mortgage ?? 0)
  const allFail = income !== null && mortgage !== null && isAbove(all, income, s.dtiWithMortgagePercent)
  out.checks.push({
    id: 'debtWithMortgage',
    source: 'REG',
    state: income === null || mortgage === null ? 'unknown' : allFail ? 'fail' : 'pass',
    value: mortgage === null ? null : share(all),
    limit: s.dtiWithMortgagePercent,
    unit: 'percent',
    accountIds: [...d.payments.byAccount.keys()],
    detail:
      income === null || mortgage === null
        ? needAmount
        : msg('riskText.check.debtWithMortgage', {
            current: money(current),
            mortgage: money(mortgage),
            all: money(all),
            share: percent(share(all)!),
            over: allFail ? msg('riskText.check.dti.over', { amount: money(all - allowedPayment(income, s.dtiWithMortgagePercent)) }) : ''
          })
  })
  if (allFail && income !== null && !dtiFail)
    out.plan.push({
      date: deadline,
      kind: 'cutPayments',
      accountIds: [...d.payments.byAccount.keys()],
      amount: all - allowedPayment(income, s.dtiWithMortgagePercent),
      text: msg('riskText.plan.cutWithMortgage', { cut: money(all - allowedPayment(income, s.dtiWithMortgagePercent)) })
    })
  return { payments: current, mortgage }
}

function cleanupCheck(input: RiskInput, date: IsoDate, settle: SettleReasons, out: Built): void {
  const start = cleanupStart(date, input.settings)
  const months = input.settings.cleanupMonths
  const by = drawsInCleanup(input, date)
  const lines: RiskText[] = []
  for (const [account, draws] of by) {
    lines.push(msg('riskText.check.cleanup.line', { account: account.name, count: draws.length, list: listOf(draws.map(drawShort), 3) }))
    const owed = input.balances.get(account.id)?.owed ?? 0
    if (owed > 0) settle.set(account.id, { account, owed })
  }
  // Stop drawing on every reporting cash line, and any other reporting line the user draws on (term loans are drawn once).
  const drawn = new Set(input.ledger.draws.map((d) => d.accountId))
  const lines2 = input.ledger.accounts.filter((a) => mayReport(a) && !a.archived && (a.kind === 'cashLoanLine' || (a.kind !== 'termLoan' && drawn.has(a.id))))
  if (lines2.length > 0) {
    const from = start > input.today ? start : input.today
    const list = names(lines2.map((a) => a.name))
    out.plan.push({
      date: from,
      kind: 'stopDraws',
      accountIds: lines2.map((a) => a.id),
      amount: null,
      text:
        from === input.today
          ? msg('riskText.plan.stopDrawsInside', { accounts: list, months })
          : msg('riskText.plan.stopDrawsFrom', { accounts: list, months })
    })
  }
  const count = [...by.values()].reduce((n, d) => n + d.length, 0)
  const list = listOf(lines)
  out.checks.push({
    id: 'cleanupDraws',
    source: 'FOLK',
    state: count > 0 ? 'fail' : 'pass',
    value: count,
    limit: 0,
    unit: 'count',
    accountIds: [...by.keys()].map((a) => a.id),
    detail:
      count > 0
        ? msg('riskText.check.cleanup.fail', { start, count, list })
        : start > input.today
          ? msg('riskText.check.cleanup.ahead', { start })
          : msg('riskText.check.cleanup.pass', { start })
  })
}

function openLoansCheck(input: RiskInput, date: IsoDate, settle: SettleReasons, out: Built): void {
  const loans = openOnDate(input, date)
  const online = loans.filter((l) => isOnlineLender(l.account))
  for (const l of online) settle.set(l.account.id, { account: l.account, owed: input.balances.get(l.account.id)?.owed ?? l.owed })
  const describe = (l: OpenLoan): RiskParam => msg('riskText.check.openLoans.loan', { account: l.account.name, label: l.label, end: l.endDate })
  // The check is about online loans: bank loans (a car loan, a bank's consumer loan) are named apart and not counted in the total.
  const bank = loans.filter((l) => !isOnlineLender(l.account))
  const owed = online.reduce((s, l) => s + l.owed, 0)
  const bankList = listOf(bank.map(describe))
  out.checks.push({
    id: 'openLoans',
    source: 'BANK',
    state: online.length > 0 ? 'fail' : bank.length > 0 ? 'warn' : 'pass',
    value: online.length,
    limit: 0,
    unit: 'count',
    accountIds: [...new Set(online.map((l) => l.account.id))],
    detail:
      loans.length === 0
        ? msg('riskText.check.openLoans.none', { date })
        : online.length > 0
          ? msg('riskText.check.openLoans.online', {
              date,
              count: online.length,
              owed: money(owed),
              list: listOf(online.map(describe)),
              bank: bank.length > 0 ? msg('riskText.check.openLoans.bankAside', { count: bank.length, list: bankList }) : ''
            })
          : msg('riskText.check.openLoans.bank', { date, count: bank.length, list: bankList })
  })
}

/** The checklist, score and plan for a mortgage applied for on `mortgageDate` (the what-if passes any date). */
export function mortgageReadiness(input: RiskInput, mortgageDate: IsoDate): Readiness {
  // A date that has passed is judged as of today.
  const date = mortgageDate < input.today ? input.today : mortgageDate
  const deadline = settleBy(date, input.today, input.settings)
  const out: Built = { checks: [], plan: [] }
  const settle: SettleReasons = new Map()
  overdueCheck(input, out)
  lateCheck(input, date, out)
  inquiryChecks(input, date, out)
  lendersCheck(input, settle, out)
  utilisationCheck(input, deadline, out)
  const { payments, mortgage } = incomeChecks(input, deadline, out)
  cleanupCheck(input, date, settle, out)
  openLoansCheck(input, date, settle, out)

  const settled = new Set<string>()
  let cashTotal = 0
  for (const { account, owed } of settle.values()) {
    if (owed <= 0) continue
    const cash = accountOwedOn(input, account.id, deadline)
    if (cash <= 0) continue
    settled.add(account.id)
    cashTotal += cash
    out.plan.push({
      date: deadline,
      kind: 'settle',
      accountIds: [account.id],
      amount: cash,
      text: msg('riskText.plan.settle', { account: account.name, cash: money(cash), owed: money(owed) })
    })
  }
  for (const step of out.plan)
    if ((step.kind === 'payOverdue' || step.kind === 'payDown') && step.amount !== null && !step.accountIds.some((id) => settled.has(id))) cashTotal += step.amount
  const threeMonths = addMonths(date, -3)
  out.plan.push({
    date: threeMonths > input.today ? threeMonths : input.today,
    kind: 'noApplications',
    accountIds: [],
    amount: null,
    text: msg('riskText.plan.noApplications')
  })
  const check = addDays(deadline, 14)
  out.plan.push({
    date: check > date ? date : check,
    kind: 'checkReport',
    accountIds: [],
    amount: null,
    text: msg('riskText.plan.checkReport')
  })
  out.plan.push({ date, kind: 'apply', accountIds: [], amount: null, text: msg('riskText.plan.apply') })

  const kindRank = (k: PlanKind) => PLAN_KINDS.indexOf(k)
  out.plan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : kindRank(a.kind) - kindRank(b.kind)))
  const count = (s: CheckState) => out.checks.filter((c) => c.state === s).length
  const pass = count('pass')
  const warn = count('warn')
  const fail = count('fail')
  const unknown = count('unknown')
  const judged = pass + warn + fail
  return {
    mortgageDate: date,
    daysLeft: daysBetween(input.today, mortgageDate),
    checks: out.checks,
    score: { pass, warn, fail, unknown, judged, percent: judged === 0 ? 0 : Math.round(((pass + warn / 2) / judged) * 100) },
    plan: out.plan,
    mortgagePayment: mortgage,
    monthlyPayments: payments,
    cashTotal,
    dti: dtiAfterPlan(debtToIncome(input).payments, input.profile.monthlyIncome, settled, input.settings.dtiPercent)
  }
}
