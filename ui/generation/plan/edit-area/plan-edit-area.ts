import type { ModelCapabilities } from '../../../../common/models'
import type { AreaFacts, PageBox, SelectedLayer } from '../../../../common/selection'
import { nearestAspectRatio } from '../../../../common/sizes'
import { aspectRatiosOf } from '../../../openrouter/choose-road'
import { type RegionRatios, intersect, overlap, regionFor } from './area-region'
import { exactWithin } from '../../../models/frame-size'
import { sizeCovering } from '../plan-tasks'
import type { ReadyKit } from '../../../brand-kit/ready-kit'
import { type Offer, clickAction, promptProblems, withKit } from '../offer'
import type { Order, TaskSpec } from '../task'
import { nextId } from '../../next-id'

/**
 * The shapes a designer draws an area with: Figma's rectangle, ellipse,
 * polygon, star, pen and pencil; and the line, which has no area, so that the
 * panel can say so.
 */
const SHAPE_TYPES = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR', 'LINE'])
/** The input's long side: sharp enough to edit, small enough for the request. */
const INPUT_LONG_SIDE = { min: 1024, max: 2048 }
/** Figma exports no more than this on a side, and neither does the panel ask for more. */
const EXPORT_MAX_SIDE = 4096

/** A selected layer with its place on the page: what Edit area works on. */
export type PlacedLayer = SelectedLayer & { area: AreaFacts }

/** An image and the shape drawn over the part of it to change, as selected; null when the selection is not that. */
export function findArea(selection: readonly SelectedLayer[]): { image: PlacedLayer; shape: PlacedLayer } | null {
  if (selection.length !== 2 || !selection.every((layer): layer is PlacedLayer => layer.area !== undefined)) return null
  const [a, b] = selection as PlacedLayer[]
  const isShape = (layer: PlacedLayer) => SHAPE_TYPES.has(layer.type) && !layer.area.showsImage
  if (a.area.showsImage && isShape(b)) return { image: a, shape: b }
  if (b.area.showsImage && isShape(a)) return { image: b, shape: a }
  return null
}

/**
 * A shape drawn over a layer that shows no image (most often the frame around
 * the image): Edit area is not offered, and this says why. Empty otherwise.
 */
export function areaHint(selection: readonly SelectedLayer[]): string[] {
  if (selection.length !== 2 || findArea(selection) || !selection.every((layer): layer is PlacedLayer => layer.area !== undefined)) return []
  const [a, b] = selection as PlacedLayer[]
  const shape = [a, b].find((layer) => SHAPE_TYPES.has(layer.type) && !layer.area.showsImage)
  const other = shape === a ? b : a
  if (!shape || other.area.showsImage || !overlap(boxOf(shape), boxOf(other))) return []
  return [`Edit area needs an image under the shape: “${other.name}” shows no image. Select the image itself with “${shape.name}”.`]
}

/**
 * What stops an area edit, for the designer; null when it can go. An edit's
 * own mask (a relaunch on it) is in the edit's group, not beside the image.
 */
export function areaProblem(image: PlacedLayer, shape: PlacedLayer, model: ModelCapabilities, maskOfEdit = false): string | null {
  // Figma puts a shape drawn over a frame into it: over a frame that shows the image, that is where it lands.
  if (!maskOfEdit && shape.area.parentId === image.id) {
    return `“${shape.name}” is inside “${image.name}”, and Edit area needs it beside the image in the layers: drag “${shape.name}” out of “${image.name}” in the layers panel, to just above it, then select both again.`
  }
  if (!maskOfEdit && shape.area.parentId !== image.area.parentId) return `Draw the shape in the same frame as “${image.name}”: it is in another one now.`
  // The shape becomes the edit's mask, so it leaves its place: in an auto layout's flow, the layers after it would move.
  if (!maskOfEdit && shape.area.inFlow) return `“${shape.name}” is part of its frame’s auto layout: as the edit’s mask it would leave a gap and move the layers after it. Turn on Absolute position for “${shape.name}”, then select it and “${image.name}” again.`
  // Said before sending: the sandbox leaves a locked shape as it is, so the paid edit would land without it as its mask.
  if (!maskOfEdit && shape.area.locked) return `“${shape.name}” is locked, and the edit makes it its mask: unlock it, then select it and “${image.name}” again.`
  // The region is cut in the page's axes, and the answer lands upright on it.
  if (image.area.rotated) {
    return `“${image.name}” is rotated or flipped on the canvas (or its frame is), and Edit area needs it upright: set its rotation to 0°, make the edit, then rotate the image and its edit together.`
  }
  // Its own size: a line drawn at an angle has a box around it, and still no area.
  if (shape.width < 1 || shape.height < 1) return `The shape “${shape.name}” has no area: draw a closed shape over the part to change.`
  if (!overlap(boxOf(image), boxOf(shape))) return `The shape is outside “${image.name}”: draw it over the part of the image to change.`
  if (!regionFor(boxOf(shape), boxOf(image), regionRatios(model))) {
    return `“${shape.name}” is too long and thin for the shapes of image ${model.label} makes: none fits around it within “${image.name}”. Draw a shorter shape, or edit the area in parts.`
  }
  return null
}

