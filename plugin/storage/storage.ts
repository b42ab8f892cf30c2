import type { CachedCatalog, SavedState } from '../../common/domain'

// clientStorage is local to this user and machine and never travels with the
// file, unlike plugin data: the only place the API key may live.
const KEY_ENTRY = 'openrouter-api-key'
const STATE_ENTRY = 'saved-state'
const CATALOG_ENTRY = 'model-catalog'

export async function loadKeyAsync(): Promise<string | null> {
  const key = await figma.clientStorage.getAsync(KEY_ENTRY)
  return typeof key === 'string' && key !== '' ? key : null
}

export function saveKeyAsync(key: string): Promise<void> {
  return figma.clientStorage.setAsync(KEY_ENTRY, key)
}

export function forgetKeyAsync(): Promise<void> {
  return figma.clientStorage.deleteAsync(KEY_ENTRY)
}

/** Whatever was saved, unchecked: the UI reads it field by field (it knows the models). */
export async function loadStateAsync(): Promise<unknown> {
  return (await figma.clientStorage.getAsync(STATE_ENTRY)) ?? null
}

export function saveStateAsync(state: SavedState): Promise<void> {
  return figma.clientStorage.setAsync(STATE_ENTRY, state)
}

/** The catalog kept from an earlier run, if its envelope reads; the UI checks each entry. */
export async function loadCatalogCacheAsync(): Promise<CachedCatalog | null> {
  const catalog = await figma.clientStorage.getAsync(CATALOG_ENTRY)
  const ok = typeof catalog === 'object' && catalog !== null && Array.isArray(catalog.models) && typeof catalog.fetchedAt === 'number'
  return ok ? catalog : null
}

export function saveCatalogCacheAsync(catalog: CachedCatalog): Promise<void> {
  return figma.clientStorage.setAsync(CATALOG_ENTRY, catalog)
}
