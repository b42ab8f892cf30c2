import type { AreaFacts, SelectedLayer } from '../../../common/selection'
import { aspectRatioValue, nearestAspectRatio } from '../../../common/sizes'
import { exactWithin } from './frame-size'
import { sizeCovering } from './plan-tasks'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { clickAction, promptProblems, withKit } from './click-action'
import type { BatchAction } from './plan-click'
import type { Order, TaskSpec } from './task'

/** The shapes a designer draws an area with: Figma's rectangle, ellipse, polygon, star, pen and pencil. */
const SHAPE_TYPES = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR'])
/** Around the shape, this share of its size (at least MIN_MARGIN px) goes too: the model matches light and texture to it. */
const MARGIN_SHARE = 0.25
const MIN_MARGIN = 24
/** The input's long side: sharp enough to edit, small enough for the request. */
const INPUT_LONG_SIDE = { min: 1024, max: 2048 }
/** Figma exports no more than this on a side, and neither does the panel ask for more. */
const EXPORT_MAX_SIDE = 4096

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

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
export function areaProblem(image: PlacedLayer, shape: PlacedLayer, maskOfEdit = false): string | null {
  if (!maskOfEdit && shape.area.parentId !== image.area.parentId) return `Draw the shape in the same frame as “${image.name}”: it is in another one now.`
  // The shape becomes the edit's mask, so it leaves its place: in an auto layout's flow, the layers after it would move.
  if (!maskOfEdit && shape.area.inFlow) return `“${shape.name}” is part of its frame’s auto layout: as the edit’s mask it would leave a gap and move the layers after it. Turn on Absolute position for “${shape.name}”, then select it and “${image.name}” again.`
  if (!overlap(boxOf(image), boxOf(shape))) return `The shape is outside “${image.name}”: draw it over the part of the image to change.`
  return null
}

/**
 * Edit area, or Erase: the part of the image under the shape, with a margin
 * of context, sent at a ratio the model takes and at no lower density than
 * the image shows; the answer is masked by the shape with a soft edge and
 * lands over the image at that box, the image untouched (docs/architecture.md).
 */
export function planEditArea(order: Order, image: PlacedLayer, shape: PlacedLayer, erase: boolean, again?: { replace: boolean }): TaskSpec {
  // A model that makes explicit pixels gets the area's own box; the others the nearest ratio they take.
  const exact = order.model.exactSize ?? null
  const region = regionFor(boxOf(shape), boxOf(image), exact ? exact.maxRatio : null)
  const long = Math.max(region.width, region.height)
  let scale = Math.min(Math.min(INPUT_LONG_SIDE.max, Math.max(INPUT_LONG_SIDE.min, long * 2)) / long, EXPORT_MAX_SIDE / Math.max(image.width, image.height))
  const wanted = { width: Math.round(region.width * scale), height: Math.round(region.height * scale) }
  const exactSize = exact ? exactWithin(wanted, exact, false, order.model.label)?.size : undefined
  // Brought within the model's limits, the answer's density is the input's: the two line up pixel for pixel.
  if (exactSize) scale = exactSize.width / region.width
  const canvas = {
    width: exactSize?.width ?? Math.round(region.width * scale),
    height: exactSize?.height ?? Math.round(region.height * scale),
    x: Math.round((image.area.x - region.x) * scale),
    y: Math.round((image.area.y - region.y) * scale),
    imageWidth: Math.round(image.width * scale),
    imageHeight: Math.round(image.height * scale),
    background: 'transparent',
  }
  const what = erase ? 'erased' : 'edited'
  return {
    id: `area-${Date.now().toString(36)}-${++counter}`,
    label: `${erase ? 'Erase' : 'Edit'} an area of ${image.name}`,
    model: order.model,
    prompt: areaPrompt(order.prompt, erase),
    designerPrompt: erase ? '' : order.prompt,
    settings: {
      ...order.settings,
      aspectRatio: nearestAspectRatio(region.width, region.height),
      imageSize: sizeCovering(Math.max(canvas.width, canvas.height), order.model.sizes),
      background: 'original',
      fontInputs: erase ? [] : order.settings.fontInputs,
    },
    inputs: [{ layer: image, constraint: { type: 'SCALE', value: scale }, canvas }],
    references: [],
    ...(exactSize && { exactSize }),
    placement: 'area',
    targetIds: [image.id, shape.id],
    size: { width: region.width, height: region.height },
    area: { ...region, shapeId: shape.id, shape: boxOf(shape), imageId: image.id, erase, ...(again && { replace: again.replace }) },
    name: `${image.name} · ${what} area`,
    reveal: true,
  }
}

/** An image and the shape drawn over part of it: Edit area (with the prompt) and Erase, first. */
export function planAreaActions(order: Order, selection: SelectedLayer[], choices: BatchAction['choices'], kit: ReadyKit | null | undefined): BatchAction[] {
  const found = findArea(selection)
  if (!found) return []
  const { image, shape } = found
  const problem = areaProblem(image, shape)
  const edit = planEditArea(order, image, shape, false)
  const erase = planEditArea(order, image, shape, true)
  return [
    { kind: 'edit-area', label: 'Edit area', choices, problems: problem ? [problem] : promptProblems(order.prompt), ...clickAction('edit-area', withKit([edit], kit), 1) },
    { kind: 'erase', label: 'Erase area', choices, problems: problem ? [problem] : [], ...clickAction('erase', [erase], 1) },
  ]
}

let counter = 0

/**
 * The shape's box with its margin, kept within the image where it can be: at
 * its own ratio for a model that makes explicit pixels (up to `exactMaxRatio`),
 * else grown to the nearest ratio the model takes.
 */
export function regionFor(shape: Box, image: Box, exactMaxRatio: number | null = null): Box {
  const margin = Math.max(MIN_MARGIN, MARGIN_SHARE * Math.max(shape.width, shape.height))
  let box = intersect({ x: shape.x - margin, y: shape.y - margin, width: shape.width + 2 * margin, height: shape.height + 2 * margin }, image)
  const own = Math.max(box.width, box.height) / Math.max(1e-9, Math.min(box.width, box.height))
  if (exactMaxRatio !== null && own <= exactMaxRatio) return box
  const ratio = aspectRatioValue(nearestAspectRatio(box.width, box.height))
  // Grown on its short side to the ratio (never cut: the shape stays whole), then moved back inside the image.
  const width = Math.max(box.width, box.height * ratio)
  const height = Math.max(box.height, box.width / ratio)
  box = { x: box.x - (width - box.width) / 2, y: box.y - (height - box.height) / 2, width, height }
  return intersect(
    { ...box, x: clamp(box.x, image.x, image.x + image.width - box.width), y: clamp(box.y, image.y, image.y + image.height - box.height) },
    image,
  )
}

function areaPrompt(prompt: string, erase: boolean): string {
  const keep = 'Keep everything near the edges exactly as it is, so the result blends into the rest of the image.'
  if (erase) return `This is part of a larger image. Remove what is in the middle of it and continue the surrounding background, texture and light across that space, as if it had never been there. ${keep}`
  return `This is part of a larger image. Change only what is in the middle of it: ${prompt.trim()}. ${keep}`
}

function boxOf(layer: PlacedLayer): Box {
  return { x: layer.area.x, y: layer.area.y, width: layer.width, height: layer.height }
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function intersect(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) }
}

function clamp(value: number, low: number, high: number): number {
  return high < low ? low : Math.min(Math.max(value, low), high)
}
