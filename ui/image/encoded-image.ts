/** An image as the request budget sees it: a source, its encodings, and what fits. */

export type EncodedFormat = 'png' | 'jpeg' | 'webp'

export interface SourceImage {
  id: string
  name: string
  /** The largest pixel size wanted (the export, or an upscale's target). */
  width: number
  height: number
}

export interface Encoded {
  /** `data:image/<format>;base64,...`, as it goes into the request. */
  dataUrl: string
  format: EncodedFormat
  width: number
  height: number
}

/** Encodes `source` at a pixel size in a format (the encoder picks the quality). */
export type ImageEncoder<S extends SourceImage> = (source: S, width: number, height: number, format: EncodedFormat) => Promise<Encoded>

export interface FittedImage {
  source: SourceImage
  dataUrl: string
  /** Bytes the data URL adds to the request body. */
  bytes: number
  format: EncodedFormat
  width: number
  height: number
}

/** Bytes a data URL adds to the JSON body (base64 is ASCII; JSON escapes none of it). */
export function dataUrlBytes(encoded: Encoded): number {
  return encoded.dataUrl.length
}

/** An encoding chosen for the request. */
export function fitted(source: SourceImage, encoded: Encoded): FittedImage {
  return {
    source,
    dataUrl: encoded.dataUrl,
    bytes: dataUrlBytes(encoded),
    format: encoded.format,
    width: encoded.width,
    height: encoded.height,
  }
}
