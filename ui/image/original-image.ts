import { FIGMA_MAX_IMAGE_SIDE } from '../../common/sizes'
import { copyInSlicesAsync } from './copy-in-slices'
import { readImageInfo } from './image-info'
import { MIME_TYPES } from './mime-types'

/** An answer's image as it came, before it was made to fit Figma. */
export interface OriginalImage {
  bytes: Uint8Array
  mimeType: string
  width: number
  height: number
}

/**
 * A copy of answer bytes that Figma cannot take as they are (larger than
 * 4096 px, WebP, or a header that does not read): made before they are handed
 * to the image worker, which empties them. It is the paid image whatever
 * happens next: downloaded at full size, cut into tiles, or kept when it
 * cannot be made ready for Figma. Null for an image Figma takes as it is, the
 * common case, so that nothing is copied. Made in slices: one copy of a 4K
 * answer's 25 MB held the panel's main thread for about 100 ms.
 */
export async function copyIfReencodedAsync(bytes: Uint8Array): Promise<OriginalImage | null> {
  const info = readImageInfo(bytes)
  if (!info) return { bytes: await copyInSlicesAsync(bytes), mimeType: 'application/octet-stream', width: 0, height: 0 }
  if (info.format !== 'webp' && !isOverFigmaLimit(info)) return null
  return { bytes: await copyInSlicesAsync(bytes), mimeType: MIME_TYPES[info.format], width: info.width, height: info.height }
}

/** Larger than `figma.createImage` takes on a side. */
export function isOverFigmaLimit(size: { width: number; height: number }): boolean {
  return size.width > FIGMA_MAX_IMAGE_SIDE || size.height > FIGMA_MAX_IMAGE_SIDE
}
