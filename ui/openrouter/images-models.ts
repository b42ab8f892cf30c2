import type { ModelId } from '../../common/domain'
import { isObject } from '../../common/read/is-object'
import { OPENROUTER_URL, authHeaders } from './endpoint'
import { pickImagesEndpoint } from './images-record'
import { withTimeout } from '../deadline'

export interface ImagesApiOptions {
  key: string
  baseUrl?: string
  signal?: AbortSignal
}

/** One model the Image API lists: its slug, and its name (the slug when it has none). */
export interface ListedImagesModel {
  id: ModelId
  name: string
}

/**
 * The models the Image API lists (`GET /api/v1/images/models`, docs/contracts.md#image-api-discovery).
 * Null when the list cannot be had or read. Never throws.
 */
export async function listImagesModelsAsync(options: ImagesApiOptions): Promise<ListedImagesModel[] | null> {
  const list = await getImagesApiAsync('/models', options)
  if (!isObject(list) || !Array.isArray(list.data)) return null
  return list.data
    .filter((entry): entry is { id: string; name?: unknown } => isObject(entry) && typeof entry.id === 'string')
    .map(({ id, name }) => ({ id, name: typeof name === 'string' ? name : id }))
}

/**
 * Whether the Image API lists a model. Asked only after chat completions found
 * no endpoint for it; any failure to tell counts as no, so the designer sees
 * chat completions' own error.
 */
export async function imagesApiListsAsync(model: ModelId, options: ImagesApiOptions): Promise<boolean> {
  return (await listImagesModelsAsync(options))?.some((entry) => entry.id === model) ?? false
}

/**
 * The endpoint record to trust of one model (`GET /api/v1/images/models/{author}/{slug}/endpoints`,
 * pickImagesEndpoint), raw; undefined when none could be had. Never throws.
 */
export async function getImagesEndpointAsync(model: ModelId, options: ImagesApiOptions): Promise<unknown> {
  // The slug is OpenRouter's own, `/` and `:free` included, as its `endpoints` link writes it.
  const body = await getImagesApiAsync(`/models/${encodeURI(model)}/endpoints`, options)
  return body === undefined ? undefined : (pickImagesEndpoint(body) ?? undefined)
}

/** A GET under `/api/v1/images`: its JSON body, or undefined on any failure (offline, an error status, a body that is not JSON). */
async function getImagesApiAsync(path: string, options: ImagesApiOptions): Promise<unknown> {
  // Asked in the middle of a generation (road.ts): a list that never comes must not hold the job.
  const deadline = withTimeout(options.signal, IMAGES_API_TIMEOUT_MS)
  try {
    const response = await fetch(`${options.baseUrl ?? OPENROUTER_URL}/api/v1/images${path}`, { headers: authHeaders(options.key), signal: deadline.signal })
    return response.ok ? await response.json() : undefined
  } catch {
    return undefined
  } finally {
    deadline.dispose()
  }
}

/** A list of a few models comes in well under a second; past this it counts as not told. */
const IMAGES_API_TIMEOUT_MS = 15_000
