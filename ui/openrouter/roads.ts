import type { ModelId } from '../../common/domain'

/**
 * The two ways OpenRouter makes images: chat completions (docs/contracts.md#openrouter-chat-completions-request, the
 * only one that carries fonts, refSR, scoring and effort) and the Image API
 * (docs/contracts.md#the-image-api, `POST /api/v1/images`), which some newer pure-image models need.
 */
export type Road = 'chat' | 'images'

// For the session: a model found to need the Image API goes there directly next time,
// without first earning another 404 from chat completions.
const roads = new Map<ModelId, Road>()

export function roadFor(model: ModelId): Road {
  return roads.get(model) ?? 'chat'
}

export function rememberRoad(model: ModelId, road: Road): void {
  roads.set(model, road)
}

/** Starts over as a new session would (tests). */
export function forgetRoads(): void {
  roads.clear()
}
