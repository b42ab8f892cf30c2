import { describe, expect, it } from 'vitest'
import type { BrandKit } from '../../../../common/brand-kit'
import type { SavedState } from '../../../../common/domain'
import type { SelectedLayer } from '../../../../common/selection'
import { kitLine } from '../../../../ui/generation/plan/apply-kit'
import { quotedTexts } from '../../../../ui/brand-kit/kit-prompt'
import { readyKitAsync } from '../../../../ui/brand-kit/ready-kit'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { formatEstimateShort } from '../../../../ui/pricing'
import { planClick } from '../../../../ui/generation/plan/plan-click'
import { buildGenerationRequest, findInputProblems } from '../../../../ui/openrouter/request'
import { MODELS } from '../../../fixtures/orders'
import { banner, shot } from '../../../fixtures/expand'

const ref = (i: number, role: string) => ({ layerId: `9:${i}`, role, label: `${role} ${i}`, width: 800, height: 400 })
const kit = (change: Partial<BrandKit> = {}): BrandKit => ({
  id: '0:9',
  name: 'Acme',
  references: [ref(1, 'logo'), ref(2, 'product'), ref(3, 'style')],
  fonts: [{ layerName: 'Font: Inter Bold', family: 'Inter', style: 'Bold', url: null, sample: 'Fresh' }],
  palette: ['#FF0000', '#1A1A1A'],
  note: 'Bright, clean, daylight.',
  checks: ['The logo is exact', 'Only brand colours'],
  problems: [],
  ...change,
})
const found = async () => ({ ok: true as const, url: 'https://fonts.gstatic.com/inter700.woff2' })
const state = (model: string, prompt = 'A poster with the headline “Fresh every day”'): SavedState => ({ ...DEFAULT_STATE, prompt, settings: { ...DEFAULT_STATE.settings, model } })
const plan = async (s: SavedState, k = kit(), selection: SelectedLayer[] = [], roles = {}) =>
  planClick({ state: s, selection, roles, models: MODELS, kit: await readyKitAsync(k, found) })
const bodyOf = (task: Awaited<ReturnType<typeof plan>>['generate']['tasks'][0]) =>
  buildGenerationRequest({ prompt: task.prompt, settings: task.settings, model: task.model, inputImages: task.inputs.map(() => 'data:,'), scoringRubric: task.scoringRubric })

