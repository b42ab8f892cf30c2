import type { ExpandSource, SelectedLayer } from '../../../common/selection'
import { nearestAspectRatio } from '../../../common/sizes'
import { clickAction } from './click-action'
import type { BatchAction } from './plan-click'
import { sizeCovering } from './plan-tasks'
import type { InputCanvas, Order, TaskSpec } from './task'

/** The colour that marks the part to fill for a model that may not read transparency: named in the instruction. */
export const EXPAND_MARK = '#00FF00'
/** Expand's input, long side in pixels: enough of the picture for the model to continue it. */
const INPUT_LONG_SIDE = 2048

let counter = 0

/** Expand, offered for one selected frame with an image that leaves part of it empty: the picture continued to the frame's edges. */
export function planExpandActions(order: Order, selection: SelectedLayer[], choices: BatchAction['choices']): BatchAction[] {
  const frame = selection.length === 1 ? selection[0] : undefined
  if (!frame?.expand) return []
  const task = planExpand(order, { ...frame, expand: frame.expand })
  return [{ kind: 'expand', label: `Expand “${frame.expand.imageName}” to fill “${frame.name}”`, choices, problems: [], ...clickAction('expand', [task], 1) }]
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
  const scale = INPUT_LONG_SIDE / Math.max(frame.width, frame.height)
  const transparent = order.model.backgrounds.includes('transparent')
  const canvas: InputCanvas = {
    width: Math.round(frame.width * scale),
    height: Math.round(frame.height * scale),
    x: Math.round(expand.x * scale),
    y: Math.round(expand.y * scale),
    imageWidth: Math.round(expand.width * scale),
    imageHeight: Math.round(expand.height * scale),
    background: transparent ? 'transparent' : EXPAND_MARK,
  }
  const image: SelectedLayer = { id: expand.imageId, name: expand.imageName, type: 'RECTANGLE', width: expand.width, height: expand.height, fillable: true, madeHere: false }
  return {
    id: `expand-${Date.now().toString(36)}-${++counter}`,
    label: `Expand ${frame.name}`,
    model: order.model,
    prompt: expandPrompt(order.prompt, transparent),
    settings: {
      ...order.settings,
      aspectRatio: nearestAspectRatio(frame.width, frame.height),
      imageSize: sizeCovering(Math.max(frame.width, frame.height) * 2, order.model.sizes),
      // A background mode would repaint the part kept; fonts need text the instruction does not quote.
      background: 'original',
      fontInputs: [],
    },
    inputs: [{ layer: image, constraint: { type: 'WIDTH', value: canvas.imageWidth }, canvas }],
    references: [],
    placement: 'behind',
    targetIds: [frame.id],
    size: { width: frame.width, height: frame.height },
    name: `${frame.name} · expanded`,
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
