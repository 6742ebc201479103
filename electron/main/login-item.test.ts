// Tests start-at-login against a fake of Electron's login-item API: what is registered per platform, telling a hidden start, and the one-time question remembered in the data folder.
import { describe, expect, it, vi } from 'vitest'
import type { Settings } from 'electron'
import { HIDDEN_ARG, createLoginItem, isHiddenStart, loginItemSettings, type LoginItemApp } from './login-item'

/** Electron's login items as the OS keeps them: Windows keys them by arguments. */
function fakeApp(platform: string, wasOpenedAtLogin = false) {
  const registered: Settings[] = []
  let open = false
  const app = {
    registered,
    setLoginItemSettings: vi.fn((settings: Settings) => {
      registered.push(settings)
      open = settings.openAtLogin === true
    }),
    getLoginItemSettings: vi.fn((options?: { args?: string[] }) => {
      // On Windows a query without our arguments does not find our item.
      const matches = platform !== 'win32' || options?.args?.includes(HIDDEN_ARG) === true
      return { openAtLogin: open && matches, wasOpenedAtLogin }
    })
  } satisfies LoginItemApp & { registered: Settings[] }
  return app
}

function setup(platform: string) {
  const app = fakeApp(platform)
  let prefs: string | null = null
  const item = createLoginItem({ app, platform, readPrefs: async () => prefs, writePrefs: async (text) => void (prefs = text) })
  return { app, item, prefs: () => prefs }
}

describe('start at login, hidden in the tray', () => {
  it('registers the app with --hidden on Windows, and plainly on macOS', () => {
    expect(loginItemSettings(true, 'win32')).toEqual({ openAtLogin: true, args: ['--hidden'] })
    expect(loginItemSettings(false, 'win32')).toEqual({ openAtLogin: false, args: ['--hidden'] })
    expect(loginItemSettings(true, 'darwin')).toEqual({ openAtLogin: true })
  })

  it('is not asked yet at first; answering turns it on and is remembered', async () => {
    const { app, item, prefs } = setup('win32')
    expect(await item.get()).toEqual({ supported: true, openAtLogin: false, asked: false })
    expect(await item.set(true)).toEqual({ supported: true, openAtLogin: true, asked: true })
    expect(app.registered).toEqual([{ openAtLogin: true, args: ['--hidden'] }])
    expect(JSON.parse(prefs() ?? '')).toEqual({ loginItemAsked: true })
    expect(await item.get()).toEqual({ supported: true, openAtLogin: true, asked: true })
    expect(await item.set(false)).toEqual({ supported: true, openAtLogin: false, asked: true })
  })

  it('says it is not supported on Linux, registers nothing, but remembers the answer', async () => {
    const { app, item } = setup('linux')
    expect(await item.set(true)).toEqual({ supported: false, openAtLogin: false, asked: true })
    expect(app.setLoginItemSettings).not.toHaveBeenCalled()
  })

  it('tells a start by the login item: --hidden, or macOS opened at login', () => {
    expect(isHiddenStart(['/app/credit-ledger.exe', '--hidden'], fakeApp('win32'), 'win32')).toBe(true)
    expect(isHiddenStart(['/app/credit-ledger.exe'], fakeApp('win32'), 'win32')).toBe(false)
    expect(isHiddenStart(['/Applications/x'], fakeApp('darwin', true), 'darwin')).toBe(true)
    expect(isHiddenStart(['/Applications/x'], fakeApp('darwin', false), 'darwin')).toBe(false)
  })
})
