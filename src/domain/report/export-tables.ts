// Owns the spreadsheet export as plain tables: the summary per month and per account, the open loans, and one table per record type, in the chosen language.
//
// Cells keep money in fen and dates as 'YYYY-MM-DD' text; the XLSX and CSV writers decide how each
// kind is written (a number formatted as yuan, exact yuan text). Rates are percent numbers.
import { targetText } from '../record-labels'
import { HARD_INQUIRY_REASONS, type Account, type Draw, type Inquiry, type Ledger, type Order, type Repayment } from '../records'
import type { MonthReport } from './month-report'

/**
 * Every catalogue key the export's headers and values use. The app passes its own t(), typed by the
 * catalogues, where this type is expected: a key missing from the catalogues is a compile error there.
 */
export type ExportTextKey =
  | 'account.archived'
  | 'account.dueDay'
  | 'account.kind'
  | 'account.name'
  | 'account.notes'
  | 'account.penaltyMultiplier'
  | 'account.repaymentOrder'
  | 'account.reportName'
  | 'account.reportsShort'
  | 'account.statementDay'
  | 'bill.instalment.amount'
  | 'bill.instalment.count'
  | 'bill.instalment.date'
  | 'bill.printed.label'
  | 'bill.statementDate'
  | 'common.yes'
  | 'common.no'
  | 'report.loanDraw'
  | 'report.loanOrder'
  | 'draw.account'
  | 'draw.channel'
  | 'draw.drawDate'
  | 'draw.firstDueDate'
  | 'draw.method'
  | 'draw.notes'
  | 'draw.rateUnit'
  | 'draw.termMonths'
  | 'inquiry.date'
  | 'inquiry.hard'
  | 'inquiry.institution'
  | 'inquiry.notes'
  | 'inquiry.reason'
  | 'order.account'
  | 'order.dueDate'
  | 'order.externalOrderNo'
  | 'order.instalmentCount'
  | 'order.item'
  | 'order.merchant'
  | 'order.notes'
  | 'order.orderDate'
  | 'order.status'
  | 'repayment.account'
  | 'repayment.bill'
  | 'repayment.date'
  | 'repayment.note'
  | 'repayment.target'
  | 'repayment.targetType'
  | 'report.bills.account'
  | 'report.bills.converted'
  | 'report.bills.dueDate'
  | 'report.bills.minimum'
  | 'report.bills.paid'
  | 'report.bills.revolvingInterest'
  | 'report.bills.statementDate'
  | 'report.bills.status'
  | 'report.bills.total'
  | 'report.borrowed'
  | 'report.col.account'
  | 'report.col.amount'
  | 'report.col.aprCompound'
  | 'report.col.aprSimple'
  | 'report.col.asOf'
  | 'report.col.creditLimit'
  | 'report.col.date'
  | 'report.col.estimate'
  | 'report.col.feeRate'
  | 'report.col.kind'
  | 'report.col.loanType'
  | 'report.col.month'
  | 'report.col.naive'
  | 'report.col.principal'
  | 'report.col.rate'
  | 'report.col.upfrontFee'
  | 'report.col.windowDays'
  | 'report.costCharged'
  | 'report.feesPaid'
  | 'report.interestPaid'
  | 'report.owed'
  | 'report.penaltyPaid'
  | 'report.principalOutstanding'
  | 'report.repaid'
  | 'report.sheet.accounts'
  | 'report.sheet.billFigures'
  | 'report.sheet.billInstalments'
  | 'report.sheet.bills'
  | 'report.sheet.byAccount'
  | 'report.sheet.draws'
  | 'report.sheet.inquiries'
  | 'report.sheet.loans'
  | 'report.sheet.orders'
  | 'report.sheet.repayments'
  | 'report.sheet.summary'
  | 'target.statementOf'
  | 'terms.graceDays'
  | 'terms.lateFeePercent'
  | 'terms.minimumPercent'
  | 'terms.revolvingMethod'
  | 'terms.revolvingRate'
  | `kindShort.${Account['kind']}`
  | `reports.${Account['reportsToCredit']}`
  | `repaymentOrder.${Account['repaymentOrder']}`
  | `revolvingMethod.${NonNullable<Account['statementTerms']>['revolvingMethod']}`
  | `channel.${Draw['channel']}`
  | `method.${Draw['method']}`
  | `rateUnit.${Draw['rateUnit']}`
  | `status.${Order['status']}`
  | `target.${Repayment['targetType']}`
  | `reason.${Inquiry['reason']}`
  | `billStatus.${MonthReport['bills'][number]['status']}`

