// Owns waking from sleep: the page is told once (it catches up on the reminders it missed, in one notice) and the push queue retries what waited.
import { EVENTS } from '../shared/ipc'

export interface ResumeDeps {
  powerMonitor: { on(event: 'resume', listener: () => void): unknown }
  /** The main window as it is now (hidden in the tray counts: its page still runs the reminders). */
  window(): { isDestroyed(): boolean; webContents: { send(channel: string): void } } | undefined
  /** Tries the pushes that wait for a retry. */
  kickPush(): void
}

export function watchResume(deps: ResumeDeps): void {
  deps.powerMonitor.on('resume', () => {
    const window = deps.window()
    if (window !== undefined && !window.isDestroyed()) window.webContents.send(EVENTS.resumed)
    deps.kickPush()
  })
}
