// Owns the application menu: standard roles only, so the OS supplies labels, shortcuts and translations.
import type { MenuItemConstructorOptions } from 'electron'

/**
 * The menu template. macOS needs the app menu (About, Hide, Quit) first; elsewhere quitting is in
 * the File menu. Reload and developer tools are development aids: a user who reloads by accident
 * loses an unsaved form, so the built app offers zoom and full screen only.
 */
export function applicationMenuTemplate(platform: string, isDevelopment: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = isDevelopment
    ? { role: 'viewMenu' }
    : {
        label: 'View',
        submenu: [
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
