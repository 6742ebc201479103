// Owns base64 text for bytes (salts, keys, ciphertext in JSON files), through the platform's btoa/atob.

export function toBase64(bytes: Uint8Array): string {
  let text = ''
  // In slices: String.fromCharCode(...bytes) of a whole backup would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** The bytes, or null when the text is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  let raw: string
  try {
    raw = atob(text)
  } catch {
    return null
  }
  const out = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
  return out
}
