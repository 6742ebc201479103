// Owns mortgage readiness: the checklist as a bank would read the report on the planned date, a score a person can read, and the dated action plan.
//
// Time-based checks are judged on the mortgage date, assuming nothing new happens: inquiries and
// late payments that will have left their windows by then no longer count, and draws already in
// the clean-up window do. Balances, utilisation and debt payments are today's: the plan says what
// to change and by when.
import { addDays, addMonths, daysBetween, type IsoDate } from '../dates'
import type { Fen } from '../money'
import type { Account } from '../records'
import { isOnlineLender, mayReport } from './context'
import { allowedPayment, debtToIncome, isAbove } from './debt-to-income'
import { hardInquiriesIn, inquiriesCalmOn } from './inquiries'
import { lateClearsOn, lateSummaryAt } from './late-payments'
import { cleanupStart, drawsInCleanup, openOnDate, settleBy, type OpenLoan } from './mortgage-window'
import { unclearedLenders } from './online-lenders'
import { overdueRecords } from './overdue'
import { bi, drawShort, inquiryLabel, listOf, money, names, nOf, percent } from './text'
import type { Bilingual, RiskInput, SourceCategory } from './types'
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
  detail: Bilingual
  accountIds: string[]
}

export const PLAN_KINDS = ['payOverdue', 'payDown', 'settle', 'cutPayments', 'stopDraws', 'noApplications', 'waitInquiries', 'waitLate', 'checkReport', 'apply'] as const
export type PlanKind = (typeof PLAN_KINDS)[number]

export interface PlanStep {
  date: IsoDate
  kind: PlanKind
  text: Bilingual
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
}

const nameOf = (input: RiskInput, id: string) => input.accountById.get(id)?.name ?? '—'

interface Built {
  checks: CheckItem[]
  plan: PlanStep[]
}

