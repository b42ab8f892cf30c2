import type { AreaTarget } from '../../common/selection'
import type { PlacedImage } from '../../common/messages'
import { type AreaEdit, type Mask, areaEditOf } from './area-edit-group'
import { indexAbove, isInFlow, keepOutOfFlow } from './auto-layout'
import { createImageLayer } from './new-layer'
import { rememberPrevious } from './previous-image'
import { RECORD_KEY } from '../history/record'
import { setRelaunchButtons } from '../relaunch/relaunch-buttons'

type Box = { x: number; y: number; width: number; height: number }
type Parent = BaseNode & ChildrenMixin
/** Under half a pixel: a rounding of the box, not a move. */
const NUDGE = 0.5

/**
 * Edit area's result over the image: the answer (already limited to the shape
 * with a soft edge, in the UI) on a new layer at the area's box, right above
 * the image, grouped with the shape the designer drew, which becomes the
 * group's mask: no stray shape is left, the image is untouched, and deleting
 * the group undoes the edit; the caller ends the undo step. In a frame with
 * auto layout the group stays out of the flow, so no layer of the designer's
 * moves. A relaunch on an edit sends that edit's mask as the shape:
 * Regenerate puts the answer in its place (the earlier one kept for Restore
 * previous), More like this makes another edit above it with a copy of the
 * mask. All of it is measured from where the image is now: moved with the
 * image (its frame dragged meanwhile), the shape still masks it. A shape
 * deleted, moved or changed on its own would mask the answer somewhere else,
 * showing nothing: the answer then goes over the image at the area's place on
 * a layer of its own, the shape left as it is, and Figma says so. The image's
 * own lock does not stop it: the edit never changes the image, and a designer
 * locks a photo to keep it still while drawing over it. Null when the image
 * can no longer take it (deleted, in no frame or page).
 */
export function placeOverArea(image: BaseNode | undefined, area: AreaTarget, shape: BaseNode | null, paint: ImagePaint, record: string, name: string): PlacedImage | null {
  if (!image || !('parent' in image)) return null
  const picture = image as SceneNode
  const parent = picture.parent
  if (!parent || !('insertChild' in parent)) return null
  // Where the image is now against where it was planned: a frame moved with the image and the shape
  // moves the area with them (nothing when the image has not moved, or the plan did not say).
  const now = picture.absoluteBoundingBox
  const moved = now && area.image ? { x: now.x - area.image.x, y: now.y - area.image.y } : { x: 0, y: 0 }
  // The box is on the page; the answer is placed in the image's parent's space (a group's children are too).
  const offset = { x: picture.x - (now?.x ?? picture.x), y: picture.y - (now?.y ?? picture.y) }
  const box = { x: area.x + moved.x + offset.x, y: area.y + moved.y + offset.y, width: area.width, height: area.height }
  const edit = shape && 'parent' in shape ? areaEditOf(shape.parent) : null
  // Another take of an edit goes above it: under it, the earlier edit would hide it.
  const below = edit && edit.group.parent === parent ? edit.group : picture
  const changed = shapeChange(shape as SceneNode | null, edit, parent, { ...area.shape, x: area.shape.x + moved.x, y: area.shape.y + moved.y })
  if (changed !== null) {
    const node = layerAt(name, box, paint, record, parent, below)
    const left = shape && !shape.removed ? `; “${shape.name}” is left as it is` : ''
    figma.notify(`${changed}, so the edit went over “${picture.name}” where the shape was, on a layer of its own${left}.`)
    return { nodeIds: [node.id], placement: 'area' }
  }
  if (edit && area.replace) return replaceEdit(edit, box, paint, record)
  // Where the designer drew the shape, to put it back if the edit cannot be made.
  const drawn = shape as Mask
  const was = { next: parent.children[parent.children.indexOf(drawn) + 1] ?? null, x: drawn.x, y: drawn.y }

  const node = layerAt(name, box, paint, record, parent, below)
  let mask: Mask | null = null
  try {
    const group = figma.group([node], parent, parent.children.indexOf(node))
    keepOutOfFlow(group)
    mask = edit ? (edit.mask.clone() as Mask) : drawn
    // Read before the move: in the group it is still in the parent's space, so the same x and y.
    const maskAt = { x: mask.x, y: mask.y }
    group.insertChild(0, mask)
    mask.isMask = true
    // Placed last: in an auto layout the flow moved the group, and the layers in it, until it was taken out.
    node.x = box.x
    node.y = box.y
    mask.x = maskAt.x
    mask.y = maskAt.y
    group.name = name
    group.setPluginData(RECORD_KEY, record)
    setRelaunchButtons(group)
    return { nodeIds: [group.id], placement: 'area' }
  } catch (error) {
    // As it was: the designer's shape back where they drew it, no half-made edit; the UI keeps the paid image.
    if (mask === drawn) {
      drawn.isMask = false
      // Back under the layer that was above it: the half-made group may stand between them for now.
      if (drawn.parent !== parent) parent.insertChild(was.next?.parent === parent ? parent.children.indexOf(was.next) : parent.children.length, drawn)
      // A shape in an auto layout was out of its flow (a shape in the flow is never used as a mask).
      keepOutOfFlow(drawn)
      drawn.x = was.x
      drawn.y = was.y
    } else mask?.remove()
    node.remove()
    throw error
  }
}

