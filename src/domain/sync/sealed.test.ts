import { describe, expect, it } from 'vitest'
import { createSyncKey, openMessages, openSyncKey, sealMessages } from './sealed'
import type { SyncMessage } from './merge'
import { fromBase64, toBase64 } from '../crypto/base64'

const PASS = '同步口令 correct horse'
const PATH = 'credit-ledger-sync/000000000000000a/000001.msg'
const messages: SyncMessage[] = [
  { table: 'accounts', row: 'acc-1', field: 'name', value: '花呗', time: '2026-12-05T10:00:00.000Z-0000-000000000000000a', base: null },
  { table: 'draws', row: 'd-1', field: 'principal', value: 1_234_567, time: '2026-12-05T10:00:00.000Z-0001-000000000000000a', base: null },
  { table: 'draws', row: 'd-1', field: 'drawDate', value: '2026-11-24', time: '2026-12-05T10:00:00.000Z-0002-000000000000000a', base: null }
]

describe('a sync folder sealed with the passphrase', () => {
  it('a second device gets the same key from the key file and the passphrase, and reads the first one\'s messages', async () => {
    const first = await createSyncKey(PASS)
    const text = await sealMessages(first.key, PATH, messages)
    const second = await openSyncKey(JSON.stringify(first.file), PASS)
    expect(second.ok).toBe(true)
    expect(second.ok && (await openMessages(second.key, PATH, text))).toEqual({ ok: true, messages })
  })

  it('the server sees no name, amount or date: not in the key file, not in a message file', async () => {
    const first = await createSyncKey(PASS)
    const text = await sealMessages(first.key, PATH, messages)
    for (const plain of ['花呗', '1234567', '2026-11-24', 'principal', 'accounts', 'drawDate']) {
      expect(text).not.toContain(plain)
      expect(JSON.stringify(first.file)).not.toContain(plain)
    }
  })

  it('refuses a wrong passphrase, a changed byte, a file moved to another name, and a file that is not ours', async () => {
    const first = await createSyncKey(PASS)
    expect(await openSyncKey(JSON.stringify(first.file), 'wrong passphrase')).toEqual({ ok: false, problem: { code: 'wrongPassphrase' } })
    expect(await openSyncKey('{"format":"other"}', PASS)).toEqual({ ok: false, problem: { code: 'foreign', detail: 'key.json' } })
    const text = await sealMessages(first.key, PATH, messages)
    const file = JSON.parse(text) as { v: number; iv: string; data: string }
    const data = fromBase64(file.data)!
    data[5] = data[5]! ^ 0x20
    expect(await openMessages(first.key, PATH, JSON.stringify({ ...file, data: toBase64(data) }))).toEqual({ ok: false, problem: { code: 'tampered' } })
    // The same bytes under another device's folder: its path is the additional data.
    expect(await openMessages(first.key, 'credit-ledger-sync/000000000000000b/000001.msg', text)).toEqual({ ok: false, problem: { code: 'tampered' } })
    expect(await openMessages(first.key, PATH, 'not json')).toEqual({ ok: false, problem: { code: 'foreign', detail: PATH } })
    // Sealed with our key but holding something that is not a list of messages.
    const wrongShape = await sealMessages(first.key, PATH, [{ ...messages[0]!, time: 'yesterday' }])
    expect(await openMessages(first.key, PATH, wrongShape)).toEqual({ ok: false, problem: { code: 'foreign', detail: PATH } })
  })
})