function overdueCheck(input: RiskInput, out: Built): void {
  const reported: Bilingual[] = []
  const outside: Bilingual[] = []
  const accounts = new Set<string>()
  for (const r of overdueRecords(input)) {
    ;(mayReport(r.account) ? reported : outside).push(bi(`${r.label.zh} 逾期 ${r.days} 天`, `${r.label.en}, ${nOf(r.days, 'day')} overdue`))
    accounts.add(r.accountId)
    out.plan.push({
      date: input.today,
      kind: 'payOverdue',
      accountIds: [r.accountId],
      amount: r.owed,
      text:
        r.record.type === 'draw'
          ? bi(`还清逾期借款 ${r.label.zh}（现欠 ${money(r.owed)}）`, `Pay the overdue draw ${r.label.en} (${money(r.owed)} owed)`)
          : bi(`还清逾期订单 ${r.label.zh}（现欠 ${money(r.owed)}）`, `Pay the overdue order ${r.label.en} (${money(r.owed)} owed)`)
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
        ? bi('没有逾期。', 'Nothing is overdue.')
        : state === 'fail'
          ? bi(`${reported.length + outside.length} 笔逾期：${list.zh}。`, `${reported.length + outside.length} overdue: ${list.en}.`)
          : bi(`${outside.length} 笔逾期，只在不上征信的产品上：${list.zh}。银行看不到，但会影响该产品的信用分。`, `${outside.length} overdue, only on products that do not report: ${list.en}. The bank will not see it, but the product's own score suffers.`)
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
      text: bi(
        `晚还记录要到 ${clear} 才回到“连三累六”以下；在那之前申请房贷很可能被拒`,
        `The late payments fall back under "3 in a row or 6 in total" only on ${clear}; a mortgage applied for before then is likely refused`
      )
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
        ? bi(`到 ${date} 为止的 ${window} 个月里没有晚还。`, `No late payments in the ${window} months up to ${date}.`)
        : bi(
            `到 ${date} 仍在窗口内的晚还：${summary.total} 个月份（${names(accounts.map((id) => nameOf(input, id))).zh}），最长连续 ${run} 个月；“连三累六”的界线是连续 ${lateConsecutive} 个月或累计 ${lateTotal} 次。`,
            `Late months still in the window on ${date}: ${summary.total} (${names(accounts.map((id) => nameOf(input, id))).en}), longest run ${run}; the lines are ${lateConsecutive} in a row or ${lateTotal} in total.`
          )
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
        text: bi(
          `近 ${months} 个月的硬查询到 ${calm} 才会降到 ${max} 次；房贷最好在这天之后申请`,
          `Hard inquiries in the last ${nOf(months, 'month')} fall to ${max} only on ${calm}; apply for the mortgage on or after it`
        )
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
          ? bi(`到 ${date} 时近 ${months} 个月没有硬查询。`, `No hard inquiries in the ${nOf(months, 'month')} before ${date}.`)
          : bi(
              `到 ${date} 时近 ${months} 个月有 ${hard.length} 次硬查询（上限 ${max}${fail ? `，多 ${hard.length - max} 次` : ''}）：${list.zh}。`,
              `${nOf(hard.length, 'hard inquiry', 'hard inquiries')} in the ${nOf(months, 'month')} before ${date} (limit ${max}${fail ? `, ${hard.length - max} over` : ''}): ${list.en}.`
            )
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
  const list = listOf(lenders.map((l) => bi(`${l.lender} ${money(l.owed)}`, `${l.lender} ${money(l.owed)}`)), 8)
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
        ? bi('没有未结清的网贷。', 'No online lender has anything owed.')
        : bi(
            `${lenders.length} 家网贷未结清（上限 ${max}${fail ? `，多 ${lenders.length - max} 家` : ''}）：${list.zh}。`,
            `${nOf(lenders.length, 'online lender')} ${lenders.length === 1 ? 'has' : 'have'} something owed (limit ${max}${fail ? `, ${lenders.length - max} over` : ''}): ${list.en}.`
          )
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
      text: bi(
        `把${u.account.name}的已用额度降到 ${money(u.cap)} 以下（额度 ${money(u.limit)} 的 ${percent(pct)}，需还 ${money(u.used - u.cap)}），并保持到申请房贷`,
        `Bring ${u.account.name} below ${money(u.cap)} (${percent(pct)} of its ${money(u.limit)} limit: pay down ${money(u.used - u.cap)}) and keep it there until the application`
      )
    })
  const worst = [...all].sort((a, b) => b.percent - a.percent)[0]
  const list = listOf(over.map((u) => bi(`${u.account.name} ${percent(u.percent)}（已用 ${money(u.used)} / ${money(u.limit)}）`, `${u.account.name} ${percent(u.percent)} (${money(u.used)} of ${money(u.limit)})`)))
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
        ? bi(`${over.length} 个额度用得超过 ${percent(pct)}：${list.zh}。`, `${nOf(over.length, 'line')} above ${percent(pct)}: ${list.en}.`)
        : worst
          ? bi(`都在 ${percent(pct)} 以内，最高是${worst.account.name} ${percent(worst.percent)}。`, `All within ${percent(pct)}; the highest is ${worst.account.name} at ${percent(worst.percent)}.`)
          : bi('没有设置额度的账户。', 'No account has a limit set.')
  })
}

