import { describe, expect, it } from 'vitest'
import type { GenerationSettings } from '../../../common/domain'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { chatRoad, imagesRoadWithoutRecord } from '../../../common/road-capabilities'
import { roadLimits as limitsOf } from '../../../ui/openrouter/choose-road'
import { buildImagesRequest as buildRequest } from '../../../ui/openrouter/images-request'
import type { GenerationInput } from '../../../ui/openrouter/request'
import type { Road } from '../../../common/domain'
import { modelOf, withModelOf } from '../../fixtures/orders'

/** The Image API as a refusal finds it, with no record: what the model's own table allows, none of the extras. */
const buildImagesRequest = (input: Omit<GenerationInput, 'model'>) => {
  const full = withModelOf(input)
  return buildRequest(full, imagesRoadWithoutRecord(full.model))
}
const roadLimits = (settings: GenerationSettings, road: Road, extras?: { references?: number; rubric?: number }) => {
  const model = modelOf(settings.model)
  return limitsOf(model, settings, { road, carries: road === 'chat' ? chatRoad(model) : imagesRoadWithoutRecord(model) }, extras)
}

const v25: GenerationSettings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-fast', aspectRatio: '16:9', imageSize: '2K' }
const png = 'data:image/png;base64,iVBORw0KGgo='

describe('buildImagesRequest: the Image API’s names', () => {
  it('names size, ratio and inputs as the Image API does, one PNG', () => {
    expect(buildImagesRequest({ prompt: 'A mug', settings: v25, inputImages: [png, 'https://x.test/a.jpg'] })).toEqual({
      model: 'sourceful/riverflow-v2.5-fast',
      prompt: 'A mug',
      resolution: '2K',
      aspect_ratio: '16:9',
      n: 1,
      output_format: 'png',
      input_references: [
        { type: 'image_url', image_url: { url: png } },
        { type: 'image_url', image_url: { url: 'https://x.test/a.jpg' } },
      ],
    })
  })

  it.each([
    ['original', undefined],
    ['transparent', 'transparent'],
    // Its "opaque" takes no colour: it is not the designer's solid colour, which roadLimits names as left out.
    ['solid', undefined],
  ] as const)('maps the %s background to %s', (background, expected) => {
    expect(buildImagesRequest({ prompt: 'p', settings: { ...v25, background } }).background).toBe(expected)
  })

  it('sends no background to a model without backgrounds, and nothing the API lacks', () => {
    const request = buildImagesRequest({
      prompt: 'p',
      settings: { ...v25, model: 'sourceful/riverflow-v2.6-pro', background: 'transparent', fontInputs: [{ fontUrl: 'https://f.test/a.ttf', text: 'p' }] },
      references: [png],
    })
    expect(Object.keys(request).sort()).toEqual(['aspect_ratio', 'model', 'n', 'output_format', 'prompt', 'resolution'])
  })
})

describe('buildImagesRequest: passthrough', () => {
  const rubric = [{ key: 'logo', label: 'Logo', description: 'The logo is as in its reference', weight: 1 }]
  const input = withModelOf({ prompt: 'A SALE poster', settings: { ...v25, scoringPrompt: 'Crisp edges', fontInputs: [{ fontUrl: 'https://f.test/a.ttf', text: 'SALE' }] }, scoringRubric: rubric })
  const carrying = (passthrough: string[]) => ({ ...imagesRoadWithoutRecord(input.model), passthrough, passthroughTo: 'sourceful', scoring: passthrough.some((key) => key.startsWith('scoring')), maxFontInputs: 2 })

  it('sends in provider.options each key the endpoint record allows, and only those', () => {
    expect(buildRequest(input, carrying(['font_inputs', 'scoring_prompt', 'scoring_rubric'])).provider).toEqual({
      options: { sourceful: { font_inputs: [{ font_url: 'https://f.test/a.ttf', text: 'SALE' }], scoring_prompt: 'Crisp edges', scoring_rubric: [{ key: 'logo', label: 'Logo', description: 'The logo is as in its reference', weight: 1 }] } },
    })
    expect(buildRequest(input, carrying(['scoring_rubric'])).provider?.options.sourceful).toEqual({ scoring_rubric: expect.any(Array) })
    expect(buildRequest(input, carrying([]))).not.toHaveProperty('provider')
  })

  it('names the scoring left out where the record allows the rubric but not the prompt', () => {
    const on = { road: 'images' as const, carries: carrying(['scoring_rubric']) }
    expect(limitsOf(input.model, input.settings, on, { rubric: 1 })).toContain('scoring')
    expect(limitsOf(input.model, { ...input.settings, scoringPrompt: '' }, on, { rubric: 1 })).not.toContain('scoring')
  })
})

describe('roadLimits', () => {
  const everything: GenerationSettings = { ...v25, background: 'solid', scoringPrompt: 'sharp', fontInputs: [{ fontUrl: 'https://f.test/a.ttf', text: 'p' }] }

  it('names what the Image API cannot carry, and nothing for chat completions', () => {
    expect(roadLimits(everything, 'images')).toEqual(['font inputs', 'scoring', 'effort', 'background'])
    expect(roadLimits(everything, 'chat')).toEqual([])
  })

  it('counts refSR and a rubric only for a model that would have used them', () => {
    const v2 = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro' }
    expect(roadLimits(v2, 'images', { references: 2, rubric: 1 })).toEqual(['refSR references'])
    expect(roadLimits(v25, 'images', { references: 2, rubric: 1 })).toEqual(['scoring', 'effort'])
  })

  it('has nothing to name for plain settings on a model without extras', () => {
    expect(roadLimits({ ...DEFAULT_STATE.settings, background: 'transparent' }, 'images')).toEqual([])
  })
})
