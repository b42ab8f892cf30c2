import type { ImageSize, ModelId } from '../../common/domain'
import { BUILT_IN_MODELS } from './built-in-models'
import { type ModelCapabilities } from './capabilities'
import { capabilitiesFor } from './capabilities-for'

/** The output sizes a model takes, smallest first. */
export function sizesOffered(id: ModelId): ImageSize[] {
  return capabilitiesFor(id).sizes
}

/** Whether a model is in the list the panel offers (the built-in one unless told otherwise). */
export function isOfferedModel(id: string, list: readonly ModelCapabilities[] = BUILT_IN_MODELS): boolean {
  return list.some((model) => model.id === id)
}

/** Said both when marking layers and before sending, so the designer reads one limit in one wording. */
export function referenceLimitMessage(model: ModelCapabilities, count: number, counted: 'selected' | 'marked as reference'): string {
  if (model.maxReferences === 0) return `${model.label} takes no references; ${count} are ${counted}. Use Riverflow 2 for refSR.`
  return `At most ${model.maxReferences} references can be sent; ${count} are ${counted}.`
}
