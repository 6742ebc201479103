// Owns a full storage for e2e in the browser: Chromium gives a page no dependable way to fill its quota (Storage.overrideQuotaForOrigin is applied or not depending on what the origin touched before, as measured), so the quota path is forced at the storage API's edge. The app's own code runs unchanged above it.
import type { Page } from '@playwright/test'

declare global {
  interface Window {
    /** Bytes the page may still write; Infinity until a test says otherwise. */
    __storageLeft?: number
  }
}

/**
 * Installs the pressure before the page loads. From then on a write that would take more than
 * `window.__storageLeft` bytes fails as Chromium's does on a full storage: an IndexedDB put or add
 * with QuotaExceededError (its transaction aborts and nothing of it stays), a private-file-system
 * write with the same error (the file keeps what it had). The size counted is the JSON text of
 * the value, two bytes a character.
 */
export async function installStoragePressure(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__storageLeft = Number.POSITIVE_INFINITY
    const full = () => new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError')
    const taken = new WeakMap<IDBTransaction, number>()
    const sizeOf = (value: unknown): number => {
      try {
        return (JSON.stringify(value)?.length ?? 0) * 2
      } catch {
        return 0
      }
    }
    for (const name of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[name]
      IDBObjectStore.prototype[name] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        const used = (taken.get(this.transaction) ?? 0) + sizeOf(args[0])
        taken.set(this.transaction, used)
        if (used > (window.__storageLeft ?? Number.POSITIVE_INFINITY)) throw full()
        return original.apply(this, args)
      }
    }
    const write = FileSystemWritableFileStream.prototype.write
    FileSystemWritableFileStream.prototype.write = function (this: FileSystemWritableFileStream, data: FileSystemWriteChunkType) {
      const size = typeof data === 'string' ? data.length * 2 : data instanceof Blob ? data.size : ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? data.byteLength : 0
      if (size > (window.__storageLeft ?? Number.POSITIVE_INFINITY)) return Promise.reject(full())
      return write.call(this, data)
    }
  })
}

/** Leaves `bytes` of room for the page's writes (Infinity: no limit). */
export async function leaveRoom(page: Page, bytes: number): Promise<void> {
  await page.evaluate((n) => {
    window.__storageLeft = n
  }, bytes)
}
