import { describe, expect, it } from 'vitest'
import { en } from '@/i18n/en'
import { zhCN } from '@/i18n/zh-CN'
import { NAV_GROUPS, PAGES, ROUTES, routeFor, type RouteEntry } from './routes'
import { parseRoute, routeHref } from '@/state/router'

function lazyParts(entry: RouteEntry) {
  return 'detail' in entry && entry.detail ? [entry.view, entry.detail] : [entry.view]
}

describe('the route table', () => {
  it('has one row for every page a link may name, in the order of the page list', () => {
    expect(ROUTES.map((r) => r.page)).toEqual([...PAGES])
  })

  it('gives every page a title in both languages', () => {
    for (const r of ROUTES) {
      expect(zhCN[r.title], r.page).toBeTruthy()
      expect(en[r.title], r.page).toBeTruthy()
    }
    for (const g of NAV_GROUPS) {
      expect(zhCN[g.title], g.key).toBeTruthy()
      expect(en[g.title], g.key).toBeTruthy()
    }
  })

  it('gives every page a lazy component and an icon', () => {
    for (const r of ROUTES) {
      expect(r.icon, r.page).toBeTruthy()
      for (const part of lazyParts(r)) {
        expect(typeof part.component, r.page).toBe('function')
        expect(typeof part.preload, r.page).toBe('function')
        // Nothing is fetched by building the table: a page's code arrives when it is opened or prefetched.
        expect(part.loaded(), r.page).toBe(false)
      }
    }
  })

  it('lists each page once, in exactly one navigation group', () => {
    expect(new Set(PAGES).size).toBe(PAGES.length)
    expect(NAV_GROUPS.flatMap((g) => g.pages.map((r) => r.page))).toEqual([...PAGES])
    for (const g of NAV_GROUPS) expect(g.pages.length, g.key).toBeGreaterThan(0)
  })

  it('reads a page and an account id back from its link, and an unknown page as home', () => {
    for (const page of PAGES) expect(parseRoute(routeHref({ page }))).toEqual({ page })
    expect(parseRoute(routeHref({ page: 'accounts', id: 'a/b 1' }))).toEqual({ page: 'accounts', id: 'a/b 1' })
    expect(parseRoute('#/nowhere')).toEqual({ page: 'home' })
    expect(routeFor('accounts').detail).toBeDefined()
  })
})
