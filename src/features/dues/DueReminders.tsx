// Owns the reminders in the running app: the scheduler fed with the live dues, delivery as a system notification or an in-app banner, the badge count, the tray mode, and opening the item a reminder was about.
import { useEffect, useRef, useState } from 'react'
import { Badge, Button, notification as antNotification, Space } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useRoute } from '@/state/router'
import { appDb } from '@/db/instance'
import type { ReminderNotice } from '@/domain/dues/reminders'
import { platform } from '@/platform'
import { firedStore } from './fired-store'
import { noticeText } from './notice-text'
import { createReminderScheduler, type ReminderScheduler } from './reminder-scheduler'
import { useDues, useStoredDuesSettings } from './use-dues'
import { appLockedNow } from '@/state/app-lock'
import { firstSyncSettled } from '@/features/sync/sync-runner'

const BANNER_KEY = 'due-reminder'

/**
 * Mounted whether the app is locked or not, so reminders keep firing behind the lock screen. While
 * locked, a system notification still goes out (it is the operating system's, as when the app is in
 * the tray); the in-app banner, which would show amounts over the lock screen, is held back -
 * `onHeld` tells the lock screen how many wait - and shown once the app is unlocked.
 */
/** How long the catch-up on opening waits for the first sync (a slow or unreachable server). */
const FIRST_SYNC_WAIT_MS = 15_000

export function DueReminders({ locked = false, onHeld }: { locked?: boolean; onHeld?: (count: number) => void }) {
  const ledger = useLedger()
  const { t, language, ready } = useI18n()
  const settings = useStoredDuesSettings()
  // Its own holder, mounted only while unlocked: locking removes the banner from the page at once
  // (a notice closed with notification.destroy() stays in the page until its fade-out ends).
  const [notification, holder] = antNotification.useNotification()
  const [, navigate] = useRoute()
  const scheduler = useRef<ReminderScheduler | null>(null)
  const dues = ledger.loaded && settings ? ledger.dues : null

  // The banner on screen, so a change of language rewrites it (antd keeps a notice's content as it was opened).
  const banner = useRef<ReminderNotice | null>(null)
  const showBanner = useRef<(notice: ReminderNotice) => void>(() => undefined)
  showBanner.current = (notice) => {
    const text = noticeText(notice, ledger, t)
    const openItem = () => {
      banner.current = null
      notification.destroy(BANNER_KEY)
      navigate(text.itemKey ? { page: 'home', id: text.itemKey } : { page: 'home' })
    }
    const canAsk = platform().notificationPermission() === 'default'
    banner.current = notice
    notification.open({
      key: BANNER_KEY,
      title: text.title,
      description: <span className="pre-line">{text.body}</span>,
      duration: 0,
      placement: 'topRight',
      props: { 'data-testid': 'due-reminder' },
      onClose: () => {
        banner.current = null
      },
      actions: (
        <Space>
          {canAsk && (
            <Button size="small" onClick={() => void platform().requestNotificationPermission()} data-testid="due-reminder-enable">
              {t('dues.banner.enable')}
            </Button>
          )}
          <Button type="primary" size="small" onClick={openItem} data-testid="due-reminder-open">
            {t('dues.banner.open')}
          </Button>
        </Space>
      )
    })
  }

  // Banners that came (or were on screen) while the app was locked: shown, the latest, on unlocking.
  const held = useRef<ReminderNotice[]>([])
  const lockedNow = useRef(locked)
  lockedNow.current = locked
  const onHeldNow = useRef(onHeld)
  onHeldNow.current = onHeld
  const hold = (notice: ReminderNotice) => {
    held.current.push(notice)
    onHeldNow.current?.(held.current.length)
  }

  // Delivery reads the latest ledger, language and lock: the scheduler outlives renders.
  const deliver = useRef<(notice: ReminderNotice, key: string) => void>(() => undefined)
  deliver.current = (notice, key) => {
    const text = noticeText(notice, ledger, t)
    // The same words to the phone (desktop), locked or not: main sends each reminder key once per channel, retrying failures.
    void platform()
      .push?.send({ key, message: { title: text.title, body: text.body } })
      .catch((error: unknown) => console.error('Push could not be queued:', error))
    void platform()
      .notify(text)
      // A refused or failed system notification still reaches the user, as the in-app banner.
      .catch(() => false)
      .then((shown) => {
        if (shown) return
        if (lockedNow.current || appLockedNow()) hold(notice)
        else showBanner.current(notice)
      })
  }

  useEffect(() => {
    if (ready && banner.current && !locked) showBanner.current(banner.current)
  }, [language, ready, locked])

  // Locking takes the banner off the screen (the lock screen clears every notice) and keeps it for later.
  useEffect(() => {
    if (locked) {
      if (banner.current) hold(banner.current)
      banner.current = null
      return
    }
    const latest = held.current[held.current.length - 1]
    held.current = []
    onHeldNow.current?.(0)
    if (latest && ready) showBanner.current(latest)
  }, [locked, ready])

  useEffect(() => {
    const s = createReminderScheduler({
      clock: { now: () => new Date(), setTimeout: (run, ms) => window.setTimeout(run, ms), clearTimeout: (handle) => window.clearTimeout(typeof handle === 'number' ? handle : undefined) },
      store: firedStore(appDb()),
      deliver: (notice, key) => deliver.current(notice, key)
    })
    scheduler.current = s
    // Woken from sleep: what was missed arrives once, as one notice.
    const unsubscribe = platform().onResume(() => s.resume())
    return () => {
      unsubscribe()
      s.stop()
    }
  }, [])

  // The catch-up waits for the sync on start (at most FIRST_SYNC_WAIT_MS): what another device has
  // already shown arrives with it and is not shown again here.
  const [synced, setSynced] = useState(false)
  useEffect(() => {
    let live = true
    let timer: number | undefined
    void Promise.race([firstSyncSettled(), new Promise<void>((resolve) => (timer = window.setTimeout(resolve, FIRST_SYNC_WAIT_MS)))]).then(() => {
      window.clearTimeout(timer)
      if (live) setSynced(true)
    })
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [])

  // The first update, once the ledger, the settings, the language and the first sync are in, is the catch-up.
  useEffect(() => {
    if (dues && settings && ready && synced) scheduler.current?.update(dues.items, settings)
  }, [dues, settings, ready, synced])

  const attention = dues?.summary.attention ?? 0
  useEffect(() => {
    void platform().setBadgeCount(attention)
  }, [attention])

  const keepInTray = settings?.keepInTray
  useEffect(() => {
    if (keepInTray === undefined || !ready) return
    void platform().setTrayMode({ keep: keepInTray, labels: { tooltip: t('dues.tray.tooltip'), open: t('dues.tray.open'), quit: t('dues.tray.quit') } })
  }, [keepInTray, language, ready, t])

  useEffect(() => platform().onNotificationClick((key) => navigate(key ? { page: 'home', id: key } : { page: 'home' })), [navigate])

  return locked ? null : holder
}

/** The count of overdue and due-today items, beside the home page in the navigation. */
export function DueBadge() {
  const { summary } = useDues()
  return <Badge count={summary.attention} size="small" offset={[6, -2]} data-testid="due-badge" />
}
