import type { AspectRatio } from '../../../common/domain'
import type { ExpandSource, NoExpandReason, SelectedLayer } from '../../../common/selection'
import { ASPECT_RATIOS, type FramedImage, type PixelSize, frameAtRatio, nearestAspectRatio, scaleSize } from '../../../common/sizes'
import type { ReadyKit } from '../../brand-kit/ready-kit'
import { type Offer, clickAction, promptProblems, withKit } from './offer'
import { fitFrame } from '../../models/frame-size'
import { sizeCovering } from './plan-tasks'
import type { InputCanvas } from '../../image/input-canvas'
import type { Order, TaskSpec } from './task'
import { nextId } from '../next-id'

/** The colour that marks the part to fill for a model that may not read transparency: named in the instruction. */
export const EXPAND_MARK = '#00FF00'
/** Expand's input, long side in pixels: enough of the picture for the model to continue it. */
const INPUT_LONG_SIDE = 2048
/** Growth of the image's area below which a ratio is its own, rounded: nothing to continue. */
const MIN_GROWTH = 0.02

/**
 * Expand, offered for one layer selected alone: a frame with an image that
 * leaves part of it empty, continued to the frame's edges; or an image with no
 * such frame, continued to a frame of the ratio chosen on the action (`chosen`
 * when it is one of those offered). The brand kit goes with it as with Refine:
 * its references follow the image as inputs, its palette and note the instruction.
 */
export function planExpandActions(
  order: Order,
  selection: SelectedLayer[],
  chosen: AspectRatio | undefined,
  kit: ReadyKit | null | undefined,
): Offer[] {
  const layer = selection.length === 1 ? selection[0] : undefined
  if (layer?.expand) {
    const task = planExpand(order, { ...layer, expand: layer.expand })
    return [{ kind: 'expand', label: 'Expand', problems: promptProblems(order.prompt, 'expand', order.settings), ...clickAction('expand', withKit([task], kit), 1) }]
  }
  const ratios = layer?.expandsToRatio ? expandRatios(layer) : []
  if (!layer || ratios.length === 0) return []
  const ratio = chosen && ratios.includes(chosen) ? chosen : defaultRatio(layer, ratios, order.settings.aspectRatio)
  const options = ratios.map((value) => {
    const frame = frameAtRatio(layer, value)
    return { value, label: `${value} · ${Math.round(frame.width)}×${Math.round(frame.height)}` }
  })
  const task = planExpandToRatio(order, layer, ratio)
  return [{ kind: 'expand', label: 'Expand', ratio: { value: ratio, options }, problems: promptProblems(order.prompt, 'expand', order.settings), ...clickAction('expand', withKit([task], kit), 1) }]
}

/**
 * The ratios an image can be expanded to: every one wider or taller than its
 * own; one within MIN_GROWTH of it would leave a sliver to continue.
 */
export function expandRatios(image: PixelSize): AspectRatio[] {
  return ASPECT_RATIOS.filter((ratio) => {
    const frame = frameAtRatio(image, ratio)
    return (frame.width * frame.height) / (image.width * image.height) - 1 >= MIN_GROWTH
  })
}

/**
 * The panel's aspect ratio when the designer set one other than the image's
 * (the panel starts from the image's own when it would fill it), else the
 * usual banner and story shapes, else the first that grows it.
 */
function defaultRatio(image: PixelSize, ratios: AspectRatio[], panel: AspectRatio): AspectRatio {
  const own = nearestAspectRatio(image.width, image.height)
  const wanted: AspectRatio[] = [...(panel !== own ? [panel] : []), '16:9', '9:16']
  return wanted.find((ratio) => ratios.includes(ratio)) ?? ratios[0]
}

/**
 * Expand: the image in `frame` continued to the frame's edges. The input is
 * the frame's shape with the image where it sits and the rest empty
 * (transparent on a model that answers with transparency, so reads it; a flat
 * colour the instruction names otherwise); the answer lands behind the image,
 * covering the frame, and the image stays on top untouched.
 */
export function planExpand(order: Order, frame: SelectedLayer & { expand: ExpandSource }): TaskSpec {
  const { expand } = frame
  const image: SelectedLayer = { id: expand.imageId, name: expand.imageName, type: 'RECTANGLE', width: expand.width, height: expand.height, fillable: true, madeHere: false }
  const framed = { width: frame.width, height: frame.height, x: expand.x, y: expand.y }
  return expandTask(order, image, framed, { label: `Expand ${frame.name}`, targetIds: [frame.id], name: `${frame.name} · expanded` })
}

/**
 * Expand to a ratio: the image on a canvas of the frame the sandbox will make
 * around it (its own size kept, the frame grown on one axis to `ratio`, the
 * image centred), and the answer behind it in that frame.
 */
export function planExpandToRatio(order: Order, image: SelectedLayer, ratio: AspectRatio): TaskSpec {
  const framed = frameAtRatio(image, ratio)
  return expandTask(order, image, framed, { label: `Expand ${image.name} to ${ratio}`, targetIds: [image.id], name: `${image.name} · expanded`, expandTo: ratio })
}

