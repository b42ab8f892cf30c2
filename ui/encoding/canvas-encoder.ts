import { encodeBase64 } from '../image/data-url'
import { MIME_TYPES } from '../image/mime-types'
import { GenerationError } from '../openrouter/errors'
import type { EncodedFormat, ImageEncoder, SourceImage } from './request-budget'

/** A layer exported by the sandbox (PNG), to be re-encoded for the request. */
export interface ExportedSource extends SourceImage {
  bytes: Uint8Array
}

const ENCODED_FORMATS: readonly EncodedFormat[] = ['png', 'jpeg', 'webp']
/** High enough that a designer sees no artefacts; lower buys little against the cap. */
const QUALITY = 0.9

/**
 * The browser's encoder for the request budget: decodes each export once and
 * draws it at the size asked for, then lets the browser encode PNG, JPEG or
 * WebP straight to the data URL the request carries.
 *
 * `toDataURL` rather than `convertToBlob`/`toBlob`: Chromium runs the async
 * PNG and JPEG encoders of the main thread in idle time and, when the page has
 * none, starts them only after a second's wait, per image (seen in the batch
 * benchmark: 8 frames took 12 s instead of 3). The synchronous encoder blocks
 * for the encode alone, tens of milliseconds, and gives the base64 we send.
 */
export function createCanvasEncoder(): { encode: ImageEncoder<ExportedSource>; dispose: () => void } {
  const bitmaps = new Map<string, Promise<ImageBitmap>>()
  const canvas = document.createElement('canvas')
  const encode: ImageEncoder<ExportedSource> = async (source, width, height, format) => {
    // The sandbox's export is a PNG of this very size already: encoding it again would give the same pixels.
    if (format === 'png' && width === source.width && height === source.height) {
      return { dataUrl: `data:${MIME_TYPES.png};base64,${encodeBase64(source.bytes)}`, format, width, height }
    }
    if (!bitmaps.has(source.id)) bitmaps.set(source.id, createImageBitmap(new Blob([source.bytes as BlobPart], { type: MIME_TYPES.png })))
    const bitmap = await bitmaps.get(source.id)!
    // Setting the size also clears the canvas.
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new GenerationError('bad-image', 'This browser could not draw the frame to encode it. Try again, or select a smaller frame.')
    if (format === 'jpeg') {
      // JPEG has no transparency: put it on white, as a designer would expect, not black.
      context.fillStyle = '#fff'
      context.fillRect(0, 0, width, height)
    }
    context.imageSmoothingQuality = 'high'
    context.drawImage(bitmap, 0, 0, width, height)
    const dataUrl = canvas.toDataURL(MIME_TYPES[format], QUALITY)
    // "data:," is how a canvas says it could not encode (too large for the memory it has).
    if (!dataUrl.includes(';base64,')) throw new GenerationError('bad-image', 'This browser could not encode the frame. Try again, or select a smaller frame.')
    // A browser without a WebP encoder answers PNG: report what really came back.
    const actual = ENCODED_FORMATS.find((f) => dataUrl.startsWith(`data:${MIME_TYPES[f]};`)) ?? 'png'
    return { dataUrl, format: actual, width, height }
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
