import { useEffect, useRef, useState } from 'preact/hooks'
import { requestAsync } from '../bridge'
import { type ModelListChoice, chooseModelList } from './model-list'
import { readCachedCatalog } from './parse-catalog'
import { refreshCatalogAsync } from './refresh-model-list'

export interface LiveModelList extends ModelListChoice {
  /** Nothing more will change this run: the catalog came, failed, or the cache was fresh. */
  settled: boolean
}

/**
 * The models the panel offers, live. Never blocks: it starts with the cached
 * catalog the sandbox handed over with the page (or the built-in table), and,
 * when the cache is older than a day and a key is known, fetches OpenRouter's
 * catalog in the background and keeps it for the next runs.
 */
export function useModelList(key: string | null, cachedCatalog: unknown): LiveModelList {
  const [cache] = useState(() => readCachedCatalog(cachedCatalog))
  const [list, setList] = useState<LiveModelList>(() => {
    const choice = chooseModelList({ cache, now: Date.now() })
    return { ...choice, settled: !choice.fetch }
  })
  const fetching = useRef(false)

  useEffect(() => {
    if (!key || !list.fetch || fetching.current) return
    fetching.current = true
    void refreshCatalogAsync({
      key,
      cache,
      now: Date.now(),
      save: (catalog) => requestAsync('save-catalog', { catalog }),
    }).then((choice) => setList({ ...choice, settled: true }))
  }, [key, cache, list.fetch])

  return list
}
