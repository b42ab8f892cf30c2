import type { AspectRatio } from '../../../../common/domain'
import type { PageBox } from '../../../../common/selection'
import { aspectRatioValue } from '../../../../common/sizes'

// Edit area's region: the part of the image cut around the shape and sent.
// Its shape is the request's, so that the answer, whatever its pixel size,
// lines up with the image when it lands on the region's box.

/** Around the shape, this share of its size (at least MIN_MARGIN px) goes too: the model matches light and texture to it. */
const MARGIN_SHARE = 0.25
const MIN_MARGIN = 24

/** The shapes a region may take: one of a model's ratios (tiers), or any up to `upTo`, long side over short (explicit pixels). */
export type RegionRatios = { among: readonly AspectRatio[] } | { upTo: number }

/**
 * The shape's box with its margin, at a ratio the request can ask for, within
 * the image. Grown on its short side, never cut (the shape stays whole);
 * where no ratio fits with the margin, the margin goes; null when no box of
 * those ratios holds the shape within the image (a strip longer than any
 * ratio the model makes).
 */
export function regionFor(shape: PageBox, image: PageBox, ratios: RegionRatios): PageBox | null {
  const margin = Math.max(MIN_MARGIN, MARGIN_SHARE * Math.max(shape.width, shape.height))
  for (const base of [intersect(grow(shape, margin), image), intersect(shape, image)]) {
    const region = 'upTo' in ratios ? withinRatio(base, image, ratios.upTo) : nearestRatioBox(base, image, ratios.among)
    if (region) return region
  }
  return null
}

/** `base` as it is when its ratio is within `upTo`, else grown on its short side to it. */
function withinRatio(base: PageBox, image: PageBox, upTo: number): PageBox | null {
  if (Math.max(base.width, base.height) <= upTo * Math.min(base.width, base.height)) return base
  return atRatio(base, image, base.width > base.height ? upTo : 1 / upTo)
}

/** Of the boxes at the ratios given that hold `base` within the image, the smallest: the nearest ratio that fits. */
function nearestRatioBox(base: PageBox, image: PageBox, among: readonly AspectRatio[]): PageBox | null {
  let best: PageBox | null = null
  for (const ratio of among) {
    const box = atRatio(base, image, aspectRatioValue(ratio))
    if (box && (!best || box.width * box.height < best.width * best.height * (1 - 1e-9))) best = box
  }
  return best
}

/** The smallest box of `ratio` (width over height) holding `base`, centred on it and moved inside the image; null when larger than the image. */
function atRatio(base: PageBox, image: PageBox, ratio: number): PageBox | null {
  const width = Math.max(base.width, base.height * ratio)
  const height = Math.max(base.height, base.width / ratio)
  // A hair over from rounding (a box as tall as the image) still fits.
  if (width > image.width * (1 + 1e-9) || height > image.height * (1 + 1e-9)) return null
  return {
    x: clamp(base.x - (width - base.width) / 2, image.x, image.x + image.width - width),
    y: clamp(base.y - (height - base.height) / 2, image.y, image.y + image.height - height),
    width,
    height,
  }
}

export function overlap(a: PageBox, b: PageBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

export function intersect(a: PageBox, b: PageBox): PageBox {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) }
}

function grow(box: PageBox, by: number): PageBox {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by }
}

function clamp(value: number, low: number, high: number): number {
  return high < low ? low : Math.min(Math.max(value, low), high)
}
