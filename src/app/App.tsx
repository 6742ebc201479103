// Owns the shell: providers, the navigation and the page for the current route.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { Alert, App as AntApp, ConfigProvider, Layout, Menu, Segmented } from 'antd'
import zhCNLocale from 'antd/locale/zh_CN'
import enUSLocale from 'antd/locale/en_US'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/en'
import { LANGUAGES, type Language } from '@/domain/records'
import { platform } from '@/platform'
import { ErrorBoundary } from '@/components/ErrorBoundary'
import { PageSkeleton } from '@/components/PageSkeleton'
import { DueBadge, DueReminders } from '@/features/dues/DueReminders'
import { LoginItemPrompt } from '@/features/dues/LoginItemPrompt'
import { usePruneAcknowledgements } from '@/features/risk/use-risk'
import { BackupWatcher } from '@/features/backup/BackupWatcher'
import { RecoveryOffer } from '@/features/backup/RecoveryOffer'
import { I18nProvider, useI18n } from '@/state/i18n-context'
import { LedgerProvider, useLedger } from '@/state/ledger-context'
import { useRoute, type Route } from '@/state/router'
import { NAV_GROUPS, isPage, routeFor } from './routes'
import { PrefetchPages } from './prefetch'
import { UndoProvider, type BulkFailureWords } from '@/state/undo'
import { bulkFailureText } from '@/features/backup/write-failure-text'
import { useFallbackHotkey, useModKHotkey } from '@/state/use-hotkey'
import { useDarkMode } from '@/state/device'
import { DARK_THEME, LIGHT_THEME } from '@/components/theme'
import { useAppLock } from '@/state/app-lock'
import { LockScreen } from '@/features/lock/LockScreen'
import { startAutoSync } from '@/features/sync/sync-runner'
import type { EntryTool } from '@/features/entry/EntryTools'
import iconUrl from '../../resources/icon.svg'

// Fetched on the first N or Ctrl/⌘+K: the record forms it holds are not needed for the first paint.
const EntryTools = lazy(() => import('@/features/entry/EntryTools').then((m) => ({ default: m.EntryTools })))

/** The current route's page; its code arrives through the Suspense boundary around it. */
function PageFor({ route }: { route: Route }) {
  const entry = routeFor(route.page)
  if (route.id && entry.detail) {
    const Detail = entry.detail.component
    return <Detail id={route.id} />
  }
  const View = entry.view.component
  return <View />
}

function Shell() {
  const { t, language, setLanguage, ready } = useI18n()
  const ledger = useLedger()
  const [route, navigate] = useRoute()
  usePruneAcknowledgements()
  // N adds on every page: a page with one record type answers it itself (RecordPanel, AccountsPage); elsewhere the chooser opens.
  const [tool, setTool] = useState<EntryTool>('none')
  const [toolsWanted, setToolsWanted] = useState(false)
  const openTool = (next: EntryTool) => {
    if (!ledger.loaded || !ready) return
    setToolsWanted(true)
    setTool(next)
  }
  useFallbackHotkey('n', () => openTool('add'))
  useModKHotkey(() => openTool('search'))
  // The menu's items change only with the language: a change of records re-renders the shell, not the menu's items.
  const navItems = useMemo(
    () =>
      NAV_GROUPS.map((g) => ({
        type: 'group' as const,
        key: g.key,
        label: t(g.title),
        children: g.pages.map((r) => ({
          key: r.page,
          icon: r.icon,
          label: (
            <span data-testid={`nav-${r.page}`}>
              {t(r.title)}
              {r.page === 'home' && <DueBadge />}
            </span>
          )
        }))
      })),
    [t]
  )
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
          onClick={({ key }) => navigate({ page: isPage(key) ? key : 'home' })}
          items={navItems}
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
      {/* data-figures tells tests (and the updating note) whether the figures include the latest records. */}
      <Layout.Content className="shell-content" data-figures={ledger.figuresPending ? 'pending' : 'ready'}>
        <FiguresUpdating pending={ledger.loaded && ledger.figuresPending} />
        <LoginItemPrompt />
        <RecoveryOffer />
        {ledger.figuresFailed !== null && <Alert type="error" showIcon className="figures-failed" data-testid="figures-failed" title={t('app.figuresFailed', { reason: ledger.figuresFailed })} />}
        {ledger.loaded && ready ? (
          <ErrorBoundary key={`${route.page}/${route.id ?? ''}`} title={t('app.crashed')} action={t('app.backHome')}>
            {/* Only the content waits for a page's code: the menu and the language switch keep answering. */}
            <Suspense fallback={<PageSkeleton title={route.id ? undefined : t(routeFor(route.page).title)} label={t('app.opening')} />}>
              <PageFor route={route} />
              <PrefetchPages />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <PageSkeleton label={t('app.opening')} />
        )}
      </Layout.Content>
      <BackupWatcher />
      {toolsWanted && (
        <Suspense fallback={null}>
          <EntryTools tool={tool} onClose={() => setTool('none')} />
        </Suspense>
      )}
    </Layout>
  )
}

/** A quiet note while new figures are on their way, shown only when they take long enough to notice (a save's run usually does not). */
function FiguresUpdating({ pending }: { pending: boolean }) {
  const { t } = useI18n()
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!pending) {
      setShown(false)
      return
    }
    const timer = setTimeout(() => setShown(true), 400)
    return () => clearTimeout(timer)
  }, [pending])
  if (!shown) return null
  return (
    <div className="figures-updating" role="status" data-testid="figures-updating">
      {t('app.figuresUpdating')}
    </div>
  )
}

const undoFailureWords: BulkFailureWords = (e, t, tk) => bulkFailureText(e, 'undo', t, tk)

function Localised({ children }: { children: React.ReactNode }) {
  const { language } = useI18n()
  const dark = useDarkMode()
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en')
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCNLocale : enUSLocale} theme={dark ? DARK_THEME : LIGHT_THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

/** While locked the lock screen replaces the shell: its pages and dialogs are not mounted, so none of the ledger is in the page. The reminders stay mounted and keep firing (see DueReminders). */
function LockGate() {
  const lock = useAppLock()
  const [held, setHeld] = useState(0)
  return (
    <>
      <DueReminders locked={lock.locked} onHeld={setHeld} />
      {lock.locked ? <LockScreen unlock={lock.unlock} heldReminders={held} /> : <Shell />}
    </>
  )
}

export function App() {
  useEffect(() => {
    void platform().requestPersistentStorage()
    // Sync with the kept key (if this device has one), then after changes and every few minutes.
    void startAutoSync()
  }, [])
  return (
    <I18nProvider>
      <Localised>
        <LedgerProvider>
          <UndoProvider bulkFailureWords={undoFailureWords}>
            <LockGate />
          </UndoProvider>
        </LedgerProvider>
      </Localised>
    </I18nProvider>
  )
}
