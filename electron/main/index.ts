// Owns the wiring only: hands the real Electron modules and file paths to the lifecycle.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, Menu, Notification, Tray, app, dialog, ipcMain, nativeImage, powerMonitor, protocol, screen, session, shell } from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { diskSpaceOf } from './disk-space'
import { nodeDurableFs, writeDurably } from './durable-write'
import { DESKTOP_PREFS_FILE, createLoginItem, isHiddenStart } from './login-item'
import { watchResume } from './power'
import { createPushSender } from './push/sender'
import { createSyncService } from './sync-service'
import { registerIpcHandlers } from './ipc'
import { startApp } from './lifecycle'
import { applicationMenuTemplate } from './menu'
import { contentSecurityPolicy, createAppUrlCheck, guardSession, guardWebContents } from './security'
import { DEFAULT_TRAY_LABELS, createTrayController, trayIconBitmap } from './tray'
import { SNAPSHOT_DIR_NAME, createSnapshotStore, nodeSnapshotFs } from './snapshots'
import { watchRenderer } from './renderer-recovery'
import { createMainWindow, loadAppPage } from './window'
import { WINDOW_STATE_FILE } from './window-state'

// out/main/index.js sits next to out/preload and out/renderer.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..')
// Only an unpackaged app may be pointed at a dev server: in a shipped app this variable would let
// anyone who can set the environment load a foreign page with the bridge attached.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL?.trim() || undefined
const rendererDir = join(outDir, 'renderer')
const isAppUrl = createAppUrlCheck({ devServerUrl })
// Before ready: app:// must be a standard, secure scheme for the page's storage and workers.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
const openExternal = (url: string): Promise<void> => shell.openExternal(url)

let mainWindow: BrowserWindow | undefined
/** A file in the data folder as text; null when it is not there yet. */
const readTextOrNull = async (path: string): Promise<string | null> => {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
const writeTextDurably = (path: string, text: string): Promise<void> => writeDurably(nodeDurableFs(), path, text, { platform: process.platform })
const TRAY_ICON_SIZE = 32
const tray = createTrayController({
  createTray: () =>
    new Tray(nativeImage.createFromBitmap(Buffer.from(trayIconBitmap(TRAY_ICON_SIZE)), { width: TRAY_ICON_SIZE, height: TRAY_ICON_SIZE })),
  buildMenu: (template) => Menu.buildFromTemplate(template),
  app,
  window: () => mainWindow
})

startApp({
  app,
  platform: process.platform,
  env: process.env,
  cwd: process.cwd(),
  makeDir: (dir) => mkdirSync(dir, { recursive: true }),
  guardContents: (contents) => guardWebContents(contents, { isAppUrl, openExternal }),
  prepare: () => {
    guardSession(session.defaultSession, { isAppUrl, policy: contentSecurityPolicy(devServerUrl) })
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir, readFile: (path) => readFile(path), policy: contentSecurityPolicy() }))
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(applicationMenuTemplate(process.platform, devServerUrl !== undefined))
    )
    // After ready, so userData is the data folder applyDataDir chose.
    const dataDir = app.getPath('userData')
    const sender = createPushSender({
      dir: dataDir,
      readText: readTextOrNull,
      writeText: writeTextDurably,
      fetch: (input, init) => fetch(input, init),
      now: () => new Date(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
    })
    // Whatever waited for a retry when the app last quit goes out now.
    sender.kick()
    watchResume({ powerMonitor, window: () => mainWindow, kickPush: () => sender.kick() })
    app.on('before-quit', () => sender.stop())
    registerIpcHandlers({
      ipcMain,
      app,
      platform: process.platform,
      isAppUrl,
      openExternal,
      showSaveDialog: (options) =>
        mainWindow === undefined || mainWindow.isDestroyed()
          ? dialog.showSaveDialog(options)
          : dialog.showSaveDialog(mainWindow, options),
      Notification,
      onNotificationClick: (itemKey) => tray.openItem(itemKey),
      setBadgeCount: (count) => tray.setBadgeCount(count),
      setTrayMode: (request) => tray.setMode(request),
      // After ready, so userData is the data folder applyDataDir chose.
      snapshots: createSnapshotStore({ dir: join(app.getPath('userData'), SNAPSHOT_DIR_NAME), fs: nodeSnapshotFs(), now: () => new Date() }),
      diskSpace: () => diskSpaceOf(app.getPath('userData')),
      push: sender,
      sync: createSyncService({ dir: dataDir, readText: readTextOrNull, writeText: writeTextDurably, fetch: (input, init) => fetch(input, init) }),
      loginItem: createLoginItem({
        app,
        platform: process.platform,
        readPrefs: () => readTextOrNull(join(dataDir, DESKTOP_PREFS_FILE)),
        writePrefs: (text) => writeTextDurably(join(dataDir, DESKTOP_PREFS_FILE), text)
      })
    })
  },
  createWindow: () => {
    // Only the first window of a login-item start stays hidden; one reopened later is shown.
    const startHidden = mainWindow === undefined && isHiddenStart(process.argv, app, process.platform)
    if (startHidden) tray.pinForHiddenStart(DEFAULT_TRAY_LABELS)
    mainWindow = createMainWindow({
      startHidden,
      BrowserWindow,
      preloadPath: join(outDir, 'preload', 'index.cjs'),
      devServerUrl,
      stateFilePath: join(app.getPath('userData'), WINDOW_STATE_FILE),
      workAreas: () => {
        const primary = screen.getPrimaryDisplay()
        const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
        return [primary, ...others].map((display) => display.workArea)
      },
      readText: (path) => readFileSync(path, 'utf8'),
      writeText: (path, text) => writeFileSync(path, text, 'utf8')
    })
    const window = mainWindow
    window.on('close', (event) => tray.onWindowClose(event, window))
    // A page that crashed or hangs comes back with a message and a reload; the data is in the store.
    watchRenderer(window.webContents, {
      showMessageBox: (options) => dialog.showMessageBox(window, options),
      reload: () => loadAppPage(window, devServerUrl),
      quit: () => app.quit(),
      alive: () => !window.isDestroyed()
    })
    return mainWindow
  },
  windowCount: () => BrowserWindow.getAllWindows().length
})
