import { useEffect, useRef, useState } from 'preact/hooks'
import type { CachedCatalog } from '../../common/domain'
import { requestAsync } from '../bridge'
import { startLearnedRoads } from '../openrouter/choose-road'
import { type ModelListChoice, chooseModelList } from './model-list'
import { readCachedCatalog } from './catalog/parse-catalog'
import { refreshCatalogAsync } from './catalog/refresh-model-list'

export interface LiveModelList extends ModelListChoice {
  /** Nothing more will change this run: the catalog came, failed, or the cache was fresh. */
  settled: boolean
}

/**
 * The models the panel offers, live. Never blocks: it starts with the cached
 * catalog the sandbox handed over with the page (or the built-in table), and,
 * when the cache is older than a day and a key is known, fetches OpenRouter's
 * catalog in the background and keeps it for the next runs. Roads learned from
 * a refusal are kept with it, so the next run sends such a model straight to
 * the Image API.
 */
export function useModelList(key: string | null, cachedCatalog: unknown): LiveModelList {
  const [cache] = useState(() => readCachedCatalog(cachedCatalog))
  const [list, setList] = useState<LiveModelList>(() => {
    const choice = chooseModelList({ cache, now: Date.now() })
    return { ...choice, settled: !choice.fetch }
  })
  const fetching = useRef(false)
  // The catalog as last kept, for a learned road to be kept with.
  const kept = useRef<CachedCatalog | null>(cache)

  useEffect(() => {
    startLearnedRoads(cache?.learnedRoads, (learnedRoads) => {
      if (!kept.current) return
      kept.current = { ...kept.current, learnedRoads }
      void requestAsync('save-catalog', { catalog: kept.current }).catch(() => {})
    })
  }, [cache])

  useEffect(() => {
    if (!key || !list.fetch || fetching.current) return
    fetching.current = true
    void refreshCatalogAsync({
      key,
      cache,
      now: Date.now(),
      // A fresh catalog's lists say which roads serve each model: they supersede a refusal of days ago.
      save: (catalog) => requestAsync('save-catalog', { catalog: (kept.current = catalog) }),
    }).then((choice) => setList({ ...choice, settled: true }))
  }, [key, cache, list.fetch])

  return list
}