/**
 * An input canvas of `canvas`'s shape with the image drawn at `image` (both in
 * the same units, e.g. the frame's), scaled to INPUT_LONG_SIDE; the rest
 * transparent on a model that answers with transparency, so reads it, else
 * the flat colour the instruction names. Expand's, and Every format's.
 */
export function inputCanvas(canvas: PixelSize, image: FramedImage, transparent: boolean): InputCanvas {
  const scale = INPUT_LONG_SIDE / Math.max(canvas.width, canvas.height)
  return {
    width: Math.round(canvas.width * scale),
    height: Math.round(canvas.height * scale),
    x: Math.round(image.x * scale),
    y: Math.round(image.y * scale),
    imageWidth: Math.round(image.width * scale),
    imageHeight: Math.round(image.height * scale),
    background: transparent ? 'transparent' : EXPAND_MARK,
  }
}

/** Both forms: `image` drawn at its box on a canvas of the frame's shape, the answer landing behind it. */
function expandTask(order: Order, image: SelectedLayer, framed: FramedImage, landing: Pick<TaskSpec, 'label' | 'targetIds' | 'name' | 'expandTo'>): TaskSpec {
  const transparent = order.model.backgrounds.includes('transparent')
  // The image's export where it falls: larger than the image when it is turned or has a shadow.
  const drawn = image.drawn ?? { x: 0, y: 0, ...image }
  const canvas = inputCanvas(framed, { ...drawn, x: framed.x + drawn.x, y: framed.y + drawn.y }, transparent)
  const size = { width: framed.width, height: framed.height }
  // A model that makes explicit pixels is asked for the frame's own shape at the density, within its
  // limits (docs/contracts.md#exact-sizes), not the nearest tier's ratio; a tier model gets tiers.
  const exact = order.model.exactSize ? fitFrame(order.model, order.settings, size, { keepFullResolution: order.keepFullResolution ?? false }).exactSize : undefined
  const aspectRatio = nearestAspectRatio(framed.width, framed.height)
  return {
    id: nextId('expand'),
    ...landing,
    model: order.model,
    prompt: expandPrompt(order.prompt, transparent),
    // The record keeps the designer's words and the image, so Regenerate expands the same image again.
    designerPrompt: order.prompt,
    expandedImageId: image.id,
    settings: {
      ...order.settings,
      aspectRatio,
      // Made at twice the frame's size (retina), as a frame's fill is.
      imageSize: sizeCovering(aspectRatio, scaleSize(size, 2), order.model.sizes),
      // A background mode would repaint the part kept; fonts need text the instruction does not quote.
      background: 'original',
      fontInputs: [],
    },
    inputs: [{ layer: image, constraint: { type: 'WIDTH', value: canvas.imageWidth }, canvas }],
    references: [],
    placement: 'behind',
    size,
    ...(exact && { exactSize: exact }),
    reveal: true,
  }
}

/** What the model is asked: continue the picture, keep what is there; the designer's prompt says what to add. */
function expandPrompt(prompt: string, transparent: boolean): string {
  const empty = transparent ? 'the transparent area around it' : `the flat ${EXPAND_MARK} green area around it`
  const own = prompt.trim()
  return [
    `Expand this picture: continue it seamlessly into ${empty}, so the whole canvas is one image with matching perspective, light, colour and texture, and nothing of that ${transparent ? 'transparency' : 'green'} left.`,
    'Keep the existing picture exactly as it is.',
    own && `In the new area: ${own}`,
  ]
    .filter(Boolean)
    .join(' ')
}

/** What each reason Expand cannot frame an image alone is, in a designer's words, and what changes it. */
const NO_EXPAND: Record<NoExpandReason, { image: string; fix: string }> = {
  locked: { image: 'a locked image', fix: 'unlock it' },
  rotated: { image: 'a rotated image', fix: 'straighten it (rotation 0°)' },
  'auto-layout': { image: 'an image in an auto layout', fix: 'move it out of the auto layout frame' },
}

/**
 * Why Expand is not offered where a designer may look for it: a frame its
 * image already covers (what would give it room), or an image alone that it
 * cannot frame (what to change, or the frame to select that expands it).
 */
export function expandHint(selection: readonly SelectedLayer[]): string[] {
  const layer = selection.length === 1 ? selection[0] : undefined
  if (layer?.noExpand) {
    const { image, fix } = NO_EXPAND[layer.noExpand.reason]
    const frame = layer.noExpand.frame
    return [`Expand is not offered for ${image}: ${fix}${frame === undefined ? ' to expand it' : `, or select “${frame}” to expand into it`}.`]
  }
  if (layer?.filledBy === undefined) return []
  const alone = layer.filledByFramable ? ', or select the image and choose a ratio' : ''
  return [`“${layer.filledBy}” already fills “${layer.name}”: to expand it, make the frame larger than the image${alone}.`]
}
