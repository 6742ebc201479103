// Owns one bill's detail: what it holds (carried over, purchases, 分期 periods, interest, fees), its minimum (by the rule, or as printed), where it stands, and what paying it in full, the minimum or by 账单分期 would cost.
import { useMemo, useState } from 'react'
import { App as AntApp, Button, Descriptions, Input, InputNumber, Select, Space, Tag } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { newId, saveBillFigure } from '@/db/repo'
import { isValidationError } from '@/domain/validation-error'
import { billWhatIf } from '@/domain/cost/bill-what-if'
import type { Bill } from '@/domain/cost/statement'
import { formatFen, parseYuan } from '@/domain/money'
import { ratePercent } from '@/domain/risk/text'
import { Money } from '@/components/Money'
import { orderLabel } from '../shared/labels'
import { BillInstalmentModal } from './BillInstalmentModal'

/** The tag colour of a bill's status, wherever a bill is listed. */
export const BILL_STATUS_COLOURS: Record<Bill['status'], string> = { upcoming: 'default', open: 'blue', paidInFull: 'green', minimumPaid: 'gold', belowMinimum: 'red' }
const COUNTS = [3, 6, 9, 12, 18, 24]

export function BillDetail({ accountId, bill }: { accountId: string; bill: Bill }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const rows = [
    { key: 'statement', label: t('bill.statementDate'), children: bill.statementDate },
    { key: 'due', label: t('bill.dueDate'), children: bill.graceEnd !== bill.dueDate ? `${bill.dueDate}（${t('bill.graceEnd')} ${bill.graceEnd}）` : bill.dueDate },
    {
      key: 'status',
      label: t('bill.status'),
      children: (
        <Tag color={BILL_STATUS_COLOURS[bill.status]} data-testid="bill-status">
          {t(`billStatus.${bill.status}`)}
        </Tag>
      )
    },
    ...(bill.carried > 0 ? [{ key: 'carried', label: t('bill.carried'), children: <Money fen={bill.carried} /> }] : []),
    { key: 'purchases', label: t('bill.purchases'), children: <Money fen={bill.purchases} /> },
    ...(bill.periods > 0 ? [{ key: 'periods', label: t('bill.periods'), children: <Money fen={bill.periods} /> }] : []),
    ...(bill.interest > 0 ? [{ key: 'interest', label: t(bill.issued ? 'bill.interest' : 'bill.interestEstimate'), children: <Money fen={bill.interest} /> }] : []),
    ...(bill.fees > 0 ? [{ key: 'fees', label: t('bill.fees'), children: <Money fen={bill.fees} danger /> }] : []),
    ...(bill.converted > 0 ? [{ key: 'converted', label: t('bill.converted'), children: <Money fen={-bill.converted} /> }] : []),
    ...(bill.paidBeforeStatement > 0 ? [{ key: 'before', label: t('bill.paidBeforeStatement'), children: <Money fen={bill.paidBeforeStatement} /> }] : []),
    { key: 'total', label: t('bill.total'), children: <span data-testid="bill-total"><Money fen={bill.total} strong /></span> },
    ...(bill.issued
      ? [
          {
            key: 'minimum',
            label: t('bill.minimum'),
            children: <MinimumField accountId={accountId} bill={bill} />
          },
          { key: 'paid', label: t('bill.paid'), children: <Money fen={bill.paidSinceStatement} /> }
        ]
      : []),
    ...(bill.revolvingInterest > 0 ? [{ key: 'revolving', label: t('bill.revolvingInterest'), children: <Money fen={bill.revolvingInterest} /> }] : []),
    {
      key: 'orders',
      label: t('bill.orders'),
      children: (
        <ul className="plain-list">
          {bill.orderIds.map((id) => {
            const order = ledger.orderById.get(id)
            return <li key={id}>{order ? `${orderLabel(order)}${order.item ? ` · ${order.item}` : ''}` : id}</li>
          })}
        </ul>
      )
    }
  ]
  return (
    <>
      {!bill.issued && <p className="muted small">{t('bill.estimate')}</p>}
      <Descriptions column={1} bordered size="small" items={rows} data-testid="bill-detail" />
      {bill.issued && (bill.status === 'open' || bill.status === 'upcoming') && <BillWhatIf accountId={accountId} bill={bill} />}
    </>
  )
}

