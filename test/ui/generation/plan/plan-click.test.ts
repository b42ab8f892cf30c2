import { describe, expect, it } from 'vitest'
import type { GenerationSettings, SavedState } from '../../../../common/domain'
import type { SelectedLayer } from '../../../../common/selection'
import { REMOVE_BACKGROUND_PROMPT } from '../../../../ui/generation/plan/cutout-settings'
import { needsConfirmation, planClick } from '../../../../ui/generation/plan/plan-click'
import { MODELS as BUILT_IN_MODELS } from '../../../fixtures/orders'
import type { Roles } from '../../../../ui/selection/roles'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { areaAt } from '../../../fixtures/area'

const layer = (id: string, width = 400, height = 300, fillable = true, madeHere = false): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable, madeHere })
const text: SelectedLayer = { ...layer('t'), type: 'TEXT', fillable: false }
const state = (change: Partial<SavedState> = {}): SavedState => ({ ...DEFAULT_STATE, prompt: 'A paper boat', ...change })
const edit = state({ selectionUse: 'edit' })
const plan = (s: SavedState, selection: SelectedLayer[] = [], roles: Roles = {}) => planClick({ state: s, selection, roles, models: BUILT_IN_MODELS })
const targets = (p: ReturnType<typeof plan>) => p.generate.tasks.map((t) => t.targetIds)

