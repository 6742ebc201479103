// Owns bringing the window back when its page dies or hangs: a message saying what happened (in both languages: the page that knew the user's language is gone) and a reload, or quitting.
import type { MessageBoxOptions } from 'electron'
import { translate, type MessageKey } from '../../src/i18n'

/** Why a renderer went away, as Electron reports it (RenderProcessGoneDetails). */
export interface GoneDetails {
  reason: string
  exitCode: number
}

/** The parts of a BrowserWindow's webContents this watches. */
export interface WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown
}

export interface RecoveryDeps {
  /** Shows a message box attached to the window; resolves with the index of the button pressed. */
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>
  /** Loads the app's page again in the window. */
  reload(): void
  quit(): void
  /** Whether the window still exists (a closed window needs no recovery). */
  alive(): boolean
}

/** Both languages, Chinese first: after a crash nothing tells which one the user reads. */
function both(key: MessageKey, params?: Record<string, string | number>): string {
  return `${translate('zh-CN', key, params)}\n${translate('en', key, params)}`
}

function button(key: MessageKey): string {
  return `${translate('zh-CN', key)} / ${translate('en', key)}`
}

/**
 * Watches a window's page. When its process is gone for any reason but a clean exit (a crash, out
 * of memory, killed), the user is told so and offered a reload (the data is in the store; only
 * what was being typed is lost) or to quit. When the page hangs, the user may wait or reload.
 * One message at a time: a crash while a message is up does not stack another.
 */
export function watchRenderer(contents: WatchedContents, deps: RecoveryDeps): void {
  let asking = false
  let hung = false

  const ask = async (options: MessageBoxOptions, onAnswer: (response: number) => void) => {
    if (asking) return
    asking = true
    try {
      const { response } = await deps.showMessageBox(options)
      if (deps.alive()) onAnswer(response)
    } catch (error) {
      console.error('Could not ask about the window:', error)
    } finally {
      asking = false
    }
  }

  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    console.error('The page process is gone:', details)
    void ask(
      {
        type: 'error',
        title: button('desktop.crashed.title'),
        message: both('desktop.crashed.title'),
        detail: both('desktop.crashed.message', { reason: `${details.reason}, ${details.exitCode}` }),
        buttons: [button('desktop.crashed.reload'), button('desktop.crashed.quit')],
        defaultId: 0,
        cancelId: 0,
        noLink: true
      },
      (response) => (response === 1 ? deps.quit() : deps.reload())
    )
  })

  contents.on('unresponsive', () => {
    hung = true
    void ask(
      {
        type: 'warning',
        title: button('desktop.unresponsive.title'),
        message: both('desktop.unresponsive.title'),
        detail: both('desktop.unresponsive.message'),
        buttons: [button('desktop.unresponsive.wait'), button('desktop.unresponsive.reload')],
        defaultId: 0,
        cancelId: 0,
        noLink: true
      },
      // Reload only if it is still hung: it may have come back while the question was up.
      (response) => response === 1 && hung && deps.reload()
    )
  })
  contents.on('responsive', () => {
    hung = false
  })
}
