import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../../common/domain'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { GenerationError } from '../../../../ui/answer/errors'
import { forgetRoads, rememberedRoad } from '../../../../ui/openrouter/choose-road'
import { decodePng, readImageInfo } from '../../../images/png'
import { TEST_KEY } from '../../../openrouter-stand-in/server'
import { useOpenRouterStandIn } from '../../../openrouter-stand-in/use-stand-in'
import { type OneAnswer, generateOnceAsync } from '../generate-once'

// Riverflow 2.5 and later through the UI's generate flow, against the stand-in's rules for them.
// Each test starts a session of its own: no model's road is known yet.
const standIn = useOpenRouterStandIn(forgetRoads)

const v25: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-fast', aspectRatio: '4:3', imageSize: '1K' }
const run = (settings: Partial<GenerationSettings>, input: { inputImages?: string[] } = {}) =>
  generateOnceAsync({ key: TEST_KEY, baseUrl: standIn.url, backoffMs: 5 }, { prompt: 'A mug on a table', settings: { ...v25, ...settings }, ...input })
const sentBody = () => standIn.generations().at(-1)!.body as { image_config: Record<string, unknown>; reasoning?: unknown }

async function failure(promise: Promise<unknown>): Promise<GenerationError> {
  const error = await promise.catch((e: unknown) => e)
  if (error instanceof GenerationError) return error
  throw new Error(`expected a GenerationError, got ${String(error)}`)
}

/** The alpha of a corner (outside the stand-in's cut-out) and of the middle of the first image. */
function alphaOf(answer: OneAnswer): { corner: number; middle: number } {
  const image = answer.placed[0]?.image
  if (!image || !('bytes' in image)) throw new Error(answer.kept[0]?.message ?? 'nothing placed')
  const { width, height, rgba } = decodePng(image.bytes)
  return { corner: rgba[3], middle: rgba[(Math.floor(height / 2) * width + Math.floor(width / 2)) * 4 + 3] }
}

describe('backgrounds', () => {
  it.each([
    ['original', {}, {}],
    ['transparent', { background: 'transparent' as const }, { background_mode: 'transparent' }],
    ['solid', { background: 'solid' as const, backgroundColor: '#336699' }, { background_mode: 'solid', background_hex_color: '#336699' }],
  ])('sends the %s background as image_config says it', async (_name, settings, expected) => {
    await run(settings)
    expect(sentBody().image_config).toEqual({ aspect_ratio: '4:3', image_size: '1K', ...expected })
  })

  it('keeps a transparent answer as it came: the PNG untouched, its alpha with it', async () => {
    const answer = await run({ background: 'transparent' })
    expect(answer.placed[0].image).toMatchObject({ width: 1152, height: 864 })
    expect(alphaOf(answer)).toEqual({ corner: 0, middle: 255 })
  })

  it('refuses a malformed colour before anything is sent', async () => {
    const error = await failure(run({ background: 'solid', backgroundColor: 'teal' }))
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toMatch(/hex colour/)
    expect(standIn.generations()).toHaveLength(0)
  })
})

describe('effort and price', () => {
  it('sends the effort as reasoning and returns what it was billed (usage.cost)', async () => {
    const answer = await run({ effort: 'high' })
    expect(sentBody().reasoning).toEqual({ effort: 'high' })
    expect(answer.cost).toBe(0.045)
    expect(answer.droppedOptions).toEqual([])
  })

  it('sends V2 neither effort nor background, whatever the settings hold', async () => {
    await run({ model: 'sourceful/riverflow-v2-fast', effort: 'high' })
    expect(sentBody().reasoning).toBeUndefined()
  })
})

