// Owns fetching every page's code after the first page is on screen, one chunk per idle moment, so a later switch does not wait for it.
import { useEffect } from 'react'
import type { Route } from '@/state/router'
import { ROUTES, routeFor } from './routes'

let started = false

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2000 })
  else window.setTimeout(run, 50)
}

/** Starts the prefetch once per session; later calls do nothing. */
export function prefetchPages(): void {
  if (started) return
  started = true
  const loads = ROUTES.flatMap((r) => ('detail' in r ? [r.view.preload, r.detail.preload] : [r.view.preload]))
  // One at a time: evaluating a chunk runs on the main thread, and a click must not queue behind all of them.
  const next = () => {
    const load = loads.shift()
    if (!load) return
    whenIdle(() => {
      // A chunk that fails to arrive is reported when its page is opened (the page's error boundary).
      void load().then(next, next)
    })
  }
  next()
}

/** Rendered beside the page inside the Suspense boundary: its effect runs only once the page itself has arrived. */
export function PrefetchPages(): null {
  useEffect(prefetchPages, [])
  return null
}

/** Starts fetching the page the app opens on, in parallel with opening the database. */
export function preloadPage(route: Route): void {
  const entry = routeFor(route.page)
  void (route.id && entry.detail ? entry.detail : entry.view).preload().catch(() => undefined)
}