export type Translate = (key: ExportTextKey, params?: Record<string, string | number>) => string

/** money: fen; percent: a percent number (13.03 for 13.03%); int: a count; number: any other number; date: 'YYYY-MM-DD'. */
export type ColumnKind = 'text' | 'date' | 'money' | 'percent' | 'int' | 'number'
export type Cell = string | number | null

export interface ExportColumn {
  header: string
  kind: ColumnKind
  /** In characters, for the XLSX writer. */
  width: number
}

export interface ExportTable {
  /** The sheet's name (at most 31 characters, as Excel requires). */
  name: string
  columns: ExportColumn[]
  rows: Cell[][]
}

export interface ExportRange {
  /** First and last day of the records to include. */
  from: string
  to: string
}

const col = (header: string, kind: ColumnKind, width = kind === 'money' ? 14 : kind === 'date' ? 12 : kind === 'text' ? 18 : 10): ExportColumn => ({ header, kind, width })

/** A rate as a percent number without floating-point noise (0.0004 -> 0.04). */
function percent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null
  return Math.round(rate * 100 * 1e6) / 1e6
}

/** Summary of each month: the figures of the report, one row per month. */
export function summaryTable(reports: readonly MonthReport[], t: Translate): ExportTable {
  return {
    name: t('report.sheet.summary'),
    columns: [
      col(t('report.col.month'), 'text', 10),
      col(t('report.borrowed'), 'money'),
      col(t('report.repaid'), 'money'),
      col(t('report.interestPaid'), 'money'),
      col(t('report.feesPaid'), 'money'),
      col(t('report.penaltyPaid'), 'money'),
      col(t('report.costCharged'), 'money', 18),
      col(t('report.principalOutstanding'), 'money', 16),
      col(t('report.owed'), 'money', 16),
      col(t('report.col.asOf'), 'date')
    ],
    rows: reports.map((r) => [
      r.month,
      r.totals.borrowed,
      r.totals.repaid,
      r.totals.interestPaid,
      r.totals.feesPaid,
      r.totals.penaltyPaid,
      r.totals.costCharged,
      r.totals.principalOutstanding,
      r.totals.owed,
      r.asOf
    ])
  }
}

export function accountSummaryTable(reports: readonly MonthReport[], t: Translate): ExportTable {
  return {
    name: t('report.sheet.byAccount'),
    columns: [
      col(t('report.col.month'), 'text', 10),
      col(t('report.col.account'), 'text'),
      col(t('report.col.kind'), 'text', 16),
      col(t('report.borrowed'), 'money'),
      col(t('report.repaid'), 'money'),
      col(t('report.costCharged'), 'money', 18),
      col(t('report.principalOutstanding'), 'money', 16),
      col(t('report.owed'), 'money', 16),
      col(t('report.col.aprSimple'), 'percent', 14)
    ],
    rows: reports.flatMap((r) =>
      r.accounts.map((a) => [r.month, a.name, t(`kindShort.${a.kind}`), a.borrowed, a.repaid, a.costCharged, a.principalOutstanding, a.owed, percent(a.apr?.aprSimple)])
    )
  }
}

export function loansTable(report: MonthReport, t: Translate): ExportTable {
  return {
    name: t('report.sheet.loans'),
    columns: [
      col(t('report.col.account'), 'text'),
      col(t('report.col.loanType'), 'text', 10),
      col(t('report.col.date'), 'date'),
      col(t('report.col.principal'), 'money'),
      col(t('report.principalOutstanding'), 'money', 16),
      col(t('report.owed'), 'money', 16),
      col(t('report.col.aprSimple'), 'percent', 14),
      col(t('report.col.aprCompound'), 'percent', 14),
      col(t('report.col.naive'), 'percent', 14),
      col(t('report.col.estimate'), 'text', 8)
    ],
    rows: report.loans.map((l) => [
      l.accountName,
      t(l.type === 'draw' ? 'report.loanDraw' : 'report.loanOrder'),
      l.date,
      l.principal,
      l.principalOutstanding,
      l.owed,
      percent(l.apr?.aprSimple),
      percent(l.apr?.aprCompound),
      percent(l.naiveRate),
      l.estimate ? t('common.yes') : ''
    ])
  }
}

