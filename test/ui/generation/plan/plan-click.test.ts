import { describe, expect, it } from 'vitest'
import type { GenerationSettings, SavedState } from '../../../../common/domain'
import type { SelectedLayer } from '../../../../common/selection'
import { REMOVE_BACKGROUND_PROMPT } from '../../../../ui/generation/plan/cutout-settings'
import { isPromptProblem } from '../../../../ui/generation/plan/offer'
import { needsConfirmation, planClick } from '../../../../ui/generation/plan/plan-click'
import { MODELS as BUILT_IN_MODELS, modelOf } from '../../../fixtures/orders'
import { type Roles, assignRoles } from '../../../../ui/selection/roles'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { areaAt } from '../../../fixtures/area'
import { banner } from '../../../fixtures/expand'
import { highestUsd } from '../../../../ui/pricing'
import { EXACT_SIZE_LIMITS } from '../../../../common/road-capabilities'

const layer = (id: string, width = 400, height = 300, fillable = true, madeHere = false): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable, madeHere })
const photo = (id: string, width = 400, height = 300): SelectedLayer => ({ ...layer(id, width, height), type: 'RECTANGLE', showsImage: true })
/** A frame holding the designer's layers (a post, a layout): a picture to refine or upscale, where `layer` is an empty frame. */
const post = (id: string, width = 400, height = 300): SelectedLayer => ({ ...layer(id, width, height), holdsLayers: true })
const text: SelectedLayer = { ...layer('t'), type: 'TEXT', fillable: false }
const state = (change: Partial<SavedState> = {}): SavedState => ({ ...DEFAULT_STATE, prompt: 'A paper boat', ...change })
const plan = (s: SavedState, selection: SelectedLayer[] = [], roles: Roles = {}) => planClick({ state: s, selection, roles, models: BUILT_IN_MODELS })
const targets = (p: ReturnType<typeof plan>) => p.generate.tasks.map((t) => t.targetIds)
const byKey = (p: ReturnType<typeof plan>) => Object.fromEntries(p.offers.map((a) => [a.key, a]))

