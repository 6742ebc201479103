// Owns the mortgage-window rules: draws on reporting products inside the clean-up window before the planned mortgage (FOLK), and loans still open on its date (BANK).
import { addDays, addMonths, type IsoDate } from '../dates'
import type { Fen } from '../money'
import { monthlyDueDates } from '../cost/schedule'
import type { Account, Draw } from '../records'
import { drawCountFlag, drawsByAccount, isOnlineLender, mayReport } from './context'
import { bi, drawShort, listOf, money, nOf, orderShort, same } from './text'
import type { Bilingual, RecordRef, RiskFlag, RiskInput } from './types'

/** The first day of the clean-up window: `cleanupMonths` (default 3, at most 6) before the mortgage date. */
export function cleanupStart(mortgageDate: IsoDate, settings: RiskInput['settings']): IsoDate {
  return addMonths(mortgageDate, -settings.cleanupMonths)
}

/**
 * The day to have a loan settled by: `settleLeadDays` (default 30) before the mortgage date, as
 * lenders report about monthly and the report should show it cleared; today if that has passed.
 */
export function settleBy(mortgageDate: IsoDate, today: IsoDate, settings: RiskInput['settings']): IsoDate {
  const day = addDays(mortgageDate, -settings.settleLeadDays)
  return day < today ? today : day
}

/** Draws on accounts that may report, dated from the clean-up window's start up to the day before the mortgage, by account. */
export function drawsInCleanup(input: Pick<RiskInput, 'ledger' | 'accountById' | 'settings'>, mortgageDate: IsoDate): Map<Account, Draw[]> {
  return drawsByAccount(input, cleanupStart(mortgageDate, input.settings), addDays(mortgageDate, -1), mayReport)
}

export interface OpenLoan {
  account: Account
  record: RecordRef
  label: Bilingual
  /** Its last due date: on or after the mortgage date, so it is still open then unless settled. */
  endDate: IsoDate
  owed: Fen
  principalOutstanding: Fen
}

/** Open draws and 分期 orders on reporting accounts whose term runs to the mortgage date or past it. */
export function openOnDate(input: Pick<RiskInput, 'ledger' | 'accountById' | 'cost'>, mortgageDate: IsoDate): OpenLoan[] {
  const out: OpenLoan[] = []
  for (const draw of input.ledger.draws) {
    const cost = input.cost.draws.get(draw.id)
    const account = input.accountById.get(draw.accountId)
    if (!cost || cost.owedToday <= 0 || !account || !mayReport(account)) continue
    const endDate = addMonths(draw.firstDueDate, draw.termMonths - 1)
    if (endDate < mortgageDate) continue
    out.push({ account, record: { type: 'draw', id: draw.id }, label: drawShort(draw), endDate, owed: cost.owedToday, principalOutstanding: cost.principalOutstanding })
  }
  for (const order of input.ledger.orders) {
    const cost = input.cost.orders.get(order.id)
    const account = input.accountById.get(order.accountId)
    if (!cost || cost.owed <= 0 || order.instalmentCount <= 1 || !account || !mayReport(account)) continue
    const endDate = monthlyDueDates(order.dueDate, order.instalmentCount)[order.instalmentCount - 1]!
    if (endDate < mortgageDate) continue
    out.push({
      account,
      record: { type: 'order', id: order.id },
      label: orderShort(order),
      endDate,
      owed: cost.owed,
      principalOutstanding: Math.min(cost.owed, order.amount)
    })
  }
  return out
}

/** The planned date, if it is set and still ahead. */
function plannedDate(input: RiskInput): IsoDate | null {
  const date = input.profile.mortgageDate
  return date !== null && date > input.today ? date : null
}

export function mortgageDrawsRule(input: RiskInput): RiskFlag[] {
  const date = plannedDate(input)
  if (!date) return []
  const start = cleanupStart(date, input.settings)
  const months = input.settings.cleanupMonths
  const flags: RiskFlag[] = []
  for (const [account, draws] of drawsInCleanup(input, date)) {
    const list = listOf([...draws].reverse().map(drawShort), 8)
    const unsure = account.reportsToCredit === 'unknown' ? bi('（是否上征信不确定，按上报计）', ' (it may not report; counted to be safe)') : same('')
    const from = start > input.today ? start : input.today
    flags.push(
      drawCountFlag(
        'mortgageDraws',
        'warning',
        account,
        draws,
        bi(
          `房贷计划在 ${date} 申请；在之前 ${months} 个月的清理期（${start} 起）里，${account.name}${unsure.zh}有 ${draws.length} 笔借款：${list.zh}。每笔借款都会在征信上留下一条贷款记录，银行可能认为你资金紧张。`,
          `The mortgage is planned for ${date}; in the ${months}-month clean-up window before it (from ${start}), ${account.name}${unsure.en} has ${nOf(draws.length, 'draw')}: ${list.en}. Each draw shows on the credit report as a loan, and a bank may read it as being short of money.`
        ),
        bi(
          `${from === input.today ? '从现在起' : `${from} 起`}不要再从${account.name}借款，已借的在 ${settleBy(date, input.today, input.settings)} 前还清。`,
          `Make no new draws on ${account.name} ${from === input.today ? 'from now on' : `from ${from}`}, and clear what is drawn by ${settleBy(date, input.today, input.settings)}.`
        )
      )
    )
  }
  return flags
}

export function openAtMortgageRule(input: RiskInput): RiskFlag[] {
  const date = plannedDate(input)
  if (!date) return []
  const by = new Map<Account, OpenLoan[]>()
  for (const loan of openOnDate(input, date)) by.set(loan.account, [...(by.get(loan.account) ?? []), loan])
  const deadline = settleBy(date, input.today, input.settings)
  const flags: RiskFlag[] = []
  for (const [account, loans] of by) {
    const owed = loans.reduce((s, l) => s + l.owed, 0)
    const principal = loans.reduce((s, l) => s + l.principalOutstanding, 0)
    const list = listOf(loans.map((l) => bi(`${l.label.zh}，到期 ${l.endDate}，现欠 ${money(l.owed)}`, `${l.label.en}, runs to ${l.endDate}, ${money(l.owed)} owed`)))
    const online = isOnlineLender(account)
    flags.push({
      id: `openAtMortgage:${account.id}`,
      rule: 'openAtMortgage',
      severity: online ? 'warning' : 'info',
      source: 'BANK',
      measure: principal,
      unit: 'fen',
      accountIds: [account.id],
      records: loans.map((l) => l.record),
      explanation: bi(
        `房贷计划在 ${date}；到那天${account.name}仍有 ${loans.length} 笔未结清：${list.zh}。银行审批时会看未结清的贷款，${online ? '尤其是网贷和小额贷款。' : '并把它的月供计入负债。'}`,
        `The mortgage is planned for ${date}; on that day ${account.name} will still have ${nOf(loans.length, 'open loan')}: ${list.en}. Banks look at open loans${online ? ', online and small loans above all.' : ' and count their payments as debt.'}`
      ),
      action: online
        ? bi(`在 ${deadline} 前结清${account.name}（现欠共 ${money(owed)}），让征信显示为已结清。`, `Clear ${account.name} (${money(owed)} owed in all) by ${deadline}, so the report shows it settled.`)
        : bi(
            `能提前结清最好（现欠共 ${money(owed)}，在 ${deadline} 前）；否则按时还款，银行会把它的月供算进负债。`,
            `Clear it early if you can (${money(owed)} owed in all, by ${deadline}); otherwise keep paying on time, and the bank will count its payment as debt.`
          )
    })
  }
  return flags
}
