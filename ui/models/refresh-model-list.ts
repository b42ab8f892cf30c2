import type { CachedCatalog } from '../../common/domain'
import { type ModelListChoice, chooseModelList } from './model-list'
import { loadCatalogAsync } from './load-catalog'
import { readCachedCatalog } from './parse-catalog'

/** The catalog clientStorage kept, or null: a sandbox that cannot answer is no reason to wait. */
export async function readCatalogCacheAsync(load: () => Promise<unknown>): Promise<CachedCatalog | null> {
  try {
    return readCachedCatalog(await load())
  } catch {
    return null
  }
}

/**
 * Asks OpenRouter for its catalog and chooses the list to show from what came
 * (or did not). A catalog that came is kept for the next runs with when it came;
 * failing to keep it changes nothing now.
 */
export async function refreshCatalogAsync(options: {
  key: string
  baseUrl?: string
  cache: CachedCatalog | null
  now: number
  save: (catalog: CachedCatalog) => Promise<unknown>
}): Promise<ModelListChoice> {
  const fetched = await loadCatalogAsync({ key: options.key, baseUrl: options.baseUrl })
  if (fetched) await options.save({ models: fetched, fetchedAt: options.now }).catch(() => {})
  return chooseModelList({ cache: options.cache, now: options.now, fetched })
}
