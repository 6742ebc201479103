// Tests telling a bill's encoding from its bytes: UTF-8, GBK, UTF-16, and bytes that are none of them.
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeBill, looksMisdecoded } from './decode'

/** Each byte as the character of the same code: what reading GBK as Latin-1 makes of it. */
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('')

const TEXT = '交易时间,交易对方,金额\n2026-11-05 20:15:03,饿了么,35.50\n'

describe('decodeBill', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeBill(new TextEncoder().encode(TEXT))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' })
    const withBom = decodeBill(new TextEncoder().encode(`\uFEFF${TEXT}`))
    expect(withBom.ok && withBom.text).toBe(TEXT)
  })

  it('reads GBK as GB18030', () => {
    expect(decodeBill(new Uint8Array(iconv.encode(TEXT, 'gbk')))).toEqual({ ok: true, text: TEXT, encoding: 'gb18030' })
  })

  it('reads UTF-16 with a mark, and without one by its zero bytes', () => {
    expect(decodeBill(new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true })))).toMatchObject({ ok: true, text: TEXT, encoding: 'utf-16le' })
    expect(decodeBill(new Uint8Array(iconv.encode(TEXT, 'utf-16be', { addBOM: true })))).toMatchObject({ ok: true, text: TEXT, encoding: 'utf-16be' })
    expect(decodeBill(new Uint8Array(iconv.encode(TEXT.repeat(3), 'utf-16le')))).toMatchObject({ ok: true, encoding: 'utf-16le' })
  })

  it('reports bytes valid in no encoding, with the closest reading marking the bad spot', () => {
    const gbk = new Uint8Array(iconv.encode(TEXT, 'gbk'))
    // A lead byte followed by a byte no GBK character has.
    const broken = new Uint8Array([...gbk.slice(0, 30), 0x81, 0x7f, ...gbk.slice(30)])
    const result = decodeBill(broken)
    expect(result.ok).toBe(false)
    expect(result.encoding).toBe('gb18030')
    expect(result.text).toContain('\uFFFD')
    expect(result.text).toContain('饿了么')
  })
})

describe('looksMisdecoded', () => {
  it('spots GBK text that was read as Latin-1 and saved again', () => {
    const mojibake = latin1(iconv.encode(TEXT.repeat(3), 'gbk'))
    expect(looksMisdecoded(mojibake)).toBe(true)
    expect(looksMisdecoded(TEXT)).toBe(false)
    expect(looksMisdecoded('plain ascii, no bill')).toBe(false)
  })
})
