// Tests the lifecycle order (data folder before ready, single instance) and the window/quit rules.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DATA_DIR_ENV } from './data-dir'
import { startApp, type LifecycleDeps, type LifecycleWindow } from './lifecycle'
import type { GuardedContents } from './security'

/** Records the order in which the lifecycle touches the app, so "before ready" can be asserted. */
function fakeApp({ locked = true } = {}) {
  const emitter = new EventEmitter()
  const calls: string[] = []
  const paths = new Map([['userData', '/home/user/.config/credit-ledger']])
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  const app = {
    calls,
    setPath: vi.fn((name: string, path: string) => {
      calls.push(`setPath ${name} ${path}`)
      paths.set(name, path)
    }),
    getPath: (name: string) => paths.get(name) ?? '',
    enableSandbox: vi.fn(() => void calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock')
      return locked
    }),
    quit: vi.fn(() => void calls.push('quit')),
    whenReady: () => ready,
    on(event: string, listener: (event: unknown, contents: GuardedContents) => void) {
      emitter.on(event, listener)
      return app
    },
    emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args),
    becomeReady: async () => {
      calls.push('ready')
      markReady()
      // Let the whenReady().then chain run.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return app
}

function fakeWindow(): LifecycleWindow & { minimized: boolean; destroyed: boolean; visible: boolean; focus: () => void } {
  const window = {
    minimized: false,
    destroyed: false,
    visible: true,
    isDestroyed: () => window.destroyed,
    isMinimized: () => window.minimized,
    restore: vi.fn(() => void (window.minimized = false)),
    show: vi.fn(() => void (window.visible = true)),
    focus: vi.fn()
  }
  return window
}

function setup(options: { locked?: boolean; platform?: string; env?: Record<string, string> } = {}) {
  const app = fakeApp({ locked: options.locked ?? true })
  const windows: ReturnType<typeof fakeWindow>[] = []
  const deps = {
    app,
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    cwd: '/work',
    makeDir: vi.fn((dir: string) => void app.calls.push(`makeDir ${dir}`)),
    guardContents: vi.fn((_contents: GuardedContents) => undefined),
    prepare: vi.fn(() => void app.calls.push('prepare')),
    createWindow: vi.fn(() => {
      app.calls.push('createWindow')
      const window = fakeWindow()
      windows.push(window)
      return window
    }),
    windowCount: () => windows.filter((window) => !window.destroyed).length
  } satisfies LifecycleDeps
  const started = startApp(deps)
  return { app, deps, windows, started }
}

describe('startApp', () => {
  it('applies the data folder from the environment before the app is ready', async () => {
    const dataDir = join('/tmp', 'credit-ledger-e2e-1')
    const { app, deps } = setup({ env: { [DATA_DIR_ENV]: dataDir } })
    expect(app.setPath).toHaveBeenCalledExactlyOnceWith('userData', dataDir)
    expect(deps.prepare).not.toHaveBeenCalled()
    await app.becomeReady()
    expect(app.calls).toEqual([
      `makeDir ${dataDir}`,
      `setPath userData ${dataDir}`,
      'enableSandbox',
      'requestSingleInstanceLock',
      'ready',
      'prepare',
      'createWindow'
    ])
  })

  it('keeps the default data folder without the variable', async () => {
    const { app } = setup()
    await app.becomeReady()
    expect(app.setPath).not.toHaveBeenCalled()
  })

  it('quits at once when another instance holds the lock', async () => {
    const { app, deps, started } = setup({ locked: false })
    expect(started).toBe(false)
    expect(app.quit).toHaveBeenCalledOnce()
    await app.becomeReady()
    expect(deps.prepare).not.toHaveBeenCalled()
    expect(deps.createWindow).not.toHaveBeenCalled()
  })

  it('prepares once and opens the window when ready', async () => {
    const { app, deps, started } = setup()
    expect(started).toBe(true)
    expect(deps.createWindow).not.toHaveBeenCalled()
    await app.becomeReady()
    expect(deps.prepare).toHaveBeenCalledOnce()
    expect(deps.createWindow).toHaveBeenCalledOnce()
  })

  it('guards every web contents that is created', () => {
    const { app, deps } = setup()
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
    app.emit('web-contents-created', {}, contents)
    expect(deps.guardContents).toHaveBeenCalledExactlyOnceWith(contents)
  })

  it('quits when the last window closes, except on macOS', () => {
    const linux = setup({ platform: 'linux' })
    linux.app.emit('window-all-closed')
    expect(linux.app.quit).toHaveBeenCalledOnce()

    const mac = setup({ platform: 'darwin' })
    mac.app.emit('window-all-closed')
    expect(mac.app.quit).not.toHaveBeenCalled()
  })

  it('brings the existing window forward when a second instance starts', async () => {
    const { app, deps, windows } = setup()
    await app.becomeReady()
    const [window] = windows
    if (window === undefined) throw new Error('no window was created')
    window.minimized = true
    app.emit('second-instance')
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
    expect(deps.createWindow).toHaveBeenCalledOnce()
  })

  it('shows a window hidden in the tray when the app is launched again or activated', async () => {
    const { app, deps, windows } = setup({ platform: 'darwin' })
    await app.becomeReady()
    const [window] = windows
    if (window === undefined) throw new Error('no window was created')
    window.visible = false
    app.emit('second-instance')
    expect(window.visible).toBe(true)
    window.visible = false
    app.emit('activate')
    expect(window.visible).toBe(true)
    expect(window.focus).toHaveBeenCalledTimes(2)
    expect(deps.createWindow).toHaveBeenCalledOnce()
  })

  it('reopens a window on activate only when none is open', async () => {
    const { app, deps, windows } = setup({ platform: 'darwin' })
    app.emit('activate')
    expect(deps.createWindow).not.toHaveBeenCalled()
    await app.becomeReady()
    app.emit('activate')
    expect(deps.createWindow).toHaveBeenCalledOnce()
    for (const window of windows) window.destroyed = true
    app.emit('activate')
    expect(deps.createWindow).toHaveBeenCalledTimes(2)
  })
})