describe('a brand kit applied to a Generate', () => {
  it('on 2.5 Fast: references as input images, the quoted text in the kit font, palette and note in the prompt, checks as scoring_rubric', async () => {
    const p = await plan(state('sourceful/riverflow-v2.5-fast'))
    const [task] = p.generate.tasks
    expect(task.inputs.map((i) => i.layer.id)).toEqual(['9:1', '9:2', '9:3'])
    expect(task.prompt).toBe(
      'A poster with the headline “Fresh every day”\n\nBrand kit “Acme”: image 1 is the logo: keep it exactly as it is; image 2 is the product: it must look exactly like this; image 3 is the style to follow. Use only the brand colours #FF0000, #1A1A1A. Brand style: Bright, clean, daylight.',
    )
    const body = bodyOf(task)
    expect(body.image_config.font_inputs).toEqual([{ font_url: 'https://fonts.gstatic.com/inter700.woff2', text: 'Fresh every day' }])
    expect(body.image_config.scoring_rubric).toEqual([
      { key: 'brand_check_1', label: 'The logo is exact', description: 'The logo is exact', weight: 1 },
      { key: 'brand_check_2', label: 'Only brand colours', description: 'Only brand colours', weight: 1 },
    ])
    expect(findInputProblems({ prompt: task.prompt, settings: task.settings, model: task.model, inputImages: task.inputs.map(() => 'x'), scoringRubric: task.scoringRubric })).toEqual([])
    expect(kitLine(task.brandKit)).toBe('Brand kit “Acme” adds 3 references, 2 colours, the style note, 1 font input (+$0.03) and 2 checks.')
    expect(task.brandKit?.designerPrompt).toBe('A poster with the headline “Fresh every day”')
  })

  it('says what the model cannot take: references past its limit, checks on a model that does not score', async () => {
    const five = kit({ references: [1, 2, 3, 4, 5].map((i) => ref(i, 'style')) })
    const [task] = (await plan(state('sourceful/riverflow-v2-fast'), five)).generate.tasks
    expect(task.inputs).toHaveLength(4)
    expect(task.scoringRubric).toBeUndefined()
    expect(kitLine(task.brandKit)).toBe(
      'Brand kit “Acme” adds 4 references, 2 colours, the style note and 1 font input (+$0.03). Left out: 1 of the kit’s 5 references: Riverflow 2 Fast takes 4 images; the kit’s checks: Riverflow 2 Fast does not score its images.',
    )
    // The estimate counts the kit's font input.
    expect(task.settings.fontInputs).toHaveLength(1)
  })

  it('puts the kit’s images after the designer’s input when refining, and asks for quoted text when there is none', async () => {
    const input: SelectedLayer = { id: '1:1', name: 'Hero', type: 'FRAME', width: 1200, height: 800, fillable: true, madeHere: false, holdsLayers: true }
    const p = await plan(state('sourceful/riverflow-v2.5-fast', 'Make it summery'), kit(), [input], { '1:1': 'input' })
    const [task] = p.offers.find((a) => a.kind === 'refine-each')!.tasks
    expect(task.inputs.map((i) => i.layer.id)).toEqual(['1:1', '9:1', '9:2', '9:3'])
    expect(task.prompt).toContain('image 2 is the logo')
    expect(task.settings.fontInputs).toEqual([])
    expect(task.brandKit?.leftOut).toEqual(['the kit’s fonts: put the headline in quotation marks in the prompt'])
  })

  it('leaves the designer’s own text in their font as it is, and says the kit’s fonts give way to it', async () => {
    const own = { fontUrl: 'https://fonts.gstatic.com/lobster400.woff2', text: 'Fresh every day' }
    const s = state('sourceful/riverflow-v2.5-fast')
    const [task] = (await plan({ ...s, settings: { ...s.settings, fontInputs: [own] } })).generate.tasks
    expect(task.settings.fontInputs).toEqual([own])
    expect(task.brandKit?.leftOut).toEqual(['the kit’s fonts: your own text in your font goes instead'])
  })

  it('sends the kit as refSR references to an upscale on Riverflow 2, and says 2.5 takes none', async () => {
    const input: SelectedLayer = { id: '1:1', name: 'Hero', type: 'FRAME', width: 600, height: 400, fillable: true, madeHere: false, holdsLayers: true }
    const upscale = async (model: string) =>
      (await plan(state(model), kit(), [input], { '1:1': 'input' })).offers.find((a) => a.key === 'upscale-each-2')!.tasks[0]
    const v2 = await upscale('sourceful/riverflow-v2-fast')
    expect(v2.references.map((r) => r.layer.id)).toEqual(['9:1', '9:2', '9:3'])
    expect(v2.inputs).toHaveLength(1)
    expect(kitLine(v2.brandKit)).toBe('Brand kit “Acme” adds 3 refSR references (+$0.60).')
    const v25 = await upscale('sourceful/riverflow-v2.5-fast')
    expect(v25.references).toEqual([])
    expect(kitLine(v25.brandKit)).toBe('Brand kit “Acme” adds nothing to this request. Left out: the kit’s references: an upscale on Riverflow 2.5 Fast takes no refSR references.')
  })

  it('says on an upscale that its price includes the kit’s references, each priced: Upscale 2× is no unexplained many times Refine', async () => {
    const hero: SelectedLayer = { id: '1:1', name: 'Hero', type: 'FRAME', width: 600, height: 400, fillable: true, madeHere: false, holdsLayers: true }
    const offers = async (model: string, selection = [hero]) => (await plan(state(model, 'Warmer'), kit(), selection)).offers
    const v2 = await offers('sourceful/riverflow-v2-fast')
    const [refine, upscale2, upscale4] = ['refine-each', 'upscale-each-2', 'upscale-each-4'].map((key) => v2.find((a) => a.key === key)!)
    expect([refine.cost, upscale2.cost].map((cost) => cost && formatEstimateShort(cost))).toEqual(['$0.02', '$0.62'])
    expect(refine.note).toBeUndefined()
    expect(upscale2.note).toBe('The price includes the brand kit’s 3 references, $0.20 each.')
    expect(upscale4.note).toBe(upscale2.note)
    // Each image's request carries them.
    const each = (await offers('sourceful/riverflow-v2-fast', [hero, { ...hero, id: '1:2', name: 'Side' }])).find((a) => a.key === 'upscale-each-2')!
    expect(each.note).toBe('The price includes the brand kit’s 3 references in each request, $0.20 each.')
    // One reference: no "each" of one.
    const one = (await plan(state('sourceful/riverflow-v2-fast', 'Warmer'), kit({ references: [ref(1, 'logo')] }), [hero])).offers.find((a) => a.key === 'upscale-each-2')!
    expect(one.note).toBe('The price includes the brand kit’s reference, $0.20.')
    // A model that takes none is sent none, and its price holds none.
    expect((await offers('sourceful/riverflow-v2.5-fast')).find((a) => a.key === 'upscale-each-2')!.note).toBeUndefined()
  })

  it('adds the kit’s references to Upscale with references after the designer’s, as far as the model takes them', async () => {
    const poster: SelectedLayer = { id: '1:1', name: 'Poster', type: 'FRAME', width: 800, height: 1200, fillable: true, madeHere: false, holdsLayers: true }
    const logo: SelectedLayer = { id: '1:2', name: 'Logo', type: 'RECTANGLE', width: 200, height: 200, fillable: true, madeHere: false, showsImage: true }
    const p = await plan(state('sourceful/riverflow-v2-fast', ''), kit(), [poster, logo])
    const action = p.offers.find((a) => a.kind === 'upscale-with-references')!
    expect(action.label).toBe('Upscale with 1 reference')
    const [task] = action.tasks
    expect(task.inputs.map((i) => i.layer.id)).toEqual(['1:1'])
    // Riverflow 2 takes four refSR references: the designer's one and three of the kit's.
    expect(task.references.map((r) => r.layer.id)).toEqual(['1:2', '9:1', '9:2', '9:3'])
    expect(kitLine(task.brandKit)).toBe('Brand kit “Acme” adds 3 refSR references (+$0.60).')
    expect(action.note).toBe('Upscales “Poster” 2× with “Logo” as a reference. The price includes the reference and the brand kit’s 3 references, $0.20 each.')
  })
})

