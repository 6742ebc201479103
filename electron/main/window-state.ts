// Owns the remembered window geometry: reading and validating it, fitting it to the screens, saving it.
import type { Rectangle } from 'electron'

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const
export const MIN_WINDOW_SIZE = { width: 960, height: 640 } as const
/** A saved position is kept only if at least this much of the window lands on some screen. */
export const MIN_VISIBLE_PART = { width: 100, height: 50 } as const
/** Anything larger than this in the file is not a real window; treat it as corruption. */
const MAX_COORDINATE = 100_000
export const SAVE_DELAY_MS = 500

export interface WindowState {
  width: number
  height: number
  /** Absent when the window should be centred by the OS. */
  x?: number
  y?: number
  maximized: boolean
}

export function defaultWindowState(): WindowState {
  return { ...DEFAULT_WINDOW_SIZE, maximized: false }
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_COORDINATE
}

function isSize(value: unknown, min: number): value is number {
  return isCoordinate(value) && value >= min
}

/**
 * Turns whatever was read from disk into a usable state. The file is outside our control (an old
 * version, a crash mid-write, a hand edit), so each wrong part falls back to its default instead
 * of failing.
 */
export function parseWindowState(raw: unknown): WindowState {
  const state = defaultWindowState()
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return state
  const record: Record<string, unknown> = { ...raw }
  // Width and height belong together: half of a saved size is no size.
  if (isSize(record.width, MIN_WINDOW_SIZE.width) && isSize(record.height, MIN_WINDOW_SIZE.height)) {
    state.width = record.width
    state.height = record.height
  }
  if (isCoordinate(record.x) && isCoordinate(record.y)) {
    state.x = record.x
    state.y = record.y
  }
  if (typeof record.maximized === 'boolean') state.maximized = record.maximized
  return state
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/**
 * Keeps the window reachable after a screen was unplugged or its resolution changed: a position
 * that leaves too little of the window on any screen is dropped (the OS centres the window), and
 * the size is shrunk to the screen it lands on (but never below the minimum). `workAreas` lists
 * the screens' usable areas with the primary first; an empty list leaves the state as it is.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0]
  if (primary === undefined) return state
  let target = primary
  let keepPosition = false
  if (state.x !== undefined && state.y !== undefined) {
    const bounds = { x: state.x, y: state.y, width: state.width, height: state.height }
    let best = 0
    for (const area of workAreas) {
      const shared = overlap(bounds, area)
      const visible =
        shared.width >= Math.min(MIN_VISIBLE_PART.width, bounds.width) &&
        shared.height >= Math.min(MIN_VISIBLE_PART.height, bounds.height)
      if (visible && shared.width * shared.height > best) {
        best = shared.width * shared.height
        target = area
        keepPosition = true
      }
    }
  }
  const fitted: WindowState = {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, target.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, target.height)),
    maximized: state.maximized
  }
  if (keepPosition && state.x !== undefined && state.y !== undefined) {
    fitted.x = state.x
    fitted.y = state.y
  }
  return fitted
}

/** Reads the saved state; a missing, unreadable or corrupt file means defaults, never a crash. */
export function loadWindowState(
  readText: (path: string) => string,
  path: string,
  workAreas: readonly Rectangle[] = []
): WindowState {
  let raw: unknown
  try {
    raw = JSON.parse(readText(path))
  } catch {
    raw = undefined
  }
  return fitToDisplays(parseWindowState(raw), workAreas)
}

export function saveWindowState(
  writeText: (path: string, text: string) => void,
  path: string,
  state: WindowState
): void {
  writeText(path, `${JSON.stringify(state, null, 2)}\n`)
}

/** The part of a BrowserWindow whose geometry is remembered. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  /** The size and position the window has when not maximized, minimized or full-screen. */
  getNormalBounds(): Rectangle
  isMaximized(): boolean
}

export interface TrackWindowOptions {
  save: (state: WindowState) => void
  delayMs?: number
  /** Where a failed save is reported; a lost window size must not take the app down. */
  onError?: (error: unknown) => void
}

export function currentWindowState(window: TrackedWindow): WindowState {
  const bounds = window.getNormalBounds()
  return {
    width: bounds.width,
    height: bounds.height,
    x: bounds.x,
    y: bounds.y,
    maximized: window.isMaximized()
  }
}

/**
 * Saves the window's geometry as the user changes it. Resizing fires dozens of events a second,
 * so saves are debounced; closing saves at once because no timer outlives the window.
 * Returns `flush`, which saves any pending change now.
 */
export function trackWindowState(
  window: TrackedWindow,
  {
    save,
    delayMs = SAVE_DELAY_MS,
    onError = (error) => console.warn('Could not save the window state:', error)
  }: TrackWindowOptions
): { flush: () => void } {
  let pending: ReturnType<typeof setTimeout> | undefined

  const saveNow = (): void => {
    if (pending !== undefined) {
      clearTimeout(pending)
      pending = undefined
    }
    try {
      save(currentWindowState(window))
    } catch (error) {
      onError(error)
    }
  }

  const schedule = (): void => {
    if (pending !== undefined) clearTimeout(pending)
    pending = setTimeout(() => {
      pending = undefined
      saveNow()
    }, delayMs)
  }

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule)
  window.on('close', saveNow)
  return { flush: saveNow }
}
