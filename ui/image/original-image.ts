import { FIGMA_MAX_IMAGE_SIDE } from './figma-size'
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
 * A copy of answer bytes that are larger than Figma takes, as their header
 * says: made before they are handed to the image worker, which empties them.
 * Null for an image that fits, the common case, so that nothing is copied.
 */
export function copyIfOverFigmaLimit(bytes: Uint8Array): OriginalImage | null {
  const info = readImageInfo(bytes)
  if (!info || (info.width <= FIGMA_MAX_IMAGE_SIDE && info.height <= FIGMA_MAX_IMAGE_SIDE)) return null
  return { bytes: bytes.slice(), mimeType: MIME_TYPES[info.format], width: info.width, height: info.height }
}
