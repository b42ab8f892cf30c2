import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../common/selection'
import { EXACT_SIZE_LIMITS } from '../../../common/road-capabilities'
import { DEFAULT_STATE } from '../../../ui/defaults'
import { frameSizeLine, setSizeLine } from '../../../ui/models/frame-size'
import { planClick } from '../../../ui/generation/plan/plan-click'
import { MODELS } from '../../fixtures/orders'

// Fit the frame through the planner the panel runs: a frame selected to fill, Generate's task.
const frame = (width: number, height: number): SelectedLayer => ({ id: '1:2', name: 'Frame', type: 'FRAME', width, height, fillable: true, madeHere: false })
/** 2.6 Pro as its record describes it: explicit pixels on the Image API. */
const pro26 = { ...MODELS.find((m) => m.id === 'sourceful/riverflow-v2.6-pro')!, exactSize: EXACT_SIZE_LIMITS }
const models = MODELS.map((m) => (m.id === pro26.id ? pro26 : m))

function generateTask(model: string, layer: SelectedLayer, change: Partial<typeof DEFAULT_STATE.settings> = {}, keepFullResolution = false) {
  const state = { ...DEFAULT_STATE, keepFullResolution, settings: { ...DEFAULT_STATE.settings, model, ...change } }
  return planClick({ state, selection: [layer], roles: {}, models }).generate.tasks[0]
}

describe('Fit the frame', () => {
  it('asks 2.6 Pro for the frame’s own size at 2×: 2400×1256 for 1200×628, nothing cropped', () => {
    const task = generateTask(pro26.id, frame(1200, 628))
    expect(task.exactSize).toEqual({ width: 2400, height: 1256 })
    expect(task.frame).toMatchObject({ paid: { width: 2400, height: 1256 }, shown: { width: 2400, height: 1256 }, cropped: 0 })
    expect(frameSizeLine(task.frame!)).toBe('Made at 2400×1256, the frame’s own shape.')
  })

  it('takes 1× and 3×, and keeps within Figma’s 4096 px unless the image may go in tiles', () => {
    expect(generateTask(pro26.id, frame(1200, 628), { density: 3 }).exactSize).toEqual({ width: 3600, height: 1884 })
    const a4 = generateTask(pro26.id, frame(2480, 3508))
    expect(a4.exactSize).toEqual({ width: 2895, height: 4096 })
    expect(frameSizeLine(a4.frame!)).toBe('Made at 2895×4096: Figma takes at most 4096 px a side; Keep full resolution makes it in tiles.')
    // In tiles, the model's own limit of 16.8 megapixels is the one met.
    const tiled = generateTask(pro26.id, frame(2480, 3508), {}, true).exactSize!
    expect(tiled.width * tiled.height).toBeLessThanOrEqual(16_800_000)
    expect(tiled.width / tiled.height).toBeCloseTo(2480 / 3508, 3)
  })

  it('gives a tier model the smallest sharp-enough tier and says what it pays and crops', () => {
    const task = generateTask('sourceful/riverflow-v2-pro', frame(1200, 628))
    expect(task.settings).toMatchObject({ imageSize: '2K', aspectRatio: '16:9' })
    expect(task.exactSize).toBeUndefined()
    expect(frameSizeLine(task.frame!)).toBe('Made at 2560×1440 to cover the frame at 2400×1256, 7% cropped.')
    expect(generateTask('sourceful/riverflow-v2-pro', frame(1200, 628), { density: 1 }).settings.imageSize).toBe('1K')
    expect(frameSizeLine(generateTask('sourceful/riverflow-v2-fast', frame(728, 90)).frame!)).toBe('Made at 1512×648 to cover the frame at 1456×180, 71% cropped.')
    // No tier of Fast covers a 1920×1080 hero at 2×: its largest, and the line says it falls short.
    expect(frameSizeLine(generateTask('sourceful/riverflow-v2-fast', frame(1920, 1080)).frame!)).toBe(
      'Made at 2560×1440: the largest Riverflow 2 Fast makes here, less sharp than 2×.',
    )
  })

  it('gives way to the tier the designer chose, and to tiers when the model has no explicit size', () => {
    expect(generateTask('sourceful/riverflow-v2-pro', frame(1200, 628), { fitFrame: false, imageSize: '1K' }).settings.imageSize).toBe('1K')
    expect(generateTask(pro26.id, frame(1200, 628), { fitFrame: false }).exactSize).toBeUndefined()
    const table26 = planClick({ state: { ...DEFAULT_STATE, settings: { ...DEFAULT_STATE.settings, model: pro26.id } }, selection: [frame(1200, 628)], roles: {}, models: MODELS })
    expect(table26.generate.tasks[0].settings.imageSize).toBe('2K')
    expect(table26.generate.tasks[0]).not.toHaveProperty('exactSize')
  })

  it('makes a new image in view at the chosen tier: there is no frame to fit', () => {
    const state = { ...DEFAULT_STATE, settings: { ...DEFAULT_STATE.settings, model: pro26.id, imageSize: '1K' as const } }
    const task = planClick({ state, selection: [], roles: {}, models }).generate.tasks[0]
    expect(task.settings.imageSize).toBe('1K')
    expect(task).not.toHaveProperty('exactSize')
    expect(task).not.toHaveProperty('frame')
  })
})

describe('A set’s sizes in one line', () => {
  const keyVisual: SelectedLayer = { ...frame(1600, 1600), id: '1:1', name: 'Key visual', type: 'RECTANGLE', showsImage: true }
  const format = (id: string, width: number, height: number): SelectedLayer => ({ ...frame(width, height), id, name: `Format ${id}` })
  const setFrames = (model: string, formats: SelectedLayer[]) => {
    const state = { ...DEFAULT_STATE, settings: { ...DEFAULT_STATE.settings, model } }
    const set = planClick({ state, selection: [keyVisual, ...formats], roles: {}, models }).offers.find((offer) => offer.kind === 'formats')!
    return set.tasks.map((task) => task.frame!)
  }

  it('speaks for every format, not the first: how each is made, and how many are made otherwise and why', () => {
    // 2 Fast: a square post is within its 2K at 2×, a story is not.
    const fast = setFrames('sourceful/riverflow-v2-fast', [format('2:1', 500, 500), format('2:2', 1080, 1920)])
    expect(frameSizeLine(fast[0])).toBe('Made at 1024×1024 to cover the frame at 1000×1000.')
    expect(setSizeLine(fast, 2)).toBe('Each format made to cover its frame at 2×, the rest cropped. 1 of 2: the largest Riverflow 2 Fast makes here, less sharp than 2×.')
    // 2.6 Pro makes each at its own size.
    expect(setSizeLine(setFrames(pro26.id, [format('2:1', 500, 500), format('2:2', 1200, 628)]), 2)).toBe('Each format made at its own size at 2×.')
  })
})
