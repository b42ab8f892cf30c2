import type { AspectRatio, GenerationSettings, ModelId, Road } from '../../common/domain'
import type { ModelCapabilities, RoadCapabilities } from '../../common/models'
import { carriesScoring, chatRoad, imagesRoadWithoutRecord } from '../../common/road-capabilities'
import { ASPECT_RATIOS } from '../../common/sizes'

/** What a request needs besides its settings: it decides the road as much as they do. */
export interface RoadNeeds {
  /** Input images sent. */
  inputs?: number
  /** refSR references sent (with an input image only). */
  references?: number
  rubric?: number
  /** An explicit pixel size rather than a tier. */
  exact?: boolean
}

export interface RoadChoice {
  road: Road
  /** What that road carries for the model. */
  carries: RoadCapabilities
  /** What the designer chose that this road will not carry, by name: said before sending and after. */
  dropped: string[]
  /** No road the model is known on can make this size or take this many inputs. */
  unmakeable: boolean
}

/**
 * The road a request goes on, chosen before sending from what it needs and
 * what each road is known to carry for the model: only a road that can make
 * its size and take its inputs, then the one that drops the least of what the
 * image is (`weight`), chat completions on a tie (it carries the most). A model only one road serves, or
 * one a refusal taught, goes on that road.
 */
export function chooseRoad(model: ModelCapabilities, settings: GenerationSettings, needs: RoadNeeds = {}): RoadChoice {
  const candidates = servingRoads(model).map(([road, carries]) => ({
    road,
    carries,
    dropped: roadLimits(model, settings, { road, carries }, needs),
    unmakeable: !canMake(carries, settings, needs),
  }))
  const makeable = candidates.filter((candidate) => !candidate.unmakeable)
  const pool = makeable.length > 0 ? makeable : candidates
  return pool.reduce((best, candidate) => (weight(candidate.dropped) < weight(best.dropped) ? candidate : best))
}

/**
 * How much a road's drops cost the designer: what the image is (a cut-out,
 * the brand's font, its references, its checks) counts whole; how hard the
 * model thinks, a setting with a default of its own, counts half. So a
 * transparent background chosen on 2.6 Pro goes where it is carried, and
 * the effort is what is left out, said before sending.
 */
function weight(dropped: readonly string[]): number {
  return dropped.reduce((sum, what) => sum + (what === 'effort' ? 0.5 : 1), 0)
}

/** Every ratio some road of the model makes, in the designer's order: a request at one of them finds its road. */
export function aspectRatiosOf(model: ModelCapabilities): AspectRatio[] {
  const made = new Set(servingRoads(model).flatMap(([, carries]) => carries.aspectRatios))
  return ASPECT_RATIOS.filter((ratio) => made.has(ratio))
}

function servingRoads(model: ModelCapabilities): [Road, RoadCapabilities][] {
  const listed = model.roads
  if (learnedRoad(model.id) === 'images') return [['images', listed?.images ?? learnedRecords.get(model.id) ?? imagesRoadWithoutRecord(model)]]
  if (!listed || (!listed.chat && !listed.images)) return [['chat', chatRoad(model)]]
  return (['chat', 'images'] as const).flatMap((road): [Road, RoadCapabilities][] => (listed[road] ? [[road, listed[road]]] : []))
}

function canMake(carries: RoadCapabilities, settings: GenerationSettings, needs: RoadNeeds): boolean {
  if ((needs.inputs ?? 0) > carries.maxInputImages) return false
  if (needs.exact) return carries.exactSize !== null
  return carries.sizes.includes(settings.imageSize) && carries.aspectRatios.includes(settings.aspectRatio)
}

/**
 * What the designer chose that a road will not carry, by name. Only what the
 * model would otherwise have used counts.
 */
export function roadLimits(model: ModelCapabilities, settings: GenerationSettings, on: Pick<RoadChoice, 'road' | 'carries'>, needs: RoadNeeds = {}): string[] {
  const { carries } = on
  const limits: string[] = []
  if (settings.fontInputs.length > 0 && carries.maxFontInputs === 0) limits.push('font inputs')
  if ((needs.references ?? 0) > 0 && model.maxReferences > 0 && carries.maxReferences === 0) limits.push('refSR references')
  const prompt = settings.scoringPrompt.trim() !== '' && !carriesScoring(carries, 'scoring_prompt')
  const rubric = (needs.rubric ?? 0) > 0 && !carriesScoring(carries, 'scoring_rubric')
  if (model.scoring && (prompt || rubric)) limits.push('scoring')
  if (model.efforts.includes(settings.effort) && !carries.efforts.includes(settings.effort)) limits.push('effort')
  const background = settings.background
  if (background !== 'original' && model.backgrounds.includes(background) && !carries.backgrounds.includes(background)) limits.push('background')
  return limits
}

// A model found to need the Image API (chat completions answered 404 "No endpoints found")
// goes there directly next time, without first earning another 404: for the session, and
// kept with the cached catalog for the next runs (startLearnedRoads).
const roads = new Map<ModelId, Road>()
let keep: ((learned: Record<ModelId, Road>) => void) | null = null
// What the Image API's endpoint record says of a road learned so, where the model list read none
// (its list could not be had): read once a session, before the first request on it (road.ts).
const learnedRecords = new Map<ModelId, RoadCapabilities>()

/** The road learned for a model, else chat completions (which carries the most). */
export function rememberedRoad(model: ModelId): Road {
  return roads.get(model) ?? 'chat'
}

/** Whether a refusal has taught a road for this model. */
function learnedRoad(model: ModelId): Road | undefined {
  return roads.get(model)
}

export function rememberRoad(model: ModelId, road: Road): void {
  roads.set(model, road)
  keep?.(Object.fromEntries(roads))
}

/** Whether a request on this model's road should read its endpoint record first: a road learned from a refusal that no record describes yet. */
export function needsRoadRecord(model: ModelCapabilities): boolean {
  return learnedRoad(model.id) === 'images' && !model.roads?.images && !learnedRecords.has(model.id)
}

export function rememberRoadRecord(model: ModelId, carries: RoadCapabilities): void {
  learnedRecords.set(model, carries)
}

/** The roads learned in earlier runs (from the cached catalog), and how to keep new ones. */
export function startLearnedRoads(saved: Record<ModelId, Road> | undefined, save: (learned: Record<ModelId, Road>) => void): void {
  for (const [model, road] of Object.entries(saved ?? {})) if (!roads.has(model)) roads.set(model, road)
  keep = save
}

/** Starts over as a new session would (tests). */
export function forgetRoads(): void {
  roads.clear()
  learnedRecords.clear()
  keep = null
}
