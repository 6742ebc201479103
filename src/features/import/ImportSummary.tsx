// Owns the end of an import: what was made on which account, with links there, another import, or taking it back.
import { Button, List, Result } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { routeHref } from '@/state/router'
import type { ImportWrite } from '@/db/repo'

interface PerAccount {
  accountId: string
  orders: number
  repayments: number
  updated: number
}

export function summarise(write: ImportWrite): PerAccount[] {
  const by = new Map<string, PerAccount>()
  const entry = (accountId: string) => {
    const e = by.get(accountId) ?? { accountId, orders: 0, repayments: 0, updated: 0 }
    by.set(accountId, e)
    return e
  }
  for (const o of write.orders) entry(o.accountId).orders++
  for (const r of write.repayments) entry(r.accountId).repayments++
  for (const u of write.updated) entry(u.after.accountId).updated++
  return [...by.values()]
}

export function ImportSummary({ write, onMore, onUndo, undoing }: { write: ImportWrite; onMore(): void; onUndo(): void; undoing: boolean }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const perAccount = summarise(write)
  return (
    <Result
      status="success"
      className="import-summary"
      data-testid="import-summary"
      title={t('import.done.title')}
      subTitle={t('import.done.summary', { orders: write.orders.length, repayments: write.repayments.length, updated: write.updated.length })}
      extra={[
        <Button type="primary" key="more" onClick={onMore} data-testid="import-more">
          {t('import.done.more')}
        </Button>,
        <Button key="orders" href={routeHref({ page: 'orders' })}>
          {t('import.done.orders')}
        </Button>,
        <Button key="undo" danger loading={undoing} onClick={onUndo} data-testid="import-undo">
          {t('import.done.undo')}
        </Button>
      ]}
    >
      <List
        size="small"
        dataSource={perAccount}
        renderItem={(a) => (
          <List.Item
            data-testid="import-summary-account"
            actions={[
              <a key="open" href={routeHref({ page: 'accounts', id: a.accountId })} data-testid="import-summary-link">
                {t('import.done.open')}
              </a>
            ]}
          >
            <List.Item.Meta title={ledger.accountById.get(a.accountId)?.name ?? a.accountId} description={t('import.done.account', { orders: a.orders, repayments: a.repayments, updated: a.updated })} />
          </List.Item>
        )}
      />
    </Result>
  )
}
