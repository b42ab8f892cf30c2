import type { AspectRatio, GenerationSettings, ImageSize } from '../../common/domain'
import type { ModelCapabilities } from '../../common/models'
import type { ExactSizeLimits } from '../../common/models'
import { FIGMA_MAX_IMAGE_SIDE, type PixelSize, expectedPixelSize, figmaSize, nearestAspectRatio, scaleSize } from '../../common/sizes'

/**
 * The size asked for an image meant for a frame (a fill, a frame to refine),
 * and what it costs in pixels: what is paid for, what the frame shows at the
 * chosen density, and the share of the image a fill crops away.
 */
export interface FrameSize {
  /** Explicit pixels, for a model that makes them; absent: a tier at a ratio. */
  exactSize?: PixelSize
  imageSize: ImageSize
  aspectRatio: AspectRatio
  /** The image's pixels, as the model is expected to make them. */
  paid: PixelSize
  /** The frame at the density: the most an export of it can show. */
  shown: PixelSize
  /** 0 to 1: how much of the image a fill crops away. */
  cropped: number
  /** Why the size is not the frame's own at the density (a limit of the model or of Figma), for the designer. */
  limited?: string
}

/**
 * Fit the frame. With a model that takes explicit pixels: the frame × density,
 * brought within the model's limits (per edge, megapixels) and Figma's 4096 px
 * (unless the image may go in tiles), so the image fills it with no crop. With
 * tiers: the smallest tier whose image, at the ratio nearest the frame, covers
 * it at the density (after Figma's shrink), else the largest offered.
 */
export function fitFrame(model: ModelCapabilities, settings: GenerationSettings, frame: PixelSize, options: { keepFullResolution: boolean }): FrameSize {
  const shown = scaleSize(frame, settings.density ?? 2)
  const limits = model.exactSize
  const exact = limits ? exactWithin(shown, limits, options.keepFullResolution, model.label) : null
  if (exact) {
    const { size, limited } = exact
    return { exactSize: size, imageSize: settings.imageSize, aspectRatio: nearestAspectRatio(frame.width, frame.height), paid: size, shown, cropped: croppedShare(size, frame), ...(limited ? { limited } : {}) }
  }
  const aspectRatio = nearestAspectRatio(frame.width, frame.height)
  const placed = (tier: ImageSize) => (options.keepFullResolution ? expectedPixelSize(aspectRatio, tier) : figmaSize(expectedPixelSize(aspectRatio, tier)))
  const sharp = model.sizes.find((tier) => covers(placed(tier), shown))
  const imageSize = sharp ?? model.sizes[model.sizes.length - 1] ?? settings.imageSize
  const paid = expectedPixelSize(aspectRatio, imageSize)
  const fitted: FrameSize = { imageSize, aspectRatio, paid, shown, cropped: croppedShare(paid, frame) }
  // No tier is sharp enough: the largest is made, and the panel says it falls short.
  return sharp ? fitted : { ...fitted, limited: `the largest ${model.label} makes here, less sharp than ${settings.density ?? 2}×` }
}

/** The panel's line: "2560×1440 for 2400×1256: 7% cropped", or the exact size and why it was brought down. */
export function frameSizeLine(size: FrameSize): string {
  const paid = `${size.paid.width}×${size.paid.height}`
  const shown = `${size.shown.width}×${size.shown.height}`
  const crop = Math.round(size.cropped * 100)
  if (size.limited) return `Made at ${paid}: ${size.limited}.`
  return paid === shown ? `Made at ${paid}, the frame’s own shape.` : `Made at ${paid} to cover the frame at ${shown}${crop >= 1 ? `, ${crop}% cropped` : ''}.`
}

/**
 * A set's sizes in one line (Every format), where the first format's line would speak for them all:
 * how each is made, and how many are made otherwise than asked, and why.
 */
export function setSizeLine(frames: readonly FrameSize[], density: number): string {
  const how = frames.every((frame) => frame.exactSize) ? `Each format made at its own size at ${density}×.` : `Each format made to cover its frame at ${density}×, the rest cropped.`
  const limited = frames.filter((frame) => frame.limited)
  if (limited.length === 0) return how
  const why = [...new Set(limited.map((frame) => frame.limited))].join('; ')
  return `${how} ${limited.length === frames.length ? `All ${frames.length}` : `${limited.length} of ${frames.length}`}: ${why}.`
}

/** The image covers the frame at the density: a fill shows at least one image pixel per frame pixel there. */
export function covers(image: PixelSize, shown: PixelSize): boolean {
  return Math.min(image.width / shown.width, image.height / shown.height) >= 1 - 1e-9
}

/** What a fill crops away: the image scaled to cover the frame, less what the frame shows. */
export function croppedShare(image: PixelSize, frame: PixelSize): number {
  const a = image.width / image.height
  const b = frame.width / frame.height
  return 1 - Math.min(a / b, b / a)
}

/** The wanted size within the model's limits and Figma's, its ratio kept; null when its ratio is beyond the model. */
export function exactWithin(wanted: PixelSize, limits: ExactSizeLimits, keepFullResolution: boolean, label: string): { size: PixelSize; limited?: string } | null {
  const long = Math.max(wanted.width, wanted.height)
  const short = Math.min(wanted.width, wanted.height)
  if (long / short > limits.maxRatio) return null
  const caps = [
    { scale: limits.maxSide / long, why: `${label} makes at most ${limits.maxSide} px a side` },
    { scale: Math.sqrt(limits.maxPixels / (wanted.width * wanted.height)), why: `${label} makes at most ${(limits.maxPixels / 1e6).toFixed(1)} megapixels` },
    ...(keepFullResolution ? [] : [{ scale: FIGMA_MAX_IMAGE_SIDE / long, why: `Figma takes at most ${FIGMA_MAX_IMAGE_SIDE} px a side; Keep full resolution makes it in tiles` }]),
  ]
  const tightest = caps.reduce((a, b) => (b.scale < a.scale ? b : a))
  if (tightest.scale < 1) return { size: floorSize(wanted, tightest.scale), limited: tightest.why }
  if (short < limits.minSide) return { size: scaleSize(wanted, limits.minSide / short), limited: `${label} makes at least ${limits.minSide} px a side` }
  return { size: wanted }
}

/** Scaled down and rounded down, so that no limit is passed by rounding. */
function floorSize(size: PixelSize, scale: number): PixelSize {
  return { width: Math.max(1, Math.floor(size.width * scale)), height: Math.max(1, Math.floor(size.height * scale)) }
}
