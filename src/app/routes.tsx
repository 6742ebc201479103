// Owns the one table of pages: id, navigation group, icon, title and the page's code, fetched when first needed.
import { lazy, type ComponentType, type ReactNode } from 'react'
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
import type { MessageKey } from '@/i18n'
import type { Page } from '@/state/pages'

/** A page's code: fetched when first needed, and fetchable ahead of time so a switch does not wait for it. */
export interface LazyPage<P extends object> {
  /** Renders the page: at once when its code is here, else through React.lazy (the nearest Suspense shows the skeleton). */
  component: ComponentType<P>
  /** Fetches and evaluates the page's chunk without rendering it; safe to call any number of times. */
  preload: () => Promise<unknown>
  /** Whether the page's code has arrived. */
  loaded: () => boolean
}

function lazyPage<M, P extends object = object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): LazyPage<P> {
  let ready: ComponentType<P> | undefined
  // The module system keeps the loaded chunk, so preload and the first render share one fetch.
  const preload = () =>
    load().then((module) => {
      ready = pick(module)
      return ready
    })
  const Suspending = lazy(async () => ({ default: await preload() }))
  // A page whose code is already here renders without suspending: React holds a revealed Suspense
  // boundary back for up to 300 ms, which would make every first visit to a prefetched page slow.
  function Page(props: P) {
    const Ready = ready
    return Ready ? <Ready {...props} /> : <Suspending {...props} />
  }
  return { component: Page, preload, loaded: () => ready !== undefined }
}

/** The navigation's groups, in the order they are shown. */
export const NAV_GROUP_KEYS = ['today', 'records', 'credit', 'tools'] as const
export type NavGroup = (typeof NAV_GROUP_KEYS)[number]

export interface RouteEntry {
  page: Page
  group: NavGroup
  title: MessageKey
  icon: ReactNode
  view: LazyPage<object>
  /** The page of one record under this page (#/accounts/<id>). */
  detail?: LazyPage<{ id: string }>
}

/** Every page, in navigation order within its group. Adding a page is adding a row here (and its title in both catalogues). */
export const ROUTES = [
  { page: 'home', group: 'today', title: 'nav.home', icon: <HomeOutlined />, view: lazyPage(() => import('@/features/home/HomePage'), (m) => m.HomePage) },
  { page: 'calendar', group: 'today', title: 'nav.calendar', icon: <CalendarOutlined />, view: lazyPage(() => import('@/features/calendar/CalendarPage'), (m) => m.CalendarPage) },
  { page: 'overview', group: 'today', title: 'nav.overview', icon: <DashboardOutlined />, view: lazyPage(() => import('@/features/overview/OverviewPage'), (m) => m.OverviewPage) },
  {
    page: 'accounts',
    group: 'records',
    title: 'nav.accounts',
    icon: <BankOutlined />,
    view: lazyPage(() => import('@/features/accounts/AccountsPage'), (m) => m.AccountsPage),
    detail: lazyPage(() => import('@/features/accounts/AccountPage'), (m) => m.AccountPage)
  },
  { page: 'draws', group: 'records', title: 'nav.draws', icon: <TransactionOutlined />, view: lazyPage(() => import('@/features/draws/DrawsPage'), (m) => m.DrawsPage) },
  { page: 'orders', group: 'records', title: 'nav.orders', icon: <ShoppingOutlined />, view: lazyPage(() => import('@/features/orders/OrdersPage'), (m) => m.OrdersPage) },
  { page: 'repayments', group: 'records', title: 'nav.repayments', icon: <CreditCardOutlined />, view: lazyPage(() => import('@/features/repayments/RepaymentsPage'), (m) => m.RepaymentsPage) },
  { page: 'inquiries', group: 'records', title: 'nav.inquiries', icon: <AuditOutlined />, view: lazyPage(() => import('@/features/inquiries/InquiriesPage'), (m) => m.InquiriesPage) },
  { page: 'risk', group: 'credit', title: 'nav.risk', icon: <AlertOutlined />, view: lazyPage(() => import('@/features/risk/RiskPage'), (m) => m.RiskPage) },
  { page: 'mortgage', group: 'credit', title: 'nav.mortgage', icon: <SafetyCertificateOutlined />, view: lazyPage(() => import('@/features/mortgage/MortgagePage'), (m) => m.MortgagePage) },
  { page: 'rules', group: 'credit', title: 'nav.rules', icon: <BookOutlined />, view: lazyPage(() => import('@/features/rules/RulesPage'), (m) => m.RulesPage) },
  { page: 'calculator', group: 'tools', title: 'nav.calculator', icon: <CalculatorOutlined />, view: lazyPage(() => import('@/features/calculator/CalculatorPage'), (m) => m.CalculatorPage) },
  { page: 'reports', group: 'tools', title: 'nav.reports', icon: <FileTextOutlined />, view: lazyPage(() => import('@/features/reports/ReportsPage'), (m) => m.ReportsPage) },
  { page: 'import', group: 'tools', title: 'nav.import', icon: <ImportOutlined />, view: lazyPage(() => import('@/features/import/ImportPage'), (m) => m.ImportPage) },
  { page: 'backup', group: 'tools', title: 'nav.backup', icon: <CloudDownloadOutlined />, view: lazyPage(() => import('@/features/backup/BackupPage'), (m) => m.BackupPage) },
  { page: 'settings', group: 'tools', title: 'nav.settings', icon: <SettingOutlined />, view: lazyPage(() => import('@/features/settings/SettingsPage'), (m) => m.SettingsPage) }
] as const satisfies readonly RouteEntry[]

export { isPage, PAGES, type Page } from '@/state/pages'

export function routeFor(page: Page): RouteEntry {
  // Every Page comes from ROUTES, so the lookup cannot miss; home is the type checker's fallback.
  return ROUTES.find((r) => r.page === page) ?? ROUTES[0]
}

/** The navigation's groups with their pages, in order. */
export const NAV_GROUPS: readonly { key: NavGroup; title: MessageKey; pages: readonly RouteEntry[] }[] = NAV_GROUP_KEYS.map((key) => ({
  key,
  title: `navGroup.${key}`,
  pages: ROUTES.filter((r) => r.group === key)
}))
