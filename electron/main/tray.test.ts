// Tests the tray controller against fakes: hide instead of close while kept in the tray, quit from its menu, the badge, and opening a notification's item.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { EVENTS } from '../shared/ipc'
import { createTrayController, trayIconBitmap, type TrayLike, type TrayWindow } from './tray'

const labels = { tooltip: '信用账本', open: '打开信用账本', quit: '退出' }

function setup() {
  const appEvents = new EventEmitter()
  const trays: (TrayLike & { tooltip: string; menu: { label: string; click: () => void }[]; destroyed: boolean; click: () => void })[] = []
  const app = {
    quit: vi.fn(() => void appEvents.emit('before-quit')),
    on: (event: 'before-quit', listener: () => void) => appEvents.on(event, listener),
    setBadgeCount: vi.fn((_count: number) => true)
  }
  const state = { destroyed: false, minimized: false, visible: true, sent: [] as unknown[][] }
  const window = Object.assign(state, {
    isDestroyed: () => state.destroyed,
    isMinimized: () => state.minimized,
    restore: vi.fn(() => void (state.minimized = false)),
    show: vi.fn(() => void (state.visible = true)),
    hide: vi.fn(() => void (state.visible = false)),
    focus: vi.fn(),
    webContents: { send: (channel: string, ...args: unknown[]) => void state.sent.push([channel, ...args]) }
  }) satisfies TrayWindow
  const controller = createTrayController({
    createTray: () => {
      const listeners = new Map<string, () => void>()
      const tray = {
        tooltip: '',
        menu: [] as { label: string; click: () => void }[],
        destroyed: false,
        setToolTip: (text: string) => void (tray.tooltip = text),
        setContextMenu: (menu: unknown) => void (tray.menu = Array.isArray(menu) ? menu : []),
        on: (event: 'click', listener: () => void) => listeners.set(event, listener),
        destroy: () => void (tray.destroyed = true),
        click: () => listeners.get('click')?.()
      }
      trays.push(tray)
      return tray
    },
    buildMenu: (template) => template,
    app,
    window: () => window
  })
  const close = () => {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
    controller.onWindowClose(event, window)
    return event.prevented
  }
  return { controller, trays, app, window, close }
}

describe('the tray', () => {
  it('lets the window close normally until "keep running in the tray" is on', () => {
    const { window, close, trays } = setup()
    expect(close()).toBe(false)
    expect(window.hide).not.toHaveBeenCalled()
    expect(trays).toHaveLength(0)
  })

  it('kept in the tray, closing hides the window, and the tray brings it back', () => {
    const { controller, window, close, trays } = setup()
    controller.setMode({ keep: true, labels })
    expect(trays).toHaveLength(1)
    expect(trays[0]?.tooltip).toBe('信用账本')
    expect(trays[0]?.menu.map((m) => m.label)).toEqual(['打开信用账本', '退出'])
    expect(close()).toBe(true)
    expect(window.visible).toBe(false)
    trays[0]?.click()
    expect(window.visible).toBe(true)
    expect(window.focus).toHaveBeenCalled()
    // Setting it again updates the one tray rather than adding another.
    controller.setMode({ keep: true, labels: { ...labels, quit: 'Quit' } })
    expect(trays).toHaveLength(1)
    expect(trays[0]?.menu.map((m) => m.label)).toEqual(['打开信用账本', 'Quit'])
  })

  it('quits for real from the tray menu, and when the app is quitting', () => {
    const { controller, close, trays, app } = setup()
    controller.setMode({ keep: true, labels })
    trays[0]?.menu[1]?.click()
    expect(app.quit).toHaveBeenCalledOnce()
    expect(close()).toBe(false)
  })

  it('turned off, the tray goes away and closing closes', () => {
    const { controller, close, trays } = setup()
    controller.setMode({ keep: true, labels })
    controller.setMode({ keep: false, labels })
    expect(trays[0]?.destroyed).toBe(true)
    expect(close()).toBe(false)
  })

  it('sets the badge, and shows the count in the tray tooltip', () => {
    const { controller, trays, app } = setup()
    controller.setMode({ keep: true, labels })
    controller.setBadgeCount(3)
    expect(app.setBadgeCount).toHaveBeenCalledExactlyOnceWith(3)
    expect(trays[0]?.tooltip).toBe('信用账本 (3)')
    controller.setBadgeCount(0)
    expect(trays[0]?.tooltip).toBe('信用账本')
  })

  it('opens a notification\'s item: the window comes back (restored if minimised) and the page is told the key', () => {
    const { controller, window } = setup()
    window.visible = false
    window.minimized = true
    controller.openItem('bill:huabei:2026-04-10')
    expect(window.restore).toHaveBeenCalled()
    expect(window.visible).toBe(true)
    expect(window.sent).toEqual([[EVENTS.notificationClicked, 'bill:huabei:2026-04-10']])
    window.destroyed = true
    controller.openItem(null)
    expect(window.sent).toHaveLength(1)
  })
})

describe('trayIconBitmap', () => {
  it('draws the app icon: transparent corners, the orange card, a white bar', () => {
    const size = 32
    const pixels = trayIconBitmap(size)
    expect(pixels).toHaveLength(size * size * 4)
    const at = (x: number, y: number) => Array.from(pixels.slice((y * size + x) * 4, (y * size + x) * 4 + 4))
    expect(at(0, 0)).toEqual([0, 0, 0, 0])
    // Inside the card, away from the bars: #c2410c as BGRA.
    expect(at(4, 26)).toEqual([0x0c, 0x41, 0xc2, 255])
    // On the top bar (y 18-24 of 64): mostly white.
    const [b, g, r] = at(10, 10)
    expect(Math.min(b ?? 0, g ?? 0, r ?? 0)).toBeGreaterThan(200)
  })
})

describe('a hidden start', () => {
  it('puts the tray up with default words, keeps it while the page says "no tray", and closing hides', () => {
    const { controller, trays, close, window } = setup()
    controller.pinForHiddenStart({ tooltip: '信用账本 Credit Ledger', open: '打开 Open', quit: '退出 Quit' })
    expect(trays).toHaveLength(1)
    expect(trays[0]?.menu.map((m) => m.label)).toEqual(['打开 Open', '退出 Quit'])
    // The page loads (hidden) and sends its setting and its language.
    controller.setMode({ keep: false, labels })
    expect(trays[0]?.destroyed).toBe(false)
    expect(trays[0]?.menu.map((m) => m.label)).toEqual(['打开信用账本', '退出'])
    window.visible = false
    trays[0]?.click()
    expect(window.visible).toBe(true)
    expect(close()).toBe(true)
  })
})