/** The records dated in the range, one table per record type; accounts are all listed, as every record names one. */
export function recordTables(ledger: Ledger, range: ExportRange | null, t: Translate): ExportTable[] {
  const within = (date: string) => range === null || (date >= range.from && date <= range.to)
  const accountName = new Map(ledger.accounts.map((a) => [a.id, a.name]))
  const nameOf = (id: string) => accountName.get(id) ?? id
  const draws = new Map(ledger.draws.map((d) => [d.id, d]))
  const orders = new Map(ledger.orders.map((o) => [o.id, o]))
  const byDate = <T>(date: (x: T) => string) => (a: T, b: T) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0)
  const yesNo = (v: boolean) => t(v ? 'common.yes' : 'common.no')

  const lookup = { accountName: nameOf, draw: (id: string) => draws.get(id), order: (id: string) => orders.get(id) }
  const target = (r: Ledger['repayments'][number]): string => targetText(r, lookup, (account) => t('target.statementOf', { account }), r.targetId)

  return [
    {
      name: t('report.sheet.accounts'),
      columns: [
        col(t('account.name'), 'text'),
        col(t('account.kind'), 'text', 16),
        col(t('report.col.creditLimit'), 'money'),
        col(t('account.statementDay'), 'int', 8),
        col(t('account.dueDay'), 'int', 8),
        col(t('report.col.windowDays'), 'int', 10),
        col(t('account.reportsShort'), 'text', 10),
        col(t('account.reportName'), 'text', 26),
        col(t('account.penaltyMultiplier'), 'number', 8),
        col(t('account.repaymentOrder'), 'text', 16),
        col(t('terms.minimumPercent'), 'number', 10),
        col(t('terms.revolvingRate'), 'percent', 12),
        col(t('terms.revolvingMethod'), 'text', 22),
        col(t('terms.graceDays'), 'int', 8),
        col(t('terms.lateFeePercent'), 'number', 10),
        col(t('account.archived'), 'text', 8),
        col(t('account.notes'), 'text', 24)
      ],
      rows: ledger.accounts.map((a) => [
        a.name,
        t(`kindShort.${a.kind}`),
        a.creditLimit,
        a.statementDay,
        a.dueDay,
        a.payLaterWindowDays,
        t(`reports.${a.reportsToCredit}`),
        a.reportName,
        a.penaltyMultiplier,
        t(`repaymentOrder.${a.repaymentOrder}`),
        a.statementTerms?.minimumPercent ?? null,
        a.statementTerms ? percent(a.statementTerms.revolvingDailyRate) : null,
        a.statementTerms ? t(`revolvingMethod.${a.statementTerms.revolvingMethod}`) : '',
        a.statementTerms?.graceDays ?? null,
        a.statementTerms?.lateFeePercent ?? null,
        yesNo(a.archived),
        a.notes
      ])
    },
    {
      name: t('report.sheet.draws'),
      columns: [
        col(t('draw.drawDate'), 'date'),
        col(t('draw.account'), 'text'),
        col(t('report.col.principal'), 'money'),
        col(t('draw.channel'), 'text', 14),
        col(t('draw.method'), 'text', 18),
        col(t('report.col.rate'), 'percent', 12),
        col(t('draw.rateUnit'), 'text', 12),
        col(t('draw.termMonths'), 'int', 10),
        col(t('draw.firstDueDate'), 'date'),
        col(t('report.col.upfrontFee'), 'money'),
        col(t('draw.notes'), 'text', 24)
      ],
      rows: ledger.draws
        .filter((d) => within(d.drawDate))
        .sort(byDate((d) => d.drawDate))
        .map((d) => [d.drawDate, nameOf(d.accountId), d.principal, t(`channel.${d.channel}`), t(`method.${d.method}`), percent(d.rate), t(`rateUnit.${d.rateUnit}`), d.termMonths, d.firstDueDate, d.upfrontFee, d.notes])
    },
    {
      name: t('report.sheet.orders'),
      columns: [
        col(t('order.orderDate'), 'date'),
        col(t('order.account'), 'text'),
        col(t('order.merchant'), 'text'),
        col(t('order.item'), 'text'),
        col(t('report.col.amount'), 'money'),
        col(t('order.dueDate'), 'date'),
        col(t('order.instalmentCount'), 'int', 10),
        col(t('report.col.feeRate'), 'percent', 12),
        col(t('order.status'), 'text', 10),
        col(t('order.externalOrderNo'), 'text', 20),
        col(t('order.notes'), 'text', 24)
      ],
      rows: ledger.orders
        .filter((o) => within(o.orderDate))
        .sort(byDate((o) => o.orderDate))
        .map((o) => [o.orderDate, nameOf(o.accountId), o.merchant, o.item, o.amount, o.dueDate, o.instalmentCount, percent(o.instalmentFeeRate), t(`status.${o.status}`), o.externalOrderNo, o.notes])
    },
    {
      name: t('report.sheet.repayments'),
      columns: [
        col(t('repayment.date'), 'date'),
        col(t('repayment.account'), 'text'),
        col(t('repayment.targetType'), 'text', 12),
        col(t('repayment.target'), 'text', 36),
        col(t('repayment.bill'), 'date'),
        col(t('report.col.amount'), 'money'),
        col(t('repayment.note'), 'text', 24)
      ],
      rows: ledger.repayments
        .filter((r) => within(r.date))
        .sort(byDate((r) => r.date))
        .map((r) => [r.date, nameOf(r.accountId), t(`target.${r.targetType}`), target(r), r.bill ?? null, r.amount, r.note])
    },
    {
      name: t('report.sheet.inquiries'),
      columns: [
        col(t('inquiry.date'), 'date'),
        col(t('inquiry.institution'), 'text', 26),
        col(t('inquiry.reason'), 'text', 14),
        col(t('inquiry.hard'), 'text', 8),
        col(t('inquiry.notes'), 'text', 24)
      ],
      rows: ledger.inquiries
        .filter((i) => within(i.date))
        .sort(byDate((i) => i.date))
        .map((i) => [i.date, i.institution, t(`reason.${i.reason}`), yesNo(HARD_INQUIRY_REASONS.includes(i.reason)), i.notes])
    },
    {
      name: t('report.sheet.billInstalments'),
      columns: [
        col(t('bill.instalment.date'), 'date'),
        col(t('repayment.account'), 'text'),
        col(t('bill.statementDate'), 'date'),
        col(t('bill.instalment.amount'), 'money'),
        col(t('bill.instalment.count'), 'int', 8),
        col(t('report.col.feeRate'), 'percent', 12),
        col(t('repayment.note'), 'text', 24)
      ],
      rows: ledger.billInstalments
        .filter((b) => within(b.date))
        .sort(byDate((b) => b.date))
        .map((b) => [b.date, nameOf(b.accountId), b.statementDate, b.amount, b.count, percent(b.feeRate), b.notes])
    },
    {
      name: t('report.sheet.billFigures'),
      columns: [col(t('repayment.account'), 'text'), col(t('bill.statementDate'), 'date'), col(t('bill.printed.label'), 'money'), col(t('repayment.note'), 'text', 24)],
      rows: ledger.billFigures
        .filter((b) => within(b.statementDate))
        .sort(byDate((b) => b.statementDate))
        .map((b) => [nameOf(b.accountId), b.statementDate, b.minimum, b.notes])
    }
  ]
}

