// Owns the calculator: an offer as quoted -> schedule, total cost and real APR beside the advertised rate; and what repaying a loan early saves.
import { useEffect, useMemo, useState } from 'react'
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Statistic, Table, Tabs } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { calculateOffer } from '@/domain/cost/apr'
import { earlyPayoff } from '@/domain/cost/loan'
import type { OfferResult, SchedulePeriod } from '@/domain/cost/types'
import { formatFen, parseYuan } from '@/domain/money'
import { RATE_UNITS, REPAYMENT_METHODS, type FieldIssue, type RateUnit, type RepaymentMethod } from '@/domain/records'
import { Money } from '@/components/Money'
import { PageFrame } from '@/components/PageFrame'
import { createFormParser, toDayjs } from '@/components/form-parse'
import { formatPercent } from '@/components/format'
import { drawLabel } from '../shared/labels'

interface OfferValues {
  principal: string
  method: RepaymentMethod
  rateUnit: RateUnit
  rate: string
  termMonths: number | null
  startDate: Dayjs | null
  firstDueDate: Dayjs | null
  upfrontFee: string
}

const OFFER_FIELDS = ['principal', 'method', 'rateUnit', 'rate', 'termMonths', 'startDate', 'firstDueDate', 'upfrontFee'] as const satisfies readonly (keyof OfferValues)[]

