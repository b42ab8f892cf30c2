import { describe, expect, it } from 'vitest'
import type { BrandKit } from '../../../common/brand-kit'
import type { SelectedLayer } from '../../../common/selection'
import type { ReadyKit } from '../../../ui/brand-kit/ready-kit'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { REMOVE_BACKGROUND_PROMPT } from '../../../ui/generation/plan/cutout-settings'
import { planClick } from '../../../ui/generation/plan/plan-click'
import { BUILT_IN_MODELS, type ModelCapabilities } from '../../../ui/models'
import { BUSY, NO_TRANSPARENCY, planQuickAction } from '../../../ui/quick-action/plan-quick-action'
import { areaAt } from '../../fixtures/area'

const emptyFrame = (id: string, width = 400, height = 300): SelectedLayer => ({ id, name: `Frame ${id}`, type: 'FRAME', width, height, fillable: true, madeHere: false })
/** A frame holding the designer's layers: a picture to upscale or cut out, where an empty frame has none. */
const frame = (id: string, width = 400, height = 300): SelectedLayer => ({ ...emptyFrame(id, width, height), holdsLayers: true })
const generate = (prompt: string, change: object = {}) => ({ command: 'generate-image' as const, prompt, model: null, aspectRatio: null, ...change })
const saved = { ...DEFAULT_STATE, prompt: 'The panel’s own prompt' }
const on = (selection: SelectedLayer[], busy = false, models: readonly ModelCapabilities[] = BUILT_IN_MODELS) => ({ saved, selection, busy, models })
const removeBackground = { command: 'remove-background' as const }

describe('planQuickAction', () => {
  it('sends nothing with an empty prompt, or while a job runs', () => {
    expect(planQuickAction(generate('  '), on([]))).toEqual({ ok: false, problem: 'Write a prompt to generate an image: nothing was sent.' })
    expect(planQuickAction(generate('A fox'), on([], true))).toEqual({ ok: false, problem: BUSY })
    expect(planQuickAction({ command: 'upscale-selection' }, on([frame('a')], true))).toEqual({ ok: false, problem: BUSY })
    expect(planQuickAction(removeBackground, on([frame('a')], true))).toEqual({ ok: false, problem: BUSY })
  })

  it('generates as the panel would: the saved placement, the ratio nearest the filled layer, no font inputs', () => {
    const withFont = { ...saved, settings: { ...saved.settings, fontInputs: [{ fontUrl: 'https://example.com/f.woff2', text: 'Sale' }] } }
    const plan = planQuickAction(generate('A fox'), { ...on([frame('a', 800, 1000)]), saved: withFont })
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks[0]).toMatchObject({ prompt: 'A fox', placement: 'fill', targetIds: ['a'], settings: { aspectRatio: '4:5', fontInputs: [] } })
  })

  it.each(['edit-area', 'erase-area'] as const)('%s sends none of the panel’s font inputs: billed, and a toast shows no price first', (command) => {
    const image: SelectedLayer = { id: 'img', name: 'Table shot', type: 'RECTANGLE', width: 800, height: 600, fillable: true, madeHere: false, showsImage: true, area: areaAt({ x: 0, y: 0, width: 800, height: 600 }, 'post', true) }
    const shape: SelectedLayer = { id: 'circle', name: 'Area', type: 'ELLIPSE', width: 200, height: 200, fillable: true, madeHere: false, area: areaAt({ x: 300, y: 200, width: 200, height: 200 }, 'post', false) }
    const withFonts = { ...saved, settings: { ...saved.settings, fontInputs: [{ fontUrl: 'https://fonts.gstatic.com/s/inter/v13/inter.woff2', text: 'SALE' }] } }
    const quick = command === 'edit-area' ? { command, prompt: 'A sign saying SALE' } : { command }
    const plan = planQuickAction(quick, { ...on([image, shape]), saved: withFonts })
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks[0].settings.fontInputs).toEqual([])
    expect(plan.action.cost).toEqual({ kind: 'fixed', usd: 0.02 })
  })

  it('sends nothing when the prompt typed holds an OpenRouter key, and says why, as the panel would', () => {
    expect(planQuickAction(generate('A fox sk-or-v1-0123456789abcdef'), on([]))).toEqual({ ok: false, problem: expect.stringMatching(/^The prompt holds an OpenRouter key: take it out\. .* Nothing was sent\.$/) })
  })

  it('takes the model and ratio entered, keeping a size the model offers', () => {
    const plan = planQuickAction(generate('A fox', { model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9' }), on([]))
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks[0].settings).toMatchObject({ model: 'sourceful/riverflow-v2-pro', aspectRatio: '16:9', imageSize: '1K' })
  })

  it('a ratio entered for an image that fills a frame: made to fit the frame, and the toast’s note says the ratio chosen was not used', () => {
    const plan = planQuickAction(generate('A fox', { aspectRatio: '16:9' }), on([frame('a', 800, 1000)]))
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks[0]).toMatchObject({ placement: 'fill', settings: { aspectRatio: '4:5' } })
    expect(plan.note).toBe('Made to fit “Frame a”, so at 4:5, not the 16:9 you chose.')
    // Used as entered, nothing to say: on a new layer, or the frame's own ratio.
    for (const used of [planQuickAction(generate('A fox', { aspectRatio: '16:9' }), on([])), planQuickAction(generate('A fox', { aspectRatio: '4:5' }), on([frame('a', 800, 1000)]))]) {
      expect(used).toMatchObject({ ok: true })
      expect(used).not.toHaveProperty('note')
    }
  })

  it('upscales every selected frame 2×, without the panel’s prompt, and asks for the panel past 10 requests', () => {
    const plan = planQuickAction({ command: 'upscale-selection' }, on([frame('a'), frame('b')]))
    if (!plan.ok) throw new Error(plan.problem)
    expect(plan.action.tasks.map((t) => t.name)).toEqual(['Frame a @2x', 'Frame b @2x'])
    expect(plan.action.tasks[0].prompt).not.toBe(saved.prompt)
    const many = Array.from({ length: 11 }, (_, i) => frame(`f${i}`))
    expect(planQuickAction({ command: 'upscale-selection' }, on(many))).toMatchObject({ ok: false, problem: expect.stringMatching(/sends 11 requests: open Riverflow/) })
  })
})

