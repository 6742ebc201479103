// Tests the main window: secure options, restored geometry, shown when painted, what it loads.
import { EventEmitter } from 'node:events'
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { WINDOW_TITLE, createMainWindow, type MainWindowDeps } from './window'

function fakeBrowserWindowClass() {
  const created: FakeWindow[] = []
  class FakeWindow {
    readonly events = new EventEmitter()
    readonly options: BrowserWindowConstructorOptions
    readonly show = vi.fn()
    readonly maximize = vi.fn()
    readonly loadURL = vi.fn(async (_url: string) => undefined)
    constructor(options: BrowserWindowConstructorOptions) {
      this.options = options
      created.push(this)
    }
    on(event: string, listener: () => void): this {
      this.events.on(event, listener)
      return this
    }
    once(event: string, listener: () => void): this {
      this.events.once(event, listener)
      return this
    }
    getNormalBounds(): Rectangle {
      return { x: 0, y: 0, width: 1280, height: 800 }
    }
    isMaximized(): boolean {
      return false
    }
  }
  return { FakeWindow, created }
}

function setup(overrides: Partial<MainWindowDeps<InstanceType<ReturnType<typeof fakeBrowserWindowClass>['FakeWindow']>>> = {}) {
  const { FakeWindow, created } = fakeBrowserWindowClass()
  const files = new Map<string, string>()
  const window = createMainWindow({
    BrowserWindow: FakeWindow,
    preloadPath: '/app/out/preload/index.cjs',
    stateFilePath: '/data/window-state.json',
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
    readText: (path) => {
      const text = files.get(path)
      if (text === undefined) throw new Error('ENOENT')
      return text
    },
    writeText: (path, text) => void files.set(path, text),
    ...overrides
  })
  return { window, created, files }
}

describe('createMainWindow', () => {
  it('creates a hidden, secure window with the default size and minimum', () => {
    const { window } = setup()
    expect(window.options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 640,
      show: false,
      title: WINDOW_TITLE,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true
      }
    })
    expect(window.options.x).toBeUndefined()
  })

  it('restores the saved geometry and maximizes before showing', () => {
    const saved = JSON.stringify({ width: 1500, height: 900, x: 30, y: 40, maximized: true })
    const { window } = setup({ readText: () => saved })
    expect(window.options).toMatchObject({ width: 1500, height: 900, x: 30, y: 40 })
    expect(window.show).not.toHaveBeenCalled()
    window.events.emit('ready-to-show')
    expect(window.maximize).toHaveBeenCalledOnce()
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('loads the built page from app://ledger, or the dev server when one is given', () => {
    const built = setup().window
    expect(built.loadURL).toHaveBeenCalledExactlyOnceWith('app://ledger/index.html')

    const dev = setup({ devServerUrl: 'http://localhost:5173' }).window
    expect(dev.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173')
  })

  it('saves its geometry to the state file when closed', () => {
    const { window, files } = setup()
    window.events.emit('close')
    expect(JSON.parse(files.get('/data/window-state.json') ?? 'null')).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 800,
      maximized: false
    })
  })
})

describe('a hidden start (the login item)', () => {
  it('makes the window and loads the page, but does not show it when painted', () => {
    const { window } = setup({ startHidden: true })
    window.events.emit('ready-to-show')
    expect(window.show).not.toHaveBeenCalled()
    expect(window.loadURL).toHaveBeenCalledOnce()
  })
})
