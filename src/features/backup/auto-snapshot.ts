// Owns the desktop app's automatic snapshot when one is due: the whole backup, sealed with this device's snapshot key when protection is on, handed to the main process to write.
import { appDb } from '@/db/instance'
import { readBackupPayload } from '@/db/backup-store'
import { createBackup, payloadChecksum } from '@/domain/backup/backup-file'
import { sealWithKey, snapshotFingerprint } from '@/domain/backup/encrypted'
import { snapshotTooSoon } from '@/domain/backup/snapshot-due'
import { APP_VERSION, type SnapshotApi } from '@/platform'
import { snapshotSealingKey } from './snapshot-key'

/**
 * Takes the snapshot when it is due. Hashing the whole ledger is the costly part, so the time is
 * checked first. A protected snapshot carries a keyed fingerprint of the checksum rather than the
 * checksum itself, and main compares fingerprints: unchanged data is still not written twice.
 */
export async function takeDueSnapshot(snapshots: SnapshotApi, now: Date): Promise<'written' | 'notDue'> {
  const newest = (await snapshots.list()).snapshots.find((s) => s.kind === 'auto')
  if (newest && snapshotTooSoon(Date.parse(newest.createdAt), now.getTime())) return 'notDue'
  const payload = await readBackupPayload(appDb())
  const checksum = await payloadChecksum(payload)
  const sealing = await snapshotSealingKey()
  const mark = sealing ? await snapshotFingerprint(sealing.key, checksum) : checksum
  if (!(await snapshots.needed(mark))) return 'notDue'
  const made = await createBackup({ payload, appVersion: APP_VERSION, createdAt: now.toISOString() })
  const text = sealing ? await sealWithKey(made.text, sealing, mark) : made.text
  const result = await snapshots.save({ text, kind: 'auto' })
  return result.written ? 'written' : 'notDue'
}
