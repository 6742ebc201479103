// Owns one account's page: its terms, what it still owes, and its draws, orders and repayments.
import { useMemo, useState } from 'react'
import { Button, Card, Descriptions, Result, Space, Statistic, Tabs, Tag } from 'antd'
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useRoute } from '@/state/router'
import { formatFen } from '@/domain/money'
import { utilisationPercent } from '@/domain/risk/utilisation'
import { formatPercent } from '@/components/format'
import { DRAW_ACCOUNT_KINDS, ORDER_ACCOUNT_KINDS, STATEMENT_KINDS } from '@/domain/records'
import { ratePercent } from '@/domain/risk/text'
import { BillsPanel } from './BillsPanel'
import { DrawsPanel } from '../draws/DrawsPanel'
import { OrdersPanel } from '../orders/OrdersPanel'
import { RepaymentsPanel } from '../repayments/RepaymentsPanel'
import { AccountModal } from './AccountModal'
import { AccountFlags } from '../risk/AccountFlags'

export function AccountPage({ id }: { id: string }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const [, navigate] = useRoute()
  const [editing, setEditing] = useState(false)
  const account = ledger.accountById.get(id)
  const draws = useMemo(() => ledger.draws.filter((d) => d.accountId === id), [ledger.draws, id])
  const orders = useMemo(() => ledger.orders.filter((o) => o.accountId === id), [ledger.orders, id])
  const repayments = useMemo(() => ledger.repayments.filter((r) => r.accountId === id), [ledger.repayments, id])
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ page: 'accounts' })}>
      {t('nav.back')}
    </Button>
  )
  if (!ledger.loaded) return null
  if (!account) return <Result status="404" title={t('account.notFound')} extra={back} />

  const balance = ledger.accountBalances.get(id)
  const u = utilisationPercent(balance?.principalOutstanding ?? 0, account.creditLimit)
  const takesDraws = DRAW_ACCOUNT_KINDS.includes(account.kind)
  const takesOrders = ORDER_ACCOUNT_KINDS.includes(account.kind)
  const walk = ledger.cost.statements.get(id)
  const tabs = [
    takesDraws && { key: 'draws', label: t('account.drawsTab', { count: draws.length }), children: <DrawsPanel rows={draws} preset={{ accountId: id }} shortcuts={false} /> },
    takesOrders && { key: 'orders', label: t('account.ordersTab', { count: orders.length }), children: <OrdersPanel rows={orders} preset={{ accountId: id }} shortcuts={false} /> },
    STATEMENT_KINDS.includes(account.kind) && { key: 'bills', label: t('account.billsTab', { count: walk?.bills.filter((b) => b.issued).length ?? 0 }), children: <BillsPanel accountId={id} /> },
    { key: 'repayments', label: t('account.repaymentsTab', { count: repayments.length }), children: <RepaymentsPanel rows={repayments} preset={{ accountId: id }} shortcuts={false} /> }
  ].filter((x) => x !== false)

  return (
    <div className="page" data-testid="page-account">
      <div className="page-header">
        <Space>
          {back}
          <h1 data-testid="account-title">{account.name}</h1>
          <Tag>{t(`kindShort.${account.kind}`)}</Tag>
          {account.archived && <Tag>{t('account.archived')}</Tag>}
        </Space>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-account">
          {t('common.edit')}
        </Button>
      </div>
      <div className="summary-cards compact">
        <Card size="small">
          <Statistic title={t('account.owed')} value={formatFen(balance?.owed ?? 0)} data-testid="account-owed" />
        </Card>
        <Card size="small">
          <Statistic title={t('account.principalOutstanding')} value={formatFen(balance?.principalOutstanding ?? 0)} />
        </Card>
        <Card size="small">
          <Statistic title={t('account.creditLimit')} value={account.creditLimit === null ? '—' : formatFen(account.creditLimit)} />
        </Card>
        <Card size="small">
          <Statistic title={t('account.utilisation')} value={u === null ? '—' : `${u}%`} />
        </Card>
        <Card size="small">
          <Statistic title={t('account.repaid')} value={formatFen(balance?.repaid ?? 0)} />
        </Card>
        <Card size="small">
          <Statistic title={t('cost.toDate')} value={formatFen(ledger.cost.accounts.get(id)?.costToDate ?? 0)} data-testid="account-cost" />
        </Card>
        <Card size="small">
          <Statistic title={t('cost.realApr')} value={formatPercent(ledger.cost.accounts.get(id)?.apr?.aprSimple)} data-testid="account-apr" />
        </Card>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        className="account-terms"
        items={[
          { key: 'kind', label: t('account.kind'), children: t(`kind.${account.kind}`) },
          ...(account.statementDay !== null ? [{ key: 'sd', label: t('account.statementDay'), children: t('account.dayOfMonth', { day: account.statementDay }) }] : []),
          ...(account.dueDay !== null ? [{ key: 'dd', label: t('account.dueDay'), children: t('account.dayOfMonth', { day: account.dueDay }) }] : []),
          ...(account.payLaterWindowDays !== null ? [{ key: 'w', label: t('account.payLaterWindowDays'), children: account.payLaterWindowDays }] : []),
          { key: 'r', label: t('account.reportsToCredit'), children: `${t(`reports.${account.reportsToCredit}`)}${account.reportName ? ` · ${account.reportName}` : ''}` },
          { key: 'p', label: t('account.penaltyMultiplier'), children: `${account.penaltyMultiplier}×` },
          ...(account.statementTerms
            ? [
                { key: 'min', label: t('terms.minimumPercent'), children: `${account.statementTerms.minimumPercent}%` },
                { key: 'rev', label: t('terms.revolvingRate'), children: `${ratePercent(account.statementTerms.revolvingDailyRate)} · ${t(`revolvingMethod.${account.statementTerms.revolvingMethod}`)}` },
                { key: 'grace', label: t('terms.graceDays'), children: account.statementTerms.graceDays },
                { key: 'late', label: t('terms.lateFeePercent'), children: `${account.statementTerms.lateFeePercent}%` }
              ]
            : []),
          { key: 'order', label: t('account.repaymentOrder'), children: t(STATEMENT_KINDS.includes(account.kind) ? `repaymentOrder.${account.repaymentOrder}.statement` : `repaymentOrder.${account.repaymentOrder}`) },
          ...(account.notes ? [{ key: 'n', label: t('account.notes'), children: account.notes }] : [])
        ]}
      />
      <AccountFlags id={id} />
      <Tabs className="account-tabs" items={tabs} destroyOnHidden />
      <AccountModal open={editing} account={account} onClose={() => setEditing(false)} />
    </div>
  )
}
