import type { AreaTarget } from '../common/selection'
import type { PlacedImage } from '../common/messages'
import { type AreaEdit, type Mask, areaEditOf } from './area-edit-group'
import { indexAbove, isInFlow, keepOutOfFlow } from './auto-layout'
import { createImageLayer } from './new-layer'
import { rememberPrevious } from './previous-image'
import { RECORD_KEY } from './record'
import { setRelaunchButtons } from './relaunch-buttons'

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
 * mask. Null when the image or the shape can no longer take it (deleted,
 * locked, moved to another frame, or the shape into an auto layout's flow,
 * which would close up without it).
 */
export function placeOverArea(image: BaseNode | undefined, area: AreaTarget, shape: BaseNode | null, paint: ImagePaint, record: string, name: string): PlacedImage | null {
  if (!image || !shape || !('parent' in image) || !('parent' in shape)) return null
  const parent = image.parent
  const edit = areaEditOf(shape.parent)
  const shapeParent = edit ? edit.group.parent : shape.parent
  if (!parent || parent !== shapeParent || !('insertChild' in parent) || (image as SceneNode).locked || (shape as SceneNode).locked) return null
  if (!edit && isInFlow(shape as SceneNode)) return null
  const picture = image as SceneNode
  // The box is on the page; the answer is placed in the image's parent's space (a group's children are too).
  const offset = { x: picture.x - (picture.absoluteBoundingBox?.x ?? picture.x), y: picture.y - (picture.absoluteBoundingBox?.y ?? picture.y) }
  const box = { x: area.x + offset.x, y: area.y + offset.y, width: area.width, height: area.height }
  if (edit && area.replace) return replaceEdit(edit, box, paint, record)
  // Where the designer drew the shape, to put it back if the edit cannot be made.
  const drawn = shape as Mask
  const was = { next: parent.children[parent.children.indexOf(drawn) + 1] ?? null, x: drawn.x, y: drawn.y }

  const node = createImageLayer(
    name,
    box,
    paint,
    record,
    (layer) => {
      // Another take of an edit goes above it: under it, the earlier edit would hide it.
      parent.insertChild(indexAbove(parent, edit ? edit.group : picture), layer)
      keepOutOfFlow(layer)
      layer.x = box.x
      layer.y = box.y
    },
    false,
  )
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

/** Regenerate on an edit: the new answer in the old one's place, which Restore previous brings back. */
function replaceEdit({ group, answer }: AreaEdit, box: { x: number; y: number; width: number; height: number }, paint: ImagePaint, record: string): PlacedImage | null {
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
