/**
 * Real image bytes for tests and stand-ins, in any environment (Node or the
 * browser host page): PNG through fflate, JPEG through jpeg-js. Content is a
 * cheap deterministic pattern, so that a 4K image encodes in a fraction of a second.
 */
import { unzlibSync, zlibSync } from 'fflate'
import jpeg from 'jpeg-js'

export type Rgba = [number, number, number, number]

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** The default content: a diagonal gradient with stripes, flat enough to compress fast. */
export function patternPixel(x: number, y: number, seed = 0): Rgba {
  const stripe = ((x >> 5) + (y >> 5) + seed) & 1
  return [(x + seed * 40) & 0xff, (y + seed * 90) & 0xff, stripe ? 200 : 60, 255]
}

/** RGBA pixels of a size, from a pixel function. */
export function makePixels(width: number, height: number, pixel: (x: number, y: number) => Rgba = patternPixel): Uint8Array {
  const data = new Uint8Array(width * height * 4)
  let i = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Indexing, not destructuring: this runs for every pixel of 4K images.
      const rgba = pixel(x, y)
      data[i++] = rgba[0]
      data[i++] = rgba[1]
      data[i++] = rgba[2]
      data[i++] = rgba[3]
    }
  }
  return data
}

const pngCache = new Map<string, Uint8Array>()

/** A valid PNG (8-bit RGBA, filter 0 on every row). Default-pattern results are cached by size. */
export function encodePng(width: number, height: number, pixel?: (x: number, y: number) => Rgba): Uint8Array {
  const key = `${width}x${height}`
  if (!pixel && pngCache.has(key)) return pngCache.get(key)!
  const rgba = makePixels(width, height, pixel)
  const raw = new Uint8Array(height * (width * 4 + 1))
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1)
  }
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 6, 0, 0, 0], 8)
  const png = concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ])
  if (!pixel) pngCache.set(key, png)
  return png
}

/**
 * The RGBA pixels of an 8-bit, non-interlaced PNG (RGBA or RGB; RGB reads as
 * opaque), any row filter: enough to check transparency in what a test got back.
 */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  const [depth, colourType, , , interlace] = png.subarray(24, 29)
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0
  if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`decodePng reads 8-bit RGB(A) only, not depth ${depth} type ${colourType}`)
  const idat: Uint8Array[] = []
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at)
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = unzlibSync(concat(idat))
  const stride = width * channels
  const rows = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[y * stride + x - channels] : 0
      const up = y > 0 ? rows[(y - 1) * stride + x] : 0
      const upLeft = y > 0 && x >= channels ? rows[(y - 1) * stride + x - channels] : 0
      rows[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + unfilter(filter, left, up, upLeft)) & 0xff
    }
  }
  if (channels === 4) return { width, height, rgba: rows }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0, o = 0; i < rows.length; i += 3, o += 4) rgba.set([rows[i], rows[i + 1], rows[i + 2], 255], o)
  return { width, height, rgba }
}

function unfilter(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0
    case 1:
      return left
    case 2:
      return up
    case 3:
      return (left + up) >> 1
    case 4: {
      const p = left + up - upLeft
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
    }
    default:
      throw new Error(`Unknown PNG filter ${filter}`)
  }
}

/** A valid baseline JPEG. */
export function encodeJpeg(width: number, height: number, quality = 85, pixel?: (x: number, y: number) => Rgba): Uint8Array {
  const encoded = jpeg.encode({ data: makePixels(width, height, pixel), width, height }, quality)
  return new Uint8Array(encoded.data)
}

/** A valid GIF89a header and a minimal 1-colour image of any logical size (for format tests). */
export function encodeGif(width: number, height: number): Uint8Array {
  const lsd = [width & 0xff, width >> 8, height & 0xff, height >> 8, 0x80, 0, 0]
  const palette = [0, 0, 0, 255, 255, 255]
  const image = [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00]
  return new Uint8Array([...'GIF89a'].map((c) => c.charCodeAt(0)).concat(lsd, palette, image, [0x3b]))
}

export interface ImageInfo {
  format: 'png' | 'jpeg' | 'gif' | 'webp'
  width: number
  height: number
}

/**
 * The tests' own header reader, written apart from the UI's so that a bug in
 * one cannot hide in the other.
 */
export function readImageInfo(b: Uint8Array): ImageInfo | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const tag = (at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0))
  if (b.length >= 24 && b[0] === 0x89 && tag(1, 'PNG')) return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) }
  if (b.length >= 10 && tag(0, 'GIF8')) return { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) }
  if (b.length >= 30 && tag(0, 'RIFF') && tag(8, 'WEBP')) {
    if (tag(12, 'VP8X')) return { format: 'webp', width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) }
    if (tag(12, 'VP8L')) {
      const bits = view.getUint32(21, true)
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
    }
    if (tag(12, 'VP8 ')) return { format: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff }
    return null
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2
    while (i + 9 < b.length && b[i] === 0xff) {
      const marker = b[i + 1]
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { format: 'jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) }
      }
      i += 2 + view.getUint16(i + 2)
    }
  }
  return null
}

/** Sourceful's documented output sizes (docs/contracts.md#output-pixel-sizes): 1K table, 2K doubles, 4K quadruples. */
const SIZES_1K: Record<string, [number, number]> = {
  '1:1': [1024, 1024],
  '16:9': [1280, 720],
  '3:2': [1248, 832],
  '4:3': [1152, 864],
  '5:4': [1120, 896],
  '21:9': [1512, 648],
  '4:5': [896, 1120],
  '2:3': [832, 1248],
  '3:4': [864, 1152],
  '9:16': [720, 1280],
}

export function imageSizeFor(aspectRatio: string, imageSize: string): { width: number; height: number } {
  const [w, h] = SIZES_1K[aspectRatio] ?? SIZES_1K['1:1']
  const scale = imageSize === '4K' ? 4 : imageSize === '2K' ? 2 : 1
  return { width: w * scale, height: h * scale }
}

/** Base64 in any environment (btoa over chunks; Buffer is Node-only). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
