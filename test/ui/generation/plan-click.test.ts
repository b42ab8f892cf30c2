import { describe, expect, it } from 'vitest'
import type { SavedState, SelectedLayer } from '../../../common/domain'
import { planClick } from '../../../ui/generation/plan-click'
import type { Roles } from '../../../ui/selection/roles'
import { DEFAULT_STATE } from '../../../ui/defaults'

const layer = (id: string, width = 400, height = 300, fillable = true, madeHere = false): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable, madeHere })
const text: SelectedLayer = { ...layer('t'), type: 'TEXT', fillable: false }
const state = (change: Partial<SavedState> = {}): SavedState => ({ ...DEFAULT_STATE, prompt: 'A paper boat', ...change })
const edit = state({ selectionUse: 'edit' })
const plan = (s: SavedState, selection: SelectedLayer[] = [], roles: Roles = {}) => planClick({ state: s, selection, roles })
const targets = (p: ReturnType<typeof plan>) => p.generate.tasks.map((t) => t.targetIds)

describe('planClick', () => {
  it('with nothing selected, generates one image on a new layer, whatever was chosen before', () => {
    const p = plan(state({ placement: 'fill', selectionUse: 'edit' }))
    expect(p).toMatchObject({ use: 'create', placement: 'new-layer', batch: false, upscales: [], problems: [] })
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

  it('refines one input frame: one request, beside it, and Upscale 2× and 4× offered', () => {
    const p = plan(edit, [layer('a', 1600, 900), layer('r')], { a: 'input', r: 'reference' })
    expect(p).toMatchObject({ use: 'edit', inputCount: 1, batch: false, problems: [] })
    expect(p.generate.tasks).toHaveLength(1)
    expect(p.generate.tasks[0]).toMatchObject({ targetIds: ['a'], placement: 'new-layer', settings: { aspectRatio: '16:9' } })
    expect(p.generate.tasks[0].references.map((r) => r.layer.id)).toEqual(['r'])
    expect(p.upscales.map((u) => [u.factor, u.tasks.length, u.concurrency])).toEqual([[2, 1, 1], [4, 1, 1]])
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
    const p = plan(state({ selectionUse: 'edit', eachOnItsOwn: false, concurrency: 4 }), [layer('a', 1000, 1000), layer('b', 500, 500)], { a: 'input', b: 'input' })
    const [twice, fourTimes] = p.upscales
    expect(twice.tasks.map((t) => [t.name, t.settings.imageSize])).toEqual([['Frame a @2x', '2K'], ['Frame b @2x', '1K']])
    expect(twice).toMatchObject({ factor: 2, cost: 0.06, concurrency: 4 })
    expect(fourTimes.tasks.map((t) => t.settings.imageSize)).toEqual(['2K', '2K'])
    expect(fourTimes.cost).toBe(0.08)
  })

  it('says what stops a click: no input frame, or more references than the model takes', () => {
    const noInput = plan(edit, [layer('a')], { a: 'unused' })
    expect(noInput.problems).toEqual(['Mark one of the selected layers as the input to refine or upscale it.'])
    expect(noInput.upscales).toEqual([])
    const references = ['r1', 'r2', 'r3', 'r4', 'r5']
    const crowded = plan(edit, [layer('a'), ...references.map((id) => layer(id))], { a: 'input', ...Object.fromEntries(references.map((id) => [id, 'reference'])) })
    expect(crowded.problems).toEqual(['At most 4 references can be sent; 5 are marked as reference.'])
    // Creating ignores roles altogether.
    expect(plan(state(), [layer('a')], { a: 'unused' }).problems).toEqual([])
  })

  it('estimates the price of what Generate sends: every request, its size, references and fonts', () => {
    expect(plan(state()).generate.cost).toBe(0.02)
    expect(plan(state({ settings: { ...DEFAULT_STATE.settings, model: 'sourceful/riverflow-v2-pro', imageSize: '4K' } })).generate.cost).toBe(0.33)
    const withFont = { ...DEFAULT_STATE.settings, fontInputs: [{ fontUrl: 'https://example.com/f.woff2', text: 'Sale' }] }
    expect(plan(state({ settings: withFont })).generate.cost).toBe(0.05)
    const selection = [layer('a'), layer('b'), layer('r')]
    const roles: Roles = { a: 'input', b: 'input', r: 'reference' }
    // Each on its own: two requests, each with the reference.
    expect(plan(edit, selection, roles).generate.cost).toBe(0.44)
    expect(plan({ ...edit, eachOnItsOwn: false }, selection, roles).generate.cost).toBe(0.22)
    // Fast offers no 4K.
    expect(plan(state({ settings: { ...DEFAULT_STATE.settings, imageSize: '4K' } })).generate.cost).toBeNull()
  })

  it('puts another take beside an image this plugin made, and replaces it only when asked', () => {
    const own = [layer('a', 400, 300, true, true)]
    const beside = plan(state({ placement: 'fill' }), own)
    expect(beside).toMatchObject({ placement: 'new-layer', ownImageCount: 1 })
    expect(targets(beside)).toEqual([['a']])
    const replaced = planClick({ state: state({ placement: 'new-layer' }), selection: own, roles: {}, replace: true })
    expect(replaced).toMatchObject({ placement: 'fill' })
    expect(targets(replaced)).toEqual([['a']])
    // The designer's own layer fills as before.
    expect(plan(state({ placement: 'fill' }), [layer('b')])).toMatchObject({ placement: 'fill', ownImageCount: 0 })
  })

  it('makes each take a request of its own, in one row on new layers, priced together', () => {
    const p = plan(state({ takes: 3, placement: 'fill', concurrency: 2 }), [layer('a')])
    expect(p).toMatchObject({ placement: 'new-layer', generate: { cost: 0.06, concurrency: 2 } })
    expect(p.generate.tasks.map((t) => [t.placement, t.targetIds, t.reveal])).toEqual([['new-layer', ['a'], true], ['new-layer', ['a'], false], ['new-layer', ['a'], false]])
    expect(new Set(p.generate.tasks.map((t) => t.id)).size).toBe(3)
    expect(new Set(p.generate.tasks.map((t) => t.row)).size).toBe(1)
    expect(p.generate.tasks.map((t) => t.label)).toEqual(['A paper boat · take 1', 'A paper boat · take 2', 'A paper boat · take 3'])
  })
})
