import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../../common/selection'
import { areaProblem, findArea, planEditArea, regionFor } from '../../../../ui/generation/plan/plan-edit-area'
import { EXACT_SIZE_LIMITS } from '../../../../common/road-capabilities'
import { MODELS, orderOf } from '../../../fixtures/orders'

const placed = (id: string, type: string, box: { x: number; y: number; width: number; height: number }, showsImage: boolean, parentId = '0:1'): SelectedLayer => ({
  id,
  name: id,
  type,
  width: box.width,
  height: box.height,
  fillable: true,
  madeHere: false,
  area: { x: box.x, y: box.y, parentId, showsImage },
})
const photo = placed('Photo', 'RECTANGLE', { x: 0, y: 0, width: 800, height: 600 }, true)
const circle = placed('Circle', 'ELLIPSE', { x: 300, y: 200, width: 200, height: 200 }, false)

describe('Edit area', () => {
  it('finds the image and the shape drawn over it, in either order, and nothing else', () => {
    expect(findArea([circle, photo])).toMatchObject({ image: { id: 'Photo' }, shape: { id: 'Circle' } })
    expect(findArea([photo, placed('Other photo', 'RECTANGLE', { x: 0, y: 0, width: 10, height: 10 }, true)])).toBeNull()
    expect(findArea([photo])).toBeNull()
  })

  it('takes the shape’s box with a margin, grown to the nearest ratio the model takes and kept inside the image', () => {
    expect(regionFor({ x: 300, y: 200, width: 200, height: 200 }, { x: 0, y: 0, width: 800, height: 600 })).toEqual({ x: 250, y: 150, width: 300, height: 300 })
    // At the image's corner the margin is cut by the image, and the box moved back inside to keep its ratio.
    const corner = regionFor({ x: 0, y: 0, width: 100, height: 60 }, { x: 0, y: 0, width: 800, height: 600 })
    expect(corner.x).toBe(0)
    expect(corner.y).toBe(0)
    expect(corner.width).toBeGreaterThanOrEqual(124)
  })

  it('says what stops it: a shape outside the image, in another frame, or in an auto layout’s flow', () => {
    const [image, shape] = [photo, circle] as Parameters<typeof areaProblem>
    expect(areaProblem(image, shape)).toBeNull()
    const away = placed('Away', 'RECTANGLE', { x: 900, y: 0, width: 50, height: 50 }, false) as Parameters<typeof areaProblem>[1]
    expect(areaProblem(image, away)).toBe('The shape is outside “Photo”: draw it over the part of the image to change.')
    const elsewhere = placed('Elsewhere', 'RECTANGLE', { x: 300, y: 200, width: 50, height: 50 }, false, '9:9') as Parameters<typeof areaProblem>[1]
    expect(areaProblem(image, elsewhere)).toMatch(/same frame as “Photo”/)
    // In an auto layout's flow: as the mask it would leave its place, and the layers after it would move.
    const inFlow = { ...shape, area: { ...shape.area, inFlow: true as const } }
    expect(areaProblem(image, inFlow)).toBe('“Circle” is part of its frame’s auto layout: as the edit’s mask it would leave a gap and move the layers after it. Turn on Absolute position for “Circle”, then select it and “Photo” again.')
  })

  it('sends the region cut from the image, at least 1024 px, and lands over it masked by the shape', () => {
    const found = findArea([photo, circle])!
    const task = planEditArea(orderOf('a glass of juice'), found.image, found.shape, false)
    const scale = 1024 / 300
    expect(task.inputs[0]).toMatchObject({ layer: { id: 'Photo' }, constraint: { type: 'SCALE', value: scale } })
    // The image drawn so that the region's corner (250, 150) is the canvas's.
    expect(task.inputs[0].canvas).toEqual({ width: 1024, height: 1024, x: Math.round(-250 * scale), y: Math.round(-150 * scale), imageWidth: Math.round(800 * scale), imageHeight: Math.round(600 * scale), background: 'transparent' })
    expect(task).toMatchObject({ placement: 'area', targetIds: ['Photo', 'Circle'], area: { x: 250, y: 150, width: 300, height: 300, shapeId: 'Circle' } })
    expect(task.settings.aspectRatio).toBe('1:1')
    expect(task.prompt).toMatch(/Change only what is in the middle of it: a glass of juice\./)
    expect(planEditArea(orderOf(''), found.image, found.shape, true).prompt).toMatch(/^This is part of a larger image\. Remove what is in the middle/)
  })

  it('with a model that makes explicit pixels (2.6 Pro), asks for the area’s own box at the input’s exact size', () => {
    const pro26 = { ...MODELS.find((m) => m.id === 'sourceful/riverflow-v2.6-pro')!, exactSize: EXACT_SIZE_LIMITS }
    // A wide shape: 400×100 with its margin is 600×300, a 2:1 no tier ratio is.
    const bar = placed('Bar', 'RECTANGLE', { x: 200, y: 250, width: 400, height: 100 }, false)
    const found = findArea([photo, bar])!
    const exact = planEditArea({ ...orderOf('a shelf'), model: pro26 }, found.image, found.shape, false)
    expect(exact.area).toMatchObject({ x: 100, y: 150, width: 600, height: 300 })
    expect(exact.exactSize).toEqual({ width: 1200, height: 600 })
    const canvas = exact.inputs[0].canvas!
    expect({ width: canvas.width, height: canvas.height }).toEqual(exact.exactSize)
    expect(exact.inputs[0].constraint).toEqual({ type: 'SCALE', value: 2 })
    // On a model of tiers, the same area is grown to the nearest ratio it takes, and no size is named.
    const tiers = planEditArea(orderOf('a shelf'), found.image, found.shape, false)
    expect(tiers.exactSize).toBeUndefined()
    expect(tiers.area!.width / tiers.area!.height).toBeCloseTo(16 / 9, 2)
  })
})
