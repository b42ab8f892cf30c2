import type { GenerationSettings } from '../common/domain'
import { FONT_INPUT_PRICE, type ModelCapabilities, type PricingLine, REFERENCE_PRICE } from '../common/models'
import { type PixelSize, expectedPixelSize } from '../common/sizes'

/**
 * What a request will cost, as honestly as can be said before sending:
 * `fixed` from OpenRouter's published prices, `range` for models billed by use
 * (known only when the job ends), `free` for the rate-limited free variants,
 * `unknown` where no price is known (a model this build's table lacks): `low`
 * is what is known of it, a record's listed price and the other requests' (0: nothing), and no
 * ceiling is claimed, so the panel asks before sending.
 */
export type CostEstimate = { kind: 'fixed'; usd: number } | { kind: 'range'; low: number; high: number } | { kind: 'free' } | { kind: 'unknown'; low: number }

/** What the road about to be taken says of prices: its record's lines, and the explicit size sent. */
export interface RoadPricing {
  lines?: readonly PricingLine[]
  exactSize?: PixelSize
}

/**
 * The price of one request before it is sent: the output image at its size,
 * plus each font input and each refSR reference. Where the road's endpoint
 * record prices the image, its price for this size is used (for a model
 * billed by use, as the low end of the range: the charge comes after, in
 * `usage.cost`; for a model of unknown price, as all that is known). Null when
 * the model does not offer the size (the request would be refused).
 */
export function estimateCost(model: ModelCapabilities, settings: GenerationSettings, referenceCount = 0, road: RoadPricing = {}): CostEstimate | null {
  if (!model.sizes.includes(settings.imageSize)) return null
  // A model without refSR is never sent references (the check before sending says so): nothing to bill.
  const references = model.maxReferences > 0 ? referenceCount : 0
  const { pricing } = model
  // A model of unknown price has no table figure for a road without lines: its own record's, from either road, is all there is.
  const lines = road.lines ?? (pricing.kind === 'unknown' ? model.roads?.images?.priceLines : undefined)
  const extras = settings.fontInputs.length * (recordFontPrice(lines) ?? FONT_INPUT_PRICE) + references * REFERENCE_PRICE
  const recorded = recordImagePrice(lines, settings, road.exactSize)
  switch (pricing.kind) {
    case 'fixed': {
      const perImage = recorded ?? pricing.perImage[settings.imageSize]
      return perImage === undefined ? null : { kind: 'fixed', usd: roundUsd(perImage + extras) }
    }
    case 'dynamic': {
      const low = recorded ?? pricing.perImage.low
      return { kind: 'range', low: roundUsd(low + extras), high: roundUsd(Math.max(pricing.perImage.high, low) + extras) }
    }
    case 'free':
      return { kind: 'free' }
    case 'unknown':
      return { kind: 'unknown', low: recorded === null ? 0 : roundUsd(recorded + extras) }
  }
}

/** Several requests' estimates as one: fixed only if all are, free only if all are, unknown if one is. */
export function addEstimates(a: CostEstimate, b: CostEstimate): CostEstimate {
  if (a.kind === 'free') return b
  if (b.kind === 'free') return a
  if (a.kind === 'unknown' || b.kind === 'unknown') return { kind: 'unknown', low: roundUsd(lowest(a) + lowest(b)) }
  if (a.kind === 'fixed' && b.kind === 'fixed') return { kind: 'fixed', usd: roundUsd(a.usd + b.usd) }
  const [lowA, highA] = bounds(a)
  const [lowB, highB] = bounds(b)
  return { kind: 'range', low: roundUsd(lowA + lowB), high: roundUsd(highA + highB) }
}

/** The most an estimate may come to; null when no one knows (an unknown price). */
export function highestUsd(estimate: CostEstimate): number | null {
  if (estimate.kind === 'unknown') return null
  return estimate.kind === 'free' ? 0 : bounds(estimate)[1]
}

/** `count` requests of the same estimate as one: what adding it that many times gives. */
export function timesEstimate(estimate: CostEstimate, count: number): CostEstimate {
  if (estimate.kind === 'fixed') return { kind: 'fixed', usd: roundUsd(estimate.usd * count) }
  if (estimate.kind === 'range') return { kind: 'range', low: roundUsd(estimate.low * count), high: roundUsd(estimate.high * count) }
  if (estimate.kind === 'unknown') return { kind: 'unknown', low: roundUsd(estimate.low * count) }
  return estimate
}

