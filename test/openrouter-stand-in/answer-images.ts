/** Real PNG images for the stand-in's answers, as data URLs, and what counts as an image URL in a request. */
import { encodePng, toBase64 } from '../images/png'

const imageUrls = new Map<string, string>()

/**
 * A real PNG of the size as a data URL; kept per size, so that answering costs
 * no more than the latency set. A transparent one (background_mode
 * transparent) has an opaque middle on a fully transparent ground, as a cut-out would.
 */
export function imageUrl(size: { width: number; height: number }, transparent = false): string {
  const key = `${size.width}x${size.height}${transparent ? '-transparent' : ''}`
  if (!imageUrls.has(key)) {
    const png = transparent ? encodePng(size.width, size.height, cutOut(size)) : encodePng(size.width, size.height)
    imageUrls.set(key, `data:image/png;base64,${toBase64(png)}`)
  }
  return imageUrls.get(key)!
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
