/** The format and pixel size of encoded image bytes, read from their headers alone. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp'

export interface ImageInfo {
  format: ImageFormat
  width: number
  height: number
}

/** Null when the bytes are none of the formats OpenRouter returns, or are cut short. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  if (isPng(bytes)) return bytes.length >= 24 ? { format: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) } : null
  if (bytes.length >= 10 && ascii(bytes, 0, 4) === 'GIF8') {
    return { format: 'gif', width: bytes[6] | (bytes[7] << 8), height: bytes[8] | (bytes[9] << 8) }
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpeg(bytes)
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return readWebp(bytes)
  return null
}

function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47
}

/** Walks the JPEG markers to the first start-of-frame, which holds the size. */
function readJpeg(b: Uint8Array): ImageInfo | null {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    const length = (b[i + 2] << 8) | b[i + 3]
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isStartOfFrame) {
      return { format: 'jpeg', height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] }
    }
    i += 2 + length
  }
  return null
}

function readWebp(b: Uint8Array): ImageInfo | null {
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8X') {
    return { format: 'webp', width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) }
  }
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8 ') {
    return { format: 'webp', width: (b[26] | (b[27] << 8)) & 0x3fff, height: (b[28] | (b[29] << 8)) & 0x3fff }
  }
  return null
}

function ascii(b: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...b.subarray(start, start + length))
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0
}

function u24le(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)
}
