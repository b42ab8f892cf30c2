/**
 * Data URL → bytes without a round trip through a string per byte where the
 * browser can help: `Uint8Array.fromBase64` (recent Chromium) decodes natively;
 * otherwise a lookup-table decoder, which runs close to `atob` speed without
 * building the intermediate binary string.
 */
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = (() => {
  const table = new Uint8Array(256).fill(255)
  for (let i = 0; i < BASE64_ALPHABET.length; i++) table[BASE64_ALPHABET.charCodeAt(i)] = i
  // URL-safe variants, in case a provider uses them.
  table['-'.charCodeAt(0)] = 62
  table['_'.charCodeAt(0)] = 63
  return table
})()

export interface DecodedDataUrl {
  mimeType: string
  bytes: Uint8Array
}

/** Null when the URL is not a base64 data URL or its payload is not valid base64. */
export function decodeDataUrl(url: string): DecodedDataUrl | null {
  const comma = url.indexOf(',')
  if (!url.startsWith('data:') || comma < 0) return null
  const header = url.slice(5, comma)
  if (!/;base64$/i.test(header)) return null
  const bytes = decodeBase64(url, comma + 1)
  return bytes ? { mimeType: header.split(';')[0].toLowerCase(), bytes } : null
}

type FromBase64 = (text: string) => Uint8Array
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64

/** Decodes base64 from `start` to the end of `text`; null on a character outside the alphabet. */
export function decodeBase64(text: string, start = 0): Uint8Array | null {
  if (nativeFromBase64) {
    try {
      return nativeFromBase64(start === 0 ? text : text.slice(start))
    } catch {
      return null
    }
  }
  let end = text.length
  while (end > start && (text.charCodeAt(end - 1) === 61 /* = */ || isSpace(text.charCodeAt(end - 1)))) end--
  const out = new Uint8Array(Math.floor(((end - start) * 3) / 4))
  let buffer = 0
  let bits = 0
  let o = 0
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    const value = code < 256 ? LOOKUP[code] : 255
    if (value === 255) {
      if (isSpace(code)) continue
      return null
    }
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >> bits) & 0xff
    }
  }
  return o === out.length ? out : out.subarray(0, o)
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}

type ToBase64 = (this: Uint8Array) => string
const nativeToBase64 = (Uint8Array.prototype as unknown as { toBase64?: ToBase64 }).toBase64

/** Bytes → base64, natively where the browser can (`Uint8Array.prototype.toBase64`). */
export function encodeBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes)
  // btoa takes a binary string; build it in chunks, as spreading a whole image overflows the stack.
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
