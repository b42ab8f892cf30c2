import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readImageInfo } from '../images/png'
import { type AnswerShape, type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from './server'

// The stand-in must refuse what OpenRouter refuses, or the UI's tests prove nothing.
let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => standIn.reset())

const valid = {
  model: 'sourceful/riverflow-v2-fast',
  messages: [{ role: 'user', content: 'A red fox' }],
  modalities: ['image'],
  image_config: { aspect_ratio: '16:9', image_size: '1K' },
}
const png = `data:image/png;base64,${Buffer.from('x').toString('base64')}`

async function post(body: unknown, key = TEST_KEY) {
  const response = await fetch(`${standIn.url}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json().catch(() => null), headers: response.headers }
}

describe('OpenRouter stand-in', () => {
  it('answers a valid request with a real PNG of the documented size and the price as usage.cost', async () => {
    const { status, body } = await post(valid)
    expect(status).toBe(200)
    const url: string = body.choices[0].message.images[0].image_url.url
    const info = readImageInfo(new Uint8Array(Buffer.from(url.split(',')[1], 'base64')))
    expect(info).toEqual({ format: 'png', width: 1280, height: 720 })
    expect(body.usage.cost).toBe(0.02)
    expect(body.id).toMatch(/^gen-/)
  })

  it.each([
    ['a bad key', valid, 'sk-or-v1-wrong', 401],
    ['text+image modalities for an image-only model', { ...valid, modalities: ['image', 'text'] }, TEST_KEY, 404],
    ['an unknown model', { ...valid, model: 'sourceful/riverflow-v9' }, TEST_KEY, 400],
    ['an unknown aspect ratio', { ...valid, image_config: { aspect_ratio: '7:3', image_size: '1K' } }, TEST_KEY, 400],
    ['4K on Fast', { ...valid, image_config: { aspect_ratio: '1:1', image_size: '4K' } }, TEST_KEY, 400],
    ['three font inputs', { ...valid, image_config: { font_inputs: [1, 2, 3].map(() => ({ font_url: 'https://f.test/a.ttf', text: 'A' })) } }, TEST_KEY, 400],
    ['font text over 300 characters', { ...valid, image_config: { font_inputs: [{ font_url: 'https://f.test/a.ttf', text: 'x'.repeat(301) }] } }, TEST_KEY, 400],
    ['five references', { ...valid, image_config: { super_resolution_references: Array(5).fill(png) } }, TEST_KEY, 400],
    ['references on V2.5', { ...valid, model: 'sourceful/riverflow-v2.5-fast', image_config: { super_resolution_references: [png] } }, TEST_KEY, 400],
    ['five input images on Fast', { ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: 'p' }, ...Array(5).fill({ type: 'image_url', image_url: { url: png } })] }] }, TEST_KEY, 400],
    ['a body over 4.5 MB', { ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: 'p' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(4.6 * 1024 * 1024)}` } }] }] }, TEST_KEY, 413],
    ['a body that is not JSON', '{"model":', TEST_KEY, 400],
  ])('refuses %s', async (_name, body, key, status) => {
    const answer = await post(body, key)
    expect(answer.status).toBe(status)
    expect(answer.body.error.code).toBe(status)
    expect(typeof answer.body.error.message).toBe('string')
  })

  it('accepts ten input images on Pro, and answers refSR with the input image’s size', async () => {
    const { encodePng } = await import('../images/png')
    const input = `data:image/png;base64,${Buffer.from(encodePng(1500, 900)).toString('base64')}`
    const { status, body } = await post({
      ...valid,
      model: 'sourceful/riverflow-v2-pro',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Upscale' }, { type: 'image_url', image_url: { url: input } }] }],
      image_config: { aspect_ratio: '1:1', image_size: '2K', super_resolution_references: [png, png] },
    })
    expect(status).toBe(200)
    const url: string = body.choices[0].message.images[0].image_url.url
    expect(readImageInfo(new Uint8Array(Buffer.from(url.split(',')[1], 'base64')))).toMatchObject({ width: 1500, height: 900 })
    expect(body.usage.cost).toBe(0.55)
  })

  it('answers the scripted errors with OpenRouter’s body, Retry-After and moderation metadata', async () => {
    standIn.enqueue({ kind: 'error', status: 429, retryAfter: 3 }, { kind: 'error', status: 403 })
    const limited = await post(valid)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    const blocked = await post(valid)
    expect(blocked.status).toBe(403)
    expect(blocked.body.error.metadata.reasons).toEqual(['violence'])
    expect((await post(valid)).status).toBe(200)
  })

  it('sends keep-alive whitespace before the JSON', async () => {
    standIn.enqueue({ kind: 'keep-alive', keepAliveMs: 120 })
    const response = await fetch(`${standIn.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_KEY}` },
      body: JSON.stringify(valid),
    })
    const text = await response.text()
    expect(text.startsWith('\n')).toBe(true)
    expect(JSON.parse(text).choices[0].message.images).toHaveLength(1)
  })

  const anyPng = expect.stringMatching(/^data:image\/png;base64,/)
  it.each<[AnswerShape, object]>([
    ['error-null', { error: null, choices: [{ message: { images: [{ image_url: { url: anyPng } }] } }] }],
    ['finish-error', { choices: [{ finish_reason: 'error', error: { code: 502 }, message: { images: [{ image_url: { url: anyPng } }] } }] }],
    ['padded-url', { choices: [{ message: { images: [{ image_url: { url: expect.stringMatching(/^ data:image\/png;base64,/) } }] } }] }],
    ['upper-case-scheme', { choices: [{ message: { images: [{ image_url: { url: expect.stringMatching(/^DATA:image\/png;base64,/) } }] } }] }],
    ['string-image-url', { choices: [{ message: { images: [{ image_url: anyPng }] } }] }],
    ['content-parts', { choices: [{ message: { content: [{ type: 'image_url', image_url: { url: anyPng } }] } }] }],
    ['second-choice', { choices: [{ message: { images: [] } }, { index: 1, message: { images: [{ image_url: { url: anyPng } }] } }] }],
  ])('answers with its image in the %s shape', async (shape, expected) => {
    standIn.enqueue({ kind: 'odd-shape', shape })
    const { status, body } = await post(valid)
    expect(status).toBe(200)
    expect(body).toMatchObject(expected)
    expect(body.usage.cost).toBe(0.02)
  })

  it('drops a connection without answering', async () => {
    standIn.enqueue({ kind: 'drop' })
    await expect(post(valid)).rejects.toThrow()
  })

  it('drops a connection halfway through a 200 answer', async () => {
    standIn.enqueue({ kind: 'drop-mid-answer' })
    const response = await fetch(`${standIn.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_KEY}` },
      body: JSON.stringify(valid),
    })
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow()
  })

  it('checks keys on GET /api/v1/key', async () => {
    const good = await fetch(`${standIn.url}/api/v1/key`, { headers: { Authorization: `Bearer ${TEST_KEY}` } })
    expect((await good.json()).data.limit_remaining).toBe(7.5)
    const bad = await fetch(`${standIn.url}/api/v1/key`, { headers: { Authorization: 'Bearer nope' } })
    expect(bad.status).toBe(401)
  })

  it('tells of a key as a test sets it, until reset', async () => {
    const limitLeft = async () => (await (await fetch(`${standIn.url}/api/v1/key`, { headers: { Authorization: `Bearer ${TEST_KEY}` } })).json()).data.limit_remaining
    standIn.setKeyInfo({ limit_remaining: 0 })
    expect(await limitLeft()).toBe(0)
    standIn.reset()
    expect(await limitLeft()).toBe(7.5)
  })

  it('takes each answer’s cost off the key’s credit when it spends credit (npm run preview), and nothing for an error', async () => {
    const spending = await startOpenRouterStandIn({ spendsCredit: true })
    const key = async () => (await (await fetch(`${spending.url}/api/v1/key`, { headers: { Authorization: `Bearer ${TEST_KEY}` } })).json()).data
    const postTo = (body: unknown) =>
      fetch(`${spending.url}/api/v1/chat/completions`, { method: 'POST', headers: { Authorization: `Bearer ${TEST_KEY}` }, body: JSON.stringify(body) })
    try {
      expect((await postTo(valid)).status).toBe(200)
      expect(await key()).toMatchObject({ limit_remaining: 7.48, usage: 2.52, usage_daily: 0.52 })
      spending.enqueue({ kind: 'error', status: 402 })
      expect((await postTo(valid)).status).toBe(402)
      expect((await key()).limit_remaining).toBe(7.48)
    } finally {
      await spending.close()
    }
    // The tests' stand-in leaves the figures to them.
    expect((await post(valid)).status).toBe(200)
    expect((await (await fetch(`${standIn.url}/api/v1/key`, { headers: { Authorization: `Bearer ${TEST_KEY}` } })).json()).data.limit_remaining).toBe(7.5)
  })

  it('answers CORS preflights', async () => {
    const response = await fetch(`${standIn.url}/api/v1/chat/completions`, { method: 'OPTIONS' })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })
})
