import { describe, expect, it } from 'vitest'
import type { SelectedLayer } from '../../../../../common/selection'
import { type PlacedLayer, areaProblem, findArea, planEditArea } from '../../../../../ui/generation/plan/edit-area/plan-edit-area'
import { regionFor } from '../../../../../ui/generation/plan/edit-area/area-region'
import { ASPECT_RATIOS, aspectRatioValue } from '../../../../../common/sizes'
import { chatRoad } from '../../../../../common/road-capabilities'
import { EXACT_SIZE_LIMITS } from '../../../../../common/road-capabilities'
import { MODELS, modelOf, orderOf } from '../../../../fixtures/orders'
import { areaAt } from '../../../../fixtures/area'

const placed = (id: string, type: string, box: { x: number; y: number; width: number; height: number }, showsImage: boolean, parentId = '0:1'): SelectedLayer => ({
  id,
  name: id,
  type,
  width: box.width,
  height: box.height,
  fillable: true,
  madeHere: false,
  area: areaAt(box, parentId, showsImage),
})
const FAST = modelOf('sourceful/riverflow-v2-fast')
const photo = placed('Photo', 'RECTANGLE', { x: 0, y: 0, width: 800, height: 600 }, true)
const circle = placed('Circle', 'ELLIPSE', { x: 300, y: 200, width: 200, height: 200 }, false)

