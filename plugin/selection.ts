import type { SelectedLayer } from '../common/domain'
import { RECORD_KEY } from './record'

/** Layer types that take an image fill the way a designer expects (not text, not groups). */
const FILLABLE_TYPES = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR', 'FRAME', 'COMPONENT', 'INSTANCE', 'BOOLEAN_OPERATION'])

export function isFillable(node: BaseNode): node is SceneNode & MinimalFillsMixin {
  return FILLABLE_TYPES.has(node.type) && 'fills' in node && !(node as SceneNode).locked
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
      madeHere: node.getPluginData(RECORD_KEY) !== '',
    }
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
