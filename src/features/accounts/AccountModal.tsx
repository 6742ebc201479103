// Owns the add/edit form of a credit account.
import { Form, Input, InputNumber, Select, Switch } from 'antd'
import { useI18n } from '@/app/i18n-context'
import { appDb } from '@/db/instance'
import { saveAccount } from '@/db/repo'
import { ACCOUNT_KINDS, REPORTS_TO_CREDIT, STATEMENT_KINDS, accountSchema, type Account, type AccountKind, type ReportsToCredit } from '@/domain/records'
import { RecordModal } from '@/components/RecordModal'
import { yuanText } from '@/components/form-parse'

interface Values {
  name: string
  kind: AccountKind
  creditLimit: string
  statementDay: number | null
  dueDay: number | null
  payLaterWindowDays: number | null
  reportsToCredit: ReportsToCredit
  reportName: string
  penaltyMultiplier: number | null
  notes: string
  archived: boolean
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
    penaltyMultiplier: a.penaltyMultiplier ?? 1.5,
    notes: a.notes ?? '',
    archived: a.archived ?? false
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
          penaltyMultiplier: v.penaltyMultiplier ?? Number.NaN,
          notes: v.notes ?? '',
          archived: Boolean(v.archived)
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
          <Form.Item name="reportName" label={t('account.reportName')}>
            <Input placeholder={t('account.reportNamePlaceholder')} />
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
