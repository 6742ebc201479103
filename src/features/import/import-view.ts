// Owns how a planned row reads on screen: its status after the user's choices, what it will do, and why not.
import type { I18n } from '@/state/i18n-context'
import { formatFen } from '@/domain/money'
import type { PlanRow } from '@/domain/import/plan'
import type { BlockReason } from '@/domain/import/review'
import type { ImportProblem } from '@/domain/import/types'

export const ROW_VIEWS = ['new', 'update', 'duplicate', 'ignored', 'needsAccount', 'blocked', 'off'] as const
export type RowView = (typeof ROW_VIEWS)[number]

export const VIEW_COLOURS: Record<RowView, string> = {
  new: 'green',
  update: 'blue',
  duplicate: 'default',
  ignored: 'default',
  needsAccount: 'orange',
  blocked: 'red',
  off: 'default'
}

export function isWritable(p: PlanRow): boolean {
  return p.state === 'new' || p.state === 'update'
}

export function viewOf(p: PlanRow, selected: ReadonlySet<string>, blocked: ReadonlyMap<string, BlockReason>): RowView {
  if (!isWritable(p)) return p.state
  if (!selected.has(p.key)) return 'off'
  return blocked.has(p.key) ? 'blocked' : p.state
}

/** What the row does when written. */
export function actionText(p: PlanRow, t: I18n['t']): string {
  switch (p.action) {
    case 'order': {
      const o = p.order
      if (!o) return t('import.action.order')
      if (o.status === 'refunded') return t('import.action.orderRefunded')
      if (o.status === 'cancelled') return t('import.action.orderCancelled')
      if (p.effect?.amount) return t('import.action.orderRefundedPart', { amount: formatFen(p.effect.amount) })
      return o.instalmentCount > 1 ? t('import.action.orderInstalments', { count: o.instalmentCount }) : t('import.action.order')
    }
    case 'repayment':
      return p.repayment?.targetType === 'order' ? t('import.action.repaymentOrder') : t('import.action.repayment')
    case 'refund':
      return t('import.action.refund', { amount: formatFen(p.effect?.amount ?? p.row.amount) })
    case 'cancel':
      return t('import.action.cancel')
    case 'none':
      return ''
  }
}

/** Why a row will not be written, or what it will do. */
export function resultText(p: PlanRow, view: RowView, blocked: ReadonlyMap<string, BlockReason>, t: I18n['t']): string {
  if (view === 'blocked') return t(`import.reason.${blocked.get(p.key) ?? 'invalid'}`)
  if (view === 'needsAccount') return t('import.reason.needsAccount', { product: p.product?.name ?? '' })
  if ((view === 'ignored' || view === 'duplicate') && p.reason) {
    const action = actionText(p, t)
    const reason = t(`import.reason.${p.reason}`)
    return action && view === 'duplicate' ? `${action} · ${reason}` : reason
  }
  return actionText(p, t)
}

/** 100000 → "100,000", the same in every locale. */
export function groupDigits(text: string): string {
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export function problemText(p: ImportProblem, t: I18n['t']): string {
  return t(`import.problem.${p.code}`, { column: p.column ?? p.value, value: p.value, limit: groupDigits(p.value) })
}

/** Row props carrying a test id, typed as plain attributes so the extra attribute needs no cast. */
export function testIdProps(testId: string): React.HTMLAttributes<HTMLElement> {
  const props: React.HTMLAttributes<HTMLElement> & { 'data-testid': string } = { 'data-testid': testId }
  return props
}
