import type { CatalogEntry } from '../../../common/domain'
import { OPENROUTER_URL, authHeaders } from '../../openrouter/endpoint'
import { withTimeout } from '../../deadline'
import { type ImagesApiModel, loadImagesApiAsync } from './load-images-api'
import { parseCatalog } from './parse-catalog'

interface LoadOptions {
  key: string
  baseUrl?: string
  signal?: AbortSignal
  /** The catalog kept from an earlier run: what it knew of the Image API stands in when that list cannot be had. */
  previous?: readonly CatalogEntry[]
  /** How long both lists and the records may take together; CATALOG_TIMEOUT_MS when absent. */
  timeoutMs?: number
}

/** Both lists and the records come in a second or two; past this the catalog counts as not loaded. */
export const CATALOG_TIMEOUT_MS = 30_000

/**
 * OpenRouter's Sourceful image models from both its lists: the chat-completions
 * catalog and the Image API's (with each model's endpoint record), asked side
 * by side. Each entry says which lists name it; a model only the Image API
 * lists is offered too. Null when the catalog cannot be had (offline, an error,
 * a body that does not read): the caller falls back to the cache or the
 * built-in table. Never throws: the catalog is a nicety, the panel works without it.
 */
export async function loadCatalogAsync(options: LoadOptions): Promise<CatalogEntry[] | null> {
  // A list that never comes must not leave the model list unsettled for the session.
  const deadline = withTimeout(options.signal, options.timeoutMs ?? CATALOG_TIMEOUT_MS)
  const bounded = { ...options, signal: deadline.signal }
  const [chat, images] = await Promise.all([loadChatCatalogAsync(bounded), loadImagesApiAsync(bounded)]).finally(deadline.dispose)
  if (!chat) return null
  // Without the Image API's list (down for a moment), what the kept catalog knew of it stands: a model only
  // that list names stays on offer, rather than the designer's choice giving way to another for a day.
  // With nothing kept, the roads are not known: entries stay as an older build kept them.
  if (!images) return options.previous ? withKnownImagesApi(chat, options.previous) : chat
  const entries: CatalogEntry[] = chat.map((entry) => withImagesApi(entry, images.get(entry.id), true))
  for (const [id, model] of images) {
    if (!chat.some((entry) => entry.id === id)) entries.push(withImagesApi({ id, name: model.name, pricing: {}, supportedParameters: [] }, model, false))
  }
  return entries
}

/** The chat catalog with the earlier catalog's Image API facts: each entry's roads and record, and the models only that list named. */
function withKnownImagesApi(chat: CatalogEntry[], previous: readonly CatalogEntry[]): CatalogEntry[] {
  const known = new Map(previous.map((entry) => [entry.id, entry]))
  const entries = chat.map((entry) => {
    const before = known.get(entry.id)
    return before?.roads ? { ...entry, roads: before.roads, ...(before.imagesEndpoint !== undefined ? { imagesEndpoint: before.imagesEndpoint } : {}) } : entry
  })
  const imagesOnly = previous.filter((entry) => entry.roads?.includes('images') && !entry.roads.includes('chat') && !chat.some((listed) => listed.id === entry.id))
  return [...entries, ...imagesOnly]
}

function withImagesApi(entry: CatalogEntry, images: ImagesApiModel | undefined, onChat: boolean): CatalogEntry {
  const roads: CatalogEntry['roads'] = [...(onChat ? (['chat'] as const) : []), ...(images ? (['images'] as const) : [])]
  return { ...entry, roads, ...(images?.endpoint !== undefined ? { imagesEndpoint: images.endpoint } : {}) }
}

async function loadChatCatalogAsync(options: LoadOptions): Promise<CatalogEntry[] | null> {
  try {
    const response = await fetch(`${options.baseUrl ?? OPENROUTER_URL}/api/v1/models?output_modalities=image`, {
      headers: authHeaders(options.key),
      signal: options.signal,
    })
    if (!response.ok) return null
    return parseCatalog(await response.json())
  } catch {
    return null
  }
}