function incomeChecks(input: RiskInput, deadline: IsoDate, out: Built): { payments: Fen; mortgage: Fen | null } {
  const s = input.settings
  const d = debtToIncome(input)
  const income = d.income !== null && d.income > 0 ? d.income : null
  const current = d.payments.total
  const needIncome = bi('在“设置”里填写月收入后才能判断。', 'Set your monthly income on the settings page to judge this.')
  const needAmount = bi('在“设置”里填写月收入和房贷金额后才能判断。', 'Set your monthly income and the mortgage amount on the settings page to judge this.')
  const share = (x: Fen) => (income === null ? null : Math.round((x / income) * 1000) / 10)
  const payers = listOf(
    [...d.payments.byAccount].sort((a, b) => b[1] - a[1]).map(([id, amount]) => bi(`${nameOf(input, id)} ${money(amount)}`, `${nameOf(input, id)} ${money(amount)}`)),
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
        : bi(
            `每月还款约 ${money(current)}${current > 0 ? `（${payers.zh}）` : ''}，占月收入 ${money(income)} 的 ${percent(share(current)!)}${dtiFail ? `，需减少 ${money(current - allowedPayment(income, s.dtiPercent))}` : ''}。`,
            `Monthly debt payments about ${money(current)}${current > 0 ? ` (${payers.en})` : ''}, ${percent(share(current)!)} of your ${money(income)} income${dtiFail ? `; ${money(current - allowedPayment(income, s.dtiPercent))} too much` : ''}.`
          )
  })
  if (dtiFail && income !== null)
    out.plan.push({
      date: deadline,
      kind: 'cutPayments',
      accountIds: [...d.payments.byAccount.keys()],
      amount: current - allowedPayment(income, s.dtiPercent),
      text: bi(
        `把每月还款减少约 ${money(current - allowedPayment(income, s.dtiPercent))}，降到 ${money(allowedPayment(income, s.dtiPercent))} 以内（${payers.zh}）`,
        `Cut monthly payments by about ${money(current - allowedPayment(income, s.dtiPercent))}, to within ${money(allowedPayment(income, s.dtiPercent))} (${payers.en})`
      )
    })

  const mortgage = d.mortgage
  const mFail = income !== null && mortgage !== null && isAbove(mortgage, income, s.mortgagePaymentPercent)
  const estimate = bi(`等额本息 ${s.mortgageTermYears} 年、年利率 ${s.mortgageRatePercent}% 估算`, `equal instalments, ${s.mortgageTermYears} years at ${s.mortgageRatePercent}%`)
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
        : bi(
            `房贷月供约 ${money(mortgage)}（${estimate.zh}），占月收入的 ${percent(share(mortgage)!)}${mFail ? `，超出 ${money(mortgage - allowedPayment(income, s.mortgagePaymentPercent))}` : ''}。`,
            `The mortgage payment is about ${money(mortgage)} (${estimate.en}), ${percent(share(mortgage)!)} of income${mFail ? `, ${money(mortgage - allowedPayment(income, s.mortgagePaymentPercent))} too much` : ''}.`
          )
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
        : bi(
            `现有还款 ${money(current)} 加房贷月供 ${money(mortgage)}，共 ${money(all)}，占月收入的 ${percent(share(all)!)}${allFail ? `，需减少 ${money(all - allowedPayment(income, s.dtiWithMortgagePercent))}` : ''}。`,
            `Current payments ${money(current)} plus the mortgage's ${money(mortgage)} make ${money(all)}, ${percent(share(all)!)} of income${allFail ? `; ${money(all - allowedPayment(income, s.dtiWithMortgagePercent))} too much` : ''}.`
          )
  })
  if (allFail && income !== null && !dtiFail)
    out.plan.push({
      date: deadline,
      kind: 'cutPayments',
      accountIds: [...d.payments.byAccount.keys()],
      amount: all - allowedPayment(income, s.dtiWithMortgagePercent),
      text: bi(
        `把现有每月还款减少约 ${money(all - allowedPayment(income, s.dtiWithMortgagePercent))}，或降低房贷金额`,
        `Cut current monthly payments by about ${money(all - allowedPayment(income, s.dtiWithMortgagePercent))}, or borrow less for the home`
      )
    })
  return { payments: current, mortgage }
}

