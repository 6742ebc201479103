// Owns "today" for the UI: the local calendar day, refreshed at midnight, when the window comes back and when the computer wakes, so an app left open overnight moves on.
import { useEffect, useState } from 'react'
import { makeIsoDate, type IsoDate } from '@/domain/calendar'
import { platform } from '@/platform'

export function localToday(now: Date = new Date()): IsoDate {
  return makeIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())
}

export function useToday(): IsoDate {
  const [today, setToday] = useState(localToday)
  useEffect(() => {
    const refresh = () => setToday(localToday())
    const now = new Date()
    const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1)
    const timer = setTimeout(refresh, nextMidnight.getTime() - now.getTime())
    document.addEventListener('visibilitychange', refresh)
    // A window hidden in the tray sees no visibilitychange, and the midnight timer is late after sleep.
    const unsubscribe = platform().onResume(refresh)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', refresh)
      unsubscribe()
    }
  }, [today])
  return today
}
