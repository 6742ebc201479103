// Owns the list of pages and how the navigation groups them (no React: e2e specs import it too).
export const PAGES = [
  'home',
  'overview',
  'calendar',
  'accounts',
  'draws',
  'orders',
  'repayments',
  'inquiries',
  'risk',
  'mortgage',
  'rules',
  'calculator',
  'reports',
  'import',
  'backup',
  'settings'
] as const
export type Page = (typeof PAGES)[number]

/** The navigation's groups, in order; every page is in exactly one. */
export const NAV_GROUPS = [
  { key: 'today', pages: ['home', 'calendar', 'overview'] },
  { key: 'records', pages: ['accounts', 'draws', 'orders', 'repayments', 'inquiries'] },
  { key: 'credit', pages: ['risk', 'mortgage', 'rules'] },
  { key: 'tools', pages: ['calculator', 'reports', 'import', 'backup', 'settings'] }
] as const satisfies readonly { key: string; pages: readonly Page[] }[]
