import type { AspectRatio } from '../../common/domain'
import type { PlacedImage } from '../../common/messages'
import type { NoExpandReason } from '../../common/selection'
import { frameAtRatio } from '../../common/sizes'
import { isAutoLayout, isInFlow } from './auto-layout'
import { pageOf, takesNewLayers } from './new-layer'
import { RECORD_KEY } from '../history/record'
import { setRelaunchButtons } from '../relaunch/relaunch-buttons'

/** Layers a designer means by "an image": a placed picture is a rectangle with an image fill, or a frame filled with one. */
const IMAGE_TYPES = new Set(['RECTANGLE', 'FRAME'])
/** Parents that take a frame at a place of their own choosing (not a boolean, and nothing inside an instance). */
const FREE_PARENTS = new Set(['PAGE', 'FRAME', 'GROUP', 'SECTION', 'COMPONENT'])

/**
 * Whether Expand may make a frame of a chosen ratio around this layer, now:
 * it shows an image, is visible, its parent takes a frame where the image is,
 * and nothing `refusalOf` names stops it.
 */
export function canFrame(node: BaseNode | null | undefined): node is RectangleNode | FrameNode {
  return isImageToFrame(node) && refusalOf(node) === undefined
}

/**
 * Why Expand cannot frame this image, when it is something the designer can
 * change (the panel says what to do); undefined when it can, or when it is no
 * image Expand could frame whatever they did here (hidden, in an instance).
 */
export function frameRefusal(node: BaseNode): NoExpandReason | undefined {
  return isImageToFrame(node) ? refusalOf(node) : undefined
}

/**
 * A layer that shows an image and stands in a parent that takes a frame where
 * it is (not a boolean, nothing inside an instance or a locked layer, which
 * refuse new children: docs/contracts.md#figma-frames-and-moving-layers).
 */
function isImageToFrame(node: BaseNode | null | undefined): node is RectangleNode | FrameNode {
  if (!node || !IMAGE_TYPES.has(node.type)) return false
  const image = node as RectangleNode | FrameNode
  if (image.removed || !image.visible || image.width < 1 || image.height < 1) return false
  if (!Array.isArray(image.fills) || !image.fills.some((fill: Paint) => fill.type === 'IMAGE' && fill.visible !== false)) return false
  const parent = image.parent
  return !!parent && FREE_PARENTS.has(parent.type) && takesNewLayers(parent)
}

/**
 * What stops such an image being framed: locked (the designer froze it), turned
 * (the frame is its box grown), or placed by an auto layout, which would move
 * the frame (and the image in it) elsewhere, or, around a group holding it,
 * move the layers after the group.
 */
function refusalOf(image: RectangleNode | FrameNode): NoExpandReason | undefined {
  if (image.locked) return 'locked'
  if (image.rotation !== 0) return 'rotated'
  if (isAutoLayout(image.parent) || (image.parent && growsAFlow(image.parent))) return 'auto-layout'
  return undefined
}

/**
 * Whether the frame, grown past the image, would grow a group that an auto
 * layout places: the layout would then move the designer's other layers.
 */
function growsAFlow(parent: BaseNode): boolean {
  for (let at: BaseNode | null = parent; at && at.type === 'GROUP'; at = at.parent) {
    if (isInFlow(at as GroupNode)) return true
  }
  return false
}

/**
 * Expand to a ratio's result: a frame of `ratio` made where the image is, at
 * its place in the layer order, the image moved into it at the same place on
 * the page (pixel for pixel, its fills untouched), and the answer behind it
 * covering the frame; the caller ends the undo step. Null when the image can
 * no longer be framed (deleted, locked, moved into an auto layout), so the
 * caller puts the paid image elsewhere; a failure midway puts the image back.
 */
export async function placeInNewFrameAsync(target: BaseNode | undefined, ratio: AspectRatio, paint: ImagePaint, record: string, name: string): Promise<PlacedImage | null> {
  if (!canFrame(target)) return null
  const image = target
  const parent = image.parent as BaseNode & ChildrenMixin
  // With dynamic-page access the image's page must be loaded before its parent takes a child.
  await pageOf(image)?.loadAsync()
  const box = frameAtRatio({ width: image.width, height: image.height }, ratio)
  const was = { index: parent.children.indexOf(image), x: image.x, y: image.y }
  const frame = figma.createFrame()
  const node = figma.createRectangle()
  try {
    frame.name = `${image.name} · ${ratio}`
    // A new frame is white (docs/contracts.md#figma-frames-and-moving-layers): nothing of it should show at the answer's edges.
    frame.fills = []
    // Nor cut anything: the image's shadow or outside stroke still shows at the edges it touches.
    frame.clipsContent = false
    frame.resize(box.width, box.height)
    // It stands where the image stood, and follows its parent's resizing as the image did.
    frame.constraints = image.constraints
    node.name = name
    node.resize(box.width, box.height)
    node.fills = [paint]
    node.setPluginData(RECORD_KEY, record)
    setRelaunchButtons(node)
    frame.appendChild(node)
    node.x = 0
    node.y = 0
    parent.insertChild(was.index, frame)
    frame.x = was.x - box.x
    frame.y = was.y - box.y
    // Moved, its x and y are read in the frame: set again, so it stays where it was on the page.
    frame.appendChild(image)
    image.x = box.x
    image.y = box.y
  } catch (error) {
    // As it was: the image where it stood, no empty frame; the UI keeps the paid image with Retry and Download.
    if (image.parent !== parent) parent.insertChild(was.index, image)
    image.x = was.x
    image.y = was.y
    node.remove()
    frame.remove()
    throw error
  }
  return { nodeIds: [node.id], placement: 'behind' }
}
