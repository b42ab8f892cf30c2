import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { type GenerationInput, buildGenerationRequest as buildRequest, findInputProblems as findProblems, serializeRequest } from '../../../ui/openrouter/request'
import { withModelOf } from '../../fixtures/orders'

type TestInput = Omit<GenerationInput, 'model'> & Partial<Pick<GenerationInput, 'model'>>
const buildGenerationRequest = (input: TestInput) => buildRequest(withModelOf(input))
const findInputProblems = (input: TestInput) => findProblems(withModelOf(input))
import { DEFAULT_STATE } from '../../../ui/defaults'

const fast: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-fast', aspectRatio: '16:9', imageSize: '2K' }
const png = 'data:image/png;base64,iVBORw0KGgo='
const criterion = { key: 'k', label: 'Label', description: 'What it checks', weight: 1 }

describe('buildGenerationRequest', () => {
  it('sends a text-only prompt as a string with image-only modalities, as OpenRouter documents', () => {
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

describe('buildGenerationRequest for 2.5 and later, as OpenRouter documents', () => {
  const v25: GenerationSettings = { ...fast, model: 'sourceful/riverflow-v2.5-fast' }
  const build = (settings: Partial<GenerationSettings>, extra: Partial<TestInput> = {}) =>
    buildGenerationRequest({ prompt: 'A mug', settings: { ...v25, ...settings }, ...extra })

  it.each([
    ['original (left out: what the model does unasked)', { background: 'original' as const }, {}],
    ['transparent', { background: 'transparent' as const }, { background_mode: 'transparent' }],
    ['solid, with its colour', { background: 'solid' as const, backgroundColor: '#12ab9F' }, { background_mode: 'solid', background_hex_color: '#12ab9F' }],
  ])('sends the background %s', (_name, settings, expected) => {
    const config = build(settings).image_config
    expect({ background_mode: config.background_mode, background_hex_color: config.background_hex_color }).toEqual({
      background_mode: undefined,
      background_hex_color: undefined,
      ...expected,
    })
  })

  it('sends the effort as chat completions’ reasoning, and the scoring prompt and rubric when set', () => {
    const rubric = [{ key: 'text', label: 'Text', description: 'The label is legible', weight: 2, passingScore: 7 }]
    const request = build({ effort: 'high', scoringPrompt: 'Product photo quality' }, { scoringRubric: rubric })
    expect(request.reasoning).toEqual({ effort: 'high' })
    expect(request.image_config).toMatchObject({
      scoring_prompt: 'Product photo quality',
      scoring_rubric: [{ key: 'text', label: 'Text', description: 'The label is legible', weight: 2, passing_score: 7 }],
    })
    expect(build({ scoringPrompt: '  ' }).image_config.scoring_prompt).toBeUndefined()
  })

  it('never sends V2 a field it lacks, nor refSR to 2.5', () => {
    const v2 = buildGenerationRequest({ prompt: 'p', settings: { ...fast, background: 'solid', effort: 'high', scoringPrompt: 'x' }, inputImages: [png], references: [png] })
    expect(v2.reasoning).toBeUndefined()
    expect(Object.keys(v2.image_config)).toEqual(['aspect_ratio', 'image_size', 'super_resolution_references'])
    expect(build({}, { inputImages: [png], references: [png] }).image_config.super_resolution_references).toBeUndefined()
  })

  it('sends 2.6 Pro effort, and no 2.5 extras (unconfirmed for it)', () => {
    const request = build({ model: 'sourceful/riverflow-v2.6-pro', background: 'transparent', effort: 'low' })
    expect(request.reasoning).toEqual({ effort: 'low' })
    expect(request.image_config.background_mode).toBeUndefined()
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
    ['a transparent background on V2', { prompt: 'p', settings: { ...fast, background: 'transparent' as const } }, /cannot make a transparent background/],
    ['a malformed solid colour', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2.5-fast', background: 'solid' as const, backgroundColor: '#12345' } }, /hex colour like #FFAA00; “#12345” is not/],
    ['an effort the model lacks', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2.5-pro', imageSize: '1K' as const, effort: 'xhigh' as const } }, /does not offer xhigh effort/],
    ['a rubric on V2', { prompt: 'p', settings: fast, scoringRubric: [criterion] }, /does not score its images/],
    ['a bad rubric on 2.5', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2.5-fast' }, scoringRubric: [{ ...criterion, weight: 0 }] }, /weight above 0/],
    ['references on 2.5', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2.5-fast' }, inputImages: [png], references: [png] }, /takes no references/],
    ['font inputs on 2.6 Pro', { prompt: 'Hi', settings: { ...fontSettings('Hi'), model: 'sourceful/riverflow-v2.6-pro' } }, /takes no font inputs/],
  ])('refuses %s, against the capability record', (_name, input, message) => {
    expect(findInputProblems(input).join(' ')).toMatch(message)
  })

  it.each([
    ['a plain prompt', { prompt: 'A red fox', settings: fast }],
    ['a malformed colour that is not sent (not solid)', { prompt: 'p', settings: { ...fast, backgroundColor: 'red' } }],
    ['every 2.5 extra', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2.5-fast', background: 'solid' as const, effort: 'high' as const, scoringPrompt: 'x' }, scoringRubric: [criterion] }],
    ['4K on Pro', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2-pro' as const, imageSize: '4K' as const } }],
    ['ten inputs on Pro', { prompt: 'p', settings: { ...fast, model: 'sourceful/riverflow-v2-pro' as const }, inputImages: Array(10).fill(png) }],
    ['font text that is in the prompt verbatim', { prompt: 'A poster that says BIG SALE', settings: fontSettings('BIG SALE') }],
  ])('accepts %s', (_name, input) => {
    expect(findInputProblems(input)).toEqual([])
  })

  it('keeps a scoring prompt on V2 unsent, never refused: its field is hidden there, and it is the designer’s for a model that scores', () => {
    const input = { prompt: 'p', settings: { ...fast, scoringPrompt: 'sharp' } }
    expect(findInputProblems(input)).toEqual([])
    expect(buildGenerationRequest(input).image_config.scoring_prompt).toBeUndefined()
  })
})

describe('serializeRequest', () => {
  it('counts bytes, not characters', () => {
    const { json, bytes } = serializeRequest(buildGenerationRequest({ prompt: 'café ☕', settings: fast }))
    expect(bytes).toBe(new TextEncoder().encode(json).length)
    expect(bytes).toBeGreaterThan(json.length)
  })
})
