// Tests the remembered window geometry: parsing, corrupt files, fitting to screens, debounced saving.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { EventEmitter } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Rectangle } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  SAVE_DELAY_MS,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type WindowState
} from './window-state'

const defaults: WindowState = { width: 1280, height: 800, maximized: false }
const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 }
const rightMonitor: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 }

function memoryFiles(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial))
  return {
    files,
    readText: (path: string): string => {
      const text = files.get(path)
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
      return text
    },
    writeText: (path: string, text: string): void => void files.set(path, text)
  }
}

describe('parseWindowState', () => {
  it('keeps a valid saved state', () => {
    expect(parseWindowState({ width: 1500, height: 900, x: 40, y: -20, maximized: true })).toEqual({
      width: 1500,
      height: 900,
      x: 40,
      y: -20,
      maximized: true
    })
  })

  it.each([
    ['null', null],
    ['an array', [1280, 800]],
    ['a string', 'big'],
    ['text sizes', { width: '1500', height: '900' }],
    ['fractional sizes', { width: 1500.5, height: 900 }],
    ['NaN', { width: Number.NaN, height: 900 }],
    ['absurd sizes', { width: 1e9, height: 1e9 }]
  ])('falls back to the default size for %s', (_label, raw) => {
    const state = parseWindowState(raw)
    expect({ width: state.width, height: state.height }).toEqual(DEFAULT_WINDOW_SIZE)
  })

  it('drops a half position and a non-boolean maximized flag', () => {
    expect(parseWindowState({ width: 1000, height: 700, x: 10, maximized: 'yes' })).toEqual({
      width: 1000,
      height: 700,
      maximized: false
    })
  })

  it('refuses a size below the minimum', () => {
    const state = parseWindowState({ width: MIN_WINDOW_SIZE.width - 1, height: 700 })
    expect(state.width).toBe(DEFAULT_WINDOW_SIZE.width)
  })
})

describe('loadWindowState', () => {
  it('gives defaults when the file is missing', () => {
    const { readText } = memoryFiles()
    expect(loadWindowState(readText, '/data/window-state.json')).toEqual(defaults)
  })

  it('gives defaults when the file is corrupt, without throwing', () => {
    const { readText } = memoryFiles({ '/data/window-state.json': '{"width": 1500, "hei' })
    expect(loadWindowState(readText, '/data/window-state.json')).toEqual(defaults)
  })

  it('round-trips what was saved', () => {
    const { readText, writeText, files } = memoryFiles()
    const saved: WindowState = { width: 1400, height: 900, x: 100, y: 50, maximized: true }
    saveWindowState(writeText, '/data/window-state.json', saved)
    expect(JSON.parse(files.get('/data/window-state.json') ?? 'null')).toEqual(saved)
    expect(loadWindowState(readText, '/data/window-state.json', [laptop])).toEqual(saved)
  })

  it('round-trips through a real file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credit-ledger-window-state-'))
    try {
      const path = join(dir, 'window-state.json')
      const read = (p: string): string => readFileSync(p, 'utf8')
      const write = (p: string, text: string): void => writeFileSync(p, text, 'utf8')
      expect(loadWindowState(read, path)).toEqual(defaults)
      saveWindowState(write, path, { width: 1111, height: 777, x: 5, y: 6, maximized: false })
      expect(loadWindowState(read, path, [laptop])).toEqual({ width: 1111, height: 777, x: 5, y: 6, maximized: false })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('fitToDisplays', () => {
  it('keeps a window that is on a screen', () => {
    const state: WindowState = { width: 1400, height: 900, x: 2000, y: 100, maximized: false }
    expect(fitToDisplays(state, [laptop, rightMonitor])).toEqual(state)
  })

  it('drops the position of a window left on an unplugged screen', () => {
    const state: WindowState = { width: 1400, height: 900, x: 2000, y: 100, maximized: false }
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1400, height: 900, maximized: false })
  })

  it('drops the position when only a sliver would be visible', () => {
    const state: WindowState = { width: 1280, height: 800, x: 1900, y: 10, maximized: false }
    expect(fitToDisplays(state, [laptop]).x).toBeUndefined()
  })

  it('shrinks a window larger than its screen, but not below the minimum', () => {
    const small: Rectangle = { x: 0, y: 0, width: 1024, height: 600 }
    expect(fitToDisplays({ width: 2400, height: 1300, x: 0, y: 0, maximized: false }, [small])).toEqual({
      width: 1024,
      height: MIN_WINDOW_SIZE.height,
      x: 0,
      y: 0,
      maximized: false
    })
  })

  it('sizes a window to the screen it is mostly on', () => {
    const state: WindowState = { width: 2400, height: 1300, x: 1950, y: 0, maximized: false }
    expect(fitToDisplays(state, [laptop, rightMonitor])).toMatchObject({ width: 2400, height: 1300, x: 1950 })
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1920, height: 1040, maximized: false })
  })

  it('leaves the state alone without a display list', () => {
    const state: WindowState = { width: 5000, height: 4000, x: 9000, y: 9000, maximized: false }
    expect(fitToDisplays(state, [])).toBe(state)
  })
})

function fakeWindow(bounds: Rectangle, maximized = false) {
  const emitter = new EventEmitter()
  const window = {
    bounds,
    maximized,
    on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void) {
      emitter.on(event, listener)
      return window
    },
    getNormalBounds: () => window.bounds,
    isMaximized: () => window.maximized,
    emit: (event: string) => emitter.emit(event)
  }
  return window
}

describe('trackWindowState', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves once after a burst of resizes settles', () => {
    const window = fakeWindow({ x: 10, y: 20, width: 1300, height: 820 })
    const save = vi.fn()
    trackWindowState(window, { save })
    window.emit('resize')
    window.bounds = { x: 10, y: 20, width: 1350, height: 850 }
    window.emit('resize')
    window.emit('move')
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1)
    expect(save).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(save).toHaveBeenCalledExactlyOnceWith({ x: 10, y: 20, width: 1350, height: 850, maximized: false })
  })

  it('saves the normal bounds and the maximized flag', () => {
    const window = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 }, true)
    const save = vi.fn()
    trackWindowState(window, { save })
    window.emit('maximize')
    vi.runAllTimers()
    expect(save).toHaveBeenCalledWith({ x: 0, y: 0, width: 1280, height: 800, maximized: true })
  })

  it('saves at once on close and drops the pending save', () => {
    const window = fakeWindow({ x: 1, y: 2, width: 1000, height: 700 })
    const save = vi.fn()
    trackWindowState(window, { save })
    window.emit('move')
    window.emit('close')
    expect(save).toHaveBeenCalledTimes(1)
    vi.runAllTimers()
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('reports a failed save instead of throwing', () => {
    const window = fakeWindow({ x: 1, y: 2, width: 1000, height: 700 })
    const onError = vi.fn()
    const failure = new Error('disk full')
    trackWindowState(window, {
      save: () => {
        throw failure
      },
      onError
    })
    expect(() => window.emit('close')).not.toThrow()
    expect(onError).toHaveBeenCalledWith(failure)
  })
})
