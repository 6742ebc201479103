// Owns the home page of an empty ledger: add the first account (from a product preset) first, then import bills or load the sample.
import { Button, Space } from 'antd'
import { ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '@/state/i18n-context'
import { useRoute } from '@/state/router'
import { EmptyState } from '@/components/EmptyState'
import { PageFrame } from '@/components/PageFrame'
import { SampleDataButton } from '../shared/SampleDataButton'
import { useAddAccount } from '../accounts/ProductPicker'

export function FirstRun() {
  const { t } = useI18n()
  const [, navigate] = useRoute()
  // Once saved the ledger has an account and home shows the dues; the accounts list is where it now lives.
  const [startAdd, addDialogs] = useAddAccount(() => navigate({ page: 'accounts' }))
  return (
    <PageFrame title={t('nav.home')} testId="page-home">
      <EmptyState text={t('home.first.text')}>
        <Space wrap className="first-run-actions">
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={startAdd} data-testid="first-add-account">
            {t('home.first.addAccount')}
          </Button>
          <Button size="large" icon={<ImportOutlined />} onClick={() => navigate({ page: 'import' })} data-testid="first-import">
            {t('home.first.import')}
          </Button>
        </Space>
        <div className="empty-demo">
          <span className="muted">{t('home.first.sampleHint')}</span> <SampleDataButton />
        </div>
      </EmptyState>
      {addDialogs}
    </PageFrame>
  )
}
