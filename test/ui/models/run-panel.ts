import type { CachedCatalog } from '../../../common/domain'
import { chooseModelList } from '../../../ui/models/model-list'
import { readCachedCatalog } from '../../../ui/models/catalog/parse-catalog'
import { refreshCatalogAsync } from '../../../ui/models/catalog/refresh-model-list'
import { TEST_KEY } from '../../openrouter-stand-in/server'

/** One run of the panel's model list (use-model-list.ts): read the cache, fetch if due, keep what came. */
export async function runPanelAsync(storage: { catalog: CachedCatalog | null }, at: number, baseUrl: string) {
  const cache = readCachedCatalog(structuredClone(storage.catalog))
  const first = chooseModelList({ cache, now: at })
  if (!first.fetch) return first
  const save = async (catalog: CachedCatalog) => void (storage.catalog = structuredClone(catalog))
  return refreshCatalogAsync({ key: TEST_KEY, baseUrl, cache, now: at, save })
}
