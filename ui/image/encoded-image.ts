/** An image as the request budget sees it: a source, its encodings, and what fits. */
import { type ImageBytes, dataUrlLength } from './data-url'
import { MIME_TYPES } from './mime-types'

export type EncodedFormat = 'png' | 'jpeg' | 'webp'

export interface SourceImage {
  id: string
  name: string
  /** The largest pixel size wanted (the export, or an upscale's target). */
  width: number
  height: number
}

export interface Encoded {
  /** The encoder's output, which the request's body writes as a data: URL (./data-url.ts). */
  bytes: Uint8Array
  format: EncodedFormat
  width: number
  height: number
}

/** Encodes `source` at a pixel size in a format (the encoder picks the quality). */
export type ImageEncoder<S extends SourceImage> = (source: S, width: number, height: number, format: EncodedFormat) => Promise<Encoded>

export interface FittedImage {
  source: SourceImage
  image: ImageBytes
  /** Bytes its data URL adds to the request body. */
  bytes: number
  format: EncodedFormat
  width: number
  height: number
}

/** Bytes a data URL adds to the JSON body (base64 is ASCII; JSON escapes none of it). */
export function dataUrlBytes(encoded: Encoded): number {
  return dataUrlLength(imageBytes(encoded))
}

function imageBytes(encoded: Encoded): ImageBytes {
  return { mimeType: MIME_TYPES[encoded.format], bytes: encoded.bytes }
}

/** An encoding chosen for the request. */
export function fitted(source: SourceImage, encoded: Encoded): FittedImage {
  return {
    source,
    image: imageBytes(encoded),
    bytes: dataUrlBytes(encoded),
    format: encoded.format,
    width: encoded.width,
    height: encoded.height,
  }
}
