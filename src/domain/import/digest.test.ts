// Tests the synchronous SHA-256 against the platform's own (crypto.subtle), on text of every length around the block edges and on any text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../backup/backup-file'
import { sha256HexSync } from './digest'

describe('sha256HexSync', () => {
  it('gives the standard digests', async () => {
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    for (let n = 50; n <= 130; n++) expect(sha256HexSync('x'.repeat(n))).toBe(await sha256Hex('x'.repeat(n)))
  })

  it('agrees with crypto.subtle on any text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => sha256HexSync(text) === (await sha256Hex(text))))
  })
})
