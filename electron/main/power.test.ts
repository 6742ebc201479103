// Tests waking from sleep against a fake powerMonitor: the page is told once per wake, and the push queue retries.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { EVENTS } from '../shared/ipc'
import { watchResume } from './power'

describe('watchResume', () => {
  it('tells the page once per resume and kicks the push queue; a closed window is skipped', () => {
    const powerMonitor = new EventEmitter()
    const sent: string[] = []
    const window = { destroyed: false, isDestroyed: () => window.destroyed, webContents: { send: (channel: string) => void sent.push(channel) } }
    const kickPush = vi.fn()
    watchResume({ powerMonitor, window: () => window, kickPush })
    powerMonitor.emit('suspend')
    expect(sent).toEqual([])
    powerMonitor.emit('resume')
    expect(sent).toEqual([EVENTS.resumed])
    expect(kickPush).toHaveBeenCalledOnce()
    window.destroyed = true
    powerMonitor.emit('resume')
    expect(sent).toHaveLength(1)
    expect(kickPush).toHaveBeenCalledTimes(2)
  })
})
