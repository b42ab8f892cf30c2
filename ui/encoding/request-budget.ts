/**
 * Makes an image-to-image request fit Sourceful's cap on the whole request
 * (4.5 MB, SPEC section 1): picks, per image, the format and the largest pixel
 * size that fit. The input image comes first and keeps the most pixels that
 * fit; references share what is left. The encoder is injected: a canvas in the
 * browser, real PNG/JPEG encoders in the tests.
 */
import { scaleSize } from '../image/scale-size'
import { type ChatCompletionRequest, serializeRequest } from '../openrouter/request'

/** Linear scales within this ratio of each other end the search: ≥ 90 % of the most pixels that fit. */
const SEARCH_PRECISION = 1.05
/**
 * Bounds the time one image may take (an encode of a large frame blocks for tens of
 * milliseconds): one encode per format at full size, the rest for the search.
 */
const MAX_ENCODES_PER_IMAGE = 9
/** The smallest long side worth sending: an input that cannot fit even so fails with a message, a reference is dropped. */
const DEFAULT_MIN_SIDE = 64
/**
 * Bytes grow about with pixels, so √(allowance / bytes) estimates the scale that
 * fills the allowance. A smaller image takes more bytes per pixel (less for the
 * encoder to share), so the estimate runs high: the first try aims 3 % below it,
 * so that it tends to fit and the search mostly grows from there.
 */
const FIRST_GUESS_MARGIN = 0.97
/** Later tries estimate from a size near the answer, so a smaller margin does. */
const NEXT_GUESS_MARGIN = 0.99
/**
 * Between a size that fits and one too big, a try stays at least 1 % inside both:
 * every encode then narrows the range by a real step instead of trying again
 * almost a size already encoded.
 */
const BRACKET_STEP = 1.01
/**
 * While nothing fits, each try is at least 10 % smaller than the last: an estimate
 * that keeps running high still reaches the smallest size within the encodes allowed.
 */
const SHRINK_STEP = 0.9
/**
 * PNG at most this many times the lossy size marks flat graphics (UI, type, icons):
 * measured, a photo's PNG is 5 to 30 times its WebP, an interface screen's 1 to 2.
 */
const FLAT_PNG_FACTOR = 3
/** Base64 bytes per pixel of a PNG that only flat graphics reach (a photo's take 2 to 4). */
const FLAT_PNG_BYTES_PER_PIXEL = 0.5

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

/** An image sent smaller than wanted, for the UI to say so. */
export interface ShrinkNote {
  name: string
  from: { width: number; height: number }
  to: { width: number; height: number }
  /** Share of the wanted pixels that was kept, 0–100. */
  keptPercent: number
}

export interface FittedRequest {
  input: FittedImage
  references: FittedImage[]
  /** References that could not fit even at the smallest size. */
  dropped: SourceImage[]
  totalBytes: number
  notes: ShrinkNote[]
}

export interface FitOptions<S extends SourceImage> {
  input: S
  references: S[]
  encode: ImageEncoder<S>
  /** The request body's bytes without the image URLs (see `requestBytesWithoutImages`). */
  fixedBytes: number
  budgetBytes: number
  formats?: EncodedFormat[]
  /** The smallest long side worth sending. */
  minSide?: number
}

/** The input cannot fit in the request at any size worth sending; the message is for the designer. */
export class RequestTooLargeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RequestTooLargeError'
  }
}

export async function fitRequestToBudgetAsync<S extends SourceImage>(options: FitOptions<S>): Promise<FittedRequest> {
  const formats = options.formats ?? ['png', 'jpeg', 'webp']
  const minSide = options.minSide ?? DEFAULT_MIN_SIDE
  const fit = (source: S, allowance: number) => fitImageAsync(source, allowance, options.encode, formats, minSide)
  let remaining = options.budgetBytes - options.fixedBytes

  // Every reference is sure of its smallest size; the input may take all the rest.
  const floors = await Promise.all(options.references.map((ref) => smallest(ref, options.encode, formats, minSide)))
  const reserved = floors.reduce((sum, f) => sum + f.bytes, 0)
  // Should the references' floors leave the input no room, the input wins and they are dropped.
  const input = (await fit(options.input, remaining - reserved)) ?? (reserved > 0 ? await fit(options.input, remaining) : null)
  if (!input) {
    throw new RequestTooLargeError(
      `“${options.input.name}” cannot fit in Riverflow’s 4.5 MB request even at ${minSide} px. Shorten the prompt or remove font inputs.`,
    )
  }
  remaining -= input.bytes

  // References that need little go first and leave their unused share to the others.
  const order = options.references.map((ref, i) => ({ ref, floor: floors[i].bytes })).sort((a, b) => a.floor - b.floor)
  const fitted = new Map<S, FittedImage>()
  const dropped: S[] = []
  for (let i = 0; i < order.length; i++) {
    const share = Math.floor(remaining / (order.length - i))
    const result = await fit(order[i].ref, share)
    if (result) {
      fitted.set(order[i].ref, result)
      remaining -= result.bytes
    } else {
      dropped.push(order[i].ref)
    }
  }
  const references = options.references.filter((ref) => fitted.has(ref)).map((ref) => fitted.get(ref)!)
  const all = [input, ...references]
  const totalBytes = options.fixedBytes + all.reduce((sum, image) => sum + image.bytes, 0)
  if (totalBytes > options.budgetBytes) throw new Error('The request budget was overrun: this is a bug in the encoder.')
  return { input, references, dropped, totalBytes, notes: all.flatMap(shrinkNote) }
}

