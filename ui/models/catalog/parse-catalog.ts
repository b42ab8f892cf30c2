import type { CachedCatalog, CatalogEntry, ModelId, Road } from '../../../common/domain'
import { isObject } from '../../../common/read/is-object'

/** Every Riverflow is Sourceful's; the catalog's other image models are for other tools. */
const SOURCEFUL = 'sourceful/'

/**
 * The Sourceful models of `GET /api/v1/models?output_modalities=image`
 * (docs/contracts.md#model-catalog), read defensively: entries that cannot be read are skipped, and a
 * body that is malformed, empty or has no Sourceful model gives null, meaning
 * "use what you had": an empty list would leave the designer with no model.
 */
export function parseCatalog(json: unknown): CatalogEntry[] | null {
  if (!isObject(json) || !Array.isArray(json.data)) return null
  return sourcefulOnly(json.data.map((raw) => (outputsImage(raw) ? readEntry(raw, 'supported_parameters') : null)))
}

/** The catalog clientStorage kept, read as carefully: it may be from an older build, or broken. */
export function readCachedCatalog(raw: unknown): CachedCatalog | null {
  if (!isObject(raw) || !Array.isArray(raw.models) || typeof raw.fetchedAt !== 'number' || !Number.isFinite(raw.fetchedAt)) return null
  const models = sourcefulOnly(raw.models.map((entry) => readEntry(entry, 'supportedParameters')))
  if (!models) return null
  const learnedRoads = readRoads(raw.learnedRoads)
  return { models, fetchedAt: raw.fetchedAt, ...(learnedRoads ? { learnedRoads } : {}) }
}

const ROADS: readonly Road[] = ['chat', 'images']

/** Roads learned in earlier runs, each a model and a road this build knows; null when none reads. */
function readRoads(raw: unknown): Record<ModelId, Road> | null {
  if (!isObject(raw)) return null
  const kept = Object.entries(raw).filter((entry): entry is [ModelId, Road] => entry[0].startsWith(SOURCEFUL) && ROADS.includes(entry[1] as Road))
  return kept.length > 0 ? Object.fromEntries(kept) : null
}

/** One entry; OpenRouter names the parameters `supported_parameters`, the cache `supportedParameters`. */
function readEntry(raw: unknown, parametersKey: 'supported_parameters' | 'supportedParameters'): CatalogEntry | null {
  if (!isObject(raw) || typeof raw.id !== 'string') return null
  const roads = stringArray(raw.roads).filter((road): road is Road => ROADS.includes(road as Road))
  return {
    id: raw.id,
    name: typeof raw.name === 'string' ? raw.name : raw.id,
    pricing: stringRecord(raw.pricing),
    supportedParameters: stringArray(raw[parametersKey]),
    // What the Image API's lists said, when they were read: the record itself is read where it is used.
    ...(roads.length > 0 ? { roads } : {}),
    ...(raw.imagesEndpoint !== undefined ? { imagesEndpoint: raw.imagesEndpoint } : {}),
  }
}

/** Listed under output_modalities=image, yet a model that says it outputs no image is not one to offer. */
function outputsImage(raw: unknown): boolean {
  const architecture = isObject(raw) && isObject(raw.architecture) ? raw.architecture : {}
  return !Array.isArray(architecture.output_modalities) || architecture.output_modalities.includes('image')
}

/** The Sourceful entries, each slug once; null when there are none. */
function sourcefulOnly(entries: (CatalogEntry | null)[]): CatalogEntry[] | null {
  const seen = new Set<string>()
  const kept = entries.filter((entry): entry is CatalogEntry => {
    if (!entry || !entry.id.startsWith(SOURCEFUL) || seen.has(entry.id)) return false
    seen.add(entry.id)
    return true
  })
  return kept.length > 0 ? kept : null
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isObject(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
