// Owns the name of this device's sync state in the meta table: its node id, clock, files sent and merged, and the conflict log - the device's own, never in a backup and never replaced by a restore.
export const SYNC_STATE_KEY = 'sync.state'
