import { ShownError } from '../answer-requests'
import { type Rect, type Size, besideRect, centredOn, clearOf, unionOf } from './layout'
import { RECORD_KEY } from '../history/record'
import { keepOutOfFlow } from './auto-layout'
import { setRelaunchButtons } from '../relaunch/relaunch-buttons'

/** Where a new image layer goes: in `parent` at `index` (on top when none), at x and y there. */
export interface LayerPlace {
  parent: BaseNode & ChildrenMixin
  index?: number
  x: number
  y: number
  /** Out of the parent's auto layout flow, so none of the designer's layers move (./auto-layout.ts). */
  outOfFlow?: boolean
}

/**
 * A rectangle showing `paint`, with the record and (unless it is the answer
 * inside an edit's group, whose group has them) relaunch buttons, put in the
 * document at `place`. Anything that throws removes it first: a layer made and
 * then refused is an empty rectangle left behind, and the UI keeps the paid
 * image with Retry and Download.
 */
export function createImageLayer(name: string, size: Size, paint: ImagePaint, record: string, place: LayerPlace, buttons = true): RectangleNode {
  const node = figma.createRectangle()
  try {
    node.name = name
    node.resize(size.width, size.height)
    node.fills = [paint]
    node.setPluginData(RECORD_KEY, record)
    if (buttons) setRelaunchButtons(node)
    // createRectangle puts it on the current page, which may not be the one it goes to.
    if (place.index === undefined) place.parent.appendChild(node)
    else place.parent.insertChild(place.index, node)
    if (place.outOfFlow) keepOutOfFlow(node)
    node.x = place.x
    node.y = place.y
  } catch (error) {
    node.remove()
    throw error
  }
  return node
}

/** The last layer each task placed and its page, so that a task's next image goes beside it. */
const lastPlacedByTask = new Map<string, { pageId: string; rect: Rect }>()

/**
 * Where a new layer of `size` goes: beside the task's previous image on this
 * page, else beside the targets, else centred in view; never over another layer.
 */
export function newLayerSpot(taskId: string, page: PageNode, targets: SceneNode[], size: Size): Rect {
  const obstacles = page.children.map(boundsOf)
  const previous = lastPlacedByTask.get(taskId)
  const anchor = unionOf(targets.map(boundsOf))
  if (previous && previous.pageId === page.id) return besideRect(previous.rect, size, obstacles)
  if (anchor) return besideRect(anchor, size, obstacles)
  return clearOf(centredOn(figma.viewport.center, size), obstacles)
}

/** Once the layer is there: the task's next image goes beside it. */
export function rememberSpot(taskId: string, page: PageNode, spot: Rect): void {
  lastPlacedByTask.set(taskId, { pageId: page.id, rect: spot })
}

/** Selects the new layer and scrolls to it when asked, on the page in view only. */
export function revealNewLayer(reveal: boolean, page: PageNode, node: SceneNode): void {
  if (!reveal) return
  // Selecting on another page, or scrolling to it, would move the designer's view off the page they chose.
  if (page.id === figma.currentPage.id) {
    page.selection = [node]
    figma.viewport.scrollAndZoomIntoView([node])
  } else {
    figma.notify(`The image went on the page “${page.name}”, beside the layer it was made from.`)
  }
}

export function boundsOf(node: SceneNode): Rect {
  const box = node.absoluteBoundingBox
  return box ?? { x: node.x, y: node.y, width: node.width, height: node.height }
}

/**
 * Whether Figma lets a layer be added inside `parent`: neither it nor a layer
 * around it is locked (the designer's lock) or an instance (Figma refuses a
 * new child anywhere in one, and the paid image would have to go elsewhere).
 */
export function takesNewLayers(parent: BaseNode): boolean {
  for (let at: BaseNode | null = parent; at && at.type !== 'PAGE'; at = at.parent) {
    if (at.type === 'INSTANCE' || (at as SceneNode).locked) return false
  }
  return true
}

/** The page a node is on: coordinates mean something only within it. */
export function pageOf(node: BaseNode | undefined): PageNode | null {
  let at: BaseNode | null = node ?? null
  while (at && at.type !== 'PAGE') at = at.parent
  return at
}

export async function liveNodesAsync(ids: readonly string[]): Promise<SceneNode[]> {
  const nodes = await Promise.all(ids.map((id) => figma.getNodeByIdAsync(id)))
  return nodes.filter((node): node is SceneNode => node !== null && !node.removed && 'visible' in node)
}

/** figma.createImage, its errors said as a designer can act on them. */
export function createImageOrExplain(bytes: Uint8Array): Image {
  try {
    return figma.createImage(bytes)
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    if (/too large/i.test(text)) throw new ShownError('Figma refused the image: it is larger than 4096 px on a side. Download it instead.')
    if (/unsupported/i.test(text)) throw new ShownError('Figma refused the image: its format is not PNG, JPEG or GIF. Download it instead.')
    throw new ShownError('Figma could not create the image. Retry, or download it.')
  }
}
