// Owns the desktop smoke test: the built Electron app starts, shows the ledger, and exposes only the bridge.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, expect, test } from '@playwright/test'
import { CHANNELS } from '../electron/shared/ipc'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronPackage = join(root, 'node_modules', 'electron')
const mainEntry = join(root, 'out', 'main', 'index.js')

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it but without
 * running that file: when the binary is missing it starts a download, which must not happen here.
 * Undefined when this machine has no Electron binary.
 */
function findElectronBinary(): string | undefined {
  const pathFile = join(electronPackage, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override !== undefined && override !== '' && isDirectory(override)) {
    const binary = join(override, relative ?? 'electron')
    return existsSync(binary) ? binary : undefined
  }
  if (relative === undefined || relative === '') return undefined
  const binary = join(electronPackage, 'dist', relative)
  return existsSync(binary) ? binary : undefined
}

const electronBinary = findElectronBinary()
const SKIP_REASON =
  'no Electron binary on this machine (node_modules/electron/dist missing); the web build e2e covers the renderer.'

test.describe('desktop app', () => {
  test('opens the ledger window with only the bridge exposed', async () => {
    if (electronBinary === undefined) {
      console.log(`SKIPPED electron e2e: ${SKIP_REASON}`)
      test.skip(true, SKIP_REASON)
      return
    }
    expect(existsSync(mainEntry), `${mainEntry} is missing: run \`npm run build\` first`).toBe(true)

    // Each run starts from an empty data folder, so no IndexedDB or window state leaks between runs.
    const dataDir = mkdtempSync(join(tmpdir(), 'credit-ledger-e2e-'))
    const app = await _electron.launch({
      executablePath: electronBinary,
      args: [mainEntry],
      cwd: root,
      env: { ...process.env, CREDIT_LEDGER_DATA_DIR: dataDir }
    })
    try {
      const window = await app.firstWindow()
      await window.waitForLoadState('domcontentloaded')
      await expect.poll(() => window.title()).toContain('信用账本')

      const bridge = await window.evaluate(() => {
        const value: unknown = Reflect.get(window, 'creditLedger')
        if (typeof value !== 'object' || value === null) return { type: typeof value, functions: [] }
        return {
          type: 'object',
          functions: Object.entries(value)
            .map(([name, member]) => `${name}:${typeof member}`)
            .sort()
        }
      })
      expect(bridge).toEqual({
        type: 'object',
        functions: [...Object.keys(CHANNELS), 'onNotificationClick', 'onResume']
          .sort()
          .map((name) => `${name}:function`)
      })

      // Served from the app's own origin, not file://; a secure context with the browser's storage.
      expect(window.url()).toMatch(/^app:\/\/ledger\/index\.html/)
      expect(await window.evaluate(() => ({ origin: location.origin, secure: isSecureContext, storage: typeof navigator.storage?.estimate }))).toEqual({ origin: 'app://ledger', secure: true, storage: 'function' })

      // No Node in the page: the sandbox and context isolation hold.
      expect(await window.evaluate(() => typeof Reflect.get(globalThis, 'require'))).toBe('undefined')
      expect(await window.evaluate(() => typeof Reflect.get(globalThis, 'process'))).toBe('undefined')

      const info = await window.evaluate(async () => {
        const bridgeObject: unknown = Reflect.get(window, 'creditLedger')
        const getAppInfo: unknown =
          typeof bridgeObject === 'object' && bridgeObject !== null ? Reflect.get(bridgeObject, 'getAppInfo') : undefined
        if (typeof getAppInfo !== 'function') return undefined
        const result: unknown = await getAppInfo()
        return result
      })
      expect(info).toMatchObject({ dataDir })
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
