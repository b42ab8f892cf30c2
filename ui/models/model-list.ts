import type { CachedCatalog, CatalogEntry, ModelId } from '../../common/domain'
import { BUILT_IN_MODELS, type ModelCapabilities, describeModel } from '../../common/models'
import { withLiveFacts } from './catalog/live-capabilities'

type ModelListSource = 'catalog' | 'cache' | 'built-in'

/** The models the panel offers, where they come from, and a line for the designer when it matters. */
interface ModelList {
  models: ModelCapabilities[]
  source: ModelListSource
  /** Set when OpenRouter's catalog could not be loaded, so the list may be out of date. */
  note: string | null
}

export interface ModelListChoice extends ModelList {
  /** Whether to ask OpenRouter for its catalog now. */
  fetch: boolean
}

/**
 * The one model lookup: the model of that id in the list in force (the catalog,
 * else its cache, else the built-in table), or, for a slug the list lacks (a
 * saved model, about to give way to the nearest listed one), what this build
 * knows of it. Planning, pricing, the request and the panel all ask here, so
 * that one click is planned and shown with one set of facts.
 */
export function findModel(list: readonly ModelCapabilities[], id: ModelId): ModelCapabilities {
  return list.find((model) => model.id === id) ?? describeModel(id)
}

/** Slugs come and go (docs/contracts.md#model-catalog), but not by the hour: a day-old catalog is fresh enough. */
export const CATALOG_MAX_AGE_MS = 24 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Which list to show. Before fetching (`fetched` undefined): a fresh cache is
 * used and nothing is fetched; otherwise the cache or the built-in table shows
 * while the catalog is fetched. After (`fetched` the catalog, or null when it
 * could not be had): the catalog when it came, else the cache, else the
 * built-in table, each fallback with its note.
 */
export function chooseModelList(input: { cache: CachedCatalog | null; now: number; fetched?: CatalogEntry[] | null }): ModelListChoice {
  const { cache, now, fetched } = input
  if (fetched) return { models: fromCatalog(fetched), source: 'catalog', note: null, fetch: false }
  const age = cache ? now - cache.fetchedAt : Infinity
  if (fetched === undefined) {
    // A time in the future (a clock set back) is no proof of freshness.
    const fresh = age >= 0 && age < CATALOG_MAX_AGE_MS
    return cache ? { models: fromCatalog(cache.models), source: 'cache', note: null, fetch: !fresh } : { ...builtIn(null), fetch: true }
  }
  if (!cache) return { ...builtIn('Showing the built-in model list: OpenRouter’s catalog could not be loaded.'), fetch: false }
  return {
    models: fromCatalog(cache.models),
    source: 'cache',
    note: `Showing the model list saved ${ageText(age)}: OpenRouter’s catalog could not be loaded.`,
    fetch: false,
  }
}

function builtIn(note: string | null): ModelList {
  return { models: [...BUILT_IN_MODELS], source: 'built-in', note }
}

/**
 * The catalog's models with what its lists and records say of them (live-capabilities.ts),
 * known ones in the built-in table's order (2 before 2.5, Fast before Pro), new ones after.
 */
function fromCatalog(entries: readonly CatalogEntry[]): ModelCapabilities[] {
  const rank = (id: string) => {
    const index = BUILT_IN_MODELS.findIndex((model) => model.id === id)
    return index < 0 ? BUILT_IN_MODELS.length : index
  }
  return entries.map((entry) => withLiveFacts(describeModel(entry.id, entry), entry)).sort((a, b) => rank(a.id) - rank(b.id))
}

function ageText(ageMs: number): string {
  const days = Math.floor(ageMs / DAY_MS)
  if (days < 1 || !Number.isFinite(days)) return 'earlier'
  return days === 1 ? 'a day ago' : `${days} days ago`
}