/** The minimum by the rule, or the one typed from the printed bill, with a field to type it. */
function MinimumField({ accountId, bill }: { accountId: string; bill: Bill }) {
  const { t, tk } = useI18n()
  const ledger = useLedger()
  const { message } = AntApp.useApp()
  const stored = ledger.billFigures.find((f) => f.accountId === accountId && f.statementDate === bill.statementDate)
  const [text, setText] = useState(stored?.minimum != null ? formatFen(stored.minimum, { symbol: false }) : '')
  const [error, setError] = useState<string | null>(null)
  // A judged bill is short only by what is still past due; an open one by what is not paid yet.
  const left = bill.status === 'open' || bill.status === 'upcoming' ? Math.max(0, bill.minimum - bill.paidSinceStatement) : bill.pastDue
  const save = async () => {
    const parsed = text.trim() === '' ? null : parseYuan(text)
    if (parsed && !parsed.ok) return setError(t('validation.amount'))
    try {
      await saveBillFigure(appDb(), { id: stored?.id ?? newId(), accountId, statementDate: bill.statementDate, minimum: parsed ? parsed.fen : null, notes: '' })
      setError(null)
      void message.success(t(parsed ? 'bill.printed.saved' : 'bill.printed.cleared'))
    } catch (e) {
      setError(isValidationError(e) ? e.issues.map((i) => tk(i.message)).join('；') : t('common.saveFailed', { reason: e instanceof Error ? e.message : String(e) }))
    }
  }
  return (
    <div className="bill-minimum">
      <div>
        <Money fen={bill.minimum} strong /> <span className="muted small">{bill.minimumPrinted !== null ? t('bill.minimumPrinted') : t('bill.minimumRule', { amount: formatFen(bill.minimumRule) })}</span>
      </div>
      <div className="small" data-testid="minimum-left">
        {left > 0 ? t('bill.minimumLeft', { amount: formatFen(left) }) : t('bill.minimumMet')}
      </div>
      <Space.Compact className="printed-minimum">
        <Input prefix="¥" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} onPressEnter={() => void save()} placeholder={t('bill.printed.placeholder')} aria-label={t('bill.printed.label')} data-testid="printed-minimum" status={error ? 'error' : undefined} />
        <Button onClick={() => void save()} data-testid="printed-minimum-save">
          {t('bill.printed.save')}
        </Button>
      </Space.Compact>
      {error && <div className="danger-text small">{error}</div>}
    </div>
  )
}

/** 全额 / 最低 / 账单分期, each with what it costs. */
function BillWhatIf({ accountId, bill }: { accountId: string; bill: Bill }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const [count, setCount] = useState(6)
  const [ratePct, setRatePct] = useState<number | null>(0.6)
  const [converting, setConverting] = useState(false)
  const feeRate = (ratePct ?? 0) / 100
  const whatIf = useMemo(() => billWhatIf(ledger.ledger, accountId, bill.statementDate, ledger.today, { count, feeRate }), [ledger.ledger, accountId, bill.statementDate, ledger.today, count, feeRate])
  if (!whatIf) return null
  const plan = whatIf.instalment
  const apr = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(2)}%`)
  return (
    <section className="detail-section bill-what-if" data-testid="bill-what-if">
      <h4>{t('bill.whatIf.title')}</h4>
      <div className="what-if-row" data-testid="what-if-full">
        <strong>{t('bill.whatIf.full', { amount: formatFen(whatIf.full.amount) })}</strong>
        <span className="muted">{t('bill.whatIf.fullCost')}</span>
      </div>
      <div className="what-if-row" data-testid="what-if-minimum">
        <strong>{t('bill.whatIf.minimum', { amount: formatFen(whatIf.minimum.amount) })}</strong>
        <span className="muted">
          {t('bill.whatIf.minimumCost', { rest: formatFen(whatIf.minimum.rest), date: whatIf.minimum.nextStatementDate, interest: formatFen(whatIf.minimum.interest) })}
        </span>
      </div>
      <div className="what-if-row" data-testid="what-if-instalment">
        <Space wrap>
          <span>{t('bill.whatIf.count')}</span>
          <Select size="small" value={count} onChange={setCount} options={COUNTS.map((c) => ({ value: c, label: c }))} data-testid="what-if-count" />
          <span>{t('bill.whatIf.rate')}</span>
          <InputNumber size="small" min={0} max={2} step={0.05} value={ratePct} onChange={setRatePct} data-testid="what-if-rate" />
        </Space>
        {plan ? (
          <>
            <strong>{t('bill.whatIf.instalment', { count: plan.count, rate: ratePercent(plan.feeRate) })}</strong>
            <span className="muted">
              {t('bill.whatIf.instalmentCost', { payment: formatFen(plan.payment), fees: formatFen(plan.fees), apr: apr(plan.apr?.aprSimple), count: plan.count, revolving: formatFen(plan.revolvingSame) })}
            </span>
            <Button size="small" onClick={() => setConverting(true)} data-testid="bill-instalment-open">
              {t('bill.instalment.action')}
            </Button>
          </>
        ) : null}
      </div>
      <BillInstalmentModal open={converting} accountId={accountId} bill={bill} count={count} feeRate={feeRate} room={plan?.amount ?? 0} onClose={() => setConverting(false)} />
    </section>
  )
}
