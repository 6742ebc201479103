// Owns preferences of this device that are not ledger data (a backup leaves them out, another device does not share them): kept in the browser's localStorage, which both the web app and the desktop renderer have.

/** The stored text under `key`, or null when there is none or storage is unavailable (private mode, blocked). */
export function readDevicePref(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** Stores the text; false when the storage refused (full or blocked): the caller goes on without it. */
export function writeDevicePref(key: string, value: string): boolean {
  try {
    if (!globalThis.localStorage) return false
    globalThis.localStorage.setItem(key, value)
    return true
  } catch {
    return false
  }
}