/**
 * The request body's size without its image URLs: the part the images do not
 * control. Build the request with an empty string for every image URL.
 */
export function requestBytesWithoutImages(request: ChatCompletionRequest): number {
  return serializeRequest(request).bytes
}

/** Bytes a data URL adds to the JSON body (base64 is ASCII; JSON escapes none of it). */
export function dataUrlBytes(encoded: Encoded): number {
  return encoded.dataUrl.length
}

/** The largest size of `source` whose best encoding fits `allowance`, or null when even the smallest does not. */
async function fitImageAsync<S extends SourceImage>(
  source: S,
  allowance: number,
  encode: ImageEncoder<S>,
  formats: EncodedFormat[],
  minSide: number,
): Promise<FittedImage | null> {
  let encodes = 0
  const encodeAt = (scale: number, format: EncodedFormat): Promise<Encoded> => {
    encodes++
    const { width, height } = scaleSize(source, scale)
    return encode(source, width, height, format)
  }
  const fitsWhole = (encoded: Encoded) => dataUrlBytes(encoded) <= allowance

  // At full size, formats in order, stopping at the first choice that is sure: a light
  // PNG (flat graphics beyond doubt, cheap to send); else the first lossy format that
  // fits, or the PNG when it fits and is within a few times that (flat graphics, kept
  // lossless: sharp edges and flat colour survive exactly). JPEG before WebP: the
  // browser encodes it several times faster, and the next format is tried only when
  // nothing fits whole.
  const candidates: Encoded[] = []
  for (const format of formats) {
    const encoded = await encodeAt(1, format)
    candidates.push(encoded)
    const png = candidates.find((c) => c.format === 'png')
    if (encoded.format === 'png') {
      if (fitsWhole(encoded) && dataUrlBytes(encoded) <= FLAT_PNG_BYTES_PER_PIXEL * encoded.width * encoded.height) return fitted(source, encoded)
    } else if (fitsWhole(encoded)) {
      const flat = png !== undefined && fitsWhole(png) && dataUrlBytes(png) <= FLAT_PNG_FACTOR * dataUrlBytes(encoded)
      return fitted(source, flat ? png : encoded)
    }
  }
  const png = candidates.find((c) => c.format === 'png')
  if (png && fitsWhole(png)) return fitted(source, png)

  // Nothing fits whole: shrink, in the format that came out smallest (it almost always stays so).
  const full = candidates.reduce((a, b) => (dataUrlBytes(b) < dataUrlBytes(a) ? b : a))
  const format = full.format
  const minScale = Math.min(1, minSide / Math.max(source.width, source.height))
  let fits: { scale: number; encoded: Encoded } | null = null
  let tooBig = { scale: 1, bytes: dataUrlBytes(full) }
  let scale = Math.max(minScale, Math.sqrt(allowance / tooBig.bytes) * FIRST_GUESS_MARGIN)
  while (encodes < MAX_ENCODES_PER_IMAGE) {
    const encoded = await encodeAt(scale, format)
    const bytes = dataUrlBytes(encoded)
    if (bytes <= allowance) fits = { scale, encoded }
    else tooBig = { scale, bytes }
    if (!fits && scale <= minScale) return null
    if (fits && tooBig.scale / fits.scale < SEARCH_PRECISION) break
    const guess = scale * Math.sqrt(allowance / bytes) * NEXT_GUESS_MARGIN
    const low = fits?.scale ?? minScale
    scale = fits
      ? Math.min(Math.max(guess, low * BRACKET_STEP), tooBig.scale / BRACKET_STEP)
      : Math.max(minScale, Math.min(guess, tooBig.scale * SHRINK_STEP))
    if (fits && scale <= fits.scale) break
  }
  return fits ? fitted(source, fits.encoded) : null
}

async function smallest<S extends SourceImage>(source: S, encode: ImageEncoder<S>, formats: EncodedFormat[], minSide: number): Promise<{ bytes: number }> {
  const { width, height } = scaleSize(source, Math.min(1, minSide / Math.max(source.width, source.height)))
  const sizes: number[] = []
  for (const format of formats) sizes.push(dataUrlBytes(await encode(source, width, height, format)))
  return { bytes: Math.min(...sizes) }
}

function fitted(source: SourceImage, encoded: Encoded): FittedImage {
  return {
    source,
    dataUrl: encoded.dataUrl,
    bytes: dataUrlBytes(encoded),
    format: encoded.format,
    width: encoded.width,
    height: encoded.height,
  }
}

function shrinkNote(image: FittedImage): ShrinkNote[] {
  const { width, height, name } = image.source
  if (image.width >= width && image.height >= height) return []
  return [
    {
      name,
      from: { width, height },
      to: { width: image.width, height: image.height },
      keptPercent: Math.round((100 * image.width * image.height) / (width * height)),
    },
  ]
}
