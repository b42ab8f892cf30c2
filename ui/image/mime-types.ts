import type { ImageFormat } from './image-info'

/** For blobs, data URLs and the canvas's encoder, which all name a format by its MIME type. */
export const MIME_TYPES: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' }
