// Owns what the browser engine says about this app's storage (both builds run on Chromium): usage and quota, whether it is persistent, and asking for persistence.

export interface StorageEstimateResult {
  usage: number
  quota: number
}

/** navigator.storage.estimate(), or null where the browser does not say. */
export async function estimateStorage(): Promise<StorageEstimateResult | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.estimate !== 'function') return null
  try {
    const { usage, quota } = await navigator.storage.estimate()
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null
  } catch {
    return null
  }
}

/** Whether the browser keeps this app's data under storage pressure; null where it cannot say. */
export async function storagePersisted(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.persisted !== 'function') return null
  try {
    return await navigator.storage.persisted()
  } catch {
    return null
  }
}

/** Asks the browser to keep the data (it may ask the user, or decide by itself); the answer, or false where it cannot ask. */
export async function requestPersistence(): Promise<boolean> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.persist !== 'function') return false
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist())
  } catch {
    return false
  }
}
