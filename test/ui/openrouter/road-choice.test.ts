import { describe, expect, it } from 'vitest'
import type { CachedCatalog, GenerationSettings } from '../../../common/domain'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { readCachedCatalog } from '../../../ui/models/catalog/parse-catalog'
import { forgetRoads, startLearnedRoads } from '../../../ui/openrouter/choose-road'
import { readImageInfo } from '../../images/png'
import { type CapabilityDescriptor, type ImageEndpoint, riverflow26ProRecord } from '../../openrouter-stand-in/image-records'
import { TEST_KEY } from '../../openrouter-stand-in/server'
import { useOpenRouterStandIn } from '../../openrouter-stand-in/use-stand-in'
import { generateOnceAsync } from '../generation/generate-once'
import { runPanelAsync } from '../models/run-panel'

// The road is chosen before sending, from the model list the panel loaded (both lists and the
// Image API's records, through the stand-in), by what the request needs.
const standIn = useOpenRouterStandIn(forgetRoads)

const now = 1_800_000_000_000
const png = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`
const font = { fontUrl: 'https://fonts.test/brand.woff2', text: 'SALE' }
const settingsOf = (change: Partial<GenerationSettings>): GenerationSettings => ({ ...DEFAULT_STATE.settings, aspectRatio: '1:1', imageSize: '1K', ...change })

async function sendAsync(change: Partial<GenerationSettings>, inputImages?: string[], prompt = 'A SALE banner') {
  const { models } = await runPanelAsync({ catalog: null }, now, standIn.url)
  return generateOnceAsync({ key: TEST_KEY, baseUrl: standIn.url }, { prompt, settings: settingsOf(change), inputImages }, models)
}
const roadsTaken = () => standIn.requests.filter((r) => r.method === 'POST').map((r) => r.path)

describe('the road, chosen before sending', () => {
  it('sends 2.5 Pro at 4K to the Image API first, where its record offers 4K, with font inputs as passthrough', async () => {
    const answer = await sendAsync({ model: 'sourceful/riverflow-v2.5-pro', imageSize: '4K', fontInputs: [font] })
    expect(roadsTaken()).toEqual(['/api/v1/images'])
    expect(standIn.imageGenerations()[0].body).toMatchObject({
      resolution: '4K',
      provider: { options: { sourceful: { font_inputs: [{ font_url: font.fontUrl, text: 'SALE' }] } } },
    })
    expect(answer.droppedOptions).toEqual(['effort'])
  })

  it('sends 2.5 Pro with ten input images to the Image API, and with four to chat completions, which carries effort too', async () => {
    await sendAsync({ model: 'sourceful/riverflow-v2.5-pro' }, Array(10).fill(png))
    await sendAsync({ model: 'sourceful/riverflow-v2.5-pro' }, Array(4).fill(png))
    expect(roadsTaken()).toEqual(['/api/v1/images', '/api/v1/chat/completions'])
  })

  it('sends a model only the Image API lists there first: no 404 from chat completions', async () => {
    standIn.models.catalog = standIn.models.catalog.filter((m) => m.id !== 'sourceful/riverflow-v2.6-pro')
    standIn.models.chatless.add('sourceful/riverflow-v2.6-pro')
    await sendAsync({ model: 'sourceful/riverflow-v2.6-pro', imageSize: '2K' })
    expect(roadsTaken()).toEqual(['/api/v1/images'])
  })

  it('sends 2.6 Pro’s scoring prompt on the Image API as passthrough where its record allows it, and keeps it unsent where it does not', async () => {
    const imagesOnly = () => {
      standIn.models.catalog = standIn.models.catalog.filter((m) => m.id !== 'sourceful/riverflow-v2.6-pro')
      standIn.models.chatless.add('sourceful/riverflow-v2.6-pro')
    }
    imagesOnly()
    const answer = await sendAsync({ model: 'sourceful/riverflow-v2.6-pro', scoringPrompt: 'Crisp edges', imageSize: '2K' })
    expect(standIn.imageGenerations()[0].body).toMatchObject({ provider: { options: { sourceful: { scoring_prompt: 'Crisp edges' } } } })
    expect(answer.droppedOptions).toEqual([])

    // Unconfirmed either way: a record that allows no scoring gets none. The panel hides the field on such a
    // model, so the words are kept for one that scores, not sent and not refused.
    standIn.reset()
    imagesOnly()
    standIn.models.records['sourceful/riverflow-v2.6-pro'] = [riverflow26ProRecord({ scoring: false })]
    await sendAsync({ model: 'sourceful/riverflow-v2.6-pro', scoringPrompt: 'Crisp edges', imageSize: '2K' })
    expect(standIn.imageGenerations()).toHaveLength(1)
    expect(JSON.stringify(standIn.imageGenerations()[0].body)).not.toContain('scoring_prompt')
  })

  it('does not send font inputs where the record allows no passthrough, and says they are dropped', async () => {
    const record = (standIn.models.records['sourceful/riverflow-v2.5-pro'] as { allowed_passthrough_parameters: string[] }[])[0]
    record.allowed_passthrough_parameters = []
    const answer = await sendAsync({ model: 'sourceful/riverflow-v2.5-pro', imageSize: '4K', fontInputs: [font] })
    expect(standIn.imageGenerations()[0].body).not.toHaveProperty('provider')
    expect(answer.droppedOptions).toEqual(['font inputs', 'effort'])
  })

  it('refuses before sending what no road can make: 2.5 Pro at 4K in 5:4, which only chat completions has a ratio for', async () => {
    const error = await sendAsync({ model: 'sourceful/riverflow-v2.5-pro', imageSize: '4K', aspectRatio: '5:4' }).catch((e: Error) => e)
    expect(String(error)).toContain('Riverflow 2.5 Pro cannot make 4K at 5:4 with 0 input images on any road OpenRouter serves it on: choose another size or aspect ratio.')
    expect(roadsTaken()).toEqual([])
  })

  it('keeps a road learned from a refusal with the cache: the next run goes straight to the Image API', async () => {
    const storage = { catalog: null as CachedCatalog | null }
    await runPanelAsync(storage, now, standIn.url)
    startLearnedRoads(undefined, (learnedRoads) => void (storage.catalog = { ...storage.catalog!, learnedRoads }))
    standIn.models.chatless.add('sourceful/riverflow-v2.6-pro')
    const models = (await runPanelAsync({ catalog: null }, now, standIn.url)).models
    const settings = settingsOf({ model: 'sourceful/riverflow-v2.6-pro' })
    await generateOnceAsync({ key: TEST_KEY, baseUrl: standIn.url }, { prompt: 'A mug', settings }, models)
    expect(roadsTaken()).toEqual(['/api/v1/chat/completions', '/api/v1/images'])

    forgetRoads()
    const next = readCachedCatalog(structuredClone(storage.catalog))
    startLearnedRoads(next?.learnedRoads, () => {})
    await generateOnceAsync({ key: TEST_KEY, baseUrl: standIn.url }, { prompt: 'A mug', settings }, models)
    expect(roadsTaken()).toEqual(['/api/v1/chat/completions', '/api/v1/images', '/api/v1/images'])
  })
})

describe('the format asked of the Image API', () => {
  const FAST = 'sourceful/riverflow-v2.5-fast'
  /** 2.5 Fast on the Image API only (chat completions has no endpoint for it), its record listing these output formats (none: no such parameter). */
  const fastOnImagesListing = (formats: string[] | null) => {
    standIn.models.chatless.add(FAST)
    const [record] = standIn.models.records[FAST] as ImageEndpoint[]
    const { output_format: _, ...others } = record.supported_parameters
    const listed: Record<string, CapabilityDescriptor> = formats ? { ...others, output_format: { type: 'enum', values: formats } } : others
    standIn.models.records[FAST] = [{ ...record, supported_parameters: listed }]
  }
  const asked = () => standIn.imageGenerations().map((r) => [r.status, (r.body as { output_format?: string }).output_format])

  it('asks for the format 2.5 Fast’s record lists, JPEG, and places the JPEG as it came', async () => {
    standIn.models.chatless.add(FAST)
    const answer = await sendAsync({ model: FAST })
    expect(asked()).toEqual([[200, 'jpeg']])
    const { bytes } = answer.placed[0].image as { bytes: Uint8Array }
    expect(readImageInfo(bytes)).toEqual({ format: 'jpeg', width: 1024, height: 1024 })
  })

  it.each([
    ['PNG where the record lists it', ['jpeg', 'webp', 'png'], 'png'],
    ['WebP before JPEG where it lists no PNG: WebP keeps a cut-out', ['jpeg', 'webp'], 'webp'],
    ['no format where the record has none to list', null, undefined],
  ])('asks for %s', async (_name, formats, format) => {
    fastOnImagesListing(formats)
    await sendAsync({ model: FAST })
    expect(asked()).toEqual([[200, format]])
  })

  it('leaves a cut-out out, and says so, where the record makes only JPEG', async () => {
    standIn.models.chatless.add(FAST)
    const answer = await sendAsync({ model: FAST, background: 'transparent' })
    expect(standIn.imageGenerations()[0].body).not.toHaveProperty('background')
    expect(answer.droppedOptions).toContain('background')
  })
})

describe('a road learned from a refusal, where the model list read no record', () => {
  const FAST = 'sourceful/riverflow-v2.5-fast'
  // The built-in table's models, as when the Image API's list could not be had: no road has a record.
  const sendAsync = (change: Partial<GenerationSettings> = {}) => generateOnceAsync({ key: TEST_KEY, baseUrl: standIn.url }, { prompt: 'A mug', settings: settingsOf({ model: FAST, ...change }) })
  const asked = () => standIn.imageGenerations().map((r) => [r.status, (r.body as { output_format?: string }).output_format])
  const recordsRead = () => standIn.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/endpoints')).length

  it('reads the endpoint record before asking: the JPEG 2.5 Fast’s record lists, once a session', async () => {
    standIn.models.chatless.add(FAST)
    await sendAsync()
    await sendAsync()
    expect(roadsTaken()).toEqual(['/api/v1/chat/completions', '/api/v1/images', '/api/v1/images'])
    expect(asked()).toEqual([[200, 'jpeg'], [200, 'jpeg']])
    expect(recordsRead()).toBe(1)
  })

  it('leaves a cut-out out, and says so, where the record makes only JPEG, as the road the list read it for does', async () => {
    standIn.models.chatless.add(FAST)
    const answer = await sendAsync({ background: 'transparent' })
    expect(standIn.imageGenerations().map((r) => r.status)).toEqual([200])
    expect(standIn.imageGenerations()[0].body).not.toHaveProperty('background')
    expect(answer.droppedOptions).toContain('background')
  })

  it('asks for PNG, as without a record, where the record cannot be read, and reads it again next time', async () => {
    standIn.models.chatless.add(FAST)
    standIn.models.records[FAST] = 'not a record'
    await sendAsync()
    await sendAsync()
    expect(asked()).toEqual([[200, 'png'], [200, 'png']])
    expect(recordsRead()).toBe(2)
  })
})
