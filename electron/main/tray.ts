// Owns "keep running in the tray" and bringing the window back: the tray icon and its menu, hiding instead of closing, the badge count, and opening the item a notification was about.
import { EVENTS, type TrayModeRequest } from '../shared/ipc'

export interface TrayLike {
  setToolTip(text: string): void
  setContextMenu(menu: unknown): void
  on(event: 'click', listener: () => void): unknown
  destroy(): void
}

export interface TrayWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  hide(): void
  focus(): void
  readonly webContents: { send(channel: string, ...args: unknown[]): void }
}

export interface TrayDeps {
  /** Makes the tray icon (Electron: new Tray(nativeImage.createFromBitmap(...))). */
  createTray(): TrayLike
  buildMenu(template: { label: string; click: () => void }[]): unknown
  app: {
    quit(): void
    on(event: 'before-quit', listener: () => void): unknown
    setBadgeCount(count: number): boolean
  }
  /** The main window as it is now; undefined before it is made. */
  window(): TrayWindow | undefined
}

export interface TrayController {
  setMode(request: TrayModeRequest): void
  /** For the window's 'close' event: with the tray kept, hide the window instead (unless the app is quitting). */
  onWindowClose(event: { preventDefault(): void }, window: TrayWindow): void
  /** Shows the window and has the page open the item (null: just the home page). */
  openItem(itemKey: string | null): void
  setBadgeCount(count: number): void
  /**
   * Started by the login item with the window hidden: the tray must be there whatever the page's
   * "keep in the tray" setting says, or the app would run with no way back to it. Held for this run.
   */
  pinForHiddenStart(labels: TrayModeRequest['labels']): void
}

/** The tray's words before the page has sent its own (a hidden start): both languages, as the window title. */
export const DEFAULT_TRAY_LABELS: TrayModeRequest['labels'] = { tooltip: '信用账本 Credit Ledger', open: '打开 Open', quit: '退出 Quit' }

export function createTrayController(deps: TrayDeps): TrayController {
  let keep = false
  let pinned = false
  let quitting = false
  let tray: TrayLike | null = null
  let labels: TrayModeRequest['labels'] | null = null
  let count = 0
  deps.app.on('before-quit', () => {
    quitting = true
  })

  const showWindow = (): TrayWindow | undefined => {
    const window = deps.window()
    if (window === undefined || window.isDestroyed()) return undefined
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    return window
  }

  const refreshTooltip = () => {
    if (tray && labels) tray.setToolTip(count > 0 ? `${labels.tooltip} (${count})` : labels.tooltip)
  }

  const controller: TrayController = {
    setMode(request) {
      keep = request.keep || pinned
      labels = request.labels
      if (!keep) {
        tray?.destroy()
        tray = null
        return
      }
      if (tray === null) {
        tray = deps.createTray()
        tray.on('click', () => void showWindow())
      }
      tray.setContextMenu(
        deps.buildMenu([
          { label: request.labels.open, click: () => void showWindow() },
          {
            label: request.labels.quit,
            click: () => {
              quitting = true
              deps.app.quit()
            }
          }
        ])
      )
      refreshTooltip()
    },
    onWindowClose(event, window) {
      if (!keep || quitting) return
      event.preventDefault()
      window.hide()
    },
    openItem(itemKey) {
      showWindow()?.webContents.send(EVENTS.notificationClicked, itemKey)
    },
    setBadgeCount(next) {
      count = next
      // macOS dock and Linux launchers show it; elsewhere the tray tooltip carries the count.
      deps.app.setBadgeCount(next)
      refreshTooltip()
    },
    pinForHiddenStart(startLabels) {
      pinned = true
      controller.setMode({ keep: true, labels: labels ?? startLabels })
    }
  }
  return controller
}

/** The tray icon's pixels (BGRA, premultiplied alpha), drawn from the shapes of resources/icon.svg, so no image file has to ship beside the main process. */
export function trayIconBitmap(size: number): Uint8Array {
  // Shapes in the SVG's 64-unit box: rounded rectangles [x, y, w, h, r, colour, opacity] and the dot.
  const rects: [number, number, number, number, number, number, number][] = [
    [4, 8, 56, 48, 10, 0xc2410c, 1],
    [12, 18, 40, 6, 3, 0xffffff, 0.9],
    [12, 30, 26, 5, 2.5, 0xffffff, 0.75],
    [12, 40, 32, 5, 2.5, 0xffffff, 0.75]
  ]
  const inRect = (x: number, y: number, [rx, ry, w, h, r]: (typeof rects)[number]) => {
    if (x < rx || x > rx + w || y < ry || y > ry + h) return false
    const cx = Math.min(Math.max(x, rx + r), rx + w - r)
    const cy = Math.min(Math.max(y, ry + r), ry + h - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
  }
  const out = new Uint8Array(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 64) / size
          const y = ((py + (sy + 0.5) / samples) * 64) / size
          // Paint the shapes in order over a transparent pixel.
          let cr = 0
          let cg = 0
          let cb = 0
          let ca = 0
          const paint = (colour: number, opacity: number) => {
            cr = ((colour >> 16) & 255) * opacity + cr * (1 - opacity)
            cg = ((colour >> 8) & 255) * opacity + cg * (1 - opacity)
            cb = (colour & 255) * opacity + cb * (1 - opacity)
            ca = opacity + ca * (1 - opacity)
          }
          for (const rect of rects) if (inRect(x, y, rect)) paint(rect[5], rect[6])
          if ((x - 48) ** 2 + (y - 42) ** 2 <= 49) paint(0xfde68a, 1)
          r += cr
          g += cg
          b += cb
          a += ca
        }
      const n = samples * samples
      const i = (py * size + px) * 4
      out[i] = Math.round(b / n)
      out[i + 1] = Math.round(g / n)
      out[i + 2] = Math.round(r / n)
      out[i + 3] = Math.round((a / n) * 255)
    }
  return out
}
