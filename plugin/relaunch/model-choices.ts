import type { ModelId } from '../../common/domain'
import { BUILT_IN_MODELS, modelLabel } from '../../common/models'
import { loadCatalogCacheAsync } from '../storage/storage'

/**
 * The models a quick action suggests: the cached catalog's (what the panel last
 * offered), else the built-in list, named as the panel names them.
 */
export async function modelChoicesAsync(): Promise<readonly { id: ModelId; label: string }[]> {
  const cached = await loadCatalogCacheAsync().catch(() => null)
  const listed = (cached?.models ?? []).filter((m) => typeof m?.id === 'string' && m.id.startsWith('sourceful/'))
  if (listed.length === 0) return BUILT_IN_MODELS
  return listed.map((m) => ({ id: m.id, label: modelLabel(m.id, m.name) }))
}
