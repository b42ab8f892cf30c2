import type { ModelId, Road } from '../../common/domain'

export type { Road } from '../../common/domain'

// A model found to need the Image API (chat completions answered 404 "No endpoints found")
// goes there directly next time, without first earning another 404: for the session, and
// kept with the cached catalog for the next runs (startLearnedRoads).
const roads = new Map<ModelId, Road>()
let keep: ((learned: Record<ModelId, Road>) => void) | null = null

/** The road learned for a model, else chat completions (which carries the most). */
export function rememberedRoad(model: ModelId): Road {
  return roads.get(model) ?? 'chat'
}

/** Whether a refusal has taught a road for this model. */
export function learnedRoad(model: ModelId): Road | undefined {
  return roads.get(model)
}

export function rememberRoad(model: ModelId, road: Road): void {
  roads.set(model, road)
  keep?.(Object.fromEntries(roads))
}

/** The roads learned in earlier runs (from the cached catalog), and how to keep new ones. */
export function startLearnedRoads(saved: Record<ModelId, Road> | undefined, save: (learned: Record<ModelId, Road>) => void): void {
  for (const [model, road] of Object.entries(saved ?? {})) if (!roads.has(model)) roads.set(model, road)
  keep = save
}

/** Starts over as a new session would (tests). */
export function forgetRoads(): void {
  roads.clear()
  keep = null
}
