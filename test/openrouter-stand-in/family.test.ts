import { describe, expect, it } from 'vitest'
import { decodePng, readImageInfo } from '../images/png'
import { MODEL_RULES } from './model-rules'
import { defaultImageRecords } from './image-records'
import { catalogModel } from './model-world'
import { TEST_KEY } from './server'
import { useOpenRouterStandIn } from './use-stand-in'

// The stand-in's newer half (docs/contracts.md#the-riverflow-family): it must refuse what OpenRouter refuses for 2.5 and
// later, and for the Image API, or the UI's tests of them prove nothing.
const standIn = useOpenRouterStandIn()

/** One request to the stand-in with the test key; the body as JSON when it is JSON. */
async function call(method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${standIn.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TEST_KEY}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  // The text too: the catalog's "malformed" answer is meant not to parse.
  const text = await response.clone().text()
  return { status: response.status, headers: response.headers, text, body: await response.json().catch(() => null) }
}

const chat = { model: 'sourceful/riverflow-v2-fast', messages: [{ role: 'user', content: 'A red fox' }], modalities: ['image'], image_config: { aspect_ratio: '1:1', image_size: '1K' } }
const png = `data:image/png;base64,${Buffer.from('x').toString('base64')}`
const post = (body: unknown) => call('POST', '/api/v1/chat/completions', body)
const get = (path: string) => call('GET', path)
const postImages = (body: unknown) => call('POST', '/api/v1/images', body)
describe('OpenRouter stand-in: the Riverflow family, the catalog and the Image API', () => {
  const v25 = { ...chat, model: 'sourceful/riverflow-v2.5-fast' }
  const withConfig = (body: typeof chat, config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...body, image_config: { ...body.image_config, ...config }, ...extra })
  // JPEG: the one format 2.5 Fast's record lists.
  const images = { model: 'sourceful/riverflow-v2.5-fast', prompt: 'A mug', resolution: '1K', aspect_ratio: '16:9', n: 1, output_format: 'jpeg' }
  const pro = { ...images, model: 'sourceful/riverflow-v2.5-pro', output_format: 'png' }
  const alphaAt = (dataUrlOrBase64: string, x: number, y: number) => {
    const { width, rgba } = decodePng(new Uint8Array(Buffer.from(dataUrlOrBase64.slice(dataUrlOrBase64.indexOf(',') + 1), 'base64')))
    return rgba[(y * width + x) * 4 + 3]
  }

  it('lists the six Riverflows and an image model of another maker, and only image models', async () => {
    const catalog = (await get('/api/v1/models?output_modalities=image')).body
    expect(catalog.data.map((m: { id: string }) => m.id)).toEqual([...Object.keys(MODEL_RULES), 'black-forest-labs/flux.2-pro'])
    expect(Object.keys(MODEL_RULES)).toHaveLength(6)
    expect(catalog.data[0]).toMatchObject({ name: 'Sourceful: Riverflow V2 Fast', architecture: { output_modalities: ['image'] } })
    expect((await get('/api/v1/models')).body.data).toEqual([])
  })

  it('lets a test replace, empty or break the catalog', async () => {
    standIn.models.catalog = []
    expect((await get('/api/v1/models?output_modalities=image')).body.data).toEqual([])
    standIn.models.catalogAnswer = 'error'
    expect((await get('/api/v1/models?output_modalities=image')).status).toBe(500)
    standIn.models.catalogAnswer = 'malformed'
    expect((await get('/api/v1/models?output_modalities=image')).text).toMatch(/^<html>/)
  })

  it.each([
    ['refSR on 2.6 Pro', withConfig({ ...v25, model: 'sourceful/riverflow-v2.6-pro' }, { super_resolution_references: [png] }), 400],
    ['a malformed colour, even without solid', withConfig(v25, { background_hex_color: 'red' }), 400],
    ['a solid background without its colour', withConfig(v25, { background_mode: 'solid' }), 400],
    ['an unknown background mode', withConfig(v25, { background_mode: 'blurred' }), 400],
    ['a background on V2', withConfig(chat, { background_mode: 'transparent' }), 400],
    ['reasoning on V2', withConfig(chat, {}, { reasoning: { effort: 'low' } }), 400],
    ['xhigh effort on 2.5 Fast', withConfig(v25, {}, { reasoning: { effort: 'xhigh' } }), 400],
    ['a scoring prompt on V2', withConfig(chat, { scoring_prompt: 'sharp' }), 400],
    ['nine rubric criteria', withConfig(v25, { scoring_rubric: Array(9).fill({ key: 'k', label: 'l', description: 'd', weight: 1 }) }), 400],
    ['a rubric criterion without a weight', withConfig(v25, { scoring_rubric: [{ key: 'k', label: 'l', description: 'd' }] }), 400],
    ['font inputs on 2.6 Pro', withConfig({ ...v25, model: 'sourceful/riverflow-v2.6-pro' }, { font_inputs: [{ font_url: 'https://f.test/a.ttf', text: 'A' }] }), 400],
    ['a slug the catalog does not list', { ...v25, model: 'sourceful/riverflow-v3-fast' }, 400],
  ])('refuses %s', async (_name, body, status) => {
    expect((await post(body)).status).toBe(status)
  })

  it('takes every 2.5 extra, charges more for more effort, and accepts xhigh on Pro', async () => {
    const rubric = [{ key: 'k', label: 'l', description: 'd', weight: 2, passing_score: 6 }]
    const full = withConfig(v25, { background_mode: 'solid', background_hex_color: '#AABBCC', scoring_prompt: 'sharp', scoring_rubric: rubric }, { reasoning: { effort: 'low' } })
    const low = await post(full)
    expect(low.status).toBe(200)
    const high = await post({ ...full, reasoning: { effort: 'high' } })
    expect(high.body.usage.cost).toBeGreaterThan(low.body.usage.cost)
    expect((await post(withConfig({ ...v25, model: 'sourceful/riverflow-v2.5-pro' }, {}, { reasoning: { effort: 'xhigh' } }))).status).toBe(200)
  })

  it('answers a transparent background with real transparency, a cut-out on a clear ground', async () => {
    const { body } = await post(withConfig(v25, { background_mode: 'transparent' }))
    const url: string = body.choices[0].message.images[0].image_url.url
    expect([alphaAt(url, 0, 0), alphaAt(url, 512, 512)]).toEqual([0, 255])
    const opaque = (await post(v25)).body.choices[0].message.images[0].image_url.url
    expect(alphaAt(opaque, 0, 0)).toBe(255)
  })

  it('offers a slug the catalog lists, with the rules every Riverflow takes', async () => {
    standIn.models.catalog.push(catalogModel('sourceful/riverflow-v3-fast'))
    expect((await post({ ...v25, model: 'sourceful/riverflow-v3-fast' })).status).toBe(200)
    expect((await post(withConfig({ ...v25, model: 'sourceful/riverflow-v3-fast' }, { background_mode: 'transparent' }))).status).toBe(400)
  })

  it('makes the free tier busy on request, with its own message and Retry-After', async () => {
    standIn.models.freeBusy = { retryAfter: 20 }
    const busy = await post({ ...v25, model: 'sourceful/riverflow-v2.5-fast:free' })
    expect(busy.status).toBe(429)
    expect(busy.headers.get('retry-after')).toBe('20')
    expect(busy.body.error.message).toMatch(/riverflow-v2.5-fast:free is temporarily rate-limited upstream/)
    expect((await post(v25)).status).toBe(200)
    standIn.models.freeBusy = null
    expect((await post({ ...v25, model: 'sourceful/riverflow-v2.5-fast:free' })).body.usage.cost).toBe(0)
  })

  it('answers chat completions for a chatless model with 404 "No endpoints found"', async () => {
    standIn.models.chatless.add('sourceful/riverflow-v2.6-pro')
    const answer = await post({ ...v25, model: 'sourceful/riverflow-v2.6-pro' })
    expect(answer.status).toBe(404)
    expect(answer.body.error.message).toMatch(/^No endpoints found/)
  })

  it('answers the Image API with base64, its type and the cost, transparent when asked', async () => {
    const { status, body } = await postImages({ ...pro, background: 'transparent', input_references: [{ type: 'image_url', image_url: { url: png } }] })
    expect(status).toBe(200)
    expect(Object.keys(body).sort()).toEqual(['created', 'data', 'usage'])
    expect(body.data[0].media_type).toBe('image/png')
    const bytes = new Uint8Array(Buffer.from(body.data[0].b64_json, 'base64'))
    expect(readImageInfo(bytes)).toEqual({ format: 'png', width: 1280, height: 720 })
    expect(alphaAt(body.data[0].b64_json, 0, 0)).toBe(0)
    expect(body.usage.cost).toBe(0.25)
    expect(standIn.imageGenerations()).toHaveLength(1)
    expect(standIn.generations()).toHaveLength(0)
  })

  const formatOf = (answer: { body: { data: { b64_json: string; media_type: string }[] } }) => {
    const [entry] = answer.body.data
    return { mediaType: entry.media_type, ...readImageInfo(new Uint8Array(Buffer.from(entry.b64_json, 'base64'))) }
  }

  it('answers in the format asked, JPEG or WebP, or unasked in the first its record lists', async () => {
    expect(formatOf(await postImages(images))).toEqual({ mediaType: 'image/jpeg', format: 'jpeg', width: 1280, height: 720 })
    // The WebP is the fixture's, whatever size was asked.
    expect(formatOf(await postImages({ ...pro, output_format: 'webp' }))).toEqual({ mediaType: 'image/webp', format: 'webp', width: 640, height: 480 })
    const { output_format: _, ...unasked } = images
    expect(formatOf(await postImages(unasked))).toMatchObject({ mediaType: 'image/jpeg', format: 'jpeg' })
  })

  it('takes a format only as the record lists it: any of the three without a record, none from a record that lists none', async () => {
    standIn.models.records['sourceful/riverflow-v2.5-fast'] = 'not a record'
    expect((await postImages({ ...images, output_format: 'png' })).status).toBe(200)
    const [record] = defaultImageRecords()['sourceful/riverflow-v2.5-pro']
    const { output_format: _, ...silent } = record.supported_parameters
    standIn.models.records['sourceful/riverflow-v2.5-pro'] = [{ ...record, supported_parameters: silent }]
    expect((await postImages(pro)).status).toBe(400)
    const { output_format: __, ...unasked } = pro
    expect((await postImages(unasked)).status).toBe(200)
  })

  it('answers a generation that failed with a 502, not charged, and one with no image with an empty data', async () => {
    standIn.enqueue({ kind: 'choice-error', message: 'Generation failed' }, { kind: 'no-image' }, { kind: 'no-image', billed: true })
    expect(await postImages(images)).toMatchObject({ status: 502, body: { error: { code: 502, message: 'Generation failed' } } })
    expect(standIn.imageGenerations()[0].cost).toBeUndefined()
    expect(await postImages(images)).toMatchObject({ status: 200, body: { data: [], usage: { cost: 0 } } })
    expect(await postImages(images)).toMatchObject({ status: 200, body: { data: [], usage: { cost: 0.03 } } })
  })

  it('answers a 429 without Retry-After unless a test asks for one, on either road', async () => {
    standIn.enqueue({ kind: 'error', status: 429 }, { kind: 'error', status: 429 }, { kind: 'error', status: 429, retryAfter: 5 })
    for (const answer of [await postImages(images), await post(chat)]) {
      expect(answer.status).toBe(429)
      expect(answer.headers.get('retry-after')).toBeNull()
    }
    expect((await postImages(images)).headers.get('retry-after')).toBe('5')
    standIn.models.freeBusy = {}
    expect((await postImages({ ...images, model: 'sourceful/riverflow-v2.5-fast:free' })).headers.get('retry-after')).toBeNull()
  })

  it('cuts its own answer short on the Image API, and refuses chat completions’ shapes there', async () => {
    standIn.enqueue({ kind: 'truncated' }, { kind: 'bad-image' }, { kind: 'odd-shape', shape: 'padded-url' })
    const cut = await postImages(images)
    expect([cut.status, cut.body, cut.text.startsWith('{"created":')]).toEqual([200, null, true])
    expect((await postImages(images)).body.data[0].b64_json).toBe('bm90IGFuIGltYWdlIGF0IGFsbA==')
    expect((await postImages(images)).status).toBe(500)
  })

  it('bills an explicit size as 2.6 Pro’s record prices it, per megapixel of the pixels asked for', async () => {
    const { status, body } = await postImages({ model: 'sourceful/riverflow-v2.6-pro', prompt: 'A story', size: '2160x3840' })
    expect(status).toBe(200)
    // $0.04 a megapixel (its record) × 8.2944 megapixels.
    expect(body.usage.cost).toBe(0.332)
    expect(standIn.imageGenerations()[0].cost).toBe(0.332)
  })

  it.each([
    ['a chat-completions field', { ...images, image_config: { image_size: '1K' } }, 400],
    ['font inputs', { ...images, font_inputs: [] }, 400],
    ['reasoning', { ...images, reasoning: { effort: 'low' } }, 400],
    ['4K on a Fast model', { ...images, resolution: '4K' }, 400],
    ['an unknown ratio', { ...images, aspect_ratio: '7:3' }, 400],
    ['n of 11', { ...images, n: 11 }, 400],
    ['V2, which it does not list', { ...images, model: 'sourceful/riverflow-v2-fast' }, 404],
    ['five input references on Fast', { ...images, input_references: Array(5).fill({ type: 'image_url', image_url: { url: png } }) }, 400],
    ['an input reference that is not an image', { ...images, input_references: [{ type: 'image_url', image_url: { url: 'ftp://x' } }] }, 400],
    ['an empty prompt', { ...images, prompt: ' ' }, 400],
    ['a model it does not list', { ...images, model: 'black-forest-labs/flux.2-pro' }, 400],
    ['PNG from 2.5 Fast, whose record lists JPEG only', { ...images, output_format: 'png' }, 400],
    ['SVG, which no Riverflow record lists', { ...pro, output_format: 'svg' }, 400],
  ])('refuses on the Image API %s', async (_name, body, status) => {
    expect((await postImages(body)).status).toBe(status)
  })

  it('answers the Image API with the scripted errors, as chat completions', async () => {
    standIn.enqueue({ kind: 'error', status: 502, message: 'Generation failed' })
    expect(await postImages(images)).toMatchObject({ status: 502, body: { error: { code: 502, message: 'Generation failed' } } })
  })
})
