import { describe, expect, it } from 'vitest'
import type { AspectRatio } from '../../../../common/domain'
import type { SelectedLayer } from '../../../../common/selection'
import { EXPAND_MARK, expandRatios, planExpand, planExpandToRatio } from '../../../../ui/generation/plan/plan-expand'
import { frameAtRatio } from '../../../../common/sizes'
import { EXACT_SIZE_LIMITS } from '../../../../common/road-capabilities'
import type { Order } from '../../../../ui/generation/plan/task'
import { planClick } from '../../../../ui/generation/plan/plan-click'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { MODELS, orderOf } from '../../../fixtures/orders'
import { banner, shot } from '../../../fixtures/expand'


describe('planExpand', () => {
  it('sends the shot on a canvas of the frame’s shape, transparent around it on a model that reads transparency, and lands behind it', () => {
    const task = planExpand(orderOf('a sunny kitchen counter', { model: 'sourceful/riverflow-v2.5-fast' }), banner)
    expect(task.inputs).toEqual([
      {
        layer: expect.objectContaining({ id: '1:2', name: 'Product' }),
        constraint: { type: 'WIDTH', value: 1072 },
        canvas: { width: 2048, height: 1072, x: 488, y: 0, imageWidth: 1072, imageHeight: 1072, background: 'transparent' },
      },
    ])
    expect(task).toMatchObject({ placement: 'behind', targetIds: ['1:1'], size: { width: 1200, height: 628 }, name: 'Banner · expanded' })
    expect(task.settings).toMatchObject({ aspectRatio: '16:9', imageSize: '2K', background: 'original', fontInputs: [] })
    expect(task.prompt).toMatch(/^Expand this picture: continue it seamlessly into the transparent area around it/)
    expect(task.prompt).toMatch(/In the new area: a sunny kitchen counter$/)
  })

  it('draws an image with a shadow expanded to a ratio where Figma draws it in the new frame, not squeezed into its box', () => {
    // A 1000×1000 shot whose shadow reaches 30 px past its right and bottom edges, in the 16:9 frame made around it.
    const task = planExpandToRatio(orderOf('', { model: 'sourceful/riverflow-v2.5-fast' }), { ...shot, drawn: { x: 0, y: 0, width: 1030, height: 1030 } }, '16:9')
    const frame = frameAtRatio(shot, '16:9')
    const scale = 2048 / frame.width
    expect(task.size).toEqual({ width: frame.width, height: frame.height })
    expect(task.inputs[0].canvas).toMatchObject({ x: Math.round(frame.x * scale), y: 0, imageWidth: Math.round(1030 * scale), imageHeight: Math.round(1030 * scale) })
  })

  it('marks the empty part with a flat colour the instruction names on a model that may not read transparency', () => {
    const task = planExpand(orderOf(''), banner)
    expect(task.inputs[0].canvas?.background).toBe(EXPAND_MARK)
    expect(task.prompt).toContain(`the flat ${EXPAND_MARK} green area around it`)
    expect(task.prompt).not.toMatch(/In the new area/)
  })

  it('is offered as a named action only for one selected frame with an image that leaves part of it empty', () => {
    const kinds = (selection: SelectedLayer[]) => planClick({ state: DEFAULT_STATE, selection, roles: {}, models: MODELS }).offers.map((a) => a.kind)
    expect(kinds([banner])).toContain('expand')
    const { expand: _, ...plain } = banner
    expect(kinds([plain])).not.toContain('expand')
  })
})

const expandAction = (selection: SelectedLayer[], change: { expandTo?: AspectRatio; aspectRatio?: AspectRatio } = {}) =>
  planClick({
    state: { ...DEFAULT_STATE, settings: { ...DEFAULT_STATE.settings, ...(change.aspectRatio && { aspectRatio: change.aspectRatio }) } },
    selection,
    roles: {},
    models: MODELS,
    expandTo: change.expandTo,
  }).offers.find((a) => a.kind === 'expand')