describe('planClick', () => {
  it('with nothing selected, generates one image on a new layer, whatever was chosen before', () => {
    const p = plan(state({ placement: 'fill' }))
    expect(p).toMatchObject({ placement: 'new-layer', offers: [], generate: { problems: [] } })
    expect(p.generate.tasks).toHaveLength(1)
    expect(p.generate.tasks[0]).toMatchObject({ placement: 'new-layer', targetIds: [], inputs: [] })
    expect(p.generate.concurrency).toBe(1)
  })

  it('fills the fillable layers, or puts a new layer beside the whole selection', () => {
    const selection = [layer('a'), text]
    expect(plan(state({ placement: 'fill' }), selection)).toMatchObject({ placement: 'fill', fillableCount: 1 })
    expect(targets(plan(state({ placement: 'fill' }), selection))).toEqual([['a']])
    expect(targets(plan(state({ placement: 'new-layer' }), selection))).toEqual([['a', 't']])
    // A text layer takes no fill: the image goes beside it.
    expect(plan(state({ placement: 'fill' }), [text]).placement).toBe('new-layer')
  })

  it('refines one frame: one request, beside it, and Upscale 2× and 4× offered', () => {
    // 2× of 400×225 is 2 Fast's 1K, 4× its 2K: two different requests.
    const p = plan(state(), [post('a', 400, 225)])
    const refine = byKey(p)['refine-each']
    expect(refine).toMatchObject({ label: 'Refine', problems: [] })
    expect(refine.tasks).toHaveLength(1)
    expect(refine.tasks[0]).toMatchObject({ targetIds: ['a'], placement: 'new-layer', settings: { aspectRatio: '16:9' } })
    const upscales = p.offers.filter((a) => a.kind === 'upscale-each')
    expect(upscales.map((u) => [u.factor, u.label, u.tasks.length, u.concurrency])).toEqual([[2, 'Upscale 2×', 1, 1], [4, 'Upscale 4×', 1, 1]])
  })

  it('refines several frames each on its own, at the chosen requests at a time, or combines them in one request', () => {
    const selection = [post('a'), post('b'), post('c')]
    const p = plan(state({ concurrency: 5 }), selection)
    expect(byKey(p)['refine-each']).toMatchObject({ label: 'Refine each (3)', concurrency: 5 })
    expect(byKey(p)['refine-each'].tasks.map((t) => t.targetIds)).toEqual([['a'], ['b'], ['c']])
    const together = byKey(p).combine
    expect(together.concurrency).toBe(1)
    expect(together.tasks.map((t) => t.inputs.map((i) => i.layer.id))).toEqual([['a']])
    expect(together.tasks.map((t) => t.references.map((r) => r.layer.id))).toEqual([['b', 'c']])
  })

  it('upscales every frame, each on its own request, priced by the size that covers it', () => {
    const p = plan(state({ concurrency: 4 }), [post('a', 1000, 1000), post('b', 500, 500)])
    const [twice, fourTimes] = p.offers.filter((a) => a.kind === 'upscale-each')
    expect(twice.tasks.map((t) => [t.name, t.settings.imageSize])).toEqual([['Frame a @2x', '2K'], ['Frame b @2x', '1K']])
    expect(twice).toMatchObject({ label: 'Upscale each 2×', factor: 2, cost: { kind: 'fixed', usd: 0.06 }, concurrency: 4 })
    expect(fourTimes.tasks.map((t) => t.settings.imageSize)).toEqual(['2K', '2K'])
    expect(fourTimes.cost).toEqual({ kind: 'fixed', usd: 0.08 })
  })

  it('Upscale says where the model cannot make its factor, names one that can, and offers no 4× that lands as 2× does', () => {
    const upscales = (width: number, height: number) => plan(state(), [photo('a', width, height)]).offers.filter((a) => a.kind === 'upscale-each')
    // 800×600 on 2 Fast: 4× would be its 2K, 2304×1728, as 2× is.
    expect(upscales(800, 600).map((u) => [u.label, u.note])).toEqual([['Upscale 2×', undefined]])
    // 2400×1600: 2 Fast's 2K at 3:2 is 2496×1664; 2 Pro's 4K, as far as Figma holds, is 4096×2731.
    const [twice, ...rest] = upscales(2400, 1600)
    expect(rest).toEqual([])
    expect(twice.note).toBe('Riverflow 2 Fast makes at most 2496×1664 here (1×, not 2×); Riverflow 2 Pro makes 4096×2731 (1.7×).')
    expect(twice.tasks[0].name).toBe('Frame a @1x')
    // 600×450: 2× is 1200×900, more than 1K makes at 4:3 (1152×864), so 2× asks 2K and reaches 2×, as 4× would
    // on 2 Fast: 4× is not offered. (By the long side alone, 2× asked 1K and came back 1.9×.)
    const [atTwo, ...none] = upscales(600, 450)
    expect(none).toEqual([])
    expect([atTwo.tasks[0].settings.imageSize, atTwo.note, atTwo.tasks[0].name]).toEqual(['2K', undefined, 'Frame a @2x'])
    // Where it reaches, nothing is said and the name is the factor.
    const small = upscales(400, 300)
    expect(small.map((u) => [u.label, u.note, u.tasks[0].name])).toEqual([['Upscale 2×', undefined, 'Frame a @2x'], ['Upscale 4×', undefined, 'Frame a @4x']])
  })

  it('says what stops Combine: no picture to combine the others with, or more references than the model takes', () => {
    const noInput = byKey(plan(state(), [post('a'), post('b')], { a: 'unused', b: 'unused' })).combine
    expect(noInput.problems).toEqual(['Mark one of the selected layers as the input to combine the others with.'])
    const references = ['r1', 'r2', 'r3', 'r4', 'r5']
    const crowded = byKey(plan(state(), [post('a'), ...references.map((id) => post(id))], { a: 'input', ...Object.fromEntries(references.map((id) => [id, 'reference'])) })).combine
    expect(crowded.problems).toEqual(['At most 4 references can be sent; 5 are marked as reference.'])
    // Generate ignores roles altogether.
    expect(plan(state(), [layer('a')], { a: 'unused' }).generate.problems).toEqual([])
  })

  it('estimates the price of what Generate sends: every request, its size, references and fonts', () => {
    expect(plan(state()).generate.cost).toEqual({ kind: 'fixed', usd: 0.02 })
    expect(plan(state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', imageSize: '4K' } })).generate.cost).toEqual({ kind: 'fixed', usd: 0.33 })
    const withFont = { ...DEFAULT_STATE.settings, fontInputs: [{ fontUrl: 'https://example.com/f.woff2', text: 'Sale' }] }
    expect(plan(state({ settings: withFont })).generate.cost).toEqual({ kind: 'fixed', usd: 0.05 })
    const selection = [post('a'), post('b'), post('r')]
    // Combined: one request with two references.
    expect(byKey(plan(state(), selection)).combine.cost).toEqual({ kind: 'fixed', usd: 0.42 })
    // Fast offers no 4K.
    expect(plan(state({ settings: { ...DEFAULT_STATE.settings, imageSize: '4K' } })).generate.cost).toBeNull()
  })

  it('puts a new image beside a layer that shows one, and replaces it only as an action of its own', () => {
    for (const shown of [layer('a', 400, 300, true, true), photo('a')]) {
      const p = plan(state({ placement: 'fill' }), [shown])
      expect(p).toMatchObject({ placement: 'new-layer', imageCount: 1 })
      expect(targets(p)).toEqual([['a']])
      const replace = byKey(p).replace
      expect(replace).toMatchObject({ label: 'Replace with a new image' })
      expect(replace.tasks.map((t) => [t.placement, t.targetIds])).toEqual([['fill', ['a']]])
    }
    // The designer's own empty layer fills as before, and there is nothing to replace.
    const own = plan(state({ placement: 'fill' }), [layer('b')])
    expect(own).toMatchObject({ placement: 'fill', imageCount: 0 })
    expect(byKey(own).replace).toBeUndefined()
  })

  it('sends nothing while the prompt, the checks or the text in the font hold an OpenRouter key, and says so at once', () => {
    const pasted = plan(state({ prompt: 'A fox sk-or-v1-0123456789abcdef' }), [layer('a')])
    expect(pasted.generate.problems).toEqual(['The prompt holds an OpenRouter key: take it out. A prompt is kept in the file, where anyone who opens it can read it.'])
    expect(isPromptProblem(pasted.generate.problems[0])).toBe(false)
    const inChecks = plan(state({ prompt: 'A fox', settings: { ...DEFAULT_STATE.settings, scoringPrompt: 'sk-or-v1-0123456789abcdef' } }), [layer('a')])
    expect(inChecks.generate.problems).toEqual([expect.stringMatching(/^The checks or the text in your font hold an OpenRouter key: take it out\./)])
    // Every action the selection offers, not Generate alone.
    const onImage = plan(state({ prompt: 'A fox', settings: { ...DEFAULT_STATE.settings, scoringPrompt: 'sk-or-v1-0123456789abcdef' } }), [{ ...layer('a'), showsImage: true }])
    expect(onImage.offers.find((offer) => offer.kind === 'refine-each')?.problems).toEqual([expect.stringMatching(/hold an OpenRouter key/)])
    expect(plan(state({ prompt: 'A fox with a sign saying sk-or' }), [layer('a')]).generate.problems).toEqual([])
  })

  it('holds every offer back while the prompt holds a key: Expand and Upscale with references too', () => {
    const keyed = state({ prompt: 'More sand sk-or-v1-0123456789abcdef' })
    const offers = [...plan(keyed, [post('a'), post('b')]).offers, ...plan(keyed, [banner]).offers]
    expect(offers.map((offer) => offer.kind)).toEqual(expect.arrayContaining(['upscale-with-references', 'expand']))
    for (const offer of offers) expect(offer.problems, offer.kind).toEqual([expect.stringMatching(/^The prompt holds an OpenRouter key/)])
  })

  it('gives several empty frames an image each, made for each frame, as one action', () => {
    const p = plan(state(), [layer('a', 1080, 1080), layer('b', 1080, 1920)])
    const each = byKey(p)['generate-each']
    expect(each).toMatchObject({ label: 'Generate each (2)', problems: [] })
    expect(each.tasks.map((t) => [t.placement, t.targetIds, t.settings.aspectRatio])).toEqual([['fill', ['a'], '1:1'], ['fill', ['b'], '9:16']])
    // Each named for its frame: a failure says which one to retry.
    expect(each.tasks.map((t) => t.label)).toEqual(['Frame a', 'Frame b'])
    // Not when one of them shows an image: that one is edited, not filled.
    expect(byKey(plan(state(), [layer('a'), photo('b')]))['generate-each']).toBeUndefined()
  })

  it('makes each variation a request of its own, in one row on new layers, priced together', () => {
    const p = plan(state({ takes: 3, placement: 'fill', concurrency: 2 }), [layer('a')])
    expect(p).toMatchObject({ placement: 'new-layer', generate: { cost: { kind: 'fixed', usd: 0.06 }, concurrency: 2 } })
    expect(p.generate.tasks.map((t) => [t.placement, t.targetIds, t.reveal])).toEqual([['new-layer', ['a'], true], ['new-layer', ['a'], false], ['new-layer', ['a'], false]])
    expect(new Set(p.generate.tasks.map((t) => t.id)).size).toBe(3)
    expect(new Set(p.generate.tasks.map((t) => t.row)).size).toBe(1)
    expect(p.generate.tasks.map((t) => t.label)).toEqual(['A paper boat · variation 1', 'A paper boat · variation 2', 'A paper boat · variation 3'])
    // Each take's layer is named apart, as the layers panel lists them.
    expect(p.generate.tasks.map((t) => t.name)).toEqual(['A paper boat · variation 1', 'A paper boat · variation 2', 'A paper boat · variation 3'])
    const refined = byKey(plan(state({ takes: 2 }), [photo('a')]))['refine-each'].tasks.map((t) => t.name)
    expect(refined).toEqual(['Frame a · Riverflow · variation 1', 'Frame a · Riverflow · variation 2'])
  })

  it('says a missing prompt on each action that needs one, not on those that do not', () => {
    const p = plan(state({ prompt: ' ' }), [post('a'), post('b')])
    expect(p.generate.problems).toEqual(['Write a prompt first: describe the image you want.'])
    expect(byKey(p)['refine-each'].problems).toEqual(['Write a prompt first: say what to change. Upscale needs none.'])
    expect(byKey(p).combine.problems).toEqual(['Write a prompt first: say how to combine them.'])
    expect(byKey(p)['upscale-each-2'].problems).toEqual([])
  })
})

describe('the named actions on the selection', () => {
  const frames = (n: number) => Array.from({ length: n }, (_, i) => post(`f${i}`))

  it('offers Refine each, Upscale each and Combine as soon as frames are selected', () => {
    const headline = { ...text, text: { characters: 'Sale', fontFamily: 'Inter', fontStyle: 'Bold' } }
    const p = plan(state(), [...frames(5), headline])
    expect(p.offers.map((a) => a.label)).toEqual(['Generate each (5)', 'Refine each (5)', 'Upscale each 2×', 'Upscale each 4×', 'Upscale with 4 references', 'Remove background', 'Combine into one'])
    const actions = byKey(p)
    // Each: every image-like layer is an input, one request each; the text layer stays out.
    expect(actions['refine-each'].tasks.map((t) => t.targetIds)).toEqual(frames(5).map((f) => [f.id]))
    expect(actions['refine-each']).toMatchObject({ problems: [], concurrency: 3, cost: { kind: 'fixed', usd: 0.1 } })
    // Combine: the first an input, the next ones references within the model's limit (4), one request.
    expect(actions.combine.tasks).toHaveLength(1)
    expect(actions.combine.tasks[0].inputs.map((i) => i.layer.id)).toEqual(['f0'])
    expect(actions.combine.tasks[0].references.map((r) => r.layer.id)).toEqual(['f1', 'f2', 'f3', 'f4'])
  })

  it('Upscale with references: the largest layer upscaled 2× with the others as its references, in one request', () => {
    const poster = { ...post('p', 800, 1200), name: 'Poster' }
    const action = byKey(plan(state(), [post('a'), poster, post('b')]))['upscale-with-references']
    expect(action.label).toBe('Upscale with 2 references')
    expect(action.note).toBe('Upscales “Poster” 2× with “Frame a”, “Frame b” as references. The price includes the 2 references, $0.20 each.')
    expect(action.tasks).toHaveLength(1)
    expect(action.tasks[0].inputs.map((i) => i.layer.id)).toEqual(['p'])
    expect(action.tasks[0].references.map((r) => r.layer.id)).toEqual(['a', 'b'])
    expect(action.tasks[0]).toMatchObject({ name: 'Poster @2x', placement: 'new-layer', targetIds: ['p'] })
    expect(action.problems).toEqual([])
    // More than the model takes: as many as it takes, and the note says how many stay out.
    expect(byKey(plan(state(), [poster, ...frames(5)]))['upscale-with-references'].note).toMatch(/; 1 left out: Riverflow 2 Fast takes 4\. The price includes the 4 references, \$0\.20 each\.$/)
  })

  it('Upscale with references on a model that takes none: one click switches to the cheapest that does, and says so', () => {
    const on25 = state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-fast' } })
    const action = byKey(plan(on25, frames(3)))['upscale-with-references']
    expect(action.label).toBe('Upscale with references')
    expect(action.tasks).toEqual([])
    expect(action.switchTo?.model).toBe('sourceful/riverflow-v2-fast')
    expect(action.problems).toEqual(['Riverflow 2.5 Fast takes no references; Riverflow 2 Fast and Riverflow 2 Pro do. Switched to Riverflow 2 Fast: press again to upscale.'])
    // Priced as what the next press sends, on the model it switches to (not "size not offered").
    const onFast = byKey(plan(state(), frames(3)))['upscale-with-references']
    expect(action.cost).not.toBeNull()
    expect(action.cost).toEqual(onFast.cost)
  })

  it('Combine on a model without references sends every frame as an input, and says when there are more than it takes', () => {
    const fast25 = (count: number) => byKey(plan(state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-fast' } }), frames(count)))
    const three = fast25(3).combine
    expect(three.tasks).toHaveLength(1)
    expect(three.tasks[0].inputs.map((i) => i.layer.id)).toEqual(['f0', 'f1', 'f2'])
    expect(three.tasks[0].references).toEqual([])
    expect(three.problems).toEqual([])
    expect(three.note).toBeUndefined()
    // Never dropped without a word: six frames on a model of four inputs send four, and the two left out are named before sending.
    const six = fast25(6).combine
    expect(six.problems).toEqual([])
    expect(six.tasks[0].inputs.map((i) => i.layer.id)).toEqual(['f0', 'f1', 'f2', 'f3'])
    expect(six.note).toBe('Combine: “Frame f4” and “Frame f5” are left out: Riverflow 2.5 Fast takes 4 input images.')
    // A selection of thousands names ten of those left out and counts the rest: a line, not a page of names.
    expect(fast25(5000).combine.note).toBe(
      `Combine: ${Array.from({ length: 10 }, (_, i) => `“Frame f${i + 4}”`).join(', ')} and 4,986 more are left out: Riverflow 2.5 Fast takes 4 input images.`,
    )
  })

  it('Combine on Riverflow 2 says before sending which frame is the input and which are references', () => {
    const combine = byKey(plan(state(), frames(3))).combine
    expect(combine.note).toBe('Combine: “Frame f0” as the input, “Frame f1” and “Frame f2” as references.')
    expect(byKey(plan(state(), frames(6))).combine.note).toBe(
      'Combine: “Frame f0” as the input, “Frame f1”, “Frame f2”, “Frame f3” and “Frame f4” as references. “Frame f5” is left out: Riverflow 2 Fast takes 4 references.',
    )
  })

  it('sends the designer’s own roles with Combine, and every frame with the actions on each', () => {
    const selection = frames(3)
    const roles: Roles = { f0: 'input', f1: 'unused', f2: 'reference' }
    const p = plan(state(), selection, roles)
    expect(byKey(p)['refine-each'].tasks.map((t) => t.targetIds)).toEqual([['f0'], ['f1'], ['f2']])
    expect(byKey(p).combine.tasks[0].references.map((r) => r.layer.id)).toEqual(['f2'])
  })

  it('asks before sending more than 10 requests, not at 10', () => {
    const noLimit = 1000
    expect(needsConfirmation(byKey(plan(state(), frames(10)))['refine-each'], noLimit)).toBe(false)
    const fifty = byKey(plan(state(), frames(50)))
    expect(needsConfirmation(fifty['refine-each'], noLimit)).toBe(true)
    expect(fifty['refine-each']).toMatchObject({ label: 'Refine each (50)', concurrency: 3, cost: { kind: 'fixed', usd: 1 } })
    expect(needsConfirmation(fifty.combine, noLimit)).toBe(false)
  })

  it('asks before a click whose estimate may come to more than the spending limit, however few its requests', () => {
    // Ten at $0.02 each: $0.20, under $0.50; one over the limit is asked about.
    const ten = byKey(plan(state(), frames(10)))['refine-each']
    expect(needsConfirmation(ten, 0.5)).toBe(false)
    expect(needsConfirmation(ten, 0.19)).toBe(true)
    // Billed by use: its highest end counts, not its lowest.
    const pro = byKey(plan(state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-pro' } }), frames(2)))['refine-each']
    expect(pro.cost).toMatchObject({ kind: 'range' })
    expect(needsConfirmation(pro, highestUsd(pro.cost!)! - 0.01)).toBe(true)
    expect(needsConfirmation(pro, highestUsd(pro.cost!)!)).toBe(false)
  })
})

describe('Remove background', () => {
  const frame: SelectedLayer = { id: 'p', name: 'Product', type: 'FRAME', width: 600, height: 400, fillable: true, madeHere: false, holdsLayers: true }
  const removeFrom = (settings: GenerationSettings) =>
    planClick({ state: { ...DEFAULT_STATE, prompt: 'Night scene', settings }, selection: [frame], roles: {}, models: BUILT_IN_MODELS }).offers.find((a) => a.kind === 'remove-background')!

  it('sends the frame as the input on a transparent background, with a prompt of its own and no prompt needed', () => {
    const action = planClick({ state: { ...DEFAULT_STATE, prompt: '' }, selection: [frame], roles: {}, models: BUILT_IN_MODELS }).offers.find((a) => a.kind === 'remove-background')!
    expect(action.problems).toEqual([])
    expect(action.tasks).toHaveLength(1)
    expect(action.tasks[0]).toMatchObject({ prompt: REMOVE_BACKGROUND_PROMPT, settings: { background: 'transparent', fontInputs: [] }, placement: 'new-layer' })
    expect(action.tasks[0].inputs.map((i) => i.layer.id)).toEqual(['p'])
  })

  it('uses 2.5 Fast when the chosen model cannot answer on a transparent background, else the chosen one', () => {
    expect(removeFrom({ ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro' }).tasks[0].settings.model).toBe('sourceful/riverflow-v2.5-fast')
    expect(removeFrom({ ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-pro' }).tasks[0].settings.model).toBe('sourceful/riverflow-v2.5-pro')
  })

  it('falls back to a model on offer: 2.5 Fast when the list has it, else the first that does transparency', () => {
    const v2Pro = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro' }
    const fallbackWith = (ids: string[]) =>
      planClick({ state: { ...DEFAULT_STATE, settings: v2Pro }, selection: [frame], roles: {}, models: BUILT_IN_MODELS.filter((m) => ids.includes(m.id)) })
        .offers.find((a) => a.kind === 'remove-background')!.tasks[0].settings.model
    expect(fallbackWith(['sourceful/riverflow-v2-pro', 'sourceful/riverflow-v2.5-pro', 'sourceful/riverflow-v2.5-fast'])).toBe('sourceful/riverflow-v2.5-fast')
    expect(fallbackWith(['sourceful/riverflow-v2-pro', 'sourceful/riverflow-v2.6-pro', 'sourceful/riverflow-v2.5-pro'])).toBe('sourceful/riverflow-v2.5-pro')
  })

  it('keeps full resolution when the designer chose to: a 2400×1600 cut-out on 2.6 Pro is asked at its own 4800×3200, not Figma’s 4096×2730', () => {
    // 2.6 Pro as its endpoint record describes it: explicit pixels, and a transparent background.
    const models = BUILT_IN_MODELS.map((m) => (m.id === 'sourceful/riverflow-v2.6-pro' ? { ...m, exactSize: EXACT_SIZE_LIMITS, backgrounds: ['original' as const, 'transparent' as const] } : m))
    const shot: SelectedLayer = { ...frame, width: 2400, height: 1600 }
    const settings = { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.6-pro' }
    const cutout = (keepFullResolution: boolean) =>
      planClick({ state: { ...DEFAULT_STATE, settings, keepFullResolution }, selection: [shot], roles: {}, models }).offers.find((a) => a.kind === 'remove-background')!.tasks[0].exactSize
    expect(cutout(true)).toEqual({ width: 4800, height: 3200 })
    expect(cutout(false)).toEqual({ width: 4096, height: 2730 })
  })

  it('is not offered while no model on the list can answer on a transparent background', () => {
    const onlyV2 = BUILT_IN_MODELS.filter((m) => m.id.startsWith('sourceful/riverflow-v2-'))
    const kinds = planClick({ state: DEFAULT_STATE, selection: [frame], roles: {}, models: onlyV2 }).offers.map((a) => a.kind)
    expect(kinds).toEqual(['refine-each', 'upscale-each', 'upscale-each'])
  })
})

describe('hints: why an action the selection seems to ask for is not offered', () => {
  const placed = (id: string, type: string, box: { x: number; y: number; width: number; height: number }, showsImage: boolean): SelectedLayer => ({
    ...layer(id, box.width, box.height),
    name: id,
    type,
    area: areaAt(box, '0:1', showsImage),
  })

  it('a shape drawn over a frame that shows no image itself: says to select the image', () => {
    const post = placed('Post', 'FRAME', { x: 0, y: 0, width: 800, height: 600 }, false)
    const circle = placed('Circle', 'ELLIPSE', { x: 100, y: 100, width: 100, height: 100 }, false)
    const p = plan(state(), [post, circle])
    expect(p.offers.some((a) => a.kind === 'edit-area')).toBe(false)
    expect(p.hints).toEqual(['Edit area needs an image under the shape: “Post” shows no image. Select the image itself with “Circle”.'])
    // Beside it, not over it: two layers, nothing to say.
    expect(plan(state(), [post, placed('Circle', 'ELLIPSE', { x: 900, y: 0, width: 100, height: 100 }, false)]).hints).toEqual([])
    // Over an image: Edit area is offered, no hint.
    const photo = placed('Photo', 'RECTANGLE', { x: 0, y: 0, width: 800, height: 600 }, true)
    expect(plan(state(), [photo, circle]).hints).toEqual([])
  })

  it('a frame its image already covers: says what would give Expand room', () => {
    const banner = { ...layer('b', 1200, 628), name: 'Banner', filledBy: 'Shot', filledByFramable: true as const }
    expect(plan(state(), [banner]).hints).toEqual(['“Shot” already fills “Banner”: to expand it, make the frame larger than the image, or select the image and choose a ratio.'])
    // An image the panel cannot frame alone (in an auto layout, say): only what would work.
    const { filledByFramable: _, ...card } = banner
    expect(plan(state(), [card]).hints).toEqual(['“Shot” already fills “Banner”: to expand it, make the frame larger than the image.'])
    expect(plan(state(), [layer('c')]).hints).toEqual([])
  })

  it('an image alone that Expand cannot frame: says why and what to do, or which frame expands it; nothing for one it frames', () => {
    const shot = { ...layer('s', 800, 800), name: 'Shot', showsImage: true as const }
    const hints = (noExpand: SelectedLayer['noExpand']) => plan(state(), [{ ...shot, noExpand }]).hints
    expect(hints({ reason: 'locked' })).toEqual(['Expand is not offered for a locked image: unlock it to expand it.'])
    expect(hints({ reason: 'rotated' })).toEqual(['Expand is not offered for a rotated image: straighten it (rotation 0°) to expand it.'])
    expect(hints({ reason: 'auto-layout' })).toEqual(['Expand is not offered for an image in an auto layout: move it out of the auto layout frame to expand it.'])
    expect(hints({ reason: 'auto-layout', frame: 'Card' })).toEqual(['Expand is not offered for an image in an auto layout: move it out of the auto layout frame, or select “Card” to expand into it.'])
    expect(plan(state(), [{ ...shot, expandsToRatio: true }]).hints).toEqual([])
  })
})

describe('empty frames beside a picture: places for new images, never sent as pictures', () => {
  // A key visual and the empty frames of its formats (the Every format selection); the frames come first
  // where the order matters, as a designer may select them first.
  const keyVisual = { ...photo('k', 1600, 1600), name: 'Key visual' }
  const formats = [layer('story', 1080, 1920), layer('post', 1080, 1080), layer('banner', 1200, 628)]
  const inputsOf = (offer: { tasks: { inputs: { layer: SelectedLayer }[]; references: { layer: SelectedLayer }[] }[] }) =>
    offer.tasks.map((t) => [...t.inputs.map((i) => i.layer.id), ...t.references.map((r) => `ref ${r.layer.id}`)])

  it('a key visual with the empty frames of its formats: Refine, Upscale and Remove background work on the key visual alone, labelled and priced for it', () => {
    // 500 px, so that 4× (2 Fast's 2K) asks for more than 2× (its 1K) and is offered.
    const small = { ...keyVisual, width: 500, height: 500 }
    const alone = byKey(plan(state(), [small]))
    const actions = byKey(plan(state(), [small, ...formats]))
    for (const key of ['refine-each', 'upscale-each-2', 'upscale-each-4', 'remove-background']) {
      expect(inputsOf(actions[key]), key).toEqual([['k']])
      expect([actions[key].label, actions[key].count, actions[key].cost], key).toEqual([alone[key].label, 1, alone[key].cost])
    }
    expect(actions['refine-each'].label).toBe('Refine')
    expect(actions['upscale-each-2'].label).toBe('Upscale 2×')
  })

  it('a key visual with empty frames: nothing to combine it with, nothing to upscale it with', () => {
    for (const model of ['sourceful/riverflow-v2-fast', 'sourceful/riverflow-v2.6-pro'] as const) {
      const actions = byKey(plan(state({ settings: { ...DEFAULT_STATE.settings, model } }), [keyVisual, ...formats]))
      expect(actions.combine, model).toBeUndefined()
      expect(actions['upscale-with-references'], model).toBeUndefined()
      expect(actions.formats.label, model).toMatch(/^Every format/)
    }
    // One image and one empty frame: the frame is never upscaled with the image as its reference.
    const one = byKey(plan(state(), [layer('frame', 1600, 1600), photo('p')]))
    expect([one.combine, one['upscale-with-references']]).toEqual([undefined, undefined])
    expect(inputsOf(one['refine-each'])).toEqual([['p']])
  })

  it('two images and empty frames: each action and Combine send the two images, whatever the order and the model', () => {
    const selection = [...formats, photo('a', 800, 1000), photo('b', 400, 400)]
    const onFast = byKey(plan(state(), selection))
    expect(onFast['refine-each'].label).toBe('Refine each (2)')
    for (const key of ['refine-each', 'upscale-each-2', 'remove-background']) expect(inputsOf(onFast[key]), key).toEqual([['a'], ['b']])
    expect(inputsOf(onFast.combine)).toEqual([['a', 'ref b']])
    expect(onFast.combine.note).toBe('Combine: “Frame a” as the input, “Frame b” as a reference.')
    expect(inputsOf(onFast['upscale-with-references'])).toEqual([['a', 'ref b']])
    expect(onFast['upscale-with-references'].label).toBe('Upscale with 1 reference')
    const on26 = byKey(plan(state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.6-pro' } }), selection))
    expect(inputsOf(on26.combine)).toEqual([['a', 'b']])
    expect(on26.combine.note).toBeUndefined()
  })

  it('frames that hold the designer’s layers are pictures', () => {
    const headlined = formats.map((frame) => ({ ...frame, holdsLayers: true as const }))
    expect(byKey(plan(state(), [keyVisual, ...headlined]))['refine-each'].label).toBe('Refine each (4)')
    expect(byKey(plan(state(), headlined))['refine-each'].label).toBe('Refine each (3)')
  })

  it('the roles the panel shows for Combine follow: an empty frame beside pictures starts left out', () => {
    const selection = [...formats, photo('a'), photo('b')]
    const roles = assignRoles(selection, modelOf('sourceful/riverflow-v2-fast'))
    expect(selection.map((l) => roles[l.id])).toEqual(['unused', 'unused', 'unused', 'input', 'reference'])
    // Marked by the designer, a frame is sent: it is what they meant.
    const marked = byKey(plan(state(), selection, { ...roles, post: 'reference' })).combine
    expect(inputsOf(marked)).toEqual([['a', 'ref post', 'ref b']])
  })
})

describe('empty frames on their own: Generate fills them, nothing sends their blank pixels', () => {
  const models = ['sourceful/riverflow-v2-fast', 'sourceful/riverflow-v2.6-pro'] as const
  const on = (model: (typeof models)[number]) => state({ settings: { ...DEFAULT_STATE.settings, model } })
  const kinds = (p: ReturnType<typeof plan>) => p.offers.map((offer) => offer.key)

  it('one empty frame: Generate as its fill, at its size, and no Refine, Upscale, Remove background or Every format', () => {
    for (const model of models) {
      const p = plan(on(model), [layer('hero', 1200, 628)])
      expect(kinds(p), model).toEqual([])
      expect(p.generate.tasks.map((t) => [t.placement, t.targetIds])).toEqual([['fill', ['hero']]])
    }
  })

  it('several empty frames: Generate each and Generate, and nothing that refines, upscales, cuts out or combines them', () => {
    for (const model of models) {
      const headline = { ...text, text: { characters: 'Sale', fontFamily: 'Inter', fontStyle: 'Bold' } }
      const p = plan(on(model), [layer('story', 1080, 1920), layer('post', 1080, 1080), layer('banner', 1200, 628), headline])
      expect(kinds(p), model).toEqual(['generate-each'])
      expect(byKey(p)['generate-each'].label).toBe('Generate each (3)')
    }
  })

  it('a frame with only its own fill is empty whatever the fill; a placeholder rectangle or ellipse too; a drawing is sent as drawn', () => {
    // The sandbox says nothing of a solid or gradient fill: a frame or shape showing no image, with no layers, is empty.
    for (const type of ['FRAME', 'COMPONENT', 'RECTANGLE', 'ELLIPSE']) expect(kinds(plan(state(), [{ ...layer('e'), type }])), type).toEqual([])
    expect(kinds(plan(state(), [{ ...layer('e'), type: 'RECTANGLE' }, { ...layer('f'), type: 'ELLIPSE' }]))).toEqual(['generate-each'])
    // A star or a path drawn with the pen is a picture: its outline is what the designer made.
    expect(byKey(plan(state(), [{ ...layer('s'), type: 'STAR' }]))['refine-each'].label).toBe('Refine')
    expect(byKey(plan(state(), [{ ...layer('v'), type: 'VECTOR' }]))['upscale-each-2'].label).toBe('Upscale 2×')
  })

  it('roles kept from an earlier selection make no picture of an empty frame: nothing to combine', () => {
    expect(byKey(plan(state(), [layer('a'), layer('b')], { a: 'input', b: 'reference' })).combine).toBeUndefined()
  })
})
