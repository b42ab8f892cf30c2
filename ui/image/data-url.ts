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

/**
 * An encoded image as a request carries it until its body is written: its bytes, not its
 * data: URL. The URL is a third larger, and writing it, then handing its megabytes to the
 * worker that writes the body, held the panel's main thread past 50 ms while four formats
 * landed (bench/results/notes.md); the worker writes it (`jsonWithDataUrls`).
 */
export interface ImageBytes {
  mimeType: string
  bytes: Uint8Array
}

/** The length of the image's data: URL in characters, and so in bytes (base64 is ASCII), without writing it. */
export function dataUrlLength(image: ImageBytes): number {
  return `data:${image.mimeType};base64,`.length + 4 * Math.ceil(image.bytes.length / 3)
}

function isImageBytes(value: unknown): value is ImageBytes {
  const image = value as Partial<ImageBytes> | null
  return typeof image === 'object' && image !== null && image.bytes instanceof Uint8Array && typeof image.mimeType === 'string'
}

/** The JSON of `value`, each ImageBytes in it written as its data: URL: a request's body. */
export function jsonWithDataUrls(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (isImageBytes(item) ? `data:${item.mimeType};base64,${encodeBase64(item.bytes)}` : item))
}

/** `value` with each ImageBytes in it replaced by `swap`'s, copying the arrays and objects around them. */
export function swapImageBytes<T>(value: T, swap: (image: ImageBytes) => ImageBytes): T {
  if (isImageBytes(value)) return swap(value) as T
  if (Array.isArray(value)) return value.map((item: unknown) => swapImageBytes(item, swap)) as T
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swapImageBytes(item, swap)])) as T
  return value
}
