// Owns when the app is locked: on open when a password is set, and after the chosen idle time without a pointer or key.
import { useCallback, useEffect, useRef, useState } from 'react'
import { devicePrefs } from '@/platform/device-prefs'
import { verifyLockPassword } from '@/platform/lock-hash'
import { useDevicePrefs } from './device'

/** What counts as someone at the screen. Listened to in the capture phase, so a handler that stops propagation still counts. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Calls `onIdle` once nothing happened for `minutes`. One timer with Date.now() (both of which
 * Playwright's page.clock moves), re-armed for the time left instead of on every mouse move; a
 * machine that slept past the time locks as soon as its timers run again.
 */
function useIdle(active: boolean, minutes: number, onIdle: () => void): void {
  const idleRef = useRef(onIdle)
  idleRef.current = onIdle
  useEffect(() => {
    if (!active || minutes <= 0) return
    const span = minutes * 60_000
    let last = Date.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      const left = last + span - Date.now()
      if (left <= 0) idleRef.current()
      else timer = setTimeout(check, left)
    }
    const seen = () => {
      last = Date.now()
    }
    for (const type of ACTIVITY) window.addEventListener(type, seen, { capture: true, passive: true })
    timer = setTimeout(check, span)
    return () => {
      clearTimeout(timer)
      for (const type of ACTIVITY) window.removeEventListener(type, seen, { capture: true })
    }
  }, [active, minutes])
}

/**
 * Whether the app is locked, or locking, this very moment: set when the idle time runs out, before
 * React has rendered the lock screen, so a reminder firing in between is held back as well.
 */
let lockedNow = false
export function appLockedNow(): boolean {
  return lockedNow
}

export interface AppLock {
  locked: boolean
  /** Resolves true and unlocks when the password is right. */
  unlock(password: string): Promise<boolean>
}

export function useAppLock(): AppLock {
  const { lock, idleMinutes } = useDevicePrefs()
  // Read once at start: a password set now locks the next opening, not this moment.
  const [locked, setLocked] = useState(() => (lockedNow = devicePrefs().lock !== null))
  const hasLock = lock !== null
  useEffect(() => {
    if (!hasLock) setLocked((lockedNow = false))
  }, [hasLock])
  useIdle(hasLock && !locked, idleMinutes, () => setLocked((lockedNow = true)))
  const unlock = useCallback(
    async (password: string) => {
      if (lock === null) return true
      const ok = await verifyLockPassword(password, lock)
      if (ok) setLocked((lockedNow = false))
      return ok
    },
    [lock]
  )
  return { locked: locked && hasLock, unlock }
}
