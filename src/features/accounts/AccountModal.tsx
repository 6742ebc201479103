// Owns the add/edit form of a credit account.
import { Button, Form, Input, InputNumber, Select, Switch, type FormInstance } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { appDb } from '@/db/instance'
import { saveAccount } from '@/db/repo'
import {
  ACCOUNT_KINDS,
  REPAYMENT_ORDERS,
  REPORTS_TO_CREDIT,
  REVOLVING_METHODS,
  STATEMENT_KINDS,
  accountSchema,
  type Account,
  type AccountKind,
  type RepaymentOrder,
  type ReportsToCredit,
  type RevolvingMethod
} from '@/domain/records'
import { defaultStatementTerms, DEFAULT_REPAYMENT_ORDER, repaymentOrderSource } from '@/domain/account-terms'
import { RecordModal } from '@/components/RecordModal'
import { percentText, yuanText } from '@/components/form-parse'

interface Values {
  name: string
  kind: AccountKind
  creditLimit: string
  statementDay: number | null
  dueDay: number | null
  payLaterWindowDays: number | null
  reportsToCredit: ReportsToCredit
  reportName: string
  /** The online-lender (网贷) override: by kind (not set), or yes / no. */
  onlineLender: 'kind' | 'yes' | 'no'
  penaltyMultiplier: number | null
  notes: string
  archived: boolean
  repaymentOrder: RepaymentOrder
  /** The bill terms as typed: the revolving rate as a percent a day ("0.05"). */
  statementTerms: { minimumPercent: number | null; revolvingDailyRate: string; revolvingMethod: RevolvingMethod; graceDays: number | null; lateFeePercent: number | null }
}

function termsValues(kind: AccountKind, terms: Account['statementTerms'] | undefined): Values['statementTerms'] {
  const t = terms ?? defaultStatementTerms(kind) ?? defaultStatementTerms('bnplStatement')!
  return { minimumPercent: t.minimumPercent, revolvingDailyRate: percentText(t.revolvingDailyRate), revolvingMethod: t.revolvingMethod, graceDays: t.graceDays, lateFeePercent: t.lateFeePercent }
}

function toValues(a: Partial<Account>): Values {
  return {
    name: a.name ?? '',
    kind: a.kind ?? 'cashLoanLine',
    creditLimit: yuanText(a.creditLimit),
    statementDay: a.statementDay ?? null,
    dueDay: a.dueDay ?? null,
    payLaterWindowDays: a.payLaterWindowDays ?? null,
    reportsToCredit: a.reportsToCredit ?? 'unknown',
    reportName: a.reportName ?? '',
    onlineLender: a.onlineLender === undefined ? 'kind' : a.onlineLender ? 'yes' : 'no',
    penaltyMultiplier: a.penaltyMultiplier ?? 1.5,
    notes: a.notes ?? '',
    archived: a.archived ?? false,
    repaymentOrder: a.repaymentOrder ?? DEFAULT_REPAYMENT_ORDER,
    statementTerms: termsValues(a.kind ?? 'cashLoanLine', a.statementTerms)
  }
}

