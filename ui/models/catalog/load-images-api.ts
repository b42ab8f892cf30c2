import { OPENROUTER_URL, authHeaders } from '../../openrouter/endpoint'
import { pickImagesEndpoint } from './images-record'

/** What the Image API said of one model: its name, and its endpoint record as sent (undefined: none could be had). */
export interface ImagesApiModel {
  name: string
  endpoint: unknown
}

interface LoadOptions {
  key: string
  baseUrl?: string
  signal?: AbortSignal
}

/**
 * The Sourceful models `GET /api/v1/images/models` lists, each with its
 * endpoint record (`GET /api/v1/images/models/{author}/{slug}/endpoints`,
 * docs/contracts.md#image-api-discovery), fetched side by side. Null when the
 * list cannot be had or read: the Image API then counts as not known, which
 * changes nothing. Never throws.
 */
export async function loadImagesApiAsync(options: LoadOptions): Promise<Map<string, ImagesApiModel> | null> {
  const base = options.baseUrl ?? OPENROUTER_URL
  const list = await getJsonAsync(`${base}/api/v1/images/models`, options)
  if (!isObject(list) || !Array.isArray(list.data)) return null
  const models = list.data.filter((entry): entry is { id: string; name?: unknown } => isObject(entry) && typeof entry.id === 'string' && entry.id.startsWith('sourceful/'))
  const loaded = await Promise.all(
    models.map(async ({ id, name }) => {
      // The slug is OpenRouter's own, `/` and `:free` included, as its `endpoints` link writes it.
      const record = await getJsonAsync(`${base}/api/v1/images/models/${encodeURI(id)}/endpoints`, options)
      const endpoint = record === undefined ? undefined : (pickImagesEndpoint(record) ?? undefined)
      return [id, { name: typeof name === 'string' ? name : id, endpoint }] as const
    }),
  )
  return new Map(loaded)
}

/** A GET's JSON body; undefined on any failure (offline, an error status, a body that is not JSON). */
async function getJsonAsync(url: string, options: LoadOptions): Promise<unknown> {
  try {
    const response = await fetch(url, { headers: authHeaders(options.key), signal: options.signal })
    return response.ok ? await response.json() : undefined
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
