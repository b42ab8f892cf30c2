import type { CachedCatalog } from '../../../common/domain'
import { type ModelListChoice, chooseModelList } from '../model-list'
import { loadCatalogAsync } from './load-catalog'

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
  const fetched = await loadCatalogAsync({ key: options.key, baseUrl: options.baseUrl, previous: options.cache?.models })
  if (fetched) await options.save({ models: fetched, fetchedAt: options.now }).catch(() => {})
  return chooseModelList({ cache: options.cache, now: options.now, fetched })
}
