// What each of OpenRouter's two roads carries for a model (docs/contracts.md#the-image-api):
// chat completions as the built-in table says, the Image API as its endpoint record says.
// Pure helpers only (the types are in models.ts, beside ModelCapabilities): both halves compile this file.
import type { ExactSizeLimits, ModelCapabilities, RoadCapabilities } from './models'
import { ASPECT_RATIOS } from './sizes'

/** 2.6 Pro's published limits: used when a record says "size" without numbers of its own. */
export const EXACT_SIZE_LIMITS: ExactSizeLimits = { maxSide: 16384, maxPixels: 16_800_000, maxRatio: 16, minSide: 64 }

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
