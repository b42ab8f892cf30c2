import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { generateImagesAsync } from '../../../ui/generation/generate-images'
import { GenerationError } from '../../../ui/openrouter/errors'
import type { GenerationInput } from '../../../ui/openrouter/request'
import { readImageInfo } from '../../images/png'
import { type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../../openrouter-stand-in/server'
import { DEFAULT_STATE } from '../../../ui/defaults'

// The UI's generate flow, from prompt and settings to bytes ready for figma.createImage.
// Re-encoding (WebP, over 4096 px) needs a canvas: the browser tests cover it.
let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => standIn.reset())

const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', aspectRatio: '3:2', imageSize: '2K' }
const run = (input: Partial<GenerationInput> = {}) =>
  generateImagesAsync({ key: TEST_KEY, baseUrl: standIn.url, backoffMs: 5 }, { prompt: 'A lighthouse at dusk', settings, ...input })

describe('generateImagesAsync', () => {
  it('returns every take with its real pixel size, the cost and the generation id', async () => {
    standIn.enqueue({ kind: 'success', images: 2 })
    const answer = await run()
    expect(answer.takes).toHaveLength(2)
    for (const take of answer.takes) {
      expect(take.ok).toBe(true)
      if (!take.ok) continue
      expect(take.image).toMatchObject({ width: 2496, height: 1664, shrunk: false, reencoded: false })
      expect(readImageInfo(take.image.bytes)).toEqual({ format: 'png', width: 2496, height: 1664 })
    }
    expect(answer.cost).toBe(0.15)
    expect(answer.generationId).toMatch(/^gen-/)
  })

  it('sends font inputs and refuses them before sending when the prompt lacks their text', async () => {
    const withFont = { ...settings, fontInputs: [{ fontUrl: 'https://fonts.test/a.woff2', text: 'OPEN LATE' }] }
    await expect(run({ settings: withFont })).rejects.toThrow(/must contain “OPEN LATE”/)
    expect(standIn.generations()).toHaveLength(0)
    const answer = await run({ settings: withFont, prompt: 'A neon sign that reads OPEN LATE' })
    expect(answer.cost).toBe(0.18)
    expect(standIn.generations()[0].body).toMatchObject({ image_config: { font_inputs: [{ font_url: 'https://fonts.test/a.woff2', text: 'OPEN LATE' }] } })
  })

  it('reports an image that does not decode, keeping the request’s cost', async () => {
    standIn.enqueue({ kind: 'bad-image' })
    const answer = await run()
    expect(answer.takes[0]).toMatchObject({ ok: false, url: null })
    expect(!answer.takes[0].ok && answer.takes[0].message).toMatch(/could not be decoded/)
    expect(answer.cost).toBe(0.15)
  })

  it('keeps the link of a remote image it cannot download', async () => {
    standIn.enqueue({ kind: 'https-url', url: 'https://127.0.0.1:9/never.png' })
    const answer = await run()
    expect(answer.takes[0]).toMatchObject({ ok: false, url: 'https://127.0.0.1:9/never.png' })
  })

  it('refuses an empty prompt without sending anything', async () => {
    const error = await run({ prompt: '  ' }).catch((e) => e)
    expect(error).toBeInstanceOf(GenerationError)
    expect(error.kind).toBe('invalid-input')
    expect(standIn.generations()).toHaveLength(0)
  })
})
