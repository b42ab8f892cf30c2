import type { CatalogEntry } from '../../../common/domain'
import { OPENROUTER_URL, authHeaders } from '../../openrouter/endpoint'
import { type ImagesApiModel, loadImagesApiAsync } from './load-images-api'
import { parseCatalog } from './parse-catalog'

interface LoadOptions {
  key: string
  baseUrl?: string
  signal?: AbortSignal
}

/**
 * OpenRouter's Sourceful image models from both its lists: the chat-completions
 * catalog and the Image API's (with each model's endpoint record), asked side
 * by side. Each entry says which lists name it; a model only the Image API
 * lists is offered too. Null when the catalog cannot be had (offline, an error,
 * a body that does not read): the caller falls back to the cache or the
 * built-in table. Never throws: the catalog is a nicety, the panel works without it.
 */
export async function loadCatalogAsync(options: LoadOptions): Promise<CatalogEntry[] | null> {
  const [chat, images] = await Promise.all([loadChatCatalogAsync(options), loadImagesApiAsync(options)])
  if (!chat) return null
  // Without the Image API's list the roads are not known: entries stay as an older build kept them.
  if (!images) return chat
  const entries: CatalogEntry[] = chat.map((entry) => withImagesApi(entry, images.get(entry.id), true))
  for (const [id, model] of images) {
    if (!chat.some((entry) => entry.id === id)) entries.push(withImagesApi({ id, name: model.name, pricing: {}, supportedParameters: [] }, model, false))
  }
  return entries
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
