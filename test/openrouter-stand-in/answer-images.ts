/** Real PNG images for the stand-in's answers, as data URLs, and what counts as an image URL in a request. */
import { encodePng, toBase64 } from '../images/png'

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

export function isImageUrl(url: string): boolean {
  return /^data:image\/(png|jpeg|webp|gif);base64,/.test(url) || url.startsWith('https://')
}
