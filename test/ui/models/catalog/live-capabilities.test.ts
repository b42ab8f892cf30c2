import { describe, expect, it } from 'vitest'
import type { CachedCatalog } from '../../../../common/domain'
import { BUILT_IN_MODELS } from '../../../../common/models'
import { findModel } from '../../../../ui/models/model-list'
import { riverflow26ProRecord } from '../../../openrouter-stand-in/image-records'
import { useOpenRouterStandIn } from '../../../openrouter-stand-in/use-stand-in'
import { runPanelAsync } from '../run-panel'

// Capabilities read from the Image API's records (through the stand-in, which serves them in
// OpenRouter's OpenAPI shapes), kept with the catalog, and used offline the next run.
const standIn = useOpenRouterStandIn()

const now = 1_800_000_000_000
const DAY = 24 * 60 * 60 * 1000
const OFFLINE = 'http://127.0.0.1:9'
const PRO25 = 'sourceful/riverflow-v2.5-pro'
const PRO26 = 'sourceful/riverflow-v2.6-pro'


describe('capabilities from OpenRouter’s records', () => {
  it('offers 2.5 Pro 4K and ten input images because its record says so, with fonts as passthrough on the Image API', async () => {
    const table = BUILT_IN_MODELS.find((m) => m.id === PRO25)!
    expect(table.sizes).toEqual(['1K', '2K'])
    const list = await runPanelAsync({ catalog: null }, now, standIn.url)
    const pro = findModel(list.models, PRO25)
    expect(pro).toMatchObject({ sizes: ['1K', '2K', '4K'], maxInputImages: 10 })
    expect(pro.roads?.chat).toMatchObject({ sizes: ['1K', '2K'], maxInputImages: 4, efforts: ['low', 'medium', 'high'], scoring: true })
    expect(pro.roads?.images).toMatchObject({ sizes: ['1K', '2K', '4K'], maxInputImages: 10, maxFontInputs: 2, passthroughTo: 'sourceful', efforts: [], scoring: false })
    expect(pro.roads?.images?.aspectRatios).not.toContain('5:4')
    expect(standIn.requests.map((r) => r.path)).toContain('/api/v1/images/models/sourceful/riverflow-v2.5-fast:free/endpoints')
  })

  it('reads 2.6 Pro’s explicit size, and V2 stays on chat completions with the table’s facts', async () => {
    const list = await runPanelAsync({ catalog: null }, now, standIn.url)
    expect(findModel(list.models, PRO26).exactSize).toMatchObject({ maxSide: 16384, maxPixels: 16_800_000, maxRatio: 16 })
    const v2 = findModel(list.models, 'sourceful/riverflow-v2-pro')
    expect(Object.keys(v2.roads ?? {})).toEqual(['chat'])
    expect(v2).toMatchObject({ sizes: ['1K', '2K', '4K'], maxReferences: 4, exactSize: null })
  })

  it.each([
    // Whether 2.6 Pro's record allows scoring as passthrough is unconfirmed: both are read as they say.
    ['allows scoring', true, ['font_inputs', 'scoring_prompt', 'scoring_rubric']],
    ['allows no scoring', false, ['font_inputs']],
  ])('reads the passthrough keys of 2.6 Pro’s record: one that %s', async (_name, scoring, passthrough) => {
    standIn.models.records[PRO26] = [riverflow26ProRecord({ scoring })]
    const pro = findModel((await runPanelAsync({ catalog: null }, now, standIn.url)).models, PRO26)
    expect(pro.roads?.images).toMatchObject({ scoring, passthrough, passthroughTo: 'sourceful', maxFontInputs: 2 })
    // The table's caution stays where no record was read: chat completions.
    expect(pro.roads?.chat).toMatchObject({ scoring: false, maxFontInputs: 0 })
    expect(pro.scoring).toBe(scoring)
  })

  it('offers a Riverflow that only the Image API lists', async () => {
    standIn.models.catalog = standIn.models.catalog.filter((m) => m.id !== PRO26)
    const list = await runPanelAsync({ catalog: null }, now, standIn.url)
    expect(Object.keys(findModel(list.models, PRO26).roads ?? {})).toEqual(['images'])
    expect(list.models.map((m) => m.id)).toContain(PRO26)
  })

  it('uses a cached record offline the next day', async () => {
    const storage = { catalog: null as CachedCatalog | null }
    await runPanelAsync(storage, now, standIn.url)
    const offline = await runPanelAsync(storage, now + 2 * DAY, OFFLINE)
    expect(offline.source).toBe('cache')
    expect(findModel(offline.models, PRO25)).toMatchObject({ sizes: ['1K', '2K', '4K'], maxInputImages: 10 })
    expect(findModel(offline.models, PRO26).exactSize?.maxSide).toBe(16384)
  })

  it.each([
    ['a record that is not JSON', 'not a record'],
    ['a record with no endpoints', { id: PRO25, endpoints: [] }],
    ['a record whose parameters read oddly', { id: PRO25, endpoints: [{ provider_slug: 'sourceful', supported_parameters: { resolution: { type: 'enum', values: ['8K'] }, input_references: { type: 'range', min: 'a', max: 'b' } } }] }],
  ])('ignores %s: the table’s facts stand', async (_name, record) => {
    standIn.models.records[PRO25] = record
    const pro = findModel((await runPanelAsync({ catalog: null }, now, standIn.url)).models, PRO25)
    expect(pro).toMatchObject({ sizes: ['1K', '2K'], maxInputImages: 4 })
  })

  it('keeps the catalog, with the table’s facts, when the Image API’s list cannot be had', async () => {
    standIn.models.imagesListAnswer = 'error'
    const list = await runPanelAsync({ catalog: null }, now, standIn.url)
    expect(list.source).toBe('catalog')
    expect(findModel(list.models, PRO25)).toEqual(BUILT_IN_MODELS.find((m) => m.id === PRO25))
  })
})
