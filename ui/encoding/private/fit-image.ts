/**
 * The per-image search of the request budget: the format and the largest pixel
 * size of one image whose encoding fits the bytes it is allowed.
 */
import { scaleSize } from '../../../common/sizes'
import { type Encoded, type EncodedFormat, type FittedImage, type ImageEncoder, type SourceImage, dataUrlBytes, fitted } from '../../image/encoded-image'

/** Linear scales within this ratio of each other end the search: ≥ 90 % of the most pixels that fit. */
const SEARCH_PRECISION = 1.05
/**
 * Bounds the time one image may take (an encode of a large frame blocks for tens of
 * milliseconds): one encode per format at full size, the rest for the search.
 */
const MAX_ENCODES_PER_IMAGE = 9
/** The smallest long side worth sending: an input that cannot fit even so fails with a message, a reference is dropped. */
export const DEFAULT_MIN_SIDE = 64
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

/** The largest size of `source` whose best encoding fits `allowance`, or null when even the smallest does not. */
export async function fitImageAsync<S extends SourceImage>(
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

export async function smallest<S extends SourceImage>(source: S, encode: ImageEncoder<S>, formats: EncodedFormat[], minSide: number): Promise<{ bytes: number }> {
  const { width, height } = scaleSize(source, Math.min(1, minSide / Math.max(source.width, source.height)))
  const sizes: number[] = []
  for (const format of formats) sizes.push(dataUrlBytes(await encode(source, width, height, format)))
  return { bytes: Math.min(...sizes) }
}
