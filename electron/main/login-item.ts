// Owns "start at login, hidden in the tray": registering the login item so it starts with --hidden, telling a hidden start, and remembering that the user was asked once.
import type { Settings } from 'electron'
import { z } from 'zod'
import type { LoginItemState } from '../shared/ipc'

/** The argument the login item starts the app with (Windows); the window then stays hidden and the tray is there. */
export const HIDDEN_ARG = '--hidden'
/** Desktop-only preferences in the data folder (not in IndexedDB: they belong to this computer, not to the ledger). */
export const DESKTOP_PREFS_FILE = 'desktop-prefs.json'

export interface LoginItemApp {
  setLoginItemSettings(settings: Settings): void
  getLoginItemSettings(options?: { args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin?: boolean }
}

/** Electron registers login items on Windows and macOS only. */
export function isLoginItemSupported(platform: string): boolean {
  return platform === 'win32' || platform === 'darwin'
}

/**
 * What to register: Windows starts us with --hidden. macOS login items take no arguments and
 * Electron 45 no longer has openAsHidden; there the start is told by wasOpenedAtLogin instead.
 */
export function loginItemSettings(openAtLogin: boolean, platform: string): Settings {
  return platform === 'darwin' ? { openAtLogin } : { openAtLogin, args: [HIDDEN_ARG] }
}

/** Whether this start is the login item's: then the window stays hidden and the app waits in the tray. */
export function isHiddenStart(argv: readonly string[], app: LoginItemApp, platform: string): boolean {
  if (argv.includes(HIDDEN_ARG)) return true
  if (platform !== 'darwin') return false
  return app.getLoginItemSettings().wasOpenedAtLogin === true
}

const prefsSchema = z.object({ loginItemAsked: z.boolean() })

export interface LoginItemDeps {
  app: LoginItemApp
  platform: string
  /** desktop-prefs.json's text, or null. */
  readPrefs(): Promise<string | null>
  /** Writes desktop-prefs.json whole (durable-write.ts). */
  writePrefs(text: string): Promise<void>
}

export function createLoginItem(deps: LoginItemDeps): { get(): Promise<LoginItemState>; set(openAtLogin: boolean): Promise<LoginItemState> } {
  const supported = isLoginItemSupported(deps.platform)
  const asked = async (): Promise<boolean> => {
    const text = await deps.readPrefs()
    if (text === null) return false
    const parsed = prefsSchema.safeParse((() => {
      try {
        return JSON.parse(text)
      } catch {
        return null
      }
    })())
    return parsed.success && parsed.data.loginItemAsked
  }
  // Windows keys a login item by path and arguments: ask about the one we register.
  const openAtLogin = () => supported && deps.app.getLoginItemSettings(deps.platform === 'win32' ? { args: [HIDDEN_ARG] } : undefined).openAtLogin
  return {
    get: async () => ({ supported, openAtLogin: openAtLogin(), asked: await asked() }),
    set: async (open) => {
      if (supported) deps.app.setLoginItemSettings(loginItemSettings(open, deps.platform))
      await deps.writePrefs(JSON.stringify({ loginItemAsked: true }))
      return { supported, openAtLogin: openAtLogin(), asked: true }
    }
  }
}
