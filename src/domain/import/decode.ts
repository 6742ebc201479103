// Owns turning a bill file's bytes into text: which encoding it is in (UTF-8, GBK/GB18030, UTF-16), and when it is in none of them.

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  /**
   * The bytes are not valid in any encoding bills come in. `text` is the closest reading
   * (replacement characters where bytes were bad), so the caller can name the rows that are bad.
   */
  | { ok: false; text: string; encoding: TextEncodingName }

const REPLACEMENT = '\uFFFD'

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

function lenient(encoding: TextEncodingName, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes)
}

function count(text: string, char: string): number {
  let n = 0
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++
  return n
}

/**
 * UTF-16 without a byte-order mark: every other byte of ASCII text is zero. Decoded as UTF-8 or
 * GBK such a file is all NUL characters and gibberish, so it is told apart before trying those.
 */
function utf16Guess(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const half = n / 2
  if (half > 8 && oddZero > half * 0.3 && evenZero < half * 0.05) return 'utf-16le'
  if (half > 8 && evenZero > half * 0.3 && oddZero < half * 0.05) return 'utf-16be'
  return null
}

/**
 * Reads a bill's bytes. A byte-order mark decides; otherwise strict UTF-8 first (WeChat, JD,
 * Meituan) and strict GB18030 second (Alipay's GBK is a subset). GBK text is almost never valid
 * UTF-8, and UTF-8 Chinese is rarely valid GBK in the same places, so the first strict success
 * is the file's encoding. When both fail, the reading with fewer bad characters is returned.
 */
export function decodeBill(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes)
    return text === null ? { ok: false, text: lenient('utf-8', bytes), encoding: 'utf-8' } : { ok: true, text, encoding: 'utf-8' }
  }
  const bom16: TextEncodingName | null = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
  const wide = bom16 ?? utf16Guess(bytes)
  if (wide) {
    const text = strict(wide, bytes)
    return text === null ? { ok: false, text: lenient(wide, bytes), encoding: wide } : { ok: true, text, encoding: wide }
  }
  const utf8 = strict('utf-8', bytes)
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' }
  const gb = strict('gb18030', bytes)
  if (gb !== null) return { ok: true, text: gb, encoding: 'gb18030' }
  const asUtf8 = lenient('utf-8', bytes)
  const asGb = lenient('gb18030', bytes)
  return count(asGb, REPLACEMENT) <= count(asUtf8, REPLACEMENT)
    ? { ok: false, text: asGb, encoding: 'gb18030' }
    : { ok: false, text: asUtf8, encoding: 'utf-8' }
}

/**
 * Text that went through a wrong conversion on its way here: GBK bytes read as Latin-1 and saved
 * again ("½»Ò×Ê±¼ä" for 交易时间). Such text is valid in its encoding but a bill's Chinese has
 * become Latin-1 letters, so no header row is found; this tells the user why.
 */
export function looksMisdecoded(text: string): boolean {
  let latin = 0
  let cjk = 0
  const n = Math.min(text.length, 20_000)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80 && c <= 0xff) latin++
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++
  }
  return count(text.slice(0, n), REPLACEMENT) > 0 || (latin > 20 && latin > cjk)
}
