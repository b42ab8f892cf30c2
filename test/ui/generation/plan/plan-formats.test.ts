import { describe, expect, it } from 'vitest'
import type { BrandKit } from '../../../../common/brand-kit'
import type { SavedState } from '../../../../common/domain'
import { FORMATS } from '../../../../common/formats'
import { EXACT_SIZE_LIMITS } from '../../../../common/road-capabilities'
import type { SelectedLayer } from '../../../../common/selection'
import type { ReadyKit } from '../../../../ui/brand-kit/ready-kit'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import type { Offer } from '../../../../ui/generation/plan/offer'
import { planClick } from '../../../../ui/generation/plan/plan-click'
import { keyVisualWithFrames } from '../../../../ui/generation/plan/plan-formats'
import { estimatePlanCost } from '../../../../ui/generation/plan/plan-tasks'
import { landsLine, propose } from '../../../../ui/generation/plan/propose'
import type { ModelCapabilities } from '../../../../ui/models'
import { MODELS } from '../../../fixtures/orders'

const keyVisual: SelectedLayer = { id: '1:1', name: 'Key visual', type: 'RECTANGLE', width: 1600, height: 1600, fillable: true, madeHere: false, showsImage: true }
const frame = (id: string, width: number, height: number, name = `Frame ${width}×${height}`): SelectedLayer => ({ id, name, type: 'FRAME', width, height, fillable: true, madeHere: false })
const campaign = [keyVisual, frame('2:1', 1080, 1920, 'Story'), frame('2:2', 1200, 628, 'Link preview'), frame('2:3', 728, 90, 'Leaderboard'), frame('2:4', 300, 250, 'Medium rectangle')]

/** 2.6 Pro as its record describes it: explicit pixels within its limits. */
const pro26: ModelCapabilities = { ...MODELS.find((m) => m.id === 'sourceful/riverflow-v2.6-pro')!, exactSize: EXACT_SIZE_LIMITS }
const models = [...MODELS.filter((m) => m.id !== pro26.id), pro26]
const state = (model: string, change: Partial<SavedState> = {}): SavedState => ({ ...DEFAULT_STATE, prompt: '', settings: { ...DEFAULT_STATE.settings, model }, ...change })
const plan = (s: SavedState, selection: SelectedLayer[], kit: ReadyKit | null = null) => planClick({ state: s, selection, roles: {}, models, kit })
const formatsOf = (p: ReturnType<typeof plan>): Offer => p.offers.find((offer) => offer.kind === 'formats')!

