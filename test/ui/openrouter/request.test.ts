import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { buildGenerationRequest, findInputProblems, serializeRequest } from '../../../ui/openrouter/request'

const fast: GenerationSettings = { model: 'sourceful/riverflow-v2-fast', aspectRatio: '16:9', imageSize: '2K', fontInputs: [] }
const png = 'data:image/png;base64,iVBORw0KGgo='

describe('buildGenerationRequest', () => {
  it('sends a text-only prompt as a string with image-only modalities (SPEC 1)', () => {
    expect(buildGenerationRequest({ prompt: 'A red fox', settings: fast })).toEqual({
      model: 'sourceful/riverflow-v2-fast',
      messages: [{ role: 'user', content: 'A red fox' }],
      modalities: ['image'],
      image_config: { aspect_ratio: '16:9', image_size: '2K' },
    })
  })

  it('puts the text part first, then one image_url part per input image', () => {
    const request = buildGenerationRequest({ prompt: 'Make it blue', settings: fast, inputImages: [png, 'https://x.test/a.jpg'] })
    expect(request.messages[0].content).toEqual([
      { type: 'text', text: 'Make it blue' },
      { type: 'image_url', image_url: { url: png } },
      { type: 'image_url', image_url: { url: 'https://x.test/a.jpg' } },
    ])
  })

  it('maps font inputs to font_url/text', () => {
    const settings = { ...fast, fontInputs: [{ fontUrl: 'https://f.test/a.woff2', text: 'SALE' }] }
    expect(buildGenerationRequest({ prompt: 'Poster saying SALE', settings }).image_config.font_inputs).toEqual([
      { font_url: 'https://f.test/a.woff2', text: 'SALE' },
    ])
  })

  it.each([
    { inputImages: [png], references: [png], sent: true },
    { inputImages: [], references: [png], sent: false },
  ])('sends refSR references only with an input image ($inputImages.length input)', ({ inputImages, references, sent }) => {
    const config = buildGenerationRequest({ prompt: 'p', settings: fast, inputImages, references }).image_config
    expect(config.super_resolution_references !== undefined).toBe(sent)
  })
})

describe('findInputProblems', () => {
  const fontSettings = (text: string, fontUrl = 'https://f.test/a.ttf') => ({ ...fast, fontInputs: [{ fontUrl, text }] })
  it.each([
    ['an empty prompt', { prompt: '   ', settings: fast }, /Write a prompt/],
    ['4K on Fast', { prompt: 'p', settings: { ...fast, imageSize: '4K' as const } }, /does not offer 4K/],
    ['five input images on Fast', { prompt: 'p', settings: fast, inputImages: Array(5).fill(png) }, /at most 4 input images/],
    ['five references', { prompt: 'p', settings: fast, inputImages: [png], references: Array(5).fill(png) }, /At most 4 references/],
    ['three font inputs', { prompt: 'a b c', settings: { ...fast, fontInputs: ['a', 'b', 'c'].map((text) => ({ fontUrl: 'https://f.test/x.ttf', text })) } }, /At most 2 font inputs/],
    ['a font URL that is not http(s)', { prompt: 'Hi', settings: fontSettings('Hi', 'ftp://f.test/a.ttf') }, /must start with http/],
    ['font text over 300 characters', { prompt: 'x'.repeat(301), settings: fontSettings('x'.repeat(301)) }, /301 characters; at most 300/],
    ['font text missing from the prompt', { prompt: 'A poster', settings: fontSettings('SALE') }, /must contain “SALE” exactly/],
  ])('refuses %s', (_name, input, message) => {
    expect(findInputProblems(input).join(' ')).toMatch(message)
  })

  it.each([
    ['a plain prompt', { prompt: 'A red fox', settings: fast }],
    ['4K on Pro', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2-pro' as const, imageSize: '4K' as const } }],
    ['ten inputs on Pro', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2-pro' as const }, inputImages: Array(10).fill(png) }],
    ['font text that is in the prompt verbatim', { prompt: 'A poster that says BIG SALE', settings: fontSettings('BIG SALE') }],
  ])('accepts %s', (_name, input) => {
    expect(findInputProblems(input)).toEqual([])
  })
})

describe('serializeRequest', () => {
  it('counts bytes, not characters', () => {
    const { json, bytes } = serializeRequest(buildGenerationRequest({ prompt: 'café ☕', settings: fast }))
    expect(bytes).toBe(new TextEncoder().encode(json).length)
    expect(bytes).toBeGreaterThan(json.length)
  })
})