export function AccountModal({
  open,
  account,
  preset,
  onClose,
  onSaved
}: {
  open: boolean
  account?: Account
  /** Fields a new account starts with (the import suggests a name and kind). */
  preset?: Partial<Account>
  onClose(): void
  onSaved?(account: Account): void
}) {
  const { t } = useI18n()
  return (
    <RecordModal<Values, Account>
      open={open}
      recordId={account?.id}
      title={account ? t('account.edit') : t('account.add')}
      initialValues={toValues(account ?? preset ?? {})}
      onSaved={onSaved}
      schema={accountSchema}
      testId="account-modal"
      onClose={onClose}
      save={(record) => saveAccount(appDb(), record)}
      build={(v, p, id) => {
        const statement = STATEMENT_KINDS.includes(v.kind)
        return {
          id,
          name: v.name ?? '',
          kind: v.kind,
          creditLimit: p.optionalFen('creditLimit', v.creditLimit),
          statementDay: statement ? v.statementDay : null,
          dueDay: statement ? v.dueDay : null,
          payLaterWindowDays: v.kind === 'payLaterOrder' || v.kind === 'other' ? v.payLaterWindowDays : null,
          reportsToCredit: v.reportsToCredit,
          reportName: v.reportName ?? '',
          onlineLender: v.onlineLender === 'yes' ? true : v.onlineLender === 'no' ? false : undefined,
          penaltyMultiplier: v.penaltyMultiplier ?? Number.NaN,
          notes: v.notes ?? '',
          archived: Boolean(v.archived),
          repaymentOrder: v.repaymentOrder,
          statementTerms: statement
            ? {
                minimumPercent: v.statementTerms.minimumPercent ?? Number.NaN,
                revolvingDailyRate: p.percent('statementTerms.revolvingDailyRate', v.statementTerms.revolvingDailyRate),
                revolvingMethod: v.statementTerms.revolvingMethod,
                graceDays: v.statementTerms.graceDays ?? Number.NaN,
                lateFeePercent: v.statementTerms.lateFeePercent ?? Number.NaN
              }
            : null
        }
      }}
    >
      {(form) => (
        <>
          <Form.Item name="name" label={t('account.name')} required>
            <Input placeholder={t('account.namePlaceholder')} autoFocus data-testid="field-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('account.kind')} required>
            <Select
              data-testid="field-kind"
              options={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              onChange={(kind: AccountKind) => {
                if (kind === 'payLaterOrder' && !form.getFieldValue('payLaterWindowDays')) form.setFieldValue('payLaterWindowDays', 14)
                // A card and a 花呗-style account bill differently: start from the new kind's terms.
                if (STATEMENT_KINDS.includes(kind)) form.setFieldValue('statementTerms', termsValues(kind, null))
              }}
            />
          </Form.Item>
          <Form.Item name="creditLimit" label={t('account.creditLimit')}>
            <Input inputMode="decimal" prefix="¥" data-testid="field-creditLimit" />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind']}>
            {() => {
              const kind = form.getFieldValue('kind') as AccountKind
              return (
                <>
                  {STATEMENT_KINDS.includes(kind) && (
                    <div className="form-row">
                      <Form.Item name="statementDay" label={t('account.statementDay')} required>
                        <InputNumber style={{ width: '100%' }} data-testid="field-statementDay" />
                      </Form.Item>
                      <Form.Item name="dueDay" label={t('account.dueDay')} required>
                        <InputNumber style={{ width: '100%' }} data-testid="field-dueDay" />
                      </Form.Item>
                    </div>
                  )}
                  {STATEMENT_KINDS.includes(kind) && <TermsFields form={form} kind={kind} />}
                  {(kind === 'payLaterOrder' || kind === 'other') && (
                    <Form.Item name="payLaterWindowDays" label={t('account.payLaterWindowDays')} required={kind === 'payLaterOrder'}>
                      <InputNumber style={{ width: '100%' }} data-testid="field-payLaterWindowDays" />
                    </Form.Item>
                  )}
                </>
              )
            }}
          </Form.Item>
          <div className="form-row">
            <Form.Item name="reportsToCredit" label={t('account.reportsToCredit')} required>
              <Select options={REPORTS_TO_CREDIT.map((r) => ({ value: r, label: t(`reports.${r}`) }))} data-testid="field-reportsToCredit" />
            </Form.Item>
            <Form.Item name="penaltyMultiplier" label={t('account.penaltyMultiplier')} tooltip={t('account.penaltyHelp')} required>
              <InputNumber step={0.1} style={{ width: '100%' }} data-testid="field-penaltyMultiplier" />
            </Form.Item>
          </div>
          <Form.Item noStyle dependencies={['kind']}>
            {() => {
              const kind = form.getFieldValue('kind') as AccountKind
              const statement = STATEMENT_KINDS.includes(kind)
              return (
                <Form.Item name="repaymentOrder" label={t('account.repaymentOrder')} extra={t('account.repaymentOrderHelp', { source: t(`source.${repaymentOrderSource(kind)}`) })} required>
                  <Select data-testid="field-repaymentOrder" options={REPAYMENT_ORDERS.map((o) => ({ value: o, label: t(statement ? `repaymentOrder.${o}.statement` : `repaymentOrder.${o}`) }))} />
                </Form.Item>
              )
            }}
          </Form.Item>
          <Form.Item name="reportName" label={t('account.reportName')}>
            <Input placeholder={t('account.reportNamePlaceholder')} />
          </Form.Item>
          <Form.Item name="onlineLender" label={t('account.onlineLender')} extra={t('account.onlineLenderHelp')}>
            <Select options={(['kind', 'yes', 'no'] as const).map((o) => ({ value: o, label: t(`account.onlineLender.${o}`) }))} data-testid="field-onlineLender" />
          </Form.Item>
          <Form.Item name="notes" label={t('account.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="archived" label={t('account.archived')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    </RecordModal>
  )
}

/** A statement account's bill terms, filled from its kind's preset (card or 花呗-style) and editable. */
function TermsFields({ form, kind }: { form: FormInstance; kind: AccountKind }) {
  const { t } = useI18n()
  return (
    <fieldset className="terms-fields" data-testid="terms-fields">
      <legend>
        {t('account.terms')}{' '}
        <Button size="small" type="link" onClick={() => form.setFieldValue('statementTerms', termsValues(kind, null))} data-testid="terms-reset">
          {t('terms.reset')}
        </Button>
      </legend>
      <p className="muted small">{t('account.termsHelp', { source: t(kind === 'creditCard' ? 'source.BANK' : 'source.PRODUCT') })}</p>
      <div className="form-row">
        <Form.Item name={['statementTerms', 'minimumPercent']} label={t('terms.minimumPercent')} required>
          <InputNumber min={1} max={100} style={{ width: '100%' }} data-testid="field-minimumPercent" />
        </Form.Item>
        <Form.Item name={['statementTerms', 'revolvingDailyRate']} label={t('terms.revolvingRate')} required>
          <Input inputMode="decimal" suffix="%" data-testid="field-revolvingDailyRate" />
        </Form.Item>
      </div>
      <Form.Item name={['statementTerms', 'revolvingMethod']} label={t('terms.revolvingMethod')} required>
        <Select data-testid="field-revolvingMethod" options={REVOLVING_METHODS.map((m) => ({ value: m, label: t(`revolvingMethod.${m}`) }))} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name={['statementTerms', 'graceDays']} label={t('terms.graceDays')} required>
          <InputNumber min={0} max={10} style={{ width: '100%' }} data-testid="field-graceDays" />
        </Form.Item>
        <Form.Item name={['statementTerms', 'lateFeePercent']} label={t('terms.lateFeePercent')} required>
          <InputNumber min={0} max={20} style={{ width: '100%' }} data-testid="field-lateFeePercent" />
        </Form.Item>
      </div>
    </fieldset>
  )
}
