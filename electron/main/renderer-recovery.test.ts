// Tests the recovery of a crashed or hung page against a fake webContents: the message in both languages, reload or quit as answered, one message at a time.
import { EventEmitter } from 'node:events'
import type { MessageBoxOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { watchRenderer, type GoneDetails } from './renderer-recovery'

function setup(answers: number[] = [0]) {
  const contents = new EventEmitter()
  const shown: MessageBoxOptions[] = []
  let release: () => void = () => undefined
  let hold = false
  const deps = {
    showMessageBox: vi.fn(async (options: MessageBoxOptions) => {
      shown.push(options)
      if (hold) await new Promise<void>((resolve) => (release = resolve))
      return { response: answers.shift() ?? 0 }
    }),
    reload: vi.fn(),
    quit: vi.fn(),
    alive: vi.fn(() => true)
  }
  watchRenderer(contents, deps)
  const gone = (details: GoneDetails) => contents.emit('render-process-gone', {}, details)
  return { contents, deps, shown, gone, holdAnswers: () => void (hold = true), answer: () => release() }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('watchRenderer', () => {
  it('tells of a crashed page in both languages and reloads it on the first button', async () => {
    const { deps, shown, gone } = setup([0])
    gone({ reason: 'oom', exitCode: 9 })
    await settle()
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({ type: 'error', message: '窗口意外停止了\nThe window stopped unexpectedly' })
    expect(shown[0]!.detail).toContain('oom, 9')
    expect(shown[0]!.detail).toContain('已经保存的记录都在磁盘上')
    expect(shown[0]!.detail).toContain('Records already saved are on disk')
    expect(shown[0]!.buttons).toEqual(['重新打开窗口 / Reload the window', '退出 / Quit'])
    expect(deps.reload).toHaveBeenCalledTimes(1)
    expect(deps.quit).not.toHaveBeenCalled()
  })

  it('quits on the second button, and says nothing about a clean exit', async () => {
    const { deps, shown, gone } = setup([1])
    gone({ reason: 'clean-exit', exitCode: 0 })
    await settle()
    expect(shown).toHaveLength(0)
    gone({ reason: 'crashed', exitCode: 139 })
    await settle()
    expect(deps.quit).toHaveBeenCalledTimes(1)
    expect(deps.reload).not.toHaveBeenCalled()
  })

  it('asks once while a message is up, and does nothing for a window already closed', async () => {
    const { deps, shown, gone, holdAnswers, answer } = setup([0])
    holdAnswers()
    gone({ reason: 'crashed', exitCode: 1 })
    gone({ reason: 'crashed', exitCode: 1 })
    await settle()
    expect(shown).toHaveLength(1)
    deps.alive.mockReturnValue(false)
    answer()
    await settle()
    expect(deps.reload).not.toHaveBeenCalled()
  })

  it('offers to wait for a hung page or reload it, and does not reload one that came back', async () => {
    const { contents, deps, shown, holdAnswers, answer } = setup([1])
    holdAnswers()
    contents.emit('unresponsive')
    await settle()
    expect(shown[0]).toMatchObject({ type: 'warning', buttons: ['再等等 / Wait', '重新打开窗口 / Reload the window'] })
    contents.emit('responsive')
    answer()
    await settle()
    expect(deps.reload).not.toHaveBeenCalled()
  })
})
