import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../../common/selection'
import { EXPAND_MARK, planExpand } from '../../../../ui/generation/plan/plan-expand'
import { planClick } from '../../../../ui/generation/plan/plan-click'
import { DEFAULT_STATE } from '../../../../ui/defaults'
import { MODELS, orderOf } from '../../../fixtures/orders'

const banner: SelectedLayer & Required<Pick<SelectedLayer, 'expand'>> = {
  id: '1:1',
  name: 'Banner',
  type: 'FRAME',
  width: 1200,
  height: 628,
  fillable: true,
  madeHere: false,
  expand: { imageId: '1:2', imageName: 'Product', x: 286, y: 0, width: 628, height: 628 },
}

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

  it('marks the empty part with a flat colour the instruction names on a model that may not read transparency', () => {
    const task = planExpand(orderOf(''), banner)
    expect(task.inputs[0].canvas?.background).toBe(EXPAND_MARK)
    expect(task.prompt).toContain(`the flat ${EXPAND_MARK} green area around it`)
    expect(task.prompt).not.toMatch(/In the new area/)
  })

  it('is offered as a named action only for one selected frame with an image that leaves part of it empty', () => {
    const labels = (selection: SelectedLayer[]) => planClick({ state: DEFAULT_STATE, selection, roles: {}, models: MODELS }).batchActions.map((a) => a.label)
    expect(labels([banner])).toContain('Expand “Product” to fill “Banner”')
    const { expand: _, ...plain } = banner
    expect(labels([plain]).some((label) => label.startsWith('Expand'))).toBe(false)
  })
})
