import type { PreparedImage } from '../../common/domain'
import { GenerationError } from '../openrouter/errors'
import { decodeDataUrl } from './data-url'
import { readImageInfo } from './image-info'
import { scaleSize } from './scale-size'

/** `figma.createImage` refuses anything larger on either side. */
export const FIGMA_MAX_IMAGE_SIDE = 4096

export interface PreparedForFigma extends PreparedImage {
  /** The size that came back, when it had to be shrunk to fit Figma. */
  originalWidth: number
  originalHeight: number
  shrunk: boolean
  reencoded: boolean
}

/**
 * Makes answer bytes acceptable to `figma.createImage`: PNG, JPEG and GIF up to
 * 4096 px pass through untouched (no quality lost, no time spent); a larger
 * image is scaled down to fit, and WebP or anything else the browser can decode
 * is re-encoded as PNG. The sandbox cannot do this: it has no image decoder.
 */
export async function prepareForFigmaAsync(bytes: Uint8Array): Promise<PreparedForFigma> {
  const info = readImageInfo(bytes)
  const fits = info !== null && info.width <= FIGMA_MAX_IMAGE_SIDE && info.height <= FIGMA_MAX_IMAGE_SIDE
  if (info && info.format !== 'webp' && fits && info.width > 0 && info.height > 0) {
    return { bytes, width: info.width, height: info.height, originalWidth: info.width, originalHeight: info.height, shrunk: false, reencoded: false }
  }
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart]))
  } catch {
    throw new GenerationError('bad-image', 'The image in OpenRouter’s answer could not be decoded. Try again.')
  }
  try {
    const scale = Math.min(1, FIGMA_MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height))
    const { width, height } = scaleSize(bitmap, scale)
    const png = encodePng(bitmap, width, height)
    return { bytes: png, width, height, originalWidth: bitmap.width, originalHeight: bitmap.height, shrunk: scale < 1, reencoded: true }
  } finally {
    bitmap.close()
  }
}

/**
 * Draws the bitmap at the size asked for and encodes it as PNG. `toDataURL`
 * rather than `convertToBlob`: Chromium may hold the async encoder of the main
 * thread for a second waiting for idle time (see ../encoding/canvas-encoder.ts).
 */
function encodePng(source: ImageBitmap, width: number, height: number): Uint8Array {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new GenerationError('bad-image', 'This browser could not resize the image. Try again.')
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(source, 0, 0, width, height)
  const png = decodeDataUrl(canvas.toDataURL('image/png'))
  // Let the backing store go at once: at 4096 px it is 64 MB.
  canvas.width = 0
  canvas.height = 0
  if (!png) throw new GenerationError('bad-image', 'This browser could not re-encode the image. Try again.')
  return png.bytes
}
