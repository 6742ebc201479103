// Owns where the app keeps its data: the CREDIT_LEDGER_DATA_DIR override and applying it before the app is ready.
import { isAbsolute, resolve } from 'node:path'
import type { App } from 'electron'

/** The variable that moves every byte the app stores (IndexedDB, window state) into one folder. */
export const DATA_DIR_ENV = 'CREDIT_LEDGER_DATA_DIR'

/**
 * The data folder the environment asks for, as an absolute path, or undefined to keep Electron's
 * default userData folder. A relative value is taken from `cwd` so that `CREDIT_LEDGER_DATA_DIR=tmp`
 * means the same folder no matter which module asks.
 */
export function resolveDataDirOverride(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string
): string | undefined {
  const raw = env[DATA_DIR_ENV]?.trim()
  if (raw === undefined || raw === '') return undefined
  return isAbsolute(raw) ? resolve(raw) : resolve(cwd, raw)
}

/** The data folder in effect: the override when there is one, otherwise the default. */
export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  defaultDir: string
): string {
  return resolveDataDirOverride(env, cwd) ?? defaultDir
}

export interface DataDirDeps {
  app: Pick<App, 'setPath' | 'getPath'>
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** Creates the folder and its parents; must not fail when it already exists. */
  makeDir: (dir: string) => void
}

/**
 * Points userData at the override folder. Must run before `app.whenReady()`: Chromium fixes its
 * storage paths (IndexedDB, caches) and the single-instance lock on that folder at startup.
 * Returns the data folder in effect.
 */
export function applyDataDir({ app, env, cwd, makeDir }: DataDirDeps): string {
  const override = resolveDataDirOverride(env, cwd)
  if (override === undefined) return app.getPath('userData')
  makeDir(override)
  app.setPath('userData', override)
  return override
}
