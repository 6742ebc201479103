// Owns the app's page ids: what a link may name. The route table (src/app/routes.tsx) gives each its title, icon and code.
export const PAGES = ['home', 'calendar', 'overview', 'accounts', 'draws', 'orders', 'repayments', 'inquiries', 'risk', 'mortgage', 'rules', 'calculator', 'reports', 'import', 'backup', 'settings'] as const

export type Page = (typeof PAGES)[number]

export function isPage(value: string): value is Page {
  return (PAGES as readonly string[]).includes(value)
}
