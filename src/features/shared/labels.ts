// Owns the short texts the lists share: a rate as quoted, an account's name, a repayment's target.
import type { I18n } from '@/state/i18n-context'
import type { LedgerView } from '@/state/ledger-context'
import { drawText, orderText, targetText } from '@/domain/record-labels'
import type { Draw, Order, Repayment } from '@/domain/records'
import { percentText } from '@/components/form-parse'

export function rateLabel(draw: Pick<Draw, 'rate' | 'rateUnit'>, t: I18n['t']): string {
  return `${percentText(draw.rate)}${t(`rateUnit.suffix.${draw.rateUnit}`)}`
}

export function accountName(ledger: LedgerView, id: string): string {
  return ledger.accountById.get(id)?.name ?? '—'
}

export function drawLabel(ledger: LedgerView, draw: Draw): string {
  return drawText(accountName(ledger, draw.accountId), draw)
}

export function targetLabel(ledger: LedgerView, r: Repayment, t: I18n['t']): string {
  const lookup = { accountName: (id: string) => accountName(ledger, id), draw: (id: string) => ledger.drawById.get(id), order: (id: string) => ledger.orderById.get(id) }
  return targetText(r, lookup, (account) => t('target.statementOf', { account }), '—')
}

export function orderLabel(order: Order): string {
  return orderText(order)
}

/** The account column every record list has: its name, filterable by the accounts present in the rows. */
export function accountColumn<T extends { accountId: string }>(ledger: LedgerView, rows: readonly T[], title: string) {
  return {
    key: 'account',
    title,
    width: 130,
    filters: [...new Set(rows.map((r) => r.accountId))].map((id) => ({ text: accountName(ledger, id), value: id })),
    onFilter: (v: React.Key | boolean, r: T) => r.accountId === v,
    render: (_: unknown, r: T) => accountName(ledger, r.accountId)
  }
}