/** The line beside Generate. */
export function formatEstimate(estimate: CostEstimate | null): string {
  if (estimate === null) return 'Size not offered'
  switch (estimate.kind) {
    case 'fixed':
      return `Estimated ${formatUsd(estimate.usd)}`
    case 'range':
      return `About ${formatUsd(estimate.low)} to ${formatUsd(estimate.high)}: the final price depends on the job`
    case 'free':
      return 'Free, rate-limited'
    case 'unknown':
      return `${estimate.low > 0 ? `From ${formatUsd(estimate.low)}: the final price is known only when` : 'Price not known until'} the job ends, so you are asked before it sends`
  }
}

/** The same inside a sentence: "an estimated $0.04", "about $0.13 to $0.35 (the final price depends on the job)". */
export function formatEstimateInSentence(estimate: CostEstimate | null): string {
  if (estimate === null) return 'a price not yet known'
  switch (estimate.kind) {
    case 'fixed':
      return `an estimated ${formatUsd(estimate.usd)}`
    case 'range':
      return `about ${formatUsd(estimate.low)} to ${formatUsd(estimate.high)} (the final price depends on the job)`
    case 'free':
      return 'free (rate-limited)'
    case 'unknown':
      return `a price not yet known${estimate.low > 0 ? ` (from ${formatUsd(estimate.low)})` : ''}`
  }
}

/**
 * The same in a few characters, for a button. A range is rounded outwards to
 * whole cents ("~$0.65–$2.00", not "~$0.652–$2.00": its two ends in one
 * format); it still holds every price it stood for, and its title says it exactly.
 */
export function formatEstimateShort(estimate: CostEstimate): string {
  switch (estimate.kind) {
    case 'fixed':
      return formatUsd(estimate.usd)
    case 'range':
      // The 1e-9 keeps floating-point noise (0.29 × 100 = 28.999…) from moving a whole cent.
      return `~${formatUsdRange(Math.floor(estimate.low * 100 + 1e-9) / 100, Math.ceil(estimate.high * 100 - 1e-9) / 100)}`
    case 'free':
      return 'free'
    case 'unknown':
      return estimate.low > 0 ? `from ${formatUsd(estimate.low)}` : 'price unknown'
  }
}

/** Whole cents and tenths of cents only: a sum of prices in floating point shows 0.35000000000000003. */
export function roundUsd(amount: number): number {
  return Math.round(amount * 1000) / 1000
}

export function formatUsd(amount: number): string {
  // Two decimals is enough for every price in the table; keep a third when a
  // charge (usage.cost) really has one.
  const digits = Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-9 ? 3 : 2
  return `$${amount.toFixed(digits)}`
}

/** "$0.02–$0.04", or one price when both ends are the same. */
export function formatUsdRange(low: number, high: number): string {
  return low === high ? formatUsd(low) : `${formatUsd(low)}–${formatUsd(high)}`
}

function bounds(estimate: Extract<CostEstimate, { kind: 'fixed' | 'range' }>): [number, number] {
  return estimate.kind === 'fixed' ? [estimate.usd, estimate.usd] : [estimate.low, estimate.high]
}

/** The least an estimate comes to, as far as it is known. */
function lowest(estimate: CostEstimate): number {
  if (estimate.kind === 'free') return 0
  return estimate.kind === 'fixed' ? estimate.usd : estimate.low
}

/**
 * The output image's price from an endpoint record's pricing lines
 * (docs/contracts.md#image-api-discovery), for the size about to be sent: per
 * megapixel of that size, or per image by variant (`2k`, `4k`; the line
 * without a variant otherwise). Null when the record prices no output image
 * in a unit this build reads: the table's price stands.
 */
function recordImagePrice(lines: readonly PricingLine[] | undefined, settings: GenerationSettings, exactSize?: PixelSize): number | null {
  const output = (lines ?? []).filter((line) => line.billable === 'output_image')
  const perMegapixel = output.find((line) => line.unit === 'megapixel' && line.variant === undefined)
  if (perMegapixel) {
    const { width, height } = exactSize ?? expectedPixelSize(settings.aspectRatio, settings.imageSize)
    return (perMegapixel.costUsd * width * height) / 1_000_000
  }
  const perImage = output.filter((line) => line.unit === 'image')
  const variant = perImage.find((line) => line.variant === settings.imageSize.toLowerCase())
  return (variant ?? perImage.find((line) => line.variant === undefined))?.costUsd ?? null
}

/** The record's price of one font input, when it has one. */
function recordFontPrice(lines: readonly PricingLine[] | undefined): number | null {
  return (lines ?? []).find((line) => line.billable === 'input_font' && line.unit === 'image')?.costUsd ?? null
}
