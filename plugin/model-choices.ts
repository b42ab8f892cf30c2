import type { ModelId } from '../common/domain'
import { loadCatalogCacheAsync } from './storage'
import { BUILT_IN_MODELS } from './suggestions'

/** The cached catalog's models (what the panel last offered), else the built-in list. */
export async function modelChoicesAsync(): Promise<readonly { id: ModelId; label: string }[]> {
  const cached = await loadCatalogCacheAsync().catch(() => null)
  const listed = (cached?.models ?? []).filter((m) => typeof m?.id === 'string' && m.id.startsWith('sourceful/'))
  if (listed.length === 0) return BUILT_IN_MODELS
  const known = new Map(BUILT_IN_MODELS.map((m) => [m.id, m.label]))
  return listed.map((m) => ({ id: m.id, label: known.get(m.id) ?? (typeof m.name === 'string' ? m.name.replace(/^Sourceful:\s*/, '') : m.id) }))
}
