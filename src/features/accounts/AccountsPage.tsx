// Owns the accounts list: every credit product with its limit, what is owed and how much of the limit is used.
import { useCallback, useMemo } from 'react'
import { Button, Card, Progress, Statistic, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useRoute } from '@/state/router'
import { useUndo } from '@/state/undo'
import { formatFen } from '@/domain/money'
import { utilisationPercent } from '@/domain/risk/utilisation'
import type { Account } from '@/domain/records'
import { EmptyState } from '@/components/EmptyState'
import { Money } from '@/components/Money'
import { AprText } from '@/components/AprText'
import { PageFrame } from '@/components/PageFrame'
import { RecordTable } from '@/components/RecordTable'
import { useHotkey } from '@/state/use-hotkey'
import { useRecordPage } from '../shared/use-record-page'
import { SampleDataButton } from '../shared/SampleDataButton'
import { AccountModal } from './AccountModal'
import { useAddAccount } from './ProductPicker'
import { AccountFlagCount } from '../risk/RecordFlags'

export function AccountsPage() {
  const { t } = useI18n()
  const ledger = useLedger()
  const [, navigate] = useRoute()
  const undo = useUndo()
  const page = useRecordPage<Account>()
  const [startAdd, addDialogs] = useAddAccount()
  useHotkey('n', startAdd)

  const totals = useMemo(() => {
    let owed = 0
    let principal = 0
    let limit = 0
    for (const a of ledger.accounts) {
      const b = ledger.accountBalances.get(a.id)
      owed += b?.owed ?? 0
      principal += b?.principalOutstanding ?? 0
      limit += a.creditLimit ?? 0
    }
    return { owed, principal, limit }
  }, [ledger])

  const dependents = useCallback((a: Account) => ledger.recordCount.get(a.id) ?? 0, [ledger])

  const columns = useMemo(
    () => [
      {
        key: 'name',
        title: t('account.name'),
        dataIndex: 'name',
        width: 180,
        sorter: (a: Account, b: Account) => a.name.localeCompare(b.name, 'zh-CN'),
        render: (name: string, a: Account) => (
          <span>
            <a href={`#/accounts/${encodeURIComponent(a.id)}`} onClick={(e) => e.stopPropagation()}>
              {name}
            </a>
            {a.archived && <Tag className="inline-tag">{t('account.archived')}</Tag>}
            <AccountFlagCount id={a.id} />
          </span>
        )
      },
      {
        key: 'kind',
        title: t('account.kind'),
        dataIndex: 'kind',
        width: 150,
        filters: [...new Set(ledger.accounts.map((a) => a.kind))].map((k) => ({ text: t(`kindShort.${k}`), value: k })),
        onFilter: (value: React.Key | boolean, a: Account) => a.kind === value,
        render: (kind: Account['kind'], a: Account) => (
          <>
            <Tag>{t(`kindShort.${kind}`)}</Tag>
            {a.statementDay !== null && a.dueDay !== null && (
              <div className="muted small account-days" data-testid="account-days">
                {t('accounts.days', { statement: a.statementDay, due: a.dueDay })}
              </div>
            )}
            {kind === 'payLaterOrder' && a.payLaterWindowDays !== null && (
              <div className="muted small account-days" data-testid="account-days">
                {t('accounts.window', { days: a.payLaterWindowDays })}
              </div>
            )}
          </>
        )
      },
      {
        key: 'limit',
        title: t('account.creditLimit'),
        width: 140,
        align: 'right' as const,
        sorter: (a: Account, b: Account) => (a.creditLimit ?? 0) - (b.creditLimit ?? 0),
        render: (_: unknown, a: Account) => <Money fen={a.creditLimit} />
      },
      {
        key: 'owed',
        title: t('account.owed'),
        width: 140,
        align: 'right' as const,
        defaultSortOrder: 'descend' as const,
        sorter: (a: Account, b: Account) => (ledger.accountBalances.get(a.id)?.owed ?? 0) - (ledger.accountBalances.get(b.id)?.owed ?? 0),
        render: (_: unknown, a: Account) => <Money fen={ledger.accountBalances.get(a.id)?.owed ?? 0} strong />
      },
      {
        key: 'cost',
        title: t('cost.toDate'),
        width: 130,
        align: 'right' as const,
        sorter: (a: Account, b: Account) => (ledger.cost.accounts.get(a.id)?.costToDate ?? 0) - (ledger.cost.accounts.get(b.id)?.costToDate ?? 0),
        render: (_: unknown, a: Account) => <Money fen={ledger.cost.accounts.get(a.id)?.costToDate ?? 0} />
      },
      {
        key: 'apr',
        title: t('cost.realApr'),
        width: 100,
        sorter: (a: Account, b: Account) => (ledger.cost.accounts.get(a.id)?.apr?.aprSimple ?? -1) - (ledger.cost.accounts.get(b.id)?.apr?.aprSimple ?? -1),
        render: (_: unknown, a: Account) => <AprText apr={ledger.cost.accounts.get(a.id)?.apr ?? null} />
      },
      {
        key: 'utilisation',
        title: t('account.utilisation'),
        width: 160,
        render: (_: unknown, a: Account) => {
          const u = utilisationPercent(ledger.accountBalances.get(a.id)?.principalOutstanding ?? 0, a.creditLimit)
          return u === null ? <span className="muted">—</span> : <Progress percent={Math.min(100, u)} format={() => `${u}%`} size="small" status={u > 70 ? 'exception' : 'normal'} />
        }
      },
      {
        key: 'reports',
        title: t('account.reportsShort'),
        dataIndex: 'reportsToCredit',
        width: 120,
        filters: (['yes', 'no', 'unknown'] as const).map((r) => ({ text: t(`reports.${r}`), value: r })),
        onFilter: (value: React.Key | boolean, a: Account) => a.reportsToCredit === value,
        render: (r: Account['reportsToCredit']) => <Tag color={r === 'yes' ? 'orange' : r === 'no' ? 'green' : 'default'}>{t(`reports.${r}`)}</Tag>
      }
    ],
    [t, ledger]
  )

  return (
    <PageFrame title={t('account.title')} testId="page-accounts">
      {ledger.accounts.length > 0 && (
        <div className="summary-cards">
          <Card size="small">
            <Statistic title={t('summary.totalOwed')} value={formatFen(totals.owed)} data-testid="total-owed" />
          </Card>
          <Card size="small">
            <Statistic title={t('summary.principalOutstanding')} value={formatFen(totals.principal)} />
          </Card>
          <Card size="small">
            <Statistic title={t('summary.creditLimit')} value={formatFen(totals.limit)} />
          </Card>
          <Card size="small">
            <Statistic title={t('summary.accounts')} value={ledger.accounts.length} />
          </Card>
        </div>
      )}
      <RecordTable<Account>
        testId="accounts-table"
        rows={ledger.accounts}
        columns={columns}
        searchText={(a) => `${a.name} ${a.reportName} ${a.notes}`}
        onOpen={(a) => navigate({ page: 'accounts', id: a.id })}
        onEdit={page.startEdit}
        onDelete={(a) => void undo.remove('accounts', a.id)}
        deleteLabel={(a) => ({ name: a.name, cascade: dependents(a) })}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={startAdd} data-testid="add-account">
            {t('account.add')}
          </Button>
        }
        empty={
          <EmptyState text={t('empty.accounts')}>
            <Button type="primary" icon={<PlusOutlined />} onClick={startAdd} data-testid="empty-add-account">
              {t('empty.addAccount')}
            </Button>
            <div className="empty-demo">
              <span className="muted">{t('empty.tryDemo')}</span> <SampleDataButton />
            </div>
          </EmptyState>
        }
      />
      <AccountModal open={page.editing !== null} account={page.editing?.mode === 'edit' ? page.editing.record : undefined} onClose={page.close} />
      {addDialogs}
    </PageFrame>
  )
}
