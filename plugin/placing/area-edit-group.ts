import { RECORD_KEY } from '../history/record'

// An Edit area result is a group of the designer's shape (its mask) and the
// answer; relaunch buttons sit on the group, the image is the answer's fill.

export type Mask = SceneNode & { isMask: boolean }

/** An edit's group as placeOverArea makes it: the shape as its mask, first, and the answer over it. */
export interface AreaEdit {
  group: GroupNode
  mask: Mask
  answer: RectangleNode
}

/** The parts of an edit's group; null for any other layer (a file may hold anything under that name). */
export function areaEditOf(node: BaseNode | null | undefined): AreaEdit | null {
  if (!node || node.type !== 'GROUP' || node.getPluginData(RECORD_KEY) === '') return null
  const group = node as GroupNode
  const [mask, answer] = group.children
  if (group.children.length !== 2 || (mask as Partial<Mask>).isMask !== true || answer.type !== 'RECTANGLE') return null
  return { group, mask: mask as Mask, answer: answer as RectangleNode }
}