describe('a brand kit applied to Expand', () => {
  const expandTask = async (layer: SelectedLayer) => (await plan(state('sourceful/riverflow-v2.5-fast', 'a marble counter'), kit(), [layer])).offers.find((a) => a.kind === 'expand')!.tasks[0]

  it.each([
    ['a frame to fill', banner, '1:2'],
    ['an image to a ratio', shot, '2:1'],
  ])('for %s: the image first on its canvas, the kit’s references after it, its palette and note after the instruction, its checks scored', async (_form, layer, imageId) => {
    const task = await expandTask(layer)
    expect(task.inputs.map((i) => [i.layer.id, i.canvas !== undefined])).toEqual([[imageId, true], ['9:1', false], ['9:2', false], ['9:3', false]])
    expect(task.prompt).toMatch(/^Expand this picture: .* In the new area: a marble counter\n\nBrand kit “Acme”: image 2 is the logo: keep it exactly as it is; image 3 is the product/)
    expect(task.prompt).toContain('Use only the brand colours #FF0000, #1A1A1A.')
    expect(task.scoringRubric).toHaveLength(2)
    expect(task.placement).toBe('behind')
    expect(kitLine(task.brandKit)).toBe('Brand kit “Acme” adds 3 references, 2 colours, the style note and 2 checks. Left out: the kit’s fonts: put the headline in quotation marks in the prompt.')
  })
})

describe('the kit’s fonts and quotes', () => {
  it('says plainly a font Google Fonts does not serve, and keeps the rest', async () => {
    const ready = await readyKitAsync(kit({ fonts: [{ layerName: 'Font', family: 'Brand Sans', style: 'Bold', url: null, sample: '' }], problems: ['earlier'] }), async () => ({ ok: false as const, reason: 'not-served' as const, message: 'Google Fonts does not serve “Brand Sans Bold”.' }))
    expect(ready.fontUrls).toEqual([])
    expect(ready.problems).toEqual(['earlier', 'The kit font Brand Sans Bold is not on Google Fonts, so quoted text goes without it. Set the font layer in a Google font to send one.'])
  })

  it('finds the texts a prompt quotes, in order, once each', () => {
    expect(quotedTexts('Poster: "SALE" and “50% off” «SALE» and "SALE"')).toEqual(['SALE', '50% off'])
    expect(quotedTexts('no quotes here')).toEqual([])
  })
})