describe('planQuickAction: Remove background', () => {
  it('sends what the panel’s Remove background button sends, and names the model it goes to', () => {
    const selection = [frame('a'), frame('b')]
    const plan = planQuickAction(removeBackground, on(selection))
    if (!plan.ok) throw new Error(plan.problem)
    const button = planClick({ state: saved, selection, roles: {}, models: BUILT_IN_MODELS }).offers.find((a) => a.kind === 'remove-background')!
    // Each plan names its tasks afresh; everything else must be the button's.
    const withoutIds = (tasks: typeof button.tasks) => tasks.map((task) => ({ ...task, id: '' }))
    expect(withoutIds(plan.action.tasks)).toEqual(withoutIds(button.tasks))
    expect(plan.action.tasks[0]).toMatchObject({ prompt: REMOVE_BACKGROUND_PROMPT, settings: { background: 'transparent' } })
    // The saved model (2 Fast) has no transparent background: the toast must name 2.5 Fast, where it goes.
    expect(saved.settings.model).toBe('sourceful/riverflow-v2-fast')
    expect(plan.settings.model).toBe('sourceful/riverflow-v2.5-fast')
  })

  it('with nothing image-like selected, says to select something and sends nothing', () => {
    const problem = 'Select an image, or a frame with something in it, to remove the background from, then run it again: nothing was sent.'
    expect(planQuickAction(removeBackground, on([]))).toEqual({ ok: false, problem })
    const text: SelectedLayer = { ...emptyFrame('t'), type: 'TEXT', fillable: false, text: { characters: 'Sale', fontFamily: 'Inter', fontStyle: 'Bold' } }
    expect(planQuickAction(removeBackground, on([text]))).toEqual({ ok: false, problem })
    // Empty frames are no picture: nothing of theirs is cut out or upscaled, as in the panel.
    expect(planQuickAction(removeBackground, on([emptyFrame('a'), emptyFrame('b')]))).toEqual({ ok: false, problem })
    expect(planQuickAction({ command: 'upscale-selection' }, on([emptyFrame('a')]))).toEqual({ ok: false, problem: 'Select an image, or a frame with something in it, to upscale, then run it again: nothing was sent.' })
  })

  it('when no model on the list answers on a transparent background, says so and sends nothing', () => {
    const onlyV2 = BUILT_IN_MODELS.filter((m) => m.id.startsWith('sourceful/riverflow-v2-'))
    expect(onlyV2.length).toBeGreaterThan(0)
    expect(planQuickAction(removeBackground, on([frame('a')], false, onlyV2))).toEqual({ ok: false, problem: NO_TRANSPARENCY })
    // Upscaling needs no transparency.
    expect(planQuickAction({ command: 'upscale-selection' }, on([frame('a')], false, onlyV2)).ok).toBe(true)
  })
})

describe('planQuickAction with the file’s brand kit', () => {
  // The kit a collaborator switched on: 4 references and a font layer (found on Google Fonts).
  const ref = (i: number) => ({ layerId: `9:${i}`, role: 'style', label: `Mood ${i}`, width: 800, height: 600 })
  const brandKit: BrandKit = { id: '0:9', name: 'Acme', references: [1, 2, 3, 4].map(ref), fonts: [], palette: ['#FF0000'], note: '', checks: [], problems: [] }
  const kit: ReadyKit = { kit: brandKit, fontUrls: ['https://fonts.gstatic.com/l/font?kit=inter700'], problems: [] }

  it('“Upscale selection 2×” on Riverflow 2 Fast sends none of the kit’s references as refSR: $0.02, not $0.82, and says what it left out', () => {
    const plan = planQuickAction({ command: 'upscale-selection' }, { ...on([frame('a')]), kit })
    if (!plan.ok) throw new Error(plan.problem)
    const [task] = plan.action.tasks
    expect(task.references).toEqual([])
    expect(plan.action.cost).toEqual({ kind: 'fixed', usd: 0.02 })
    expect(task.brandKit?.leftOut).toEqual(['the kit’s 4 references, +$0.80 as refSR references: send them from the panel, where the price shows first'])
  })

  it('“Generate image” takes the kit’s images and colours, which cost nothing extra, but not its font for the quoted text', () => {
    const plan = planQuickAction(generate('A poster with the headline “Fresh every day”'), { ...on([]), kit })
    if (!plan.ok) throw new Error(plan.problem)
    const [task] = plan.action.tasks
    expect(task.inputs).toHaveLength(4)
    expect(task.settings.fontInputs).toEqual([])
    expect(plan.action.cost).toEqual({ kind: 'fixed', usd: 0.02 })
    expect(task.brandKit?.leftOut).toEqual(['the kit’s font for the quoted text, +$0.03: send it from the panel, where the price shows first'])
  })
})
