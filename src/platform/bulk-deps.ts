// Owns what every bulk write in the app is checked with: this platform's storage room and copy store, the app's version and the clock.
import type { BulkWriteDeps } from '@/db/bulk-write'
import { APP_VERSION, platform } from './index'

export function bulkWriteDeps(): BulkWriteDeps {
  return {
    room: () => platform().storageRoom(),
    copies: () => platform().copyStore(),
    appVersion: APP_VERSION,
    now: () => new Date()
  }
}
