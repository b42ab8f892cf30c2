import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { CachedCatalog } from '../../../../common/domain'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { generateOnceAsync } from '../../generation/generate-once'
import { refreshCatalogAsync } from '../../../../ui/models/catalog/refresh-model-list'
import { CATALOG_TIMEOUT_MS, loadCatalogAsync } from '../../../../ui/models/catalog/load-catalog'
import { readCachedCatalog } from '../../../../ui/models/catalog/parse-catalog'
import { catalogModel } from '../../../openrouter-stand-in/model-world'
import { TEST_KEY } from '../../../openrouter-stand-in/server'
import { useOpenRouterStandIn } from '../../../openrouter-stand-in/use-stand-in'
import { runPanelAsync } from '../run-panel'

// The model list against the stand-in's catalog: what the panel's hook does, with clientStorage in memory.
const standIn = useOpenRouterStandIn()

const HOUR = 60 * 60 * 1000
const now = 1_800_000_000_000
const OFFLINE = 'http://127.0.0.1:9'

const catalogRequests = () => standIn.requests.filter((r) => r.path.startsWith('/api/v1/models'))

describe('the model list from OpenRouter’s catalog', () => {
  it('loads the Sourceful models with the key, keeps them, and does not fetch again within a day', async () => {
    const storage = { catalog: null as CachedCatalog | null }
    const list = await runPanelAsync(storage, now, standIn.url)
    expect(list.source).toBe('catalog')
    expect(list.models.map((m) => m.id)).toEqual(standIn.models.catalog.map((m) => m.id).filter((id) => id.startsWith('sourceful/')))
    expect(catalogRequests().map((r) => [r.path, r.headers.authorization])).toEqual([['/api/v1/models?output_modalities=image', `Bearer ${TEST_KEY}`]])
    expect(storage.catalog?.fetchedAt).toBe(now)

    expect(await runPanelAsync(storage, now + 23 * HOUR, standIn.url)).toMatchObject({ source: 'cache', fetch: false })
    expect(catalogRequests()).toHaveLength(1)
    expect(await runPanelAsync(storage, now + 25 * HOUR, standIn.url)).toMatchObject({ source: 'catalog' })
    expect(catalogRequests()).toHaveLength(2)
    expect(storage.catalog?.fetchedAt).toBe(now + 25 * HOUR)
  })

  it.each([
    ['offline', () => {}, OFFLINE],
    ['answering 500', () => void (standIn.models.catalogAnswer = 'error'), undefined],
    ['answering something that is not a catalog', () => void (standIn.models.catalogAnswer = 'malformed'), undefined],
    ['empty', () => void (standIn.models.catalog = []), undefined],
    ['without a Sourceful model', () => void (standIn.models.catalog = standIn.models.catalog.filter((m) => !m.id.startsWith('sourceful/'))), undefined],
  ])('falls back to the cache, else the built-in table, when the catalog is %s', async (_name, breakIt, baseUrl) => {
    breakIt()
    const empty = { catalog: null as CachedCatalog | null }
    expect(await runPanelAsync(empty, now, baseUrl ?? standIn.url)).toMatchObject({ source: 'built-in', note: 'Showing the built-in model list: OpenRouter’s catalog could not be loaded.' })
    expect(empty.catalog).toBeNull()
    const stale = { catalog: { models: [{ id: 'sourceful/riverflow-v2-pro', name: 'Riverflow 2 Pro', pricing: {}, supportedParameters: [] }], fetchedAt: now - 2 * 24 * HOUR } }
    const list = await runPanelAsync(stale, now, baseUrl ?? standIn.url)
    expect(list).toMatchObject({ source: 'cache', note: 'Showing the model list saved 2 days ago: OpenRouter’s catalog could not be loaded.' })
    expect(list.models.map((m) => m.id)).toEqual(['sourceful/riverflow-v2-pro'])
  })

  it('gives up on a catalog that never answers, so the list settles on the cache or the built-in table', async () => {
    // Accepts the connections and says nothing: without a time limit the list would never settle.
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = silent.address() as AddressInfo
      expect(await loadCatalogAsync({ key: TEST_KEY, baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 })).toBeNull()
      expect(CATALOG_TIMEOUT_MS).toBeLessThanOrEqual(30_000)
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  }, 5_000)

  it('keeps a model only the Image API lists when that list is down for a day’s refresh: the designer’s choice stays on offer', async () => {
    standIn.models.catalog = standIn.models.catalog.filter((m) => m.id !== 'sourceful/riverflow-v2.6-pro')
    const storage = { catalog: null as CachedCatalog | null }
    const first = await runPanelAsync(storage, now, standIn.url)
    expect(first.models.map((m) => m.id)).toContain('sourceful/riverflow-v2.6-pro')
    standIn.models.imagesListAnswer = 'error'
    const next = await runPanelAsync(storage, now + 25 * HOUR, standIn.url)
    expect(next.source).toBe('catalog')
    expect(next.models.map((m) => m.id)).toContain('sourceful/riverflow-v2.6-pro')
    // What is kept for the next runs still has it, with the road the model is sent by.
    expect(storage.catalog?.models.find((m) => m.id === 'sourceful/riverflow-v2.6-pro')?.roads).toEqual(['images'])
  })

  it('shows the catalog even when it cannot be kept, and reads a broken cache as none', async () => {
    const list = await refreshCatalogAsync({ key: TEST_KEY, baseUrl: standIn.url, cache: null, now, save: () => Promise.reject(new Error('full')) })
    expect(list.source).toBe('catalog')
    expect(readCachedCatalog(null)).toBeNull()
    expect(readCachedCatalog({ models: 'lots', fetchedAt: now })).toBeNull()
  })

  it('offers a slug this build has never seen, with cautious capabilities that the model takes', async () => {
    standIn.models.catalog.push(catalogModel('sourceful/riverflow-v3-fast', 'Sourceful: Riverflow V3 Fast'))
    const list = await runPanelAsync({ catalog: null }, now, standIn.url)
    const newcomer = list.models.find((m) => m.id === 'sourceful/riverflow-v3-fast')
    expect(newcomer).toMatchObject({ label: 'Riverflow V3 Fast', sizes: ['1K', '2K'], maxReferences: 0, backgrounds: [], efforts: [], isNew: true })
    expect(newcomer?.pricing.kind).toBe('unknown')

    const settings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v3-fast', imageSize: '2K' as const }
    const answer = await generateOnceAsync({ key: TEST_KEY, baseUrl: standIn.url }, { prompt: 'A kite', settings }, list.models)
    expect(answer.placed).toHaveLength(1)
    expect(answer.cost).toBe(0.08)
    const sent = standIn.generations()[0].body as Record<string, unknown>
    expect(sent.reasoning).toBeUndefined()
    expect(sent.image_config).toEqual({ aspect_ratio: '1:1', image_size: '2K' })
  })
})
