import { GenerationError } from '../answer/errors'
import { decodeDataUrl } from '../image/data-url'

/**
 * Draws on a page canvas of the size given and encodes it as PNG: the main
 * thread's way, where the image worker cannot run. `toDataURL` rather than
 * `convertToBlob`: Chromium may hold the async encoder of the main thread for
 * a second waiting for idle time (see ../encoding/main-thread-encoder.ts).
 */
export function drawPngOnPage(width: number, height: number, draw: (context: CanvasRenderingContext2D) => void): Uint8Array {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new GenerationError('bad-image', 'This browser could not resize the image. Try again.')
  draw(context)
  const png = decodeDataUrl(canvas.toDataURL('image/png'))
  // Let the backing store go at once: at 4096 px it is 64 MB.
  canvas.width = 0
  canvas.height = 0
  if (!png) throw new GenerationError('bad-image', 'This browser could not re-encode the image. Try again.')
  return png.bytes
}

/**
 * Decodes image bytes on the main thread, hands the bitmap to `draw` and lets it
 * go once `draw` is done (a 4K bitmap holds 60 MB). Bytes that do not decode throw a
 * GenerationError with `notDecoded`.
 */
export async function withBitmapOnPageAsync<T>(bytes: Uint8Array, notDecoded: string, draw: (bitmap: ImageBitmap) => T | Promise<T>): Promise<T> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart]))
  } catch {
    throw new GenerationError('bad-image', notDecoded)
  }
  try {
    // Awaited before the bitmap goes: `draw` may itself wait (for a second bitmap).
    return await draw(bitmap)
  } finally {
    bitmap.close()
  }
}
