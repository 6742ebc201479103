// Tests the application menu template: platform differences and standard roles only.
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { applicationMenuTemplate } from './menu'

function roles(items: MenuItemConstructorOptions[]): unknown[] {
  return items.flatMap((item) => [
    item.role ?? item.label,
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])
  ])
}

describe('applicationMenuTemplate', () => {
  it('puts the app menu first on macOS only', () => {
    expect(applicationMenuTemplate('darwin', false)[0]?.role).toBe('appMenu')
    expect(roles(applicationMenuTemplate('win32', false))).not.toContain('appMenu')
  })

  it('offers Reload in the built app, developer tools only in development', () => {
    expect(roles(applicationMenuTemplate('linux', true))).toContain('viewMenu')
    const built = roles(applicationMenuTemplate('linux', false))
    expect(built).not.toContain('viewMenu')
    expect(built).not.toContain('toggleDevTools')
    expect(built).not.toContain('forceReload')
    expect(built).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'zoomIn', 'reload']))
  })

  it('uses standard roles only', () => {
    const labelled = applicationMenuTemplate('linux', false).flatMap((item) =>
      Array.isArray(item.submenu) ? item.submenu : []
    )
    expect(labelled.every((item) => item.role !== undefined || item.type === 'separator')).toBe(true)
    expect(labelled.some((item) => item.click !== undefined)).toBe(false)
  })
})