function OfferCalculator() {
  const { t, tk } = useI18n()
  const ledger = useLedger()
  const [form] = Form.useForm<OfferValues>()
  const [result, setResult] = useState<OfferResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const calculate = () => {
    const v = form.getFieldsValue(true) as OfferValues
    const p = createFormParser()
    const input = {
      principal: p.fen('principal', v.principal),
      method: v.method,
      rateUnit: v.rateUnit,
      rate: p.percent('rate', v.rate),
      termMonths: v.termMonths ?? Number.NaN,
      startDate: p.date(v.startDate),
      ...(v.firstDueDate ? { firstDueDate: p.date(v.firstDueDate) } : {}),
      upfrontFee: p.fen('upfrontFee', v.upfrontFee || '0')
    }
    const checked = p.issues.length > 0 ? { ok: false as const, issues: p.issues } : calculateOffer(input)
    form.setFields(OFFER_FIELDS.map((f) => ({ name: f, errors: [] })))
    if (!checked.ok) {
      setResult(null)
      const seen = new Set<string>()
      const fields: { name: keyof OfferValues; errors: string[] }[] = []
      const general: FieldIssue[] = []
      for (const issue of checked.issues) {
        if (seen.has(issue.path)) continue
        seen.add(issue.path)
        const field = OFFER_FIELDS.find((f) => f === issue.path)
        if (field) fields.push({ name: field, errors: [tk(issue.message)] })
        else general.push(issue)
      }
      form.setFields(fields)
      setProblem(general[0] ? tk(general[0].message) : null)
      return
    }
    setProblem(null)
    setResult(checked.value)
  }

  // The defaults are a typical 分期 offer: show its figures straight away rather than an empty page.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on open: later changes are calculated on submit.
  useEffect(calculate, [])

  const compare = useMemo(() => {
    if (!result) return []
    const rows = ledger.draws
      .map((d) => ({ d, c: ledger.cost.draws.get(d.id) }))
      .filter((x) => x.c && !x.c.cleared && x.c.apr)
      .map((x) => ({ key: x.d.id, label: drawLabel(ledger, x.d), apr: x.c?.apr?.aprSimple ?? 0, mine: false }))
    rows.push({ key: 'offer', label: t('calc.thisOffer'), apr: result.apr.aprSimple, mine: true })
    return rows.sort((a, b) => b.apr - a.apr)
  }, [result, ledger, t])

  const columns = [
    { key: 'index', title: t('calc.period'), dataIndex: 'index', width: 64 },
    { key: 'dueDate', title: t('calc.dueDate'), dataIndex: 'dueDate', width: 110 },
    { key: 'days', title: t('calc.days'), dataIndex: 'days', width: 80, align: 'right' as const },
    { key: 'principal', title: t('calc.principalPart'), align: 'right' as const, render: (_: unknown, r: SchedulePeriod) => <Money fen={r.principal} /> },
    { key: 'interest', title: t('calc.interest'), align: 'right' as const, render: (_: unknown, r: SchedulePeriod) => <Money fen={r.interest} /> },
    { key: 'fee', title: t('calc.fee'), align: 'right' as const, render: (_: unknown, r: SchedulePeriod) => <Money fen={r.fee} /> },
    { key: 'payment', title: t('calc.payment'), align: 'right' as const, render: (_: unknown, r: SchedulePeriod) => <Money fen={r.payment} strong /> },
    { key: 'balance', title: t('calc.balanceAfter'), align: 'right' as const, render: (_: unknown, r: SchedulePeriod) => <Money fen={r.balanceAfter} /> }
  ]

  return (
    <div className="calculator">
      <p className="muted">{t('calc.intro')}</p>
      <Form
        form={form}
        layout="vertical"
        className="record-form calc-form"
        onFinish={calculate}
        initialValues={{ principal: '10000', method: 'feeInstalment', rateUnit: 'monthlyFee', rate: '0.6', termMonths: 12, startDate: toDayjs(ledger.today), firstDueDate: null, upfrontFee: '0' } satisfies OfferValues}
      >
        <div className="form-row four">
          <Form.Item name="principal" label={t('calc.principal')} required>
            <Input inputMode="decimal" prefix="¥" data-testid="calc-principal" />
          </Form.Item>
          <Form.Item name="method" label={t('draw.method')} required>
            <Select
              data-testid="calc-method"
              options={REPAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
              onChange={(m: RepaymentMethod) => {
                if (m === 'feeInstalment') form.setFieldValue('rateUnit', 'monthlyFee')
                else if (form.getFieldValue('rateUnit') === 'monthlyFee') form.setFieldValue('rateUnit', 'daily')
              }}
            />
          </Form.Item>
          <Form.Item name="rateUnit" label={t('draw.rateUnit')} required>
            <Select data-testid="calc-rateUnit" options={RATE_UNITS.map((u) => ({ value: u, label: t(`rateUnit.${u}`) }))} />
          </Form.Item>
          <Form.Item noStyle dependencies={['rateUnit']}>
            {() => (
              <Form.Item name="rate" label={t('draw.rate')} tooltip={t('draw.rateHelp')} required>
                <Input inputMode="decimal" suffix={t(`rateUnit.suffix.${(form.getFieldValue('rateUnit') as RateUnit | undefined) ?? 'daily'}`)} data-testid="calc-rate" />
              </Form.Item>
            )}
          </Form.Item>
        </div>
        <div className="form-row four">
          <Form.Item name="termMonths" label={t('draw.termMonths')} required>
            <InputNumber style={{ width: '100%' }} data-testid="calc-termMonths" />
          </Form.Item>
          <Form.Item name="startDate" label={t('calc.startDate')} required>
            <DatePicker style={{ width: '100%' }} data-testid="calc-startDate" />
          </Form.Item>
          <Form.Item name="firstDueDate" label={t('draw.firstDueDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="calc-firstDueDate" />
          </Form.Item>
          <Form.Item name="upfrontFee" label={t('draw.upfrontFee')}>
            <Input inputMode="decimal" prefix="¥" data-testid="calc-upfrontFee" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" data-testid="calc-submit">
          {t('calc.calculate')}
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} className="calc-problem" />}
      {!result ? (
        <p className="muted calc-empty">{t('calc.empty')}</p>
      ) : (
        <div className="calc-result" data-testid="calc-result">
          <div className="summary-cards">
            <Card size="small">
              <Statistic title={t('calc.aprSimple')} value={formatPercent(result.apr.aprSimple)} data-testid="calc-apr" valueStyle={{ color: result.apr.aprSimple > 0.24 ? '#cf1322' : undefined }} />
            </Card>
            <Card size="small">
              <Statistic title={t('calc.naiveRate')} value={formatPercent(result.naiveRate)} data-testid="calc-naive" />
            </Card>
            <Card size="small">
              <Statistic title={t('calc.aprCompound')} value={formatPercent(result.apr.aprCompound)} />
            </Card>
            <Card size="small">
              <Statistic title={t('calc.totalInterest')} value={formatFen(result.schedule.totalInterest)} />
            </Card>
            <Card size="small">
              <Statistic title={t('calc.totalFees')} value={formatFen(result.schedule.totalFees)} />
            </Card>
            <Card size="small">
              <Statistic title={t('calc.totalPayment')} value={formatFen(result.schedule.totalPayment)} data-testid="calc-total" />
            </Card>
          </div>
          <Alert type="info" showIcon title={t('calc.aprExplain')} />
          {result.schedule.estimate && <Alert type="warning" showIcon title={t('cost.estimateHelp')} className="calc-problem" />}
          <div className="calc-columns">
            <Card size="small" title={t('calc.schedule')}>
              <Table<SchedulePeriod> size="small" rowKey="index" columns={columns} dataSource={result.schedule.periods} pagination={false} scroll={{ y: 360 }} data-testid="calc-schedule" />
            </Card>
            <Card size="small" title={t('calc.compare')}>
              {compare.length <= 1 ? (
                <p className="muted">{t('calc.compareEmpty')}</p>
              ) : (
                <ol className="compare-list" data-testid="calc-compare">
                  {compare.map((r) => (
                    <li key={r.key} className={r.mine ? 'mine' : ''}>
                      <span>{r.label}</span>
                      <span className={r.apr > 0.24 ? 'apr-high' : ''}>{formatPercent(r.apr)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          </div>
        </div>
      )}
    </div>
  )
}

function EarlyRepayment() {
  const { t } = useI18n()
  const ledger = useLedger()
  const open = useMemo(() => ledger.draws.filter((d) => (ledger.drawBalances.get(d.id)?.owedToday ?? 0) > 0).sort((a, b) => b.drawDate.localeCompare(a.drawDate)), [ledger])
  const [drawId, setDrawId] = useState<string | undefined>(undefined)
  const [date, setDate] = useState<Dayjs | null>(toDayjs(ledger.today))
  const [amountText, setAmountText] = useState('')
  const draw = drawId ? ledger.drawById.get(drawId) : open[0]
  const day = date?.isValid() ? date.format('YYYY-MM-DD') : ledger.today
  const amount = amountText.trim() === '' ? undefined : parseYuan(amountText)
  const amountError = amount !== undefined && (!amount.ok || amount.fen <= 0)
  const result = useMemo(() => {
    if (!draw || day < draw.drawDate || amountError) return null
    const account = ledger.accountById.get(draw.accountId)
    return earlyPayoff(draw, ledger.repayments, day, {
      ...(amount?.ok ? { amount: amount.fen } : {}),
      ...(account ? { penaltyMultiplier: account.penaltyMultiplier, repaymentOrder: account.repaymentOrder } : {})
    })
  }, [draw, day, ledger.repayments, ledger.accountById, amount, amountError])

  if (open.length === 0) return <p className="muted">{t('early.none')}</p>
  return (
    <div className="early" data-testid="early-repay">
      <div className="form-row">
        <div>
          <div className="field-label">{t('early.pick')}</div>
          <Select
            style={{ width: '100%' }}
            value={draw?.id}
            onChange={setDrawId}
            showSearch={{ optionFilterProp: 'label' }}
            options={open.map((d) => ({ value: d.id, label: `${drawLabel(ledger, d)} · ${t(`method.${d.method}`)}` }))}
            data-testid="early-draw"
          />
        </div>
        <div>
          <div className="field-label">{t('early.date')}</div>
          <DatePicker style={{ width: '100%' }} value={date} onChange={setDate} data-testid="early-date" />
        </div>
      </div>
      <div className="form-row early-amount">
        <div>
          <div className="field-label">{t('early.amount')}</div>
          <Input inputMode="decimal" prefix="¥" value={amountText} onChange={(e) => setAmountText(e.target.value)} status={amountError ? 'error' : undefined} data-testid="early-amount" />
          {amountError && <div className="field-error">{t('validation.amountPositive')}</div>}
        </div>
      </div>
      {draw && result && <p className="muted">{t('early.partialNote')}</p>}
      {draw && result && (
        <div className="summary-cards early-cards">
          <Card size="small">
            <Statistic title={t('early.payoff')} value={formatFen(result.payoffAmount)} />
          </Card>
          <Card size="small">
            <Statistic title={t('early.amountApplied')} value={formatFen(result.amountApplied)} />
          </Card>
          <Card size="small">
            <Statistic title={t('early.costIfKept')} value={formatFen(result.costIfKept)} />
          </Card>
          <Card size="small">
            <Statistic title={t('early.costIfPaidOff')} value={formatFen(result.costIfPaidOff)} />
          </Card>
          <Card size="small">
            <Statistic title={t('early.saved')} value={formatFen(result.interestSaved)} valueStyle={{ color: '#15803d' }} data-testid="early-saved" />
          </Card>
        </div>
      )}
    </div>
  )
}

export function CalculatorPage() {
  const { t } = useI18n()
  return (
    <PageFrame title={t('calc.title')} testId="page-calculator">
      <div className="calculator-scroll">
        <Tabs
          items={[
            { key: 'offer', label: t('calc.offerTab'), children: <OfferCalculator /> },
            { key: 'early', label: <span data-testid="tab-early">{t('calc.earlyTab')}</span>, children: <EarlyRepayment /> }
          ]}
        />
      </div>
    </PageFrame>
  )
}
