import type { ExpandSource, PageBox } from '../../common/selection'
import type { PlacedImage } from '../../common/messages'
import { indexAbove } from './auto-layout'
import { createImageLayer, takesNewLayers } from './new-layer'

/** Frames hold their children in their own coordinates; these are the ones Expand works in (an instance takes no new children). */
const FRAME_TYPES = new Set(['FRAME', 'COMPONENT'])
/** Under half a pixel of gap is a rounding of the layout, not an empty part to fill. */
const GAP = 0.5

/**
 * The image Expand would continue in this frame: its one visible child with
 * an image fill, when that child leaves part of the frame empty. Undefined
 * when there is none, several, or the image already covers the frame.
 */
export function expandSourceOf(node: SceneNode): ExpandSource | undefined {
  const image = frameImageOf(node)
  if (!image || coversFrame(image, node) || image.width < 1 || image.height < 1) return undefined
  const own = { x: image.x, y: image.y, width: image.width, height: image.height }
  // Where its export falls: Expand draws it there.
  return { imageId: image.id, imageName: image.name, ...(drawnBoxOf(image, node, own) ?? own) }
}

/**
 * Where an export of the image falls in `space` (its frame, or the image itself),
 * when that is not `own`, its box there: a turned image exports upright in the
 * box around it, a shadow or a stroke outside it makes the export larger. Read
 * on the page, so only in a space upright there; undefined when it is `own` (to a hair).
 */
export function drawnBoxOf(image: SceneNode, space: SceneNode, own: PageBox): PageBox | undefined {
  const bounds = 'absoluteRenderBounds' in image ? image.absoluteRenderBounds : null
  const spaceBox = space.absoluteBoundingBox
  const [[a, b], [c, d]] = space.absoluteTransform
  if (!bounds || !spaceBox || Math.abs(a - 1) > 1e-6 || Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || Math.abs(d - 1) > 1e-6) return undefined
  const drawn = { x: bounds.x - spaceBox.x, y: bounds.y - spaceBox.y, width: bounds.width, height: bounds.height }
  const same = (u: number, v: number) => Math.abs(u - v) < 0.01
  return same(drawn.x, own.x) && same(drawn.y, own.y) && same(drawn.width, own.width) && same(drawn.height, own.height) ? undefined : drawn
}

/** The one image that already covers this frame: Expand has nothing to fill, and says so. */
export function coveringImageOf(node: SceneNode): SceneNode | undefined {
  const image = frameImageOf(node)
  return image && coversFrame(image, node) ? image : undefined
}

/** The frame's one visible child with an image fill; null for anything else. */
function frameImageOf(node: SceneNode): SceneNode | null {
  if (!takesLayer(node) || !('children' in node) || node.width < 1 || node.height < 1) return null
  const images = node.children.filter((child) => child.visible && 'fills' in child && Array.isArray(child.fills) && child.fills.some((fill: Paint) => fill.type === 'IMAGE'))
  return images.length === 1 ? images[0] : null
}

function coversFrame(image: SceneNode, frame: SceneNode): boolean {
  return image.x <= GAP && image.y <= GAP && image.x + image.width >= frame.width - GAP && image.y + image.height >= frame.height - GAP
}

/**
 * Expand's result (and a format's): a new layer covering the frame, under the
 * designer's layers, so their image stays on top of it pixel for pixel and
 * untouched; the caller ends the undo step. It goes at the bottom, or just
 * above a background the designer drew (the bottom layer, covering the whole
 * frame), which would otherwise hide it, and above every layer of `over` (a
 * format's earlier results it cannot replace). In a frame with auto layout it stays
 * out of the flow, so no layer of the designer's moves and the frame keeps its
 * size. Null when the frame can no longer take it (deleted, locked, or no longer a frame).
 */
export function placeBehind(target: BaseNode | undefined, paint: ImagePaint, record: string, name: string, over: readonly SceneNode[] = []): PlacedImage | null {
  if (!target || !takesLayer(target) || !('insertChild' in target)) return null
  const frame = target as FrameNode
  // Its size is read before it goes in: in a flow, a hugging frame grows until the layer is taken out again.
  const size = { width: frame.width, height: frame.height }
  const node = createImageLayer(name, size, paint, record, { parent: frame, index: indexAbove(frame, drawnHighest(frame, [backgroundOf(frame), ...over])), x: 0, y: 0, outOfFlow: true })
  return { nodeIds: [node.id], placement: 'behind' }
}

/** Of these children of `frame`, the one drawn on top of the others; null for none. */
function drawnHighest(frame: FrameNode, nodes: readonly (SceneNode | null)[]): SceneNode | null {
  // An auto layout may draw its first child on top (itemReverseZIndex).
  const firstOnTop = indexAbove(frame, null) > 0
  let highest: SceneNode | null = null
  for (const node of nodes) {
    if (!node) continue
    const higher = highest === null || (firstOnTop ? frame.children.indexOf(node) < frame.children.indexOf(highest) : frame.children.indexOf(node) > frame.children.indexOf(highest))
    if (higher) highest = node
  }
  return highest
}

/** A frame or component Expand's result can go in: nothing locked or an instance around it. */
function takesLayer(node: BaseNode): boolean {
  return FRAME_TYPES.has(node.type) && takesNewLayers(node)
}

/** The frame's bottom layer when it is a background: shown, and covering the whole frame. */
function backgroundOf(frame: FrameNode): SceneNode | null {
  const children = frame.children
  const bottom = indexAbove(frame, null) === 0 ? children[0] : children[children.length - 1]
  return bottom && bottom.visible && coversFrame(bottom, frame) ? bottom : null
}
