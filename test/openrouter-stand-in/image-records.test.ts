import { describe, expect, it } from 'vitest'
import { readImageInfo } from '../images/png'
import { TEST_KEY } from './server'
import { useOpenRouterStandIn } from './use-stand-in'

// The Image API's discovery and its explicit sizes, as OpenRouter's OpenAPI defines them:
// the UI's record reader and its exact sizes are tested against these answers.
const standIn = useOpenRouterStandIn()

async function call(method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${standIn.url}${path}`, { method, headers: { Authorization: `Bearer ${TEST_KEY}` }, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.clone().text()
  return { status: response.status, text, body: await response.json().catch(() => null) }
}

const pro26 = { model: 'sourceful/riverflow-v2.6-pro', prompt: 'A link preview', n: 1, output_format: 'png' }

describe('OpenRouter stand-in: the Image API’s records', () => {
  it('lists 2.5 and 2.6 as ImageModelsListResponse, each with the union of its parameters and where its records are', async () => {
    const { body } = await call('GET', '/api/v1/images/models')
    expect(body.data.map((m: { id: string }) => m.id)).toEqual([
      'sourceful/riverflow-v2.5-fast',
      'sourceful/riverflow-v2.5-fast:free',
      'sourceful/riverflow-v2.5-pro',
      'sourceful/riverflow-v2.6-pro',
    ])
    const pro = body.data.find((m: { id: string }) => m.id === 'sourceful/riverflow-v2.5-pro')
    expect(pro).toMatchObject({
      name: 'Sourceful: Riverflow V2.5 Pro',
      architecture: { output_modalities: ['image'] },
      supported_parameters: { resolution: { type: 'enum', values: ['1K', '2K', '4K'] }, input_references: { type: 'range', min: 0, max: 10 } },
      supports_streaming: false,
      endpoints: '/api/v1/images/models/sourceful/riverflow-v2.5-pro/endpoints',
    })
    expect(typeof pro.created).toBe('number')
  })

  it('gives a model’s endpoint records as ImageModelEndpointsResponse, at the top level', async () => {
    const { status, body } = await call('GET', '/api/v1/images/models/sourceful/riverflow-v2.5-pro/endpoints')
    expect(status).toBe(200)
    expect(body.id).toBe('sourceful/riverflow-v2.5-pro')
    expect(body.endpoints[0]).toMatchObject({
      provider_slug: 'sourceful',
      allowed_passthrough_parameters: ['font_inputs'],
      supported_parameters: { n: { type: 'range', min: 1, max: 1 }, background: { type: 'enum', values: ['auto', 'transparent', 'opaque'] } },
      pricing: [
        { billable: 'output_image', unit: 'image', cost_usd: 0.13 },
        { billable: 'output_image', unit: 'image', cost_usd: 0.15, variant: '2k' },
        { billable: 'output_image', unit: 'image', cost_usd: 0.17, variant: '4k' },
      ],
    })
    expect((await call('GET', '/api/v1/images/models/sourceful/riverflow-v2-pro/endpoints')).status).toBe(404)
  })

  it('serves what a test puts in a record, readable or not, and can break the list', async () => {
    standIn.models.records['sourceful/riverflow-v2.5-pro'] = 'not a record'
    expect((await call('GET', '/api/v1/images/models/sourceful/riverflow-v2.5-pro/endpoints')).text).toBe('not a record')
    standIn.models.imagesListAnswer = 'error'
    expect((await call('GET', '/api/v1/images/models')).status).toBe(500)
  })

  it('makes an explicit size exactly, and takes 4K and ten inputs from 2.5 Pro’s record', async () => {
    const { status, body } = await call('POST', '/api/v1/images', { ...pro26, size: '2400x1256' })
    expect(status).toBe(200)
    expect(readImageInfo(new Uint8Array(Buffer.from(body.data[0].b64_json, 'base64')))).toMatchObject({ width: 2400, height: 1256 })
    const png = `data:image/png;base64,${Buffer.from('x').toString('base64')}`
    const ten = Array(10).fill({ type: 'image_url', image_url: { url: png } })
    expect((await call('POST', '/api/v1/images', { ...pro26, model: 'sourceful/riverflow-v2.5-pro', resolution: '4K', aspect_ratio: '1:1', input_references: ten })).status).toBe(200)
  })

  it.each([
    ['an explicit size with a resolution', { ...pro26, size: '2400x1256', resolution: '2K' }],
    ['an explicit size with an aspect ratio', { ...pro26, size: '2400x1256', aspect_ratio: '16:9' }],
    ['more than 16,384 px an edge', { ...pro26, size: '16400x1025' }],
    ['more than 16.8 megapixels', { ...pro26, size: '5000x4000' }],
    ['a ratio over 16:1', { ...pro26, size: '3400x200' }],
    ['a size that is not WIDTHxHEIGHT', { ...pro26, size: '2400×1256' }],
    ['an explicit size on a model whose record has none', { ...pro26, model: 'sourceful/riverflow-v2.5-pro', size: '2400x1256' }],
    ['5:4 on 2.5 Pro, whose record lacks it', { ...pro26, model: 'sourceful/riverflow-v2.5-pro', resolution: '1K', aspect_ratio: '5:4' }],
  ])('refuses %s', async (_name, body) => {
    expect((await call('POST', '/api/v1/images', body)).status).toBe(400)
  })
})
