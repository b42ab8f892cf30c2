// What each of OpenRouter's two roads carries for a model (docs/contracts.md#the-image-api):
// chat completions as the built-in table says, the Image API as its endpoint record says.
// Types and pure helpers only: both halves compile this file.
import type { AspectRatio } from './domain'
import type { ModelCapabilities } from './models'
import { ASPECT_RATIOS } from './sizes'

/** How far an explicit `size: "WxH"` may go (docs/contracts.md#exact-sizes). */
export interface ExactSizeLimits {
  maxSide: number
  maxPixels: number
  /** The long side over the short one. */
  maxRatio: number
  minSide: number
}

/** 2.6 Pro's published limits: used when a record says "size" without numbers of its own. */
export const EXACT_SIZE_LIMITS: ExactSizeLimits = { maxSide: 16384, maxPixels: 16_800_000, maxRatio: 16, minSide: 64 }

/** One `pricing` line of an endpoint record. */
export interface PricingLine {
  billable: string
  unit: 'image' | 'megapixel'
  costUsd: number
  /** `2k`, `4k`…; absent: the base price. */
  variant?: string
}

/** The facts of ModelCapabilities that differ by road, and what only a road has. */
export type RoadCapabilities = Pick<ModelCapabilities, 'sizes' | 'maxInputImages' | 'maxReferences' | 'maxFontInputs' | 'backgrounds' | 'efforts' | 'scoring'> & {
  aspectRatios: readonly AspectRatio[]
  /** Explicit pixel sizes, within these limits; null: tiers only. */
  exactSize: ExactSizeLimits | null
  /** The `provider.options` key font inputs travel under on the Image API; absent: they do not travel. */
  passthroughTo?: string
  /** The record's price lines, when it has any. */
  priceLines?: PricingLine[]
}

/** Chat completions carries what the built-in table says, at the ten ratios and tiers only. */
export function chatRoad(model: ModelCapabilities): RoadCapabilities {
  const { sizes, maxInputImages, maxReferences, maxFontInputs, backgrounds, efforts, scoring } = model
  return { sizes, maxInputImages, maxReferences, maxFontInputs, backgrounds, efforts, scoring, aspectRatios: ASPECT_RATIOS, exactSize: null }
}

/**
 * The Image API without a record (found only by a refusal): the table's sizes
 * and inputs, its cut-out (that road's `background` has no colour, so no solid
 * one), and none of the extras, which that road is not known to take.
 */
export function imagesRoadWithoutRecord(model: ModelCapabilities): RoadCapabilities {
  const backgrounds = model.backgrounds.filter((mode) => mode !== 'solid')
  return { ...chatRoad(model), maxReferences: 0, maxFontInputs: 0, efforts: [], scoring: false, backgrounds: backgrounds.includes('transparent') ? backgrounds : [] }
}