describe('the free tier', () => {
  it('says the free model is busy, with the paid model to switch to', async () => {
    standIn.models.freeBusy = {}
    const error = await failure(run({ model: 'sourceful/riverflow-v2.5-fast:free' }))
    expect(error).toMatchObject({ kind: 'free-busy', suggestedModel: 'sourceful/riverflow-v2.5-fast' })
    expect(error.message).toBe('The free model is busy. Try again, or switch to Riverflow 2.5 Fast (paid).')
    // Said at once, not waited out: the designer chooses between waiting and paying.
    expect(standIn.generations()).toHaveLength(1)
  })

  it('suggests the free model when a paid one finds no credit left (402)', async () => {
    standIn.enqueue({ kind: 'error', status: 402 })
    const error = await failure(run({ model: 'sourceful/riverflow-v2.5-pro' }))
    expect(error).toMatchObject({ kind: 'no-credit', suggestedModel: 'sourceful/riverflow-v2.5-fast:free' })
    expect(error.message).toMatch(/Add credit at openrouter.ai\/settings\/credits, or switch to the free model \(rate-limited\)\.$/)
  })

  it('costs nothing when it is not busy', async () => {
    expect((await run({ model: 'sourceful/riverflow-v2.5-fast:free' })).cost).toBe(0)
  })
})

describe('the Image API road', () => {
  const v26: Partial<GenerationSettings> = { model: 'sourceful/riverflow-v2.6-pro', imageSize: '2K', aspectRatio: '1:1' }
  const input = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`

  it('takes it when chat completions has no endpoint for the model, remembers it, and says what it could not carry', async () => {
    standIn.models.chatless.add('sourceful/riverflow-v2.6-pro')
    const answer = await run(v26, { inputImages: [input] })
    expect(standIn.generations().map((r) => r.status)).toEqual([404])
    expect(standIn.imageGenerations()[0].body).toEqual({
      model: 'sourceful/riverflow-v2.6-pro',
      prompt: 'A mug on a table',
      resolution: '2K',
      aspect_ratio: '1:1',
      n: 1,
      output_format: 'png',
      input_references: [{ type: 'image_url', image_url: { url: input } }],
    })
    expect(answer.placed[0].image).toMatchObject({ width: 2048, height: 2048 })
    expect(readImageInfo((answer.placed[0].image as { bytes: Uint8Array }).bytes)?.format).toBe('png')
    expect(answer.cost).toBe(0.3)
    expect(answer.droppedOptions).toEqual(['effort'])
    expect(rememberedRoad('sourceful/riverflow-v2.6-pro')).toBe('images')

    await run(v26)
    expect(standIn.generations()).toHaveLength(1)
    expect(standIn.imageGenerations()).toHaveLength(2)
  })

  // A road found by refusal has no record read: PNG is asked, so these go to models whose records list it
  // (2.5 Fast's lists JPEG only; road-choice.test.ts asks it for what its record lists).
  it('carries a transparent background there, alpha and all', async () => {
    standIn.models.chatless.add('sourceful/riverflow-v2.5-pro')
    const answer = await run({ model: 'sourceful/riverflow-v2.5-pro', background: 'transparent', scoringPrompt: 'Clean edges' })
    expect(standIn.imageGenerations()[0].body).toMatchObject({ background: 'transparent' })
    expect(alphaOf(answer)).toEqual({ corner: 0, middle: 255 })
    expect(answer.droppedOptions).toEqual(['scoring', 'effort'])
  })

  it('gives chat completions’ own error when the Image API does not list the model either', async () => {
    standIn.models.chatless.add('sourceful/riverflow-v2.6-pro')
    standIn.models.imagesModels.delete('sourceful/riverflow-v2.6-pro')
    const error = await failure(run(v26))
    expect(error).toMatchObject({ kind: 'no-endpoint', status: 404 })
    expect(standIn.imageGenerations()).toHaveLength(0)
    expect(rememberedRoad('sourceful/riverflow-v2.6-pro')).toBe('chat')
  })

  it('says the free model is busy there too', async () => {
    standIn.models.chatless.add('sourceful/riverflow-v2.5-fast:free')
    standIn.models.records['sourceful/riverflow-v2.5-fast:free'] = standIn.models.records['sourceful/riverflow-v2.5-pro']
    standIn.models.freeBusy = {}
    expect((await failure(run({ model: 'sourceful/riverflow-v2.5-fast:free' }))).kind).toBe('free-busy')
  })
})
