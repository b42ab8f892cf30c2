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
  /** The `provider.options` key passthrough parameters travel under on the Image API; absent: none travel. */
  passthroughTo?: string
  /**
   * The keys the Image API's endpoint record allows there (`font_inputs`,
   * `scoring_prompt`…); absent where no record was read: the flags above then
   * say what the road carries.
   */
  passthrough?: readonly string[]
  /** The record's price lines, when it has any. */
  priceLines?: PricingLine[]
}

/**
 * Whether a road carries a scoring prompt or rubric: on the Image API as its
 * record's passthrough keys say, on a road without a record as its flag says.
 */
export function carriesScoring(carries: RoadCapabilities, key: 'scoring_prompt' | 'scoring_rubric'): boolean {
  return carries.passthrough ? carries.passthrough.includes(key) : carries.scoring
}

/** Whether some road serving the model carries a scoring prompt or rubric (only the table, without roads). */
export function takesScoring(model: ModelCapabilities, key: 'scoring_prompt' | 'scoring_rubric'): boolean {
  const roads = Object.values(model.roads ?? {})
  return roads.length > 0 ? roads.some((road) => carriesScoring(road, key)) : model.scoring
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