/**
 * Edit area, or Erase: the part of the image under the shape, with a margin
 * of context, cut at the shape the request asks for (a ratio the model takes,
 * or the region's own exact pixels) and at no lower density than the image
 * shows; the answer is masked by the shape with a soft edge and lands over
 * the image at that box, the image untouched (docs/architecture.md). The
 * image's export covers its render bounds, drawn at their place.
 */
export function planEditArea(order: Order, image: PlacedLayer, shape: PlacedLayer, erase: boolean, again?: { replace: boolean }): TaskSpec {
  const exact = order.model.exactSize ?? null
  // Where no region fits, areaProblem stops the task before it is sent.
  const region = regionFor(boxOf(shape), boxOf(image), regionRatios(order.model)) ?? intersect(boxOf(shape), boxOf(image))
  const exported = image.area.exportBox
  const long = Math.max(region.width, region.height)
  let scale = Math.min(Math.min(INPUT_LONG_SIDE.max, Math.max(INPUT_LONG_SIDE.min, long * 2)) / long, EXPORT_MAX_SIDE / Math.max(exported.width, exported.height))
  const wanted = { width: Math.round(region.width * scale), height: Math.round(region.height * scale) }
  const exactSize = exact ? exactWithin(wanted, exact, false, order.model.label)?.size : undefined
  // Brought within the model's limits, the answer's density is the input's: the two line up pixel for pixel.
  if (exactSize) scale = exactSize.width / region.width
  const canvas = {
    width: exactSize?.width ?? Math.round(region.width * scale),
    height: exactSize?.height ?? Math.round(region.height * scale),
    x: Math.round((exported.x - region.x) * scale),
    y: Math.round((exported.y - region.y) * scale),
    imageWidth: Math.round(exported.width * scale),
    imageHeight: Math.round(exported.height * scale),
    background: 'transparent',
  }
  const what = erase ? 'erased' : 'edited'
  const aspectRatio = nearestAspectRatio(region.width, region.height, aspectRatiosOf(order.model))
  return {
    id: nextId('area'),
    label: `${erase ? 'Erase' : 'Edit'} an area of ${image.name}`,
    model: order.model,
    prompt: areaPrompt(order.prompt, erase),
    designerPrompt: erase ? '' : order.prompt,
    settings: {
      ...order.settings,
      aspectRatio,
      imageSize: sizeCovering(aspectRatio, canvas, order.model.sizes),
      background: 'original',
      fontInputs: erase ? [] : order.settings.fontInputs,
    },
    inputs: [{ layer: image, constraint: { type: 'SCALE', value: scale }, canvas }],
    references: [],
    ...(exactSize && { exactSize }),
    placement: 'area',
    targetIds: [image.id, shape.id],
    size: { width: region.width, height: region.height },
    area: { ...region, shapeId: shape.id, shape: boxOf(shape), shapeExportBox: shape.area.exportBox, image: boxOf(image), imageId: image.id, erase, ...(again && { replace: again.replace }) },
    name: `${image.name} · ${what} area`,
    reveal: true,
  }
}

/** An image and the shape drawn over part of it: Edit area (with the prompt) and Erase, first. */
export function planAreaActions(order: Order, selection: SelectedLayer[], kit: ReadyKit | null | undefined): Offer[] {
  const found = findArea(selection)
  if (!found) return []
  const { image, shape } = found
  const problem = areaProblem(image, shape, order.model)
  const edit = planEditArea(order, image, shape, false)
  const erase = planEditArea(order, image, shape, true)
  return [
    { kind: 'edit-area', label: 'Edit area', problems: problem ? [problem] : promptProblems(order.prompt, 'edit-area', order.settings), ...clickAction('edit-area', withKit([edit], kit), 1) },
    { kind: 'erase', label: 'Erase area', problems: problem ? [problem] : [], ...clickAction('erase', [erase], 1) },
  ]
}

/** The shapes a model's answer can take: any within its limits for explicit pixels, else the ratios its roads make. */
function regionRatios(model: ModelCapabilities): RegionRatios {
  return model.exactSize ? { upTo: model.exactSize.maxRatio } : { among: aspectRatiosOf(model) }
}

function areaPrompt(prompt: string, erase: boolean): string {
  const keep = 'Keep everything near the edges exactly as it is, so the result blends into the rest of the image.'
  if (erase) return `This is part of a larger image. Remove what is in the middle of it and continue the surrounding background, texture and light across that space, as if it had never been there. ${keep}`
  return `This is part of a larger image. Change only what is in the middle of it: ${prompt.trim()}. ${keep}`
}

/** The layer's box on the page: around it, when it is rotated. */
function boxOf(layer: PlacedLayer): PageBox {
  const { x, y, width, height } = layer.area
  return { x, y, width, height }
}
