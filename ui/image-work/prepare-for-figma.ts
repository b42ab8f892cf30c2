import type { PreparedImage } from '../../common/domain'
import { countImageJob, imageWorker } from '../image-worker/image-worker'
import { GenerationError } from '../answer/errors'
import { drawScaled } from '../image/draw-scaled'
import { FIGMA_MAX_IMAGE_SIDE, type PixelSize, figmaSize } from '../../common/sizes'
import { readImageInfo } from '../image/image-info'
import { drawPngOnPage, withBitmapOnPageAsync } from './page-png'

export interface PreparedForFigma extends PreparedImage {
  /** The size that came back, when it had to be shrunk to fit Figma. */
  originalWidth: number
  originalHeight: number
  shrunk: boolean
  reencoded: boolean
}

const NOT_DECODED = 'The image in OpenRouter’s answer could not be decoded. Try again.'
const NOT_REENCODED = 'This browser could not re-encode the image. Try again.'

/**
 * Makes answer bytes acceptable to `figma.createImage`: PNG, JPEG and GIF up to
 * 4096 px pass through untouched (no quality lost, no time spent, the very
 * bytes given); a larger image is scaled down to fit, and WebP or anything else
 * the browser can decode is re-encoded as PNG. The sandbox cannot do this: it
 * has no image decoder.
 *
 * Re-encoding runs in the image worker, so that shrinking a 4K answer does not
 * freeze the panel, or on the main thread where the worker cannot run. The
 * bytes to re-encode are moved to the worker, not copied (25 MB for a 4K
 * answer): after the call the caller's `bytes`, and the whole ArrayBuffer
 * under them, are empty, unless they passed through.
 */
export async function prepareForFigmaAsync(bytes: Uint8Array): Promise<PreparedForFigma> {
  const info = readImageInfo(bytes)
  const fits = info !== null && info.width <= FIGMA_MAX_IMAGE_SIDE && info.height <= FIGMA_MAX_IMAGE_SIDE
  if (info && info.format !== 'webp' && fits && info.width > 0 && info.height > 0) {
    return { bytes, width: info.width, height: info.height, originalWidth: info.width, originalHeight: info.height, shrunk: false, reencoded: false }
  }
  const outcome = await imageWorker.runAsync({ type: 'prepare', bytes }, [bytes.buffer as ArrayBuffer])
  if (outcome.ok) {
    countImageJob('worker')
    const { bytes: png, originalWidth, originalHeight } = outcome.result
    return reencoded(png, outcome.result, { width: originalWidth, height: originalHeight })
  }
  // The worker could not finish: the main thread tries, with the bytes it handed back.
  const own = outcome.returned ?? bytes
  // Moved to a worker that then stopped mid-job: nothing is left to re-encode.
  if (own.byteLength === 0 && info !== null) throw new GenerationError('bad-image', NOT_REENCODED)
  countImageJob('main')
  return prepareOnMainThreadAsync(own)
}

/** The re-encode on the main thread, as the UI did before it had a worker. */
function prepareOnMainThreadAsync(bytes: Uint8Array): Promise<PreparedForFigma> {
  return withBitmapOnPageAsync(bytes, NOT_DECODED, (bitmap) => {
    const { width, height } = figmaSize(bitmap)
    const png = drawPngOnPage(width, height, (context) => drawScaled(context, bitmap, width, height, false))
    return reencoded(png, { width, height }, bitmap)
  })
}

function reencoded(png: Uint8Array, size: PixelSize, original: PixelSize): PreparedForFigma {
  const shrunk = size.width < original.width || size.height < original.height
  return { bytes: png, width: size.width, height: size.height, originalWidth: original.width, originalHeight: original.height, shrunk, reencoded: true }
}
