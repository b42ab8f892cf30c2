/**
 * Real images for the stand-in's answers (PNG data URLs, and the Image API's
 * formats as base64), and what counts as an image URL in a request.
 */
import { readFileSync } from 'node:fs'
import { encodeJpeg, encodePng, toBase64 } from '../images/png'

const imageUrls = new Map<string, string>()

/**
 * A real PNG of the size as a data URL; kept per size, so that answering costs
 * no more than the latency set. A transparent one (background_mode
 * transparent) has an opaque middle on a fully transparent ground, as a cut-out would.
 * `coordinates`: every pixel says where it is (coordinatePixel), so that a
 * test can tell that each pixel ended where it belongs.
 */
export function imageUrl(size: { width: number; height: number }, transparent = false, coordinates = false): string {
  const key = `${size.width}x${size.height}${transparent ? '-transparent' : ''}${coordinates ? '-coordinates' : ''}`
  if (!imageUrls.has(key)) {
    const png = encodePng(size.width, size.height, coordinates ? coordinatePixel : transparent ? cutOut(size) : undefined)
    imageUrls.set(key, `data:image/png;base64,${toBase64(png)}`)
  }
  return imageUrls.get(key)!
}

/**
 * A pixel unique to its place in any image up to 5376×3072 (a 4K answer is
 * 5120×2880 at most): red and green the low bits of x and y, blue their high
 * bits. The top 8 rows are fully transparent, to tell that alpha survives
 * (fully transparent, so no premultiplying can change what is compared).
 */
export function coordinatePixel(x: number, y: number): [number, number, number, number] {
  if (y < 8) return [0, 0, 0, 0]
  return [x & 0xff, y & 0xff, ((x >> 8) + (y >> 8) * 21) & 0xff, 255]
}

/** The pixels of a cut-out: the middle half opaque, the ground around it transparent. */
function cutOut(size: { width: number; height: number }) {
  const inside = (value: number, length: number) => value >= length / 4 && value < (length * 3) / 4
  return (x: number, y: number): [number, number, number, number] =>
    inside(x, size.width) && inside(y, size.height) ? [200, 80, 40, 255] : [0, 0, 0, 0]
}

/** A real WebP (Node has no encoder of its own): 640×480, whatever size was asked. */
export const WEBP = new Uint8Array(readFileSync(new URL('../fixtures/sample-640x480.webp', import.meta.url)))

/** The formats the Image API's `output_format` names. */
export type OutputFormat = 'png' | 'jpeg' | 'webp'

const encodedImages = new Map<string, string>()

/**
 * An image in the format asked, as the Image API's bare base64 and its
 * `media_type`: a PNG as `imageUrl` makes it, a JPEG of the same pixels
 * (its cut-out flattened: JPEG has no alpha), or the WebP fixture.
 */
export function encodedImage(size: { width: number; height: number }, format: OutputFormat, transparent = false): { base64: string; mediaType: string } {
  if (format === 'png') {
    const url = imageUrl(size, transparent)
    return { base64: url.slice(url.indexOf(',') + 1), mediaType: 'image/png' }
  }
  if (format === 'webp') return { base64: toBase64(WEBP), mediaType: 'image/webp' }
  const key = `${size.width}x${size.height}${transparent ? '-transparent' : ''}`
  if (!encodedImages.has(key)) encodedImages.set(key, toBase64(encodeJpeg(size.width, size.height, 85, transparent ? cutOut(size) : undefined)))
  return { base64: encodedImages.get(key)!, mediaType: 'image/jpeg' }
}

const noisyImageUrls = new Map<string, string>()

/** A square PNG of random pixels (deflate cannot shrink noise) whose base64 is about `megabytes` MB. */
export function noisyImageUrl(megabytes: number): string {
  const key = `noise-${megabytes}`
  if (!noisyImageUrls.has(key)) {
    // Base64 adds a third to the 4 bytes of each RGBA pixel.
    const side = Math.round(Math.sqrt((megabytes * 1024 * 1024 * 3) / 4 / 4))
    let seed = 1
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)
    noisyImageUrls.set(key, `data:image/png;base64,${toBase64(encodePng(side, side, () => [random(), random(), random(), 255]))}`)
  }
  return noisyImageUrls.get(key)!
}

export function isImageUrl(url: string): boolean {
  return /^data:image\/(png|jpeg|webp|gif);base64,/.test(url) || url.startsWith('https://')
}