/**
 * Everything a spreadsheet export holds: the summary per month and per account, the open loans at
 * the end of the last month, and the records of the months (all records when `range` is null).
 */
export function exportTables(ledger: Ledger, reports: readonly MonthReport[], range: ExportRange | null, t: Translate): ExportTable[] {
  const last = reports[reports.length - 1]
  return [summaryTable(reports, t), accountSummaryTable(reports, t), ...(last ? [loansTable(last, t)] : []), billsTable(reports, t), ...recordTables(ledger, range, t)]
}

/** Every bill issued in the months, with its balance, minimum, what was paid and how it ended. */
function billsTable(reports: readonly MonthReport[], t: Translate): ExportTable {
  return {
    name: t('report.sheet.bills'),
    columns: [
      col(t('report.bills.account'), 'text'),
      col(t('report.bills.statementDate'), 'date'),
      col(t('report.bills.dueDate'), 'date'),
      col(t('report.bills.total'), 'money'),
      col(t('report.bills.minimum'), 'money'),
      col(t('report.bills.paid'), 'money'),
      col(t('report.bills.converted'), 'money'),
      col(t('report.bills.revolvingInterest'), 'money'),
      col(t('report.bills.status'), 'text', 18)
    ],
    rows: reports.flatMap((r) => r.bills.map((b) => [b.accountName, b.statementDate, b.dueDate, b.total, b.minimum, b.paid, b.converted, b.revolvingInterest, t(`billStatus.${b.status}`)]))
  }
}
