// Owns the application menu: standard roles only, so the OS supplies labels, shortcuts and translations.
import type { MenuItemConstructorOptions } from 'electron'

/**
 * The menu template. macOS needs the app menu (About, Hide, Quit) first; elsewhere quitting is in
 * the File menu. The built app offers Reload (a page that misbehaves comes back without quitting;
 * everything saved is in the store) but not the developer tools or a forced reload, which are
 * development aids.
 */
export function applicationMenuTemplate(platform: string, isDevelopment: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = isDevelopment
    ? { role: 'viewMenu' }
    : {
        label: 'View',
        submenu: [
          { role: 'reload' },
          { type: 'separator' },
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' }
        ]
      }
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' }
  ]
}
