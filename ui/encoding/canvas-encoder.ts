import type { Encoded, EncodedFormat, ImageEncoder, SourceImage } from './request-budget'

/** A layer exported by the sandbox (PNG), to be re-encoded for the request. */
export interface ExportedSource extends SourceImage {
  bytes: Uint8Array
}

const MIME: Record<EncodedFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' }
/** High enough that a designer sees no artefacts; lower buys little against the cap. */
const QUALITY = 0.9

/**
 * The browser's encoder for the request budget: decodes each export once and
 * draws it at the size asked for on an OffscreenCanvas, then lets the browser
 * encode PNG, JPEG or WebP.
 */
export function createCanvasEncoder(): { encode: ImageEncoder<ExportedSource>; dispose: () => void } {
  const bitmaps = new Map<string, Promise<ImageBitmap>>()
  const encode: ImageEncoder<ExportedSource> = async (source, width, height, format) => {
    if (!bitmaps.has(source.id)) bitmaps.set(source.id, createImageBitmap(new Blob([source.bytes as BlobPart], { type: 'image/png' })))
    const bitmap = await bitmaps.get(source.id)!
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')!
    if (format === 'jpeg') {
      // JPEG has no transparency: put it on white, as a designer would expect, not black.
      context.fillStyle = '#fff'
      context.fillRect(0, 0, width, height)
    }
    context.imageSmoothingQuality = 'high'
    context.drawImage(bitmap, 0, 0, width, height)
    const blob = await canvas.convertToBlob({ type: MIME[format], quality: QUALITY })
    // A browser without a WebP encoder answers PNG: report what really came back.
    const actual = (Object.keys(MIME) as EncodedFormat[]).find((f) => MIME[f] === blob.type) ?? format
    const encoded: Encoded = { bytes: new Uint8Array(await blob.arrayBuffer()), format: actual, width, height }
    return encoded
  }
  return {
    encode,
    dispose: () => {
      for (const bitmap of bitmaps.values()) void bitmap.then((b) => b.close(), () => {})
      bitmaps.clear()
    },
  }
}
