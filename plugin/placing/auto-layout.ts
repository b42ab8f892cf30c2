// A frame with auto layout places its children itself (docs/contracts.md#figma-auto-layout):
// a layer the plugin adds there must keep the designer's flow as it was.

/** Whether `node` places its children itself: a frame with auto layout (any `layoutMode` but 'NONE'). */
export function isAutoLayout(node: BaseNode | null | undefined): boolean {
  return !!node && 'layoutMode' in node && node.layoutMode !== 'NONE'
}

/** Whether `node` is one of the children its parent's auto layout places: taking it out moves the others. */
export function isInFlow(node: SceneNode): boolean {
  return isAutoLayout(node.parent) && 'layoutPositioning' in node && node.layoutPositioning !== 'ABSOLUTE'
}

/**
 * A layer just put in `node.parent` taken out of its auto layout's flow (none
 * of the designer's layers move, a hugging frame keeps its size) while staying
 * in the frame; the caller sets its x and y after, as the layout no longer
 * does. Nothing to do in any other parent.
 */
export function keepOutOfFlow(node: SceneNode): void {
  if (isAutoLayout(node.parent) && 'layoutPositioning' in node) node.layoutPositioning = 'ABSOLUTE'
}

/**
 * The index in `parent` that draws a new layer just above `below`, or under
 * every other child with `below` null: an auto layout may draw its first
 * child on top (`itemReverseZIndex`).
 */
export function indexAbove(parent: BaseNode & ChildrenMixin, below: SceneNode | null): number {
  const firstOnTop = isAutoLayout(parent) && 'itemReverseZIndex' in parent && parent.itemReverseZIndex === true
  if (!below) return firstOnTop ? parent.children.length : 0
  const index = parent.children.indexOf(below)
  return firstOnTop ? index : index + 1
}
