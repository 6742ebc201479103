// Owns a draw's repayment schedule in its detail: every period as the engine walks it (paid, due, overdue, with penalty), prepayments, and what paying it off today costs.
import { useMemo } from 'react'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { DEFAULT_PENALTY_MULTIPLIER, walkLoan } from '@/domain/cost/loan'
import { formatFen } from '@/domain/money'
import type { Draw } from '@/domain/records'
import { ScheduleTable } from '@/components/ScheduleTable'

export function DrawSchedule({ draw }: { draw: Draw }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const account = ledger.accountById.get(draw.accountId)
  // One draw's walk: the same function the whole-ledger figures come from, so the rows agree with them.
  const walk = useMemo(() => walkLoan(draw, ledger.repayments, account ?? { penaltyMultiplier: DEFAULT_PENALTY_MULTIPLIER }, ledger.today, {}, { detail: true }), [draw, ledger.repayments, account, ledger.today])
  const c = walk.cost
  const flexible = draw.method === 'flexible'
  return (
    <section className="detail-section" data-testid="draw-schedule">
      <h4>{t('schedule.title')}</h4>
      <ScheduleTable rows={walk.rows} showInterest={draw.method !== 'feeInstalment'} showFee={draw.method === 'feeInstalment'} />
      {walk.prepayments.map((p) => (
        <p key={p.date} className="muted small">
          {t('schedule.prepaid', { date: p.date, amount: formatFen(p.amount) })}
        </p>
      ))}
      {c.estimate && <p className="muted small">{t('schedule.estimate')}</p>}
      {!c.cleared && ledger.today >= draw.drawDate && (
        <p className="small" data-testid="payoff-today">
          {flexible
            ? t('schedule.payoffFlexible', { amount: formatFen(c.owedToday), date: walk.rows[0]?.dueDate ?? '', saved: formatFen(c.projectedCostToPayoff) })
            : draw.method === 'feeInstalment'
              ? t('schedule.payoffFee', { amount: formatFen(c.owedToday) })
              : t('schedule.payoff', { amount: formatFen(c.owedToday), saved: formatFen(c.projectedCostToPayoff) })}
        </p>
      )}
    </section>
  )
}
