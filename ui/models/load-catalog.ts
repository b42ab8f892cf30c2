import type { CatalogEntry } from '../../common/domain'
import { OPENROUTER_URL, authHeaders } from '../openrouter/endpoint'
import { parseCatalog } from './parse-catalog'

/**
 * OpenRouter's Sourceful image models, or null when they cannot be had (offline,
 * an error, a body that does not read, no Sourceful model): the caller falls back
 * to the cache or the built-in table. Never throws: the catalog is a nicety, the
 * panel works without it.
 */
export async function loadCatalogAsync(options: { key: string; baseUrl?: string; signal?: AbortSignal }): Promise<CatalogEntry[] | null> {
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
