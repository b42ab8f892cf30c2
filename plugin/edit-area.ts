import type { AreaTarget } from '../common/selection'
import type { PlacedImage } from '../common/messages'
import { RECORD_KEY } from './record'
import { setRelaunchButtons } from './relaunch-buttons'

/**
 * Edit area's result over the image: the answer (already limited to the shape
 * with a soft edge, in the UI) on a new layer at the area's box, right above
 * the image, grouped with the shape the designer drew, which becomes the
 * group's mask: no stray shape is left, the image is untouched, and deleting
 * the group undoes the edit; the caller ends the undo step. Null when the image or the shape can no longer
 * take it (deleted, locked, moved to another frame).
 */
export function placeOverArea(image: BaseNode | undefined, area: AreaTarget, shape: BaseNode | null, paint: ImagePaint, record: string, name: string): PlacedImage | null {
  if (!image || !shape || !('parent' in image) || !('parent' in shape)) return null
  const parent = image.parent
  if (!parent || parent !== shape.parent || !('insertChild' in parent) || (image as SceneNode).locked || (shape as SceneNode).locked) return null
  const picture = image as SceneNode
  // The box is on the page; the new layer is placed in the image's parent's space.
  const offset = { x: picture.x - (picture.absoluteBoundingBox?.x ?? picture.x), y: picture.y - (picture.absoluteBoundingBox?.y ?? picture.y) }
  const node = figma.createRectangle()
  try {
    node.name = name
    node.resize(area.width, area.height)
    node.fills = [paint]
    parent.insertChild(parent.children.indexOf(picture) + 1, node)
    node.x = area.x + offset.x
    node.y = area.y + offset.y
  } catch (error) {
    // No orphan layer: the UI keeps the paid image with Retry and Download.
    node.remove()
    throw error
  }
  const group = figma.group([node], parent, parent.children.indexOf(node))
  const mask = shape as SceneNode & { isMask: boolean }
  group.insertChild(0, mask)
  mask.isMask = true
  group.name = name
  group.setPluginData(RECORD_KEY, record)
  setRelaunchButtons(group)
  return { nodeIds: [group.id], placement: 'area' }
}
