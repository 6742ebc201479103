// Owns the main window: its geometry, secure preferences, showing it when painted, and what it loads.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron'
import { APP_INDEX_URL } from './app-protocol'
import { secureWebPreferences } from './security'
import {
  MIN_WINDOW_SIZE,
  loadWindowState,
  saveWindowState,
  trackWindowState,
  type TrackedWindow
} from './window-state'

/** Shown until the page sets its own <title>, and by the OS for the window. */
export const WINDOW_TITLE = '信用账本 Credit Ledger'

/** The parts of a BrowserWindow the app drives. */
export interface MainWindow extends TrackedWindow {
  once(event: 'ready-to-show', listener: () => void): unknown
  show(): void
  maximize(): void
  loadURL(url: string): Promise<void>
}

export interface MainWindowDeps<W extends MainWindow> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W
  /** Absolute path of the built preload script (out/preload/index.cjs). */
  preloadPath: string
  /** Set in development: the page comes from the dev server instead of app://ledger (app-protocol.ts). */
  devServerUrl?: string
  /** Absolute path of the window state file in the data folder. */
  stateFilePath: string
  /** The screens' work areas, primary first. */
  workAreas: () => Rectangle[]
  readText: (path: string) => string
  writeText: (path: string, text: string) => void
  /** Started by the login item: the window is made (its page runs the reminders) but not shown; the tray brings it. */
  startHidden?: boolean
}

export function mainWindowOptions(
  state: ReturnType<typeof loadWindowState>,
  preloadPath: string
): BrowserWindowConstructorOptions {
  return {
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: WINDOW_TITLE,
    // Hidden until the first paint, so the user never sees a blank white frame.
    show: false,
    webPreferences: secureWebPreferences(preloadPath)
  }
}

export function createMainWindow<W extends MainWindow>(deps: MainWindowDeps<W>): W {
  const state = loadWindowState(deps.readText, deps.stateFilePath, deps.workAreas())
  const window = new deps.BrowserWindow(mainWindowOptions(state, deps.preloadPath))
  trackWindowState(window, { save: (next) => saveWindowState(deps.writeText, deps.stateFilePath, next) })
  window.once('ready-to-show', () => {
    if (deps.startHidden) return
    if (state.maximized) window.maximize()
    window.show()
  })
  loadAppPage(window, deps.devServerUrl)
  return window
}

/** Loads the app's page: the built one from app://ledger, or the dev server's. Also what a reload after a crash does. */
export function loadAppPage(window: Pick<MainWindow, 'loadURL'>, devServerUrl?: string): void {
  window.loadURL(devServerUrl ?? APP_INDEX_URL).catch((error: unknown) => console.error('Could not load the app page:', error))
}