describe('Every format with the key visual and the frames of its formats selected', () => {
  it('on 2.6 Pro: the main action, one request per frame at the frame’s exact pixels at 2×, landing behind the frame’s own layers', () => {
    const p = plan(state(pro26.id), campaign)
    const offer = formatsOf(p)
    expect(propose(p, campaign).primary).toBe(offer)
    expect(offer).toMatchObject({ label: 'Every format (4)', count: 4, problems: [] })
    expect(offer.note).toBeUndefined()
    expect(offer.tasks.map((task) => [task.targetIds, task.exactSize, task.placement])).toEqual([
      [['2:1'], { width: 2160, height: 3840 }, 'behind'],
      [['2:2'], { width: 2400, height: 1256 }, 'behind'],
      [['2:3'], { width: 1456, height: 180 }, 'behind'],
      [['2:4'], { width: 600, height: 500 }, 'behind'],
    ])
    // One set, from the key visual, with nothing of the panel's background or fonts.
    expect(new Set(offer.tasks.map((task) => task.formatSet?.id)).size).toBe(1)
    expect(offer.tasks.every((task) => task.formatSet?.keyVisualId === '1:1' && task.settings.background === 'original' && task.settings.fontInputs.length === 0)).toBe(true)
    expect(landsLine(offer, campaign)).toBe('In each frame, made for its shape, behind the frame’s own layers; “Key visual” and your text stay as they are.')
  })

  it('sends the key visual whole, at its own proportions, in the middle of a canvas of the frame’s shape, the rest to continue', () => {
    const [story, , leaderboard] = formatsOf(plan(state(pro26.id), campaign)).tasks
    // 1080×1920 at 2048 px high: the square key visual across its width, room above and below.
    // The empty part in the colour the instruction names: 2.6 Pro is not known to answer with transparency.
    expect(story.inputs).toEqual([{ layer: keyVisual, constraint: { type: 'WIDTH', value: 1152 }, canvas: { width: 1152, height: 2048, x: 0, y: 448, imageWidth: 1152, imageHeight: 1152, background: '#00FF00' } }])
    // 728×90: the key visual as tall as the banner, in its middle, continued on both sides.
    expect(leaderboard.inputs[0].canvas).toEqual({ width: 2048, height: 253, x: 897, y: 0, imageWidth: 253, imageHeight: 253, background: '#00FF00' })
    expect(story.prompt).toMatch(/^Make this picture into a 1080×1920 format: continue it seamlessly into the flat #00FF00 green area around it, and recompose the scene for this shape/)
    expect(story.prompt).toContain('never cut at the edge, stretched or squeezed')
  })

  it('prices the set as the sum of its requests, each at its own size', () => {
    const offer = formatsOf(plan(state(pro26.id), campaign))
    const each = offer.tasks.map((task) => estimatePlanCost([task]))
    const low = each.reduce((sum, cost) => sum + (cost?.kind === 'range' ? cost.low : NaN), 0)
    expect(offer.cost).toMatchObject({ kind: 'range' })
    expect(offer.cost?.kind === 'range' && offer.cost.low).toBeCloseTo(low, 6)
  })

  it('says a size brought within Figma’s 4096 px, and never asks for tiles: a fill of the frame takes none', () => {
    const offer = formatsOf(plan(state(pro26.id, { keepFullResolution: true, settings: { ...DEFAULT_STATE.settings, model: pro26.id, density: 3 } }), campaign))
    expect(offer.tasks[0].exactSize).toEqual({ width: 2304, height: 4096 })
    expect(offer.note).toBe('“Story” is made at 2304×4096: Figma takes at most 4096 px a side.')
  })

  it('on a tier model, names the formats it cannot make at their shape before sending, and sends the others at the tier that covers them', () => {
    const offer = formatsOf(plan(state('sourceful/riverflow-v2-pro'), campaign))
    expect(offer.tasks.map((task) => task.label)).toEqual(['Story', 'Link preview', 'Medium rectangle'])
    expect(offer.note).toBe('Riverflow 2 Pro cannot make “Leaderboard” at its shape, wider than 21:9 or taller than 9:16, so it is left out. Riverflow 2.6 Pro makes any shape up to 16:1: choose it in the options to make them all.')
    const [story, link] = offer.tasks
    expect(story.settings).toMatchObject({ aspectRatio: '9:16', imageSize: '4K' })
    expect(story).not.toHaveProperty('exactSize')
    // 1200×628 on 16:9: the canvas is the tier's shape around the frame, the key visual whole in the frame's part of it.
    expect(link.settings).toMatchObject({ aspectRatio: '16:9', imageSize: '2K' })
    expect(link.inputs[0].canvas).toEqual({ width: 2048, height: 1152, x: 488, y: 40, imageWidth: 1072, imageHeight: 1072, background: '#00FF00' })
    expect(offer.cost).toEqual({ kind: 'fixed', usd: 0.63 })
  })

  it('refuses to send a set a tier model can make none of', () => {
    const offer = formatsOf(plan(state('sourceful/riverflow-v2-pro'), [keyVisual, frame('2:3', 728, 90, 'Leaderboard'), frame('2:5', 160, 600, 'Skyscraper')]))
    expect(offer.count).toBe(0)
    expect(offer.problems).toEqual(['Riverflow 2 Pro cannot make any of these formats at their shape: nothing would be sent. Riverflow 2.6 Pro makes any shape up to 16:1: choose it in the options to make them all.'])
  })

  it('sends nothing with an OpenRouter key in the prompt or the checks: each frame’s layer would keep it in the file', () => {
    const inPrompt = formatsOf(plan(state(pro26.id, { prompt: 'Sunlit sand sk-or-v1-0123456789abcdef' }), campaign))
    expect(inPrompt.problems).toEqual(['The prompt holds an OpenRouter key: take it out. A prompt is kept in the file, where anyone who opens it can read it.'])
    const inChecks = formatsOf(plan(state(pro26.id, { formats: ['story'], settings: { ...DEFAULT_STATE.settings, model: pro26.id, scoringPrompt: 'sk-or-v1-0123456789abcdef' } }), [keyVisual]))
    expect(inChecks.problems).toEqual([expect.stringMatching(/^The checks or the text in your font hold an OpenRouter key: take it out\./)])
    // No prompt is needed: the formats continue the key visual.
    expect(formatsOf(plan(state(pro26.id), campaign)).problems).toEqual([])
  })

  it('takes the brand kit with every request, as Generate does', () => {
    const brandKit: BrandKit = { id: '0:9', name: 'Acme', references: [{ layerId: '9:1', role: 'logo', label: 'Logo', width: 400, height: 400 }], fonts: [], palette: ['#FF0000'], note: '', checks: [], problems: [] }
    const offer = formatsOf(plan(state(pro26.id), campaign, { kit: brandKit, fontUrls: [], problems: [] }))
    expect(offer.tasks.every((task) => task.brandKit?.name === 'Acme' && task.inputs.map((input) => input.layer.id).join() === '1:1,9:1')).toBe(true)
  })
})

describe('which selections are a key visual and its formats', () => {
  it('is one image and frames that show none; not text, not two images, not an image alone', () => {
    expect(keyVisualWithFrames(campaign)).toMatchObject({ keyVisual: { id: '1:1' }, frames: [{ id: '2:1' }, { id: '2:2' }, { id: '2:3' }, { id: '2:4' }] })
    const text: SelectedLayer = { ...frame('3:1', 200, 40), type: 'TEXT', fillable: false, text: { characters: 'Sale', fontFamily: 'Inter', fontStyle: 'Bold' } }
    expect(keyVisualWithFrames([keyVisual, text])).toBeNull()
    expect(keyVisualWithFrames([keyVisual, { ...keyVisual, id: '1:2' }, frame('2:1', 1080, 1920)])).toBeNull()
    expect(keyVisualWithFrames([keyVisual])).toBeNull()
  })
})

describe('Every format with the key visual selected alone', () => {
  it('offers the picked formats beside Refine and Upscale, priced, with the list to pick from; Remove background goes under More', () => {
    // Selected alone, an image the sandbox can frame offers Expand to a ratio too.
    const alone = { ...keyVisual, expandsToRatio: true as const }
    const p = plan(state(pro26.id, { formats: ['story', 'leaderboard'] }), [alone])
    const { primary, secondary, more } = propose(p, [alone])
    const offer = formatsOf(p)
    expect([primary, ...secondary].map((o) => o.kind)).toEqual(['refine-each', 'upscale-each', 'formats', 'expand'])
    expect(more.map((o) => o.kind)).toContain('remove-background')
    expect(offer).toMatchObject({ label: 'Every format (2)', count: 2 })
    expect(offer.formats?.chosen).toEqual(['story', 'leaderboard'])
    expect(offer.formats?.options).toHaveLength(FORMATS.length)
    expect(offer.formats?.options.find((option) => option.value === 'leaderboard')).toEqual({ value: 'leaderboard', label: 'Leaderboard · 728×90', name: 'Leaderboard', size: '728×90', group: 'Display ads' })
    expect(offer.makeFrames).toMatchObject({ keyVisualId: '1:1', formats: [{ name: 'Story', width: 1080, height: 1920 }, { name: 'Leaderboard', width: 728, height: 90 }] })
    expect(landsLine(offer, [keyVisual])).toBe('In a new frame for each format, beside “Key visual”, named with its size; “Key visual” stays as it is.')
  })

  it('plans the requests for the frames once they are made, one each, the set’s price unchanged', () => {
    const offer = formatsOf(plan(state(pro26.id, { formats: ['story', 'leaderboard'] }), [keyVisual]))
    const tasks = offer.makeFrames!.tasksFor([frame('5:1', 1080, 1920, 'Story · 1080×1920'), frame('5:2', 728, 90, 'Leaderboard · 728×90')])
    expect(tasks.map((task) => [task.targetIds, task.exactSize])).toEqual([
      [['5:1'], { width: 2160, height: 3840 }],
      [['5:2'], { width: 1456, height: 180 }],
    ])
    expect(estimatePlanCost(tasks)).toEqual(offer.cost)
  })

  it('makes no frame for a format the tier model cannot make', () => {
    const offer = formatsOf(plan(state('sourceful/riverflow-v2-pro', { formats: ['story', 'leaderboard'] }), [keyVisual]))
    expect(offer.makeFrames?.formats.map((format) => format.name)).toEqual(['Story'])
  })

  it('with no format picked, says to pick them, and sends nothing', () => {
    const offer = formatsOf(plan(state(pro26.id, { formats: [] }), [keyVisual]))
    expect(offer).toMatchObject({ label: 'Every format', count: 0, problems: ['Pick the formats to make: open the list beside Every format.'] })
  })
})
