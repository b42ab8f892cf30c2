import type { AreaFacts, NoExpand, SelectedLayer } from '../../common/selection'
import { isInFlow } from '../placing/auto-layout'
import { coveringImageOf, drawnBoxOf, expandSourceOf } from '../placing/expand-frame'
import { canFrame, frameRefusal } from '../placing/expand-ratio'
import { showsGeneration } from '../history/record'

/** Layer types that take an image fill the way a designer expects (not text, not groups). */
const FILLABLE_TYPES = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR', 'FRAME', 'COMPONENT', 'INSTANCE', 'BOOLEAN_OPERATION'])

/**
 * Whether an image fill on the layer would show: a layer of a fillable type,
 * unlocked, with an area (a 600×0 divider drawn with the pen takes a fill that
 * no one can see: a paid image must not vanish into it), and shown, as are the
 * layers around it (a hidden one can be selected in the layers panel).
 */
export function isFillable(node: BaseNode): node is SceneNode & MinimalFillsMixin {
  if (!FILLABLE_TYPES.has(node.type) || !('fills' in node)) return false
  const layer = node as SceneNode
  return !layer.locked && layer.width >= 1 && layer.height >= 1 && isShown(layer)
}

function isShown(node: SceneNode): boolean {
  for (let at: BaseNode | null = node; at && at.type !== 'PAGE'; at = at.parent) {
    if (!(at as SceneNode).visible) return false
  }
  return true
}

/** The selection as the UI needs it: what each layer is, its size, and whether it takes a fill. */
export function describeSelection(nodes: readonly SceneNode[]): SelectedLayer[] {
  return nodes.map((node) => {
    const layer: SelectedLayer = {
      id: node.id,
      name: node.name,
      type: node.type,
      width: node.width,
      height: node.height,
      fillable: isFillable(node),
      // A generated image the designer replaced by hand is theirs now: an ordinary layer, not the generation.
      madeHere: showsGeneration(node),
    }
    if (showsImage(node)) layer.showsImage = true
    if ('children' in node && node.children.length > 0) layer.holdsLayers = true
    const expand = expandSourceOf(node)
    if (expand) layer.expand = expand
    // An image alone, with no frame of its own to fill: Expand offers to make one at a ratio.
    else if (nodes.length === 1 && canFrame(node)) {
      layer.expandsToRatio = true
      const drawn = drawnBoxOf(node, node, { x: 0, y: 0, width: node.width, height: node.height })
      if (drawn) layer.drawn = drawn
    }
    else if (nodes.length === 1) {
      const filledBy = coveringImageOf(node)
      if (filledBy) layer.filledBy = filledBy.name
      if (canFrame(filledBy)) layer.filledByFramable = true
      const noExpand = noExpandOf(node)
      if (noExpand) layer.noExpand = noExpand
    }
    // Two layers selected: perhaps an image and the shape drawn over the part to edit.
    if (nodes.length === 2) layer.area = areaFactsOf(node)
    if (node.type === 'TEXT') {
      const font = node.fontName
      layer.text = {
        characters: node.characters,
        fontFamily: font === figma.mixed ? null : font.family,
        fontStyle: font === figma.mixed ? null : font.style,
      }
    }
    return layer
  })
}

/**
 * Why an image selected alone is offered no Expand, when the designer can
 * change it; with its frame's name when that frame's Expand continues it (it
 * leaves part of the frame empty), which the panel offers as the other way.
 */
function noExpandOf(node: SceneNode): NoExpand | undefined {
  const reason = frameRefusal(node)
  if (!reason) return undefined
  const frame = node.parent
  const expandsInFrame = !!frame && frame.type !== 'PAGE' && expandSourceOf(frame as SceneNode)?.imageId === node.id
  return expandsInFrame ? { reason, frame: frame.name } : { reason }
}

/**
 * Where the layer is on the page, in which parent, what its export covers,
 * whether it is turned, whether it shows an image, whether an auto layout
 * places it and whether it is locked (Edit area). Figma's box of a rotated layer is the box around it,
 * its width and height stay its own; an export covers the render bounds,
 * larger with a stroke outside or a shadow (docs/contracts.md#figma-rotation-and-render-bounds).
 */
function areaFactsOf(node: SceneNode): AreaFacts {
  const box = node.absoluteBoundingBox ?? { x: 0, y: 0, width: node.width, height: node.height }
  const exportBox = ('absoluteRenderBounds' in node ? node.absoluteRenderBounds : null) ?? box
  const rotated = !isUpright(node.relativeTransform) || !isUpright(node.absoluteTransform)
  const facts: AreaFacts = {
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    exportBox: { x: exportBox.x, y: exportBox.y, width: exportBox.width, height: exportBox.height },
    parentId: node.parent?.id ?? '',
    showsImage: showsImage(node),
    rotated,
  }
  if (isInFlow(node)) facts.inFlow = true
  if (node.locked) facts.locked = true
  return facts
}

/** Neither rotated nor flipped: the transform moves the layer and nothing else. */
function isUpright([[a, b], [c, d]]: Transform): boolean {
  const near = (value: number, to: number) => Math.abs(value - to) < 1e-6
  return near(a, 1) && near(b, 0) && near(c, 0) && near(d, 1)
}

/** Whether the layer shows an image fill: what the panel edits rather than fills. */
function showsImage(node: SceneNode): boolean {
  const fills = 'fills' in node ? node.fills : []
  return Array.isArray(fills) && fills.some((fill: Paint) => fill.type === 'IMAGE' && fill.visible !== false)
}