function cleanupCheck(input: RiskInput, date: IsoDate, settle: SettleReasons, out: Built): void {
  const start = cleanupStart(date, input.settings)
  const months = input.settings.cleanupMonths
  const by = drawsInCleanup(input, date)
  const lines: Bilingual[] = []
  for (const [account, draws] of by) {
    lines.push(bi(`${account.name} ${draws.length} 笔（${listOf(draws.map(drawShort), 3).zh}）`, `${account.name} ${draws.length} (${listOf(draws.map(drawShort), 3).en})`))
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
          ? bi(`不再从${list.zh}借款（已在房贷前 ${months} 个月的清理期内）`, `No new draws on ${list.en} (you are inside the ${months}-month clean-up window)`)
          : bi(`不再从${list.zh}借款（房贷前 ${months} 个月的清理期从这天开始）`, `No new draws on ${list.en} (the ${months}-month clean-up window starts)`)
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
        ? bi(`清理期（${start} 起）内已有 ${count} 笔上征信的借款：${list.zh}。`, `${nOf(count, 'draw')} on reporting products in the clean-up window (from ${start}): ${list.en}.`)
        : start > input.today
          ? bi(`清理期从 ${start} 开始；在那之前借的款也要在房贷前还清。`, `The clean-up window starts on ${start}; anything drawn before it should still be cleared before the mortgage.`)
          : bi(`清理期（${start} 起）内没有新借款。`, `No draws in the clean-up window (from ${start}).`)
  })
}

function openLoansCheck(input: RiskInput, date: IsoDate, settle: SettleReasons, out: Built): void {
  const loans = openOnDate(input, date)
  const online = loans.filter((l) => isOnlineLender(l.account))
  for (const l of online) settle.set(l.account.id, { account: l.account, owed: input.balances.get(l.account.id)?.owed ?? l.owed })
  const describe = (l: OpenLoan) => bi(`${l.account.name} ${l.label.zh} 到期 ${l.endDate}`, `${l.account.name} ${l.label.en} runs to ${l.endDate}`)
  const list = listOf(loans.map(describe))
  const owed = loans.reduce((s, l) => s + l.owed, 0)
  out.checks.push({
    id: 'openLoans',
    source: 'BANK',
    state: online.length > 0 ? 'fail' : loans.length > 0 ? 'warn' : 'pass',
    value: loans.length,
    limit: 0,
    unit: 'count',
    accountIds: [...new Set(loans.map((l) => l.account.id))],
    detail:
      loans.length === 0
        ? bi(`到 ${date} 不会有仍未结清的上征信借款。`, `No reporting loan will still be open on ${date}.`)
        : online.length > 0
          ? bi(`到 ${date} 仍有 ${loans.length} 笔未结清（现欠共 ${money(owed)}）：${list.zh}。`, `${nOf(loans.length, 'loan')} still open on ${date} (${money(owed)} owed in all): ${list.en}.`)
          : bi(`到 ${date} 仍有 ${loans.length} 笔银行贷款未结清（${list.zh}）；银行通常接受，但会把月供算进负债。`, `${nOf(loans.length, 'bank loan')} still open on ${date} (${list.en}); banks usually accept them but count their payments as debt.`)
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

  for (const { account, owed } of settle.values())
    if (owed > 0)
      out.plan.push({
        date: deadline,
        kind: 'settle',
        accountIds: [account.id],
        amount: owed,
        text: bi(`结清${account.name}（今天欠 ${money(owed)}），让征信显示为已结清`, `Settle ${account.name} (${money(owed)} owed today) so the report shows it cleared`)
      })
  const threeMonths = addMonths(date, -3)
  out.plan.push({
    date: threeMonths > input.today ? threeMonths : input.today,
    kind: 'noApplications',
    accountIds: [],
    amount: null,
    text: bi('不再申请新的贷款或信用卡（每次审批查询都会留在近 3 个月的记录里）', 'No new loan or card applications (each approval inquiry stays in the 3-month count)')
  })
  const check = addDays(deadline, 14)
  out.plan.push({
    date: check > date ? date : check,
    kind: 'checkReport',
    accountIds: [],
    amount: null,
    text: bi('查一次自己的征信报告（本人查询不算硬查询），确认结清的账户已更新', 'Get your own credit report (your own query is not a hard one) and check that settled accounts show as cleared')
  })
  out.plan.push({ date, kind: 'apply', accountIds: [], amount: null, text: bi('申请房贷', 'Apply for the mortgage') })

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
    monthlyPayments: payments
  }
}
