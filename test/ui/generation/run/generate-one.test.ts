import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../../common/domain'
import { GenerationError } from '../../../../ui/answer/errors'
import { readImageInfo } from '../../../images/png'
import { type OpenRouterStandIn, TEST_KEY, startOpenRouterStandIn } from '../../../openrouter-stand-in/server'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { generateOnceAsync } from '../generate-once'

// The UI's generate flow, from prompt and settings to bytes ready for figma.createImage.
// Re-encoding (WebP, over 4096 px) needs a canvas: the browser tests cover it.
let standIn: OpenRouterStandIn
beforeAll(async () => {
  standIn = await startOpenRouterStandIn()
})
afterAll(() => standIn.close())
beforeEach(() => standIn.reset())

const settings: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', aspectRatio: '3:2', imageSize: '2K' }
const run = (input: { prompt?: string; settings?: GenerationSettings } = {}) =>
  generateOnceAsync({ key: TEST_KEY, baseUrl: standIn.url, backoffMs: 5 }, { prompt: 'A lighthouse at dusk', settings, ...input })

describe('one request, from prompt to what the sandbox is asked to place', () => {
  it('places every image of the answer at its real pixel size, with the cost and the generation id', async () => {
    standIn.enqueue({ kind: 'success', images: 2 })
    const answer = await run()
    expect(answer.placed).toHaveLength(2)
    for (const { image, record } of answer.placed) {
      expect(image).toMatchObject({ width: 2496, height: 1664 })
      expect(readImageInfo((image as { bytes: Uint8Array }).bytes)).toEqual({ format: 'png', width: 2496, height: 1664 })
      expect(record).toMatchObject({ cost: 0.15, generationId: answer.generationId })
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

  it('keeps an image that does not decode as it came, to download, with the request’s cost', async () => {
    standIn.enqueue({ kind: 'bad-image' })
    const answer = await run()
    expect(answer.placed).toEqual([])
    expect(answer.kept[0]).toMatchObject({ url: null, retry: { kind: 'prepare' } })
    expect(answer.kept[0].message).toMatch(/could not be decoded/)
    expect(answer.kept[0].download?.bytes.length).toBeGreaterThan(0)
    expect(answer.cost).toBe(0.15)
  })

  it('keeps the link of a remote image it cannot download', async () => {
    standIn.enqueue({ kind: 'https-url', url: 'https://127.0.0.1:9/never.png' })
    const answer = await run()
    expect(answer.kept[0]).toMatchObject({ url: 'https://127.0.0.1:9/never.png', download: null, retry: null })
  })

  it('refuses an empty prompt without sending anything', async () => {
    const error = await run({ prompt: '  ' }).catch((e) => e)
    expect(error).toBeInstanceOf(GenerationError)
    expect(error.kind).toBe('invalid-input')
    expect(standIn.generations()).toHaveLength(0)
  })
})
