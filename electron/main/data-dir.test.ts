// Tests the data folder override: env resolution and applying it to userData.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DATA_DIR_ENV, applyDataDir, resolveDataDir, resolveDataDirOverride } from './data-dir'

function fakeApp(initialUserData = '/home/user/.config/credit-ledger') {
  const paths = new Map<string, string>([['userData', initialUserData]])
  return {
    setPath: vi.fn((name: string, path: string) => void paths.set(name, path)),
    getPath: vi.fn((name: string) => paths.get(name) ?? '')
  }
}

describe('resolveDataDir', () => {
  it('uses the default when the variable is unset or blank', () => {
    expect(resolveDataDir({}, '/cwd', '/default')).toBe('/default')
    expect(resolveDataDir({ [DATA_DIR_ENV]: '   ' }, '/cwd', '/default')).toBe('/default')
    expect(resolveDataDirOverride({ [DATA_DIR_ENV]: '' }, '/cwd')).toBeUndefined()
  })

  it('uses an absolute override as given', () => {
    expect(resolveDataDir({ [DATA_DIR_ENV]: '/tmp/ledger-run-1' }, '/cwd', '/default')).toBe(
      resolve('/tmp/ledger-run-1')
    )
  })

  it('resolves a relative override against the working directory', () => {
    expect(resolveDataDir({ [DATA_DIR_ENV]: 'data/e2e' }, '/work/app', '/default')).toBe(
      resolve('/work/app', 'data/e2e')
    )
  })
})

describe('applyDataDir', () => {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('creates the override folder and points userData at it', () => {
    const root = mkdtempSync(join(tmpdir(), 'credit-ledger-data-dir-'))
    made.push(root)
    const target = join(root, 'nested', 'data')
    const app = fakeApp()
    const dir = applyDataDir({
      app,
      env: { [DATA_DIR_ENV]: target },
      cwd: '/',
      makeDir: (path) => mkdirSync(path, { recursive: true })
    })
    expect(dir).toBe(target)
    expect(existsSync(target)).toBe(true)
    expect(app.setPath).toHaveBeenCalledExactlyOnceWith('userData', target)
    expect(app.getPath('userData')).toBe(target)
  })

  it('leaves userData alone without an override', () => {
    const app = fakeApp('/default/user-data')
    const makeDir = vi.fn()
    expect(applyDataDir({ app, env: {}, cwd: '/', makeDir })).toBe('/default/user-data')
    expect(app.setPath).not.toHaveBeenCalled()
    expect(makeDir).not.toHaveBeenCalled()
  })
})
