/**
 * What the stand-in's OpenRouter knows of models, and how tests change it:
 * the catalog (`GET /api/v1/models?output_modalities=image`), the Image API's
 * list (`GET /api/v1/images/models`), models that chat completions cannot
 * serve, the Image API's endpoint records, and a busy free tier. Plain state: a test sets a field, `reset()` puts
 * every field back.
 */
import { type ImageEndpoint, defaultImageRecords, imageModelListItem } from './image-records'
import { MODEL_RULES } from './model-rules'

/** One model as OpenRouter's catalog lists it (docs/contracts.md#model-catalog). */
export interface CatalogModel {
  id: string
  name: string
  description?: string
  architecture: { input_modalities: string[]; output_modalities: string[] }
  pricing: Record<string, string>
  supported_parameters: string[]
}

export interface ModelWorld {
  /** What the catalog lists: by default the six Riverflows and one image model of another maker. */
  catalog: CatalogModel[]
  /** How the catalog answers: as listed, HTTP 500, or a 200 whose body is not a catalog. */
  catalogAnswer: 'ok' | 'error' | 'malformed'
  /** Models chat completions answers with 404 "No endpoints found" (docs/contracts.md#the-image-api: some pure-image models). */
  chatless: Set<string>
  /** The models the Image API lists: by default 2.5 and 2.6, not V2. */
  imagesModels: Set<string>
  /** Each Image API model's endpoint records; any value (even one that is not a record) is served as it is. */
  records: Record<string, ImageEndpoint[] | unknown>
  /** How `GET /api/v1/images/models` answers: as listed, HTTP 500, or a 200 that is not a list. */
  imagesListAnswer: 'ok' | 'error' | 'malformed'
  /** While set, every `:free` model answers 429 with the free tier's message, and this Retry-After (s) if any. */
  freeBusy: { retryAfter?: number } | null
}

const NAMES: Record<string, string> = {
  'sourceful/riverflow-v2-fast': 'Sourceful: Riverflow V2 Fast',
  'sourceful/riverflow-v2-pro': 'Sourceful: Riverflow V2 Pro',
  'sourceful/riverflow-v2.5-fast': 'Sourceful: Riverflow V2.5 Fast',
  'sourceful/riverflow-v2.5-fast:free': 'Sourceful: Riverflow V2.5 Fast (free)',
  'sourceful/riverflow-v2.5-pro': 'Sourceful: Riverflow V2.5 Pro',
  'sourceful/riverflow-v2.6-pro': 'Sourceful: Riverflow V2.6 Pro',
}

/** A catalog entry as OpenRouter writes one, for the defaults and for tests that add models. */
export function catalogModel(id: string, name = NAMES[id] ?? id, priceUsd = '0.05'): CatalogModel {
  const rule = MODEL_RULES[id]
  return {
    id,
    name,
    description: `${name}, an image model.`,
    architecture: { input_modalities: ['text', 'image'], output_modalities: ['image'] },
    pricing: { prompt: '0', completion: '0', image: priceUsd },
    supported_parameters: rule && rule.efforts.length > 0 ? ['reasoning'] : [],
  }
}

export function createModelWorld(): ModelWorld {
  const world = {} as ModelWorld
  resetModelWorld(world)
  return world
}

export function resetModelWorld(world: ModelWorld): void {
  world.catalog = [...Object.keys(MODEL_RULES).map((id) => catalogModel(id)), catalogModel('black-forest-labs/flux.2-pro', 'Black Forest Labs: FLUX.2 Pro')]
  world.catalogAnswer = 'ok'
  world.chatless = new Set()
  world.imagesModels = new Set(Object.keys(defaultImageRecords()))
  world.records = defaultImageRecords()
  world.imagesListAnswer = 'ok'
  world.freeBusy = null
}

/** The slugs OpenRouter would serve: every one the catalog lists, and the built-in family. */
export function listedModels(world: ModelWorld): string[] {
  return [...new Set([...world.catalog.map((model) => model.id), ...Object.keys(MODEL_RULES)])]
}

type Answer = { status: number; body: unknown }

/** The catalog, or the break a test asked for. Without `output_modalities=image`, only text models: none here. */
export function catalogAnswer(world: ModelWorld, url: URL): Answer {
  if (world.catalogAnswer === 'error') return { status: 500, body: { error: { code: 500, message: 'Internal Server Error' } } }
  if (world.catalogAnswer === 'malformed') return { status: 200, body: '<html>upstream said something odd</html>' }
  return { status: 200, body: { data: url.searchParams.get('output_modalities') === 'image' ? world.catalog : [] } }
}

/** The models the Image API serves: those it lists that OpenRouter knows. */
export function imagesApiModels(world: ModelWorld): string[] {
  return listedModels(world).filter((id) => world.imagesModels.has(id))
}

/** `GET /api/v1/images/models` as `ImageModelsListResponse`, or the break a test asked for. */
export function imagesModelsAnswer(world: ModelWorld): Answer {
  if (world.imagesListAnswer === 'error') return { status: 500, body: { error: { code: 500, message: 'Internal Server Error' } } }
  if (world.imagesListAnswer === 'malformed') return { status: 200, body: '<html>upstream said something odd</html>' }
  const name = (id: string) => world.catalog.find((model) => model.id === id)?.name ?? NAMES[id] ?? id
  const records = (id: string) => (Array.isArray(world.records[id]) ? (world.records[id] as ImageEndpoint[]) : undefined)
  return { status: 200, body: { data: imagesApiModels(world).map((id) => imageModelListItem(id, name(id), records(id))) } }
}

/** `GET /api/v1/images/models/{author}/{slug}/endpoints` as `ImageModelEndpointsResponse` (top level, not in `data`). */
export function imageEndpointsAnswer(world: ModelWorld, path: string): Answer {
  const id = /^\/api\/v1\/images\/models\/(.+)\/endpoints$/.exec(path)?.[1] ?? ''
  if (!imagesApiModels(world).includes(id)) return { status: 404, body: { error: { code: 404, message: `Model ${id} not found` } } }
  const endpoints = id in world.records ? world.records[id] : []
  return { status: 200, body: Array.isArray(endpoints) ? { id, endpoints } : endpoints }
}

/** The free tier's own 429 (docs/contracts.md#free-variants), or null when it is not busy or the model is not free. */
export function freeBusyAnswer(world: ModelWorld, model: string): { status: number; message: string; headers: Record<string, string> } | null {
  if (!world.freeBusy || !model.endsWith(':free')) return null
  const retryAfter = world.freeBusy.retryAfter
  return {
    status: 429,
    message: `${model} is temporarily rate-limited upstream. Please retry shortly.`,
    headers: retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {},
  }
}
