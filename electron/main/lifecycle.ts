// Owns the app's lifecycle: data folder before ready, one instance, the window, and when to quit.
import { applyDataDir, type DataDirDeps } from './data-dir'
import type { GuardedContents } from './security'

export interface LifecycleApp extends Pick<DataDirDeps['app'], 'setPath' | 'getPath'> {
  enableSandbox(): void
  requestSingleInstanceLock(): boolean
  quit(): void
  whenReady(): Promise<unknown>
  on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown
}

export interface LifecycleWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  /** Shows a window hidden in the tray. */
  show(): void
  focus(): void
}

export interface LifecycleDeps {
  app: LifecycleApp
  platform: string
  env: DataDirDeps['env']
  cwd: string
  makeDir: DataDirDeps['makeDir']
  /** Locks down every web contents as it is created (navigation, window.open). */
  guardContents: (contents: GuardedContents) => void
  /** One-time setup that needs a ready app: session policy, menu, IPC handlers. */
  prepare: () => void
  createWindow: () => LifecycleWindow
  windowCount: () => number
}

/**
 * Starts the app. Returns false when another instance already owns the data folder; that
 * instance is brought to the front and this one quits.
 */
export function startApp(deps: LifecycleDeps): boolean {
  const { app } = deps
  // Before anything else: the single-instance lock and Chromium's storage both key on userData.
  applyDataDir({ app, env: deps.env, cwd: deps.cwd, makeDir: deps.makeDir })
  // Every renderer sandboxed, even one created without our web preferences; only possible before ready.
  app.enableSandbox()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }

  let ready = false
  let mainWindow: LifecycleWindow | undefined
  const openWindow = (): void => {
    mainWindow = deps.createWindow()
  }
  // With "keep running in the tray" the window may be hidden, not closed: launching the app again
  // (or clicking its Dock icon) must show it, not only focus it.
  const bringBack = (window: LifecycleWindow): void => {
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  app.on('web-contents-created', (_event, contents) => deps.guardContents(contents))
  app.on('second-instance', () => {
    if (!ready) return
    if (mainWindow === undefined || mainWindow.isDestroyed()) {
      openWindow()
      return
    }
    bringBack(mainWindow)
  })
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window until the user quits them.
    if (deps.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!ready) return
    if (mainWindow !== undefined && !mainWindow.isDestroyed()) bringBack(mainWindow)
    else if (deps.windowCount() === 0) openWindow()
  })

  app
    .whenReady()
    .then(() => {
      ready = true
      deps.prepare()
      openWindow()
    })
    .catch((error: unknown) => {
      console.error('The app could not start:', error)
      app.quit()
    })
  return true
}