describe('Expand to a ratio', () => {
  it('grows the frame on one axis to the ratio, the image at its own size in the middle, to whole pixels', () => {
    expect(frameAtRatio({ width: 1000, height: 1000 }, '16:9')).toEqual({ width: 1778, height: 1000, x: 389, y: 0 })
    expect(frameAtRatio({ width: 1000, height: 1000 }, '4:5')).toEqual({ width: 1000, height: 1250, x: 0, y: 125 })
    // A wide image grows in height for a taller ratio, never in width.
    expect(frameAtRatio({ width: 1456, height: 624 }, '16:9')).toEqual({ width: 1456, height: 819, x: 0, y: 97 })
  })

  it('sends the image on a canvas of the new frame’s shape, transparent around it, and lands behind it in a frame of that ratio', () => {
    const task = planExpandToRatio(orderOf('a marble counter', { model: 'sourceful/riverflow-v2.5-fast' }), shot, '16:9')
    expect(task.inputs).toEqual([
      {
        layer: shot,
        constraint: { type: 'WIDTH', value: 1152 },
        canvas: { width: 2048, height: 1152, x: 448, y: 0, imageWidth: 1152, imageHeight: 1152, background: 'transparent' },
      },
    ])
    expect(task).toMatchObject({ placement: 'behind', expandTo: '16:9', targetIds: ['2:1'], size: { width: 1778, height: 1000 }, name: 'Shot · expanded' })
    expect(task.settings).toMatchObject({ aspectRatio: '16:9', imageSize: '2K', background: 'original', fontInputs: [] })
    expect(task.prompt).toMatch(/^Expand this picture: continue it seamlessly into the transparent area around it.* In the new area: a marble counter$/)
    // On a model that may not read transparency, the part to fill is the named green.
    expect(planExpandToRatio(orderOf(''), shot, '9:16').inputs[0].canvas).toEqual({ width: 1152, height: 2048, x: 0, y: 448, imageWidth: 1152, imageHeight: 1152, background: EXPAND_MARK })
  })

  it('offers every ratio wider or taller than the image, never its own', () => {
    expect(expandRatios(shot)).toEqual(['5:4', '4:3', '3:2', '16:9', '21:9', '4:5', '3:4', '2:3', '9:16'])
    expect(expandRatios({ width: 1600, height: 900 })).not.toContain('16:9')
    // Within 2% of its own ratio is that ratio, rounded: a sliver, not offered; 5% more is a strip to continue.
    expect(expandRatios({ width: 1040, height: 700 })).not.toContain('3:2')
    expect(expandRatios({ width: 1000, height: 700 })).toContain('3:2')
  })

  it('is offered for an image alone, at 16:9 unless the panel’s ratio is another than the image’s, with the frame’s size on each choice', () => {
    const action = expandAction([shot])!
    expect(action).toMatchObject({ key: 'expand', label: 'Expand', problems: [] })
    expect(action.ratio?.value).toBe('16:9')
    expect(action.ratio?.options).toContainEqual({ value: '16:9', label: '16:9 · 1778×1000' })
    expect(action.ratio?.options).toContainEqual({ value: '4:5', label: '4:5 · 1000×1250' })
    expect(action.tasks).toHaveLength(1)
    expect(action.cost).not.toBeNull()
    expect(expandAction([shot], { aspectRatio: '3:2' })?.ratio?.value).toBe('3:2')
    // The panel starts a fill from the image's own ratio: that one is no choice to expand to.
    expect(expandAction([shot], { aspectRatio: '1:1' })?.ratio?.value).toBe('16:9')
    // A 16:9 image: 9:16, its tall counterpart.
    expect(expandAction([{ ...shot, width: 1600, height: 900 }], { aspectRatio: '16:9' })?.ratio?.value).toBe('9:16')
  })

  it('makes the ratio chosen on the action, when it is one it offers', () => {
    const action = expandAction([shot], { expandTo: '4:5' })!
    expect(action.ratio?.value).toBe('4:5')
    expect(action.tasks[0]).toMatchObject({ expandTo: '4:5', size: { width: 1000, height: 1250 } })
    expect(expandAction([shot], { expandTo: '1:1' })?.ratio?.value).toBe('16:9')
  })

  it('is not offered for an image the sandbox cannot frame, with another layer, or where the frame form is', () => {
    const { expandsToRatio: _, ...unframable } = shot
    expect(expandAction([unframable])).toBeUndefined()
    expect(expandAction([shot, { ...shot, id: '2:2' }])).toBeUndefined()
    const frameForm = expandAction([{ ...banner, expandsToRatio: true }])
    expect(frameForm?.ratio).toBeUndefined()
    expect(frameForm?.tasks[0].targetIds).toEqual([banner.id])
  })
})

describe('Expand’s size', () => {
  /** 2.6 Pro as its record describes it: explicit pixels on the Image API. */
  const pro26 = (): Order => {
    const order = orderOf('', { model: 'sourceful/riverflow-v2.6-pro' })
    return { ...order, model: { ...order.model, exactSize: EXACT_SIZE_LIMITS } }
  }

  it('asks a model that takes explicit pixels for the frame’s exact shape at the density, both forms', () => {
    expect(planExpand(pro26(), banner).exactSize).toEqual({ width: 2400, height: 1256 })
    expect(planExpandToRatio(pro26(), shot, '16:9').exactSize).toEqual({ width: 3556, height: 2000 })
    expect(planExpandToRatio({ ...pro26(), settings: { ...pro26().settings, density: 1 } }, shot, '21:9').exactSize).toEqual({ width: 2333, height: 1000 })
    // Within Figma's 4096 px, as Fit the frame keeps it, unless the image may go in tiles.
    const large = { ...shot, width: 1500, height: 1500 }
    expect(planExpandToRatio(pro26(), large, '9:16').exactSize).toEqual({ width: 2303, height: 4096 })
    expect(planExpandToRatio({ ...pro26(), keepFullResolution: true }, large, '9:16').exactSize).toEqual({ width: 3000, height: 5334 })
  })

  it('gives a tier model the tier that covers the frame at 2×, at the ratio nearest it, and no exact size', () => {
    const task = planExpandToRatio(orderOf('', { model: 'sourceful/riverflow-v2-pro' }), shot, '5:4')
    expect(task).not.toHaveProperty('exactSize')
    // The 1250×1000 frame at 2× is 2500×2000: 2K at 5:4 is 2240×1792, short of it; 4K covers it.
    expect(task.settings).toMatchObject({ aspectRatio: '5:4', imageSize: '4K' })
    expect(planExpandToRatio(orderOf('', { model: 'sourceful/riverflow-v2-pro' }), shot, '21:9').settings).toMatchObject({ aspectRatio: '21:9', imageSize: '4K' })
    // 2.6 Pro from the built-in table, before its record says it takes explicit pixels: tiers too.
    expect(planExpand(orderOf('', { model: 'sourceful/riverflow-v2.6-pro' }), banner)).not.toHaveProperty('exactSize')
  })
})