describe('Edit area', () => {
  it('finds the image and the shape drawn over it, in either order, and nothing else', () => {
    expect(findArea([circle, photo])).toMatchObject({ image: { id: 'Photo' }, shape: { id: 'Circle' } })
    expect(findArea([photo, placed('Other photo', 'RECTANGLE', { x: 0, y: 0, width: 10, height: 10 }, true)])).toBeNull()
    expect(findArea([photo])).toBeNull()
  })

  it('takes the shape’s box with a margin, grown to the nearest ratio the model takes and kept inside the image', () => {
    const tiers = { among: ASPECT_RATIOS }
    expect(regionFor({ x: 300, y: 200, width: 200, height: 200 }, { x: 0, y: 0, width: 800, height: 600 }, tiers)).toEqual({ x: 250, y: 150, width: 300, height: 300 })
    // At the image's corner the margin is cut by the image, and the box moved back inside to keep its ratio.
    const corner = regionFor({ x: 0, y: 0, width: 100, height: 60 }, { x: 0, y: 0, width: 800, height: 600 }, tiers)!
    expect(corner.x).toBe(0)
    expect(corner.y).toBe(0)
    expect(corner.width).toBeGreaterThanOrEqual(124)
  })

  it('says what stops it: a shape outside the image, in another frame, or in an auto layout’s flow', () => {
    const [image, shape] = [photo, circle] as PlacedLayer[]
    expect(areaProblem(image, shape, FAST)).toBeNull()
    const away = placed('Away', 'RECTANGLE', { x: 900, y: 0, width: 50, height: 50 }, false) as PlacedLayer
    expect(areaProblem(image, away, FAST)).toBe('The shape is outside “Photo”: draw it over the part of the image to change.')
    const elsewhere = placed('Elsewhere', 'RECTANGLE', { x: 300, y: 200, width: 50, height: 50 }, false, '9:9') as PlacedLayer
    expect(areaProblem(image, elsewhere, FAST)).toMatch(/same frame as “Photo”/)
    // In an auto layout's flow: as the mask it would leave its place, and the layers after it would move.
    const inFlow = { ...shape, area: { ...shape.area, inFlow: true as const } }
    expect(areaProblem(image, inFlow, FAST)).toBe('“Circle” is part of its frame’s auto layout: as the edit’s mask it would leave a gap and move the layers after it. Turn on Absolute position for “Circle”, then select it and “Photo” again.')
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

  it('says a shape with no area has none, before anything is sent: a straight pen line, a line', () => {
    const pen = placed('Line', 'VECTOR', { x: 100, y: 300, width: 300, height: 0 }, false) as PlacedLayer
    expect(findArea([photo, pen])).not.toBeNull()
    expect(areaProblem(photo as PlacedLayer, pen, FAST)).toBe('The shape “Line” has no area: draw a closed shape over the part to change.')
    // Figma's line tool: 0 high whatever its angle, its box around it.
    const line = { ...placed('Divider', 'LINE', { x: 100, y: 100, width: 200, height: 200 }, false), width: 283, height: 0 } as PlacedLayer
    expect(areaProblem(photo as PlacedLayer, line, FAST)).toMatch(/^The shape “Divider” has no area/)
  })

  it('refuses a rotated or flipped image before sending, saying what to do', () => {
    const turned = { ...photo, area: { ...photo.area!, rotated: true } } as PlacedLayer
    expect(areaProblem(turned, circle as PlacedLayer, FAST)).toBe(
      '“Photo” is rotated or flipped on the canvas (or its frame is), and Edit area needs it upright: set its rotation to 0°, make the edit, then rotate the image and its edit together.',
    )
  })

  it('takes a rotated shape at the box around it, and masks with its export there', () => {
    // A 200×200 square turned 45°: Figma's box around it is 282.8 wide, its own width and height stay 200.
    const side = 200 * Math.SQRT2
    const diamond = { ...placed('Diamond', 'RECTANGLE', { x: 200, y: 150, width: side, height: side }, false), width: 200, height: 200 } as PlacedLayer
    const task = planEditArea(orderOf('a plant'), photo as PlacedLayer, diamond, false)
    expect(task.area!.shape).toEqual({ x: 200, y: 150, width: side, height: side })
    expect(task.area!.shapeExportBox).toEqual({ x: 200, y: 150, width: side, height: side })
    // The region is centred on the diamond, its margin a quarter of the box around it.
    const region = task.area!
    expect(region.x + region.width / 2).toBeCloseTo(200 + side / 2)
    expect(region.y + region.height / 2).toBeCloseTo(150 + side / 2)
    expect(region.width).toBeCloseTo(side * 1.5)
  })

  it('draws the image’s export at its render bounds: a stroke outside or a shadow makes it larger than the image', () => {
    // Photo at (0, 0) 800×600, with a 10 px stroke outside and a shadow reaching 30 px right and down.
    const framed = { ...photo, area: { ...photo.area!, exportBox: { x: -10, y: -10, width: 840, height: 640 } } } as PlacedLayer
    const task = planEditArea(orderOf('a glass of juice'), framed, circle as PlacedLayer, false)
    const scale = (task.inputs[0].constraint as { value: number }).value
    // The region (250, 150) 300×300 is where it was; the export's corner is 10 units up and left of the image's.
    expect(task.area).toMatchObject({ x: 250, y: 150, width: 300, height: 300 })
    expect(task.inputs[0].canvas).toMatchObject({ x: Math.round(-260 * scale), y: Math.round(-160 * scale), imageWidth: Math.round(840 * scale), imageHeight: Math.round(640 * scale) })
  })

  it('cuts the region at the very ratio it asks for, within the image, on a banner and on a model without 4:5', () => {
    const banner = placed('Banner', 'RECTANGLE', { x: 0, y: 0, width: 1000, height: 200 }, true) as PlacedLayer
    const ellipse = placed('Ellipse', 'ELLIPSE', { x: 450, y: 25, width: 100, height: 150 }, false) as PlacedLayer
    const noPortrait = { ...FAST, id: 'sourceful/riverflow-v2.5-fast' as const, roads: { images: { ...chatRoad(FAST), aspectRatios: ASPECT_RATIOS.filter((r) => r !== '4:5' && r !== '5:4') } } }
    const cases: [PlacedLayer, PlacedLayer, typeof FAST][] = [
      [banner, ellipse, FAST],
      [photo as PlacedLayer, placed('Tall', 'ELLIPSE', { x: 350, y: 100, width: 120, height: 160 }, false) as PlacedLayer, FAST],
      [photo as PlacedLayer, placed('Tall', 'ELLIPSE', { x: 350, y: 100, width: 120, height: 160 }, false) as PlacedLayer, noPortrait],
      [photo as PlacedLayer, placed('Corner', 'RECTANGLE', { x: 700, y: 0, width: 100, height: 40 }, false) as PlacedLayer, FAST],
    ]
    for (const [image, shape, model] of cases) {
      expect(areaProblem(image, shape, model)).toBeNull()
      const task = planEditArea({ ...orderOf('a lamp'), model }, image, shape, false)
      const region = task.area!
      expect(region.width / region.height).toBeCloseTo(aspectRatioValue(task.settings.aspectRatio), 6)
      expect(model.roads?.images?.aspectRatios ?? ASPECT_RATIOS).toContain(task.settings.aspectRatio)
      // Within the image, and holding the whole shape.
      expect(region.x).toBeGreaterThanOrEqual(image.area.x)
      expect(region.y).toBeGreaterThanOrEqual(image.area.y)
      expect(region.x + region.width).toBeLessThanOrEqual(image.area.x + image.area.width + 1e-6)
      expect(region.y + region.height).toBeLessThanOrEqual(image.area.y + image.area.height + 1e-6)
      expect(region.x).toBeLessThanOrEqual(shape.area.x)
      expect(region.x + region.width).toBeGreaterThanOrEqual(shape.area.x + shape.area.width)
      // The input has the ratio too, to the pixel.
      const canvas = task.inputs[0].canvas!
      expect(Math.abs(canvas.width / canvas.height - aspectRatioValue(task.settings.aspectRatio))).toBeLessThan(2 / canvas.height)
    }
  })

  it('says when no ratio of the model fits around the shape within the image, and sends nothing', () => {
    const banner = placed('Banner', 'RECTANGLE', { x: 0, y: 0, width: 1000, height: 200 }, true) as PlacedLayer
    const strip = placed('Strip', 'RECTANGLE', { x: 0, y: 50, width: 1000, height: 100 }, false) as PlacedLayer
    expect(areaProblem(banner, strip, FAST)).toBe(
      '“Strip” is too long and thin for the shapes of image Riverflow 2 Fast makes: none fits around it within “Banner”. Draw a shorter shape, or edit the area in parts.',
    )
    // A model of explicit pixels takes it at its own shape.
    const pro26 = { ...MODELS.find((m) => m.id === 'sourceful/riverflow-v2.6-pro')!, exactSize: EXACT_SIZE_LIMITS }
    expect(areaProblem(banner, strip, pro26)).toBeNull()
  })
})
