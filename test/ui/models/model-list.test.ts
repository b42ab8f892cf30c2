import { describe, expect, it } from 'vitest'
import type { CachedCatalog, CatalogEntry } from '../../../common/domain'
import { BUILT_IN_MODELS } from '../../../ui/models'
import { CATALOG_MAX_AGE_MS, chooseModelList } from '../../../ui/models/model-list'

const entry = (id: string, name = id): CatalogEntry => ({ id, name, pricing: {}, supportedParameters: [] })
const now = 1_800_000_000_000
const HOUR = 60 * 60 * 1000
const catalog = [entry('sourceful/riverflow-v3-fast', 'Sourceful: Riverflow V3 Fast'), entry('sourceful/riverflow-v2.5-pro'), entry('sourceful/riverflow-v2-fast')]
const cacheOf = (ageMs: number): CachedCatalog => ({ models: [entry('sourceful/riverflow-v2-pro')], fetchedAt: now - ageMs })
const ids = (choice: { models: { id: string }[] }) => choice.models.map((m) => m.id)

describe('chooseModelList, before fetching', () => {
  it('uses a cache younger than a day, and does not fetch', () => {
    const choice = chooseModelList({ cache: cacheOf(23 * HOUR), now })
    expect(choice).toMatchObject({ source: 'cache', note: null, fetch: false })
    expect(ids(choice)).toEqual(['sourceful/riverflow-v2-pro'])
  })

  it('shows an older cache while it fetches', () => {
    expect(chooseModelList({ cache: cacheOf(CATALOG_MAX_AGE_MS), now })).toMatchObject({ source: 'cache', note: null, fetch: true })
  })

  it('does not trust a cache from the future (a clock set back)', () => {
    expect(chooseModelList({ cache: cacheOf(-HOUR), now }).fetch).toBe(true)
  })

  it('shows the built-in table while it fetches when nothing is kept', () => {
    const choice = chooseModelList({ cache: null, now })
    expect(choice).toMatchObject({ source: 'built-in', note: null, fetch: true })
    expect(ids(choice)).toEqual(BUILT_IN_MODELS.map((m) => m.id))
  })
})

describe('chooseModelList, after fetching', () => {
  it('uses the catalog, known models in the table’s order and new ones after, with cautious capabilities', () => {
    const choice = chooseModelList({ cache: cacheOf(2 * CATALOG_MAX_AGE_MS), now, fetched: catalog })
    expect(choice).toMatchObject({ source: 'catalog', note: null, fetch: false })
    expect(ids(choice)).toEqual(['sourceful/riverflow-v2-fast', 'sourceful/riverflow-v2.5-pro', 'sourceful/riverflow-v3-fast'])
    expect(choice.models[2]).toMatchObject({ label: 'Riverflow V3 Fast', isNew: true, efforts: [], backgrounds: [] })
  })

  it('falls back to the cache, saying how old it is, when the catalog could not be had', () => {
    const choice = chooseModelList({ cache: cacheOf(3 * CATALOG_MAX_AGE_MS + HOUR), now, fetched: null })
    expect(choice).toMatchObject({ source: 'cache', fetch: false, note: 'Showing the model list saved 3 days ago: OpenRouter’s catalog could not be loaded.' })
  })

  it('falls back to the built-in table without a cache', () => {
    expect(chooseModelList({ cache: null, now, fetched: null })).toMatchObject({
      source: 'built-in',
      fetch: false,
      note: 'Showing the built-in model list: OpenRouter’s catalog could not be loaded.',
    })
  })
})
