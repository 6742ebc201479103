// Owns the question the import asks once per payment method: which account is it? Pick one, create one with the kind prefilled, or leave the method out.
import { Button, Card, Select, Space, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { SKIP_PRODUCT } from '@/domain/import/plan'
import type { CreditProduct } from '@/domain/import/products'
import { importAccountName, presetAccount, presetForImport } from '@/domain/import/presets'
import { ORDER_ACCOUNT_KINDS, type Account } from '@/domain/records'

export interface ProductLine {
  product: CreditProduct
  rows: number
  /** The current answer: an account id, SKIP_PRODUCT, or null when none is given yet. */
  choice: string | null
}

/**
 * The account a new account for a product starts with: the product's preset (花呗's statement and due
 * days, a card's bill terms...) named as people call it, so it saves without more typing.
 */
export function suggestedAccount(product: CreditProduct): Partial<Account> {
  return presetAccount(presetForImport(product), importAccountName(product))
}

export function ProductAccounts({ lines, onChoose, onCreate }: { lines: readonly ProductLine[]; onChoose(name: string, choice: string): void; onCreate(product: CreditProduct): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  if (lines.length === 0) return null
  const accounts = ledger.accounts.filter((a) => !a.archived && ORDER_ACCOUNT_KINDS.includes(a.kind))
  return (
    <Card size="small" className="import-products" title={t('import.products.title')} data-testid="import-products">
      <p className="muted import-products-help">{t('import.products.help')}</p>
      {lines.map(({ product, rows, choice }) => (
        <div className="import-product" key={product.name} data-testid="import-product">
          <div className="import-product-name">
            <strong>{product.name}</strong>
            <span className="muted">{t('import.products.rows', { count: rows })}</span>
          </div>
          <Space wrap>
            <Select<string>
              className="import-product-select"
              placeholder={t('import.products.choose')}
              value={choice ?? undefined}
              status={choice === null ? 'warning' : undefined}
              onChange={(value) => onChoose(product.name, value)}
              data-testid="import-product-select"
              aria-label={product.name}
              options={[
                ...accounts.map((a) => ({ value: a.id, label: a.name })),
                { value: SKIP_PRODUCT, label: t('import.products.skip') }
              ]}
            />
            <Button icon={<PlusOutlined />} onClick={() => onCreate(product)} data-testid="import-product-create">
              {t('import.products.create')}
            </Button>
            {choice === null && <Tag color="orange">{t('import.products.suggested', { kind: t(`kind.${product.kind}`) })}</Tag>}
          </Space>
        </div>
      ))}
    </Card>
  )
}
