// Owns what the Chromium measurement scripts share: their command-line options, the preview server they start when none is running, filling the app's database straight through IndexedDB, and the figures' formatting.
import { spawn, type ChildProcess } from 'node:child_process'
import type { Page } from '@playwright/test'

/** `--name value` from the command line, or the fallback. */
export function cliOption(name: string, fallback: string): string {
  const args = process.argv.slice(2)
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Today as the app will see it (the browser runs in Asia/Shanghai): generated ledgers are made for this day, so their dues fall around now. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
export const ms = (x: number) => `${Math.round(x)} ms`.padStart(8)

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}

/** Starts `vite preview` of the web build on the URL's port unless something answers there already; returns a stop function. */
export async function ensurePreview(url: string): Promise<() => void> {
  if (await reachable(url)) return () => undefined
  const port = new URL(url).port
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', port, '--strictPort'], { stdio: 'ignore', detached: true })
  for (let i = 0; i < 60 && !(await reachable(url)); i++) await new Promise((r) => setTimeout(r, 500))
  // npx starts vite as a child: end the whole group started here, not only npx.
  return () => {
    if (server.pid) process.kill(-server.pid)
  }
}

/** Puts every row of every table straight into the app's IndexedDB (the point is reading, not typing), from a page of the app's origin. */
export async function fillDatabase(page: Page, ledger: object): Promise<void> {
  await page.evaluate(async (data: Record<string, unknown[]>) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('credit-ledger')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const stores = Object.keys(data).filter((s) => db.objectStoreNames.contains(s) && Array.isArray(data[s]))
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite')
      for (const s of stores) for (const row of data[s]!) tx.objectStore(s).put(row)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, ledger as Record<string, unknown[]>)
}
