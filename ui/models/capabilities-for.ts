import type { CatalogEntry, ModelId } from '../../common/domain'
import { MAX_FONT_INPUTS } from '../fonts/font-input-problems'
import { BUILT_IN_MODELS } from './built-in-models'
import type { ModelCapabilities } from './capabilities'

/** Wide enough for any Riverflow seen so far, from Fast at 1K to Pro at high effort. */
const UNKNOWN_PRICE_RANGE = { low: 0.02, high: 0.5 }
/** As long as the slowest known model: an unknown one is likely a newer, slower one. */
const UNKNOWN_TIMEOUT_MS = 25 * 60 * 1000

/**
 * What a model can do. A slug of the built-in table gets its facts (they are
 * richer than anything the catalog says); any other slug, seen in the catalog
 * or saved from an earlier run, gets the cautious set every Riverflow is known
 * to take, so that a new model can be offered without a request it refuses.
 * Never throws: a saved state or a catalog must not be able to stop the panel.
 */
export function capabilitiesFor(id: ModelId, catalogEntry?: CatalogEntry): ModelCapabilities {
  const known = BUILT_IN_MODELS.find((model) => model.id === id)
  // Known slugs keep their own labels: catalog names differ in style ("Sourceful: …") from release to release.
  if (known) return known
  return {
    id,
    label: labelFor(id, catalogEntry),
    tier: /pro/i.test(id) ? 'pro' : 'fast',
    sizes: ['1K', '2K'],
    maxInputImages: 4,
    maxReferences: 0,
    maxFontInputs: MAX_FONT_INPUTS,
    backgrounds: [],
    efforts: [],
    scoring: false,
    pricing: id.endsWith(':free') ? { kind: 'free' } : { kind: 'dynamic', perImage: UNKNOWN_PRICE_RANGE },
    timeoutMs: UNKNOWN_TIMEOUT_MS,
    isNew: true,
  }
}

/** The model of that id in the list the panel shows, or its capabilities when the list lacks it. */
export function findModel(list: readonly ModelCapabilities[], id: ModelId): ModelCapabilities {
  return list.find((model) => model.id === id) ?? capabilitiesFor(id)
}

/** OpenRouter names models "Author: Name"; the author is the same in every entry of the list, so drop it. */
function labelFor(id: ModelId, catalogEntry?: CatalogEntry): string {
  const name = catalogEntry ? catalogEntry.name.replace(/^[^:]{1,40}:\s*/, '').trim() : ''
  return name || id || 'Unnamed model'
}
