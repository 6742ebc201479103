// Owns navigation: the page lives in the URL hash, so a reload or the back button keeps the user where they were.
import { useCallback, useSyncExternalStore } from 'react'
import { isPage, type Page } from './pages'

export type { Page } from './pages'

export interface Route {
  page: Page
  /** The account id on an account's own page. */
  id?: string
}

export function parseRoute(hash: string): Route {
  const [first = '', second] = hash.replace(/^#\/?/, '').split('/')
  const page: Page = isPage(first) ? first : 'home'
  if (!second) return { page }
  try {
    return { page, id: decodeURIComponent(second) }
  } catch {
    // A hand-typed or truncated link (#/accounts/%E0) lands on the list instead of a blank page.
    return { page }
  }
}

export function routeHref(route: Route): string {
  return `#/${route.page}${route.id ? `/${encodeURIComponent(route.id)}` : ''}`
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback)
  return () => window.removeEventListener('hashchange', callback)
}

export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHref(route)
  }, [])
  return [parseRoute(hash), navigate]
}