/**
 * Why the shape can no longer mask the answer where the panel planned it,
 * for the designer; null when it can. Deleted, locked, in another frame, in
 * an auto layout's flow (taking it out would move the layers after it), or
 * no longer at the box the panel planned with (its width and height, or its
 * bounding box when it is rotated).
 */
function shapeChange(shape: SceneNode | null, edit: AreaEdit | null, parent: Parent, planned: Box): string | null {
  if (!shape || shape.removed) return 'The shape of the area was deleted'
  const near = (a: number, b: number) => Math.abs(a - b) <= NUDGE
  const box = shape.absoluteBoundingBox
  const sized = (width: number, height: number) => near(width, planned.width) && near(height, planned.height)
  if (!box || !near(box.x, planned.x) || !near(box.y, planned.y) || !(sized(shape.width, shape.height) || sized(box.width, box.height))) {
    return `“${shape.name}” was moved or resized while the edit was generating`
  }
  const inParent = edit ? edit.group.parent === parent : shape.parent === parent
  // A fresh shape is moved into the edit's group, so its lock stops it; an edit's mask is copied, so its lock does not.
  if (!inParent || (!edit && (shape.locked || isInFlow(shape)))) {
    return `“${shape.name}” was locked, or moved to another frame or into an auto layout, while the edit was generating`
  }
  return null
}

/**
 * The answer on a new layer at `box`, just above `below`, out of an auto
 * layout's flow. No relaunch buttons: in an edit's group the group has them,
 * and alone, with no shape to mask it, the edit cannot be made again from it.
 */
function layerAt(name: string, box: Box, paint: ImagePaint, record: string, parent: Parent, below: SceneNode): RectangleNode {
  return createImageLayer(name, box, paint, record, { parent, index: indexAbove(parent, below), x: box.x, y: box.y, outOfFlow: true }, false)
}

/** Regenerate on an edit: the new answer in the old one's place, which Restore previous brings back. */
function replaceEdit({ group, answer }: AreaEdit, box: Box, paint: ImagePaint, record: string): PlacedImage | null {
  if (answer.locked) return null
  rememberPrevious(answer)
  answer.fills = [paint]
  answer.resize(box.width, box.height)
  answer.x = box.x
  answer.y = box.y
  answer.setPluginData(RECORD_KEY, record)
  group.setPluginData(RECORD_KEY, record)
  setRelaunchButtons(group)
  return { nodeIds: [group.id], placement: 'area' }
}
