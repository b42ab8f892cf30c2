import { decodeDataUrl } from '../image/data-url'
import { drawScaled, LOSSY_QUALITY } from '../image/draw-scaled'
import { MIME_TYPES } from '../image/mime-types'
import { GenerationError } from '../answer/errors'
import type { EncodedFormat, ImageEncoder, SourceImage } from './request-budget'

const ENCODED_FORMATS: readonly EncodedFormat[] = ['png', 'jpeg', 'webp']

/** The format an encoder really made, from its MIME type: a browser without a WebP encoder answers PNG. */
export function encodedFormatOf(mimeType: string): EncodedFormat {
  return ENCODED_FORMATS.find((format) => MIME_TYPES[format] === mimeType) ?? 'png'
}

/**
 * The request encoder on the main thread, for when the image worker cannot run
 * (../image-worker/): decodes each export once and draws it at the size asked
 * for on a canvas, then lets the browser encode PNG, JPEG or WebP.
 *
 * `toDataURL` rather than `convertToBlob`/`toBlob`: Chromium runs the async
 * PNG and JPEG encoders of the main thread in idle time and, when the page has
 * none, starts them only after a second's wait, per image (seen in the batch
 * benchmark: 8 frames took 12 s instead of 3). The synchronous encoder blocks
 * for the encode alone, tens of milliseconds.
 */
export function createMainThreadEncoder<S extends SourceImage & { bytes: Uint8Array }>(): { encode: ImageEncoder<S>; dispose: () => void } {
  const bitmaps = new Map<string, Promise<ImageBitmap>>()
  const canvas = document.createElement('canvas')
  const encode: ImageEncoder<S> = async (source, width, height, format) => {
    if (!bitmaps.has(source.id)) bitmaps.set(source.id, createImageBitmap(new Blob([source.bytes as BlobPart], { type: MIME_TYPES.png })))
    const bitmap = await bitmaps.get(source.id)!
    // Setting the size also clears the canvas.
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new GenerationError('bad-image', 'This browser could not draw the frame to encode it. Try again, or select a smaller frame.')
    drawScaled(context, bitmap, width, height, format === 'jpeg')
    const dataUrl = canvas.toDataURL(MIME_TYPES[format], LOSSY_QUALITY)
    // "data:," is how a canvas says it could not encode (too large for the memory it has).
    const decoded = decodeDataUrl(dataUrl)
    if (!decoded) throw new GenerationError('bad-image', 'This browser could not encode the frame. Try again, or select a smaller frame.')
    return { bytes: decoded.bytes, format: encodedFormatOf(decoded.mimeType), width, height }
  }
  return {
    encode,
    dispose: () => {
      for (const bitmap of bitmaps.values()) void bitmap.then((b) => b.close(), () => {})
      bitmaps.clear()
      // Let the canvas's backing store go at once rather than with the next collection.
      canvas.width = 0
      canvas.height = 0
    },
  }
}
