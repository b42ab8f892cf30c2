import { useEffect, useRef, useState } from 'preact/hooks'
import type { CachedCatalog } from '../../common/domain'
import { requestAsync } from '../bridge'
import { type ModelListChoice, chooseModelList } from './model-list'
import { readCatalogCacheAsync, refreshCatalogAsync } from './refresh-model-list'

/** Reading clientStorage takes Figma milliseconds; the panel opens with the built-in list after this. */
const CACHE_READ_TIMEOUT_MS = 3000

export interface LiveModelList extends ModelListChoice {
  /** The cache has been read: the list is the best this run can show without the network. */
  cacheRead: boolean
  /** Nothing more will change this run: the catalog came, failed, or the cache was fresh. */
  settled: boolean
}

/**
 * The models the panel offers, live. Never blocks: it starts with the built-in
 * table, shows the cached catalog as soon as the sandbox hands it over, and,
 * when the cache is older than a day and a key is known, fetches OpenRouter's
 * catalog in the background and keeps it for the next runs.
 */
export function useModelList(key: string | null): LiveModelList {
  const [list, setList] = useState<LiveModelList>(() => ({ ...chooseModelList({ cache: null, now: Date.now() }), cacheRead: false, settled: false }))
  const cache = useRef<CachedCatalog | null>(null)
  const fetching = useRef(false)

  useEffect(() => {
    // The panel waits for this read: a sandbox that does not answer at once is taken as no cache.
    void readCatalogCacheAsync(() => requestAsync('load-catalog', {}, { timeoutMs: CACHE_READ_TIMEOUT_MS })).then((cached) => {
      cache.current = cached
      const choice = chooseModelList({ cache: cached, now: Date.now() })
      setList({ ...choice, cacheRead: true, settled: !choice.fetch })
    })
  }, [])

  useEffect(() => {
    if (!key || !list.cacheRead || !list.fetch || fetching.current) return
    fetching.current = true
    void refreshCatalogAsync({
      key,
      cache: cache.current,
      now: Date.now(),
      save: (catalog) => requestAsync('save-catalog', { catalog }),
    }).then((choice) => setList({ ...choice, cacheRead: true, settled: true }))
  }, [key, list.cacheRead, list.fetch])

  return list
}