describe('planClick', () => {
  it('with nothing selected, generates one image on a new layer, whatever was chosen before', () => {
    const p = plan(state({ placement: 'fill', selectionUse: 'edit' }))
    expect(p).toMatchObject({ use: 'create', placement: 'new-layer', batch: false, batchActions: [], problems: [] })
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

  it('refines one input frame: one request, beside it, and Refine, Upscale 2× and 4× offered', () => {
    const p = plan(edit, [layer('a', 1600, 900), layer('r')], { a: 'input', r: 'reference' })
    expect(p).toMatchObject({ use: 'edit', inputCount: 1, batch: false, problems: [] })
    expect(p.generate.tasks).toHaveLength(1)
    expect(p.generate.tasks[0]).toMatchObject({ targetIds: ['a'], placement: 'new-layer', settings: { aspectRatio: '16:9' } })
    expect(p.generate.tasks[0].references.map((r) => r.layer.id)).toEqual(['r'])
    const upscales = p.batchActions.filter((a) => a.kind === 'upscale-each')
    expect(upscales.map((u) => [u.factor, u.label, u.tasks.length, u.concurrency])).toEqual([[2, 'Upscale 2×', 1, 1], [4, '4×', 1, 1]])
  })

  it('sends several inputs each on its own, at the chosen requests at a time, or together in one request', () => {
    const selection = [layer('a'), layer('b'), layer('c')]
    const roles: Roles = { a: 'input', b: 'input', c: 'input' }
    const alone = plan(state({ selectionUse: 'edit', eachOnItsOwn: true, concurrency: 5 }), selection, roles)
    expect(alone).toMatchObject({ batch: true, inputCount: 3, generate: { concurrency: 5 } })
    expect(targets(alone)).toEqual([['a'], ['b'], ['c']])
    const together = plan(state({ selectionUse: 'edit', eachOnItsOwn: false, concurrency: 5 }), selection, roles)
    expect(together).toMatchObject({ batch: false, generate: { concurrency: 1 } })
    expect(together.generate.tasks.map((t) => t.inputs.map((i) => i.layer.id))).toEqual([['a', 'b', 'c']])
  })

  it('upscales every input frame, each on its own request, priced by the size that covers it', () => {
    const p = plan(state({ selectionUse: 'edit', eachOnItsOwn: true, concurrency: 4 }), [layer('a', 1000, 1000), layer('b', 500, 500)], { a: 'input', b: 'input' })
    const [twice, fourTimes] = p.batchActions.filter((a) => a.kind === 'upscale-each')
    expect(twice.tasks.map((t) => [t.name, t.settings.imageSize])).toEqual([['Frame a @2x', '2K'], ['Frame b @2x', '1K']])
    expect(twice).toMatchObject({ factor: 2, cost: { kind: 'fixed', usd: 0.06 }, concurrency: 4 })
    expect(fourTimes.tasks.map((t) => t.settings.imageSize)).toEqual(['2K', '2K'])
    expect(fourTimes.cost).toEqual({ kind: 'fixed', usd: 0.08 })
  })

  it('says what stops a click: no input frame, or more references than the model takes', () => {
    const noInput = plan(edit, [layer('a')], { a: 'unused' })
    expect(noInput.problems).toEqual(['Mark one of the selected layers as the input to refine or upscale it.'])
    // The panel lists that role, so the named action says the same.
    expect(noInput.batchActions.find((a) => a.kind === 'refine-each')?.problems).toEqual(noInput.problems)
    const references = ['r1', 'r2', 'r3', 'r4', 'r5']
    const crowded = plan(edit, [layer('a'), ...references.map((id) => layer(id))], { a: 'input', ...Object.fromEntries(references.map((id) => [id, 'reference'])) })
    expect(crowded.problems).toEqual(['At most 4 references can be sent; 5 are marked as reference.'])
    // Creating ignores roles altogether.
    expect(plan(state(), [layer('a')], { a: 'unused' }).problems).toEqual([])
  })

  it('estimates the price of what Generate sends: every request, its size, references and fonts', () => {
    expect(plan(state()).generate.cost).toEqual({ kind: 'fixed', usd: 0.02 })
    expect(plan(state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', imageSize: '4K' } })).generate.cost).toEqual({ kind: 'fixed', usd: 0.33 })
    const withFont = { ...DEFAULT_STATE.settings, fontInputs: [{ fontUrl: 'https://example.com/f.woff2', text: 'Sale' }] }
    expect(plan(state({ settings: withFont })).generate.cost).toEqual({ kind: 'fixed', usd: 0.05 })
    const selection = [layer('a'), layer('b'), layer('r')]
    const roles: Roles = { a: 'input', b: 'input', r: 'reference' }
    // Each on its own: two requests, each with the reference.
    expect(plan(edit, selection, roles).generate.cost).toEqual({ kind: 'fixed', usd: 0.44 })
    expect(plan({ ...edit, eachOnItsOwn: false }, selection, roles).generate.cost).toEqual({ kind: 'fixed', usd: 0.22 })
    // Fast offers no 4K.
    expect(plan(state({ settings: { ...DEFAULT_STATE.settings, imageSize: '4K' } })).generate.cost).toBeNull()
  })

  it('puts another take beside an image this plugin made, and replaces it only when asked', () => {
    const own = [layer('a', 400, 300, true, true)]
    const beside = plan(state({ placement: 'fill' }), own)
    expect(beside).toMatchObject({ placement: 'new-layer', ownImageCount: 1 })
    expect(targets(beside)).toEqual([['a']])
    const replaced = planClick({ state: state({ placement: 'new-layer' }), selection: own, roles: {}, replace: true, models: BUILT_IN_MODELS })
    expect(replaced).toMatchObject({ placement: 'fill' })
    expect(targets(replaced)).toEqual([['a']])
    // The designer's own layer fills as before.
    expect(plan(state({ placement: 'fill' }), [layer('b')])).toMatchObject({ placement: 'fill', ownImageCount: 0 })
  })

  it('makes each take a request of its own, in one row on new layers, priced together', () => {
    const p = plan(state({ takes: 3, placement: 'fill', concurrency: 2 }), [layer('a')])
    expect(p).toMatchObject({ placement: 'new-layer', generate: { cost: { kind: 'fixed', usd: 0.06 }, concurrency: 2 } })
    expect(p.generate.tasks.map((t) => [t.placement, t.targetIds, t.reveal])).toEqual([['new-layer', ['a'], true], ['new-layer', ['a'], false], ['new-layer', ['a'], false]])
    expect(new Set(p.generate.tasks.map((t) => t.id)).size).toBe(3)
    expect(new Set(p.generate.tasks.map((t) => t.row)).size).toBe(1)
    expect(p.generate.tasks.map((t) => t.label)).toEqual(['A paper boat · take 1', 'A paper boat · take 2', 'A paper boat · take 3'])
  })
})

describe('the named batch actions', () => {
  const frames = (n: number) => Array.from({ length: n }, (_, i) => layer(`f${i}`))
  const byKind = (p: ReturnType<typeof plan>) => Object.fromEntries(p.batchActions.map((a) => [a.key, a]))

  it('offers Refine each, Upscale each and Combine as soon as frames are selected, whatever the mode', () => {
    const headline = { ...text, text: { characters: 'Sale', fontFamily: 'Inter', fontStyle: 'Bold' } }
    const p = plan(state({ selectionUse: 'create' }), [...frames(5), headline])
    expect(p.batchActions.map((a) => a.label)).toEqual(['Refine each (5)', 'Upscale each (5)', '4×', 'Upscale “Frame f0” with 4 references', 'Remove background', 'Combine into one'])
    const actions = byKind(p)
    // Each: every image-like layer is an input, one request each; the text layer stays out.
    expect(actions['refine-each'].tasks.map((t) => t.targetIds)).toEqual(frames(5).map((f) => [f.id]))
    expect(actions['refine-each']).toMatchObject({ choices: { selectionUse: 'edit', eachOnItsOwn: true }, problems: [], concurrency: 3, cost: { kind: 'fixed', usd: 0.1 } })
    // Combine: the first an input, the next ones references within the model's limit (4), one request.
    expect(actions.combine.tasks).toHaveLength(1)
    expect(actions.combine.tasks[0].inputs.map((i) => i.layer.id)).toEqual(['f0'])
    expect(actions.combine.tasks[0].references.map((r) => r.layer.id)).toEqual(['f1', 'f2', 'f3', 'f4'])
    expect(actions.combine.choices).toEqual({ selectionUse: 'edit', eachOnItsOwn: false })
    expect(p.currentAction).toBeNull()
  })

  it('Upscale with references: the largest layer upscaled 2× with the others as its references, in one request', () => {
    const poster = { ...layer('p', 800, 1200), name: 'Poster' }
    const actions = byKind(plan(state({ selectionUse: 'create' }), [layer('a'), poster, layer('b')]))
    const action = actions['upscale-with-references']
    expect(action.label).toBe('Upscale “Poster” with 2 references')
    expect(action.tasks).toHaveLength(1)
    expect(action.tasks[0].inputs.map((i) => i.layer.id)).toEqual(['p'])
    expect(action.tasks[0].references.map((r) => r.layer.id)).toEqual(['a', 'b'])
    expect(action.tasks[0]).toMatchObject({ name: 'Poster @2x', placement: 'new-layer', targetIds: ['p'] })
    expect(action.problems).toEqual([])
    // More than the model takes: as many as it takes, and the label says how many stay out.
    expect(byKind(plan(state(), [poster, ...frames(5)]))['upscale-with-references'].label).toBe('Upscale “Poster” with 4 references (1 left out)')
  })

  it('Upscale with references on a model that takes none: one click switches to the cheapest that does, and says so', () => {
    const on25 = state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-fast' } })
    const action = byKind(plan(on25, frames(3)))['upscale-with-references']
    expect(action.label).toBe('Upscale “Frame f0” with references: switch to Riverflow 2 Fast')
    expect(action.tasks).toEqual([])
    expect(action.choices.settings?.model).toBe('sourceful/riverflow-v2-fast')
    expect(action.problems).toEqual(['Riverflow 2.5 Fast takes no references; Riverflow 2 Fast and Riverflow 2 Pro do. Switched to Riverflow 2 Fast: press again to upscale.'])
  })

  it('Combine on a model without references sends every frame as an input, and says when there are more than it takes', () => {
    const fast25 = (count: number) => byKind(plan(state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2.5-fast' } }), frames(count)))
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
    const combine = byKind(plan(state(), frames(3))).combine
    expect(combine.note).toBe('Combine: “Frame f0” as the input, “Frame f1” and “Frame f2” as references.')
    expect(byKind(plan(state(), frames(6))).combine.note).toBe(
      'Combine: “Frame f0” as the input, “Frame f1”, “Frame f2”, “Frame f3” and “Frame f4” as references. “Frame f5” is left out: Riverflow 2 Fast takes 4 references.',
    )
  })

  it('sends the designer’s fine-tuned roles for the action the panel shows, the defaults for the others', () => {
    const selection = frames(3)
    const roles: Roles = { f0: 'input', f1: 'unused', f2: 'input' }
    const p = plan(state({ selectionUse: 'edit', eachOnItsOwn: true }), selection, roles)
    expect(p.currentAction).toBe('refine-each')
    expect(byKind(p)['refine-each'].tasks.map((t) => t.targetIds)).toEqual([['f0'], ['f2']])
    expect(byKind(p)['refine-each'].label).toBe('Refine each (2)')
    expect(byKind(p).combine.tasks[0].references.map((r) => r.layer.id)).toEqual(['f1', 'f2'])
    expect(plan(state({ selectionUse: 'edit', eachOnItsOwn: false }), selection, roles).currentAction).toBe('combine')
  })

  it('sends no batch without a prompt, except an upscale', () => {
    const actions = byKind(plan(state({ prompt: ' ' }), frames(3)))
    expect(actions['refine-each'].problems).toEqual(['Write a prompt first: say how to change the frames. Upscale needs none.'])
    expect(actions.combine.problems).toEqual(actions['refine-each'].problems)
    expect(actions['upscale-each-2'].problems).toEqual([])
  })

  it('asks before sending more than 10 requests, not at 10', () => {
    expect(needsConfirmation(byKind(plan(state(), frames(10)))['refine-each'])).toBe(false)
    const fifty = byKind(plan(state(), frames(50)))
    expect(needsConfirmation(fifty['refine-each'])).toBe(true)
    expect(fifty['refine-each']).toMatchObject({ label: 'Refine each (50)', concurrency: 3, cost: { kind: 'fixed', usd: 1 } })
    expect(needsConfirmation(fifty.combine)).toBe(false)
  })
})

describe('Remove background', () => {
  const frame: SelectedLayer = { id: 'p', name: 'Product', type: 'FRAME', width: 600, height: 400, fillable: true, madeHere: false }
  const removeFrom = (settings: GenerationSettings) =>
    planClick({ state: { ...DEFAULT_STATE, prompt: 'Night scene', settings }, selection: [frame], roles: {}, models: BUILT_IN_MODELS }).batchActions.find((a) => a.kind === 'remove-background')!

  it('sends the frame as the input on a transparent background, with a prompt of its own and no prompt needed', () => {
    const action = planClick({ state: { ...DEFAULT_STATE, prompt: '' }, selection: [frame], roles: {}, models: BUILT_IN_MODELS }).batchActions.find((a) => a.kind === 'remove-background')!
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
        .batchActions.find((a) => a.kind === 'remove-background')!.tasks[0].settings.model
    expect(fallbackWith(['sourceful/riverflow-v2-pro', 'sourceful/riverflow-v2.5-pro', 'sourceful/riverflow-v2.5-fast'])).toBe('sourceful/riverflow-v2.5-fast')
    expect(fallbackWith(['sourceful/riverflow-v2-pro', 'sourceful/riverflow-v2.6-pro', 'sourceful/riverflow-v2.5-pro'])).toBe('sourceful/riverflow-v2.5-pro')
  })

  it('is not offered while no model on the list can answer on a transparent background', () => {
    const onlyV2 = BUILT_IN_MODELS.filter((m) => m.id.startsWith('sourceful/riverflow-v2-'))
    const kinds = planClick({ state: DEFAULT_STATE, selection: [frame], roles: {}, models: onlyV2 }).batchActions.map((a) => a.kind)
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
    expect(p.batchActions.some((a) => a.kind === 'edit-area')).toBe(false)
    expect(p.hints).toEqual(['Edit area needs an image under the shape: “Post” shows no image. Select the image itself with “Circle”.'])
    // Beside it, not over it: two layers, nothing to say.
    expect(plan(state(), [post, placed('Circle', 'ELLIPSE', { x: 900, y: 0, width: 100, height: 100 }, false)]).hints).toEqual([])
    // Over an image: Edit area is offered, no hint.
    const photo = placed('Photo', 'RECTANGLE', { x: 0, y: 0, width: 800, height: 600 }, true)
    expect(plan(state(), [photo, circle]).hints).toEqual([])
  })

  it('a frame its image already covers: says what would give Expand room', () => {
    const banner = { ...layer('b', 1200, 628), name: 'Banner', filledBy: 'Shot' }
    expect(plan(state(), [banner]).hints).toEqual(['“Shot” already fills “Banner”: to expand it, make the frame larger than the image, or select the image and choose a ratio.'])
    expect(plan(state(), [layer('c')]).hints).toEqual([])
  })
})
