// Owns the shell: providers, the navigation and the page for the current route.
import { useEffect } from 'react'
import { App as AntApp, ConfigProvider, Layout, Menu, Segmented, Spin } from 'antd'
import zhCNLocale from 'antd/locale/zh_CN'
import enUSLocale from 'antd/locale/en_US'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/en'
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  CreditCardOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingOutlined,
  TransactionOutlined
} from '@ant-design/icons'
import { LANGUAGES, type Language } from '@/domain/records'
import { platform } from '@/platform'
import { ErrorBoundary } from '@/components/ErrorBoundary'
import { AccountPage } from '@/features/accounts/AccountPage'
import { AccountsPage } from '@/features/accounts/AccountsPage'
import { DrawsPage } from '@/features/draws/DrawsPage'
import { InquiriesPage } from '@/features/inquiries/InquiriesPage'
import { OrdersPage } from '@/features/orders/OrdersPage'
import { RepaymentsPage } from '@/features/repayments/RepaymentsPage'
import { SettingsPage } from '@/features/settings/SettingsPage'
import { OverviewPage } from '@/features/overview/OverviewPage'
import { CalculatorPage } from '@/features/calculator/CalculatorPage'
import { HomePage } from '@/features/home/HomePage'
import { CalendarPage } from '@/features/calendar/CalendarPage'
import { RiskPage } from '@/features/risk/RiskPage'
import { MortgagePage } from '@/features/mortgage/MortgagePage'
import { RulesPage } from '@/features/rules/RulesPage'
import { ReportsPage } from '@/features/reports/ReportsPage'
import { ImportPage } from '@/features/import/ImportPage'
import { BackupPage } from '@/features/backup/BackupPage'
import { DueBadge, DueReminders } from '@/features/dues/DueReminders'
import { BackupWatcher } from '@/features/backup/BackupWatcher'
import { RecoveryOffer } from '@/features/backup/RecoveryOffer'
import { I18nProvider, useI18n } from './i18n-context'
import { LedgerProvider, useLedger } from './ledger-context'
import { NAV_GROUPS, PAGES, useRoute, type Page, type Route } from './router'
import { UndoProvider } from './undo'
import iconUrl from '../../resources/icon.svg'

const ICONS: Record<Page, React.ReactNode> = {
  home: <HomeOutlined />,
  calendar: <CalendarOutlined />,
  risk: <AlertOutlined />,
  mortgage: <SafetyCertificateOutlined />,
  rules: <BookOutlined />,
  reports: <FileTextOutlined />,
  import: <ImportOutlined />,
  backup: <CloudDownloadOutlined />,
  overview: <DashboardOutlined />,
  calculator: <CalculatorOutlined />,
  accounts: <BankOutlined />,
  draws: <TransactionOutlined />,
  orders: <ShoppingOutlined />,
  repayments: <CreditCardOutlined />,
  inquiries: <AuditOutlined />,
  settings: <SettingOutlined />
}

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'calendar':
      return <CalendarPage />
    case 'risk':
      return <RiskPage />
    case 'mortgage':
      return <MortgagePage />
    case 'rules':
      return <RulesPage />
    case 'reports':
      return <ReportsPage />
    case 'import':
      return <ImportPage />
    case 'backup':
      return <BackupPage />
    case 'overview':
      return <OverviewPage />
    case 'calculator':
      return <CalculatorPage />
    case 'accounts':
      return route.id ? <AccountPage id={route.id} /> : <AccountsPage />
    case 'draws':
      return <DrawsPage />
    case 'orders':
      return <OrdersPage />
    case 'repayments':
      return <RepaymentsPage />
    case 'inquiries':
      return <InquiriesPage />
    case 'settings':
      return <SettingsPage />
  }
}

function Shell() {
  const { t, language, setLanguage, ready } = useI18n()
  const ledger = useLedger()
  const [route, navigate] = useRoute()
  useEffect(() => {
    document.title = t('app.title')
    document.documentElement.lang = language
  }, [t, language])
  return (
    <Layout className="shell">
      <Layout.Sider width={208} theme="light" className="shell-sider" breakpoint="lg" collapsedWidth={64}>
        <div className="brand">
          <img src={iconUrl} alt="" className="brand-icon" />
          <div>
            <div className="brand-name">{t('app.title')}</div>
            <div className="brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[route.page]}
          data-testid="nav"
          onClick={({ key }) => navigate({ page: PAGES.find((p) => p === key) ?? 'home' })}
          items={NAV_GROUPS.map((g) => ({
            type: 'group' as const,
            key: g.key,
            label: t(`navGroup.${g.key}`),
            children: g.pages.map((p) => ({
              key: p,
              icon: ICONS[p],
              label: (
                <span data-testid={`nav-${p}`}>
                  {t(`nav.${p}`)}
                  {p === 'home' && <DueBadge />}
                </span>
              )
            }))
          }))}
        />
        <div className="lang-switch">
          <Segmented<Language>
            size="small"
            value={language}
            onChange={(l) => void setLanguage(l)}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
            data-testid="lang-switch"
            aria-label={t('lang.switch')}
          />
        </div>
      </Layout.Sider>
      <Layout.Content className="shell-content">
        <DueReminders />
        <RecoveryOffer />
        {ledger.loaded && ready ? (
          <ErrorBoundary key={`${route.page}/${route.id ?? ''}`} title={t('app.crashed')} action={t('app.backHome')}>
            <PageFor route={route} />
          </ErrorBoundary>
        ) : (
          <Spin className="loading" />
        )}
      </Layout.Content>
      <BackupWatcher />
    </Layout>
  )
}

function Localised({ children }: { children: React.ReactNode }) {
  const { language } = useI18n()
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en')
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCNLocale : enUSLocale} theme={{ token: { colorPrimary: '#c2410c', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

export function App() {
  useEffect(() => {
    void platform().requestPersistentStorage()
  }, [])
  return (
    <I18nProvider>
      <Localised>
        <LedgerProvider>
          <UndoProvider>
            <Shell />
          </UndoProvider>
        </LedgerProvider>
      </Localised>
    </I18nProvider>
  )
}
