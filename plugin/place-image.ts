import { type Rect, type Size, besideRect, centredOn, clearOf, layerSize, unionOf } from './layout'
import { ShownError } from './answer-requests'
import type { PlaceImageArgs, PlacedImage } from './messages'
import { rememberPrevious } from './previous-image'
import { RECORD_KEY, recordForPluginData } from './record'
import { setRelaunchButtons } from './relaunch-buttons'
import { isFillable } from './selection'

export { RECORD_KEY } from './record'

/** The last layer each task placed and its page, so that a task's next image goes beside it. */
const lastPlacedByTask = new Map<string, { pageId: string; rect: Rect }>()

/**
 * Puts one image of an answer on the canvas: as the fill of the layers that were
 * selected when the designer pressed Generate, or on a new layer beside them (in
 * view when there were none). A fill target deleted or locked meanwhile turns
 * the fill into a new layer, so a paid image is never dropped. One undo step.
 * The designer may switch pages while an image generates: a new layer goes on
 * its targets' own page, or without targets on the page in view when it arrives.
 */
export async function placeImageAsync(message: PlaceImageArgs): Promise<PlacedImage> {
  let image: Image
  try {
    image = figma.createImage(message.image.bytes)
  } catch (error) {
    throw new ShownError(createImageProblem(error))
  }

  const targets = await liveNodesAsync(message.targetIds)
  const paint: ImagePaint = { type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }
  const record = recordForPluginData(message.record)

  if (message.placement === 'fill') {
    const fillable = targets.filter(isFillable)
    if (fillable.length > 0) {
      for (const node of fillable) {
        rememberPrevious(node)
        node.fills = [paint]
        node.setPluginData(RECORD_KEY, record)
        setRelaunchButtons(node)
      }
      figma.commitUndo()
      return { nodeIds: fillable.map((n) => n.id), placement: 'fill' }
    }
    figma.notify('The layer to fill was deleted or locked while the image was generating, so it went on a new layer.')
  }

  // Every check before the layer exists: a layer made and then refused is an empty rectangle left behind.
  const size = layerSize(message.size, await image.getSizeAsync())
  const page = pageOf(targets[0]) ?? figma.currentPage
  // With dynamic-page access a page must be loaded before its children are read or added to.
  await page.loadAsync()
  const node = figma.createRectangle()
  try {
    node.name = message.name
    node.resize(size.width, size.height)
    node.fills = [paint]
    node.setPluginData(RECORD_KEY, record)
    setRelaunchButtons(node)
    // createRectangle puts it on the current page, which may not be the targets' page.
    page.appendChild(node)
    const spot = newLayerRect(message, page, targets, size, node)
    node.x = spot.x
    node.y = spot.y
    lastPlacedByTask.set(message.taskId, { pageId: page.id, rect: spot })
  } catch (error) {
    // No orphan layer: the UI keeps the paid image with Retry and Download.
    node.remove()
    throw error
  }
  if (message.reveal) {
    // Selecting on another page, or scrolling to it, would move the designer's view off the page they chose.
    if (page.id === figma.currentPage.id) {
      page.selection = [node]
      figma.viewport.scrollAndZoomIntoView([node])
    } else {
      figma.notify(`The image went on the page “${page.name}”, beside the layer it was made from.`)
    }
  }
  figma.commitUndo()
  return { nodeIds: [node.id], placement: 'new-layer' }
}

/** Beside the task's previous image on this page, else beside the targets, else centred in view; never over another layer. */
function newLayerRect(message: PlaceImageArgs, page: PageNode, targets: SceneNode[], size: Size, self: SceneNode): Rect {
  const obstacles = page.children.filter((child) => child !== self).map(boundsOf)
  const previous = lastPlacedByTask.get(message.taskId)
  if (previous && previous.pageId === page.id) return besideRect(previous.rect, size, obstacles)
  const anchor = unionOf(targets.map(boundsOf))
  if (anchor) return besideRect(anchor, size, obstacles)
  return clearOf(centredOn(figma.viewport.center, size), obstacles)
}

function boundsOf(node: SceneNode): Rect {
  const box = node.absoluteBoundingBox
  return box ?? { x: node.x, y: node.y, width: node.width, height: node.height }
}

/** The page a node is on: coordinates mean something only within it. */
export function pageOf(node: BaseNode | undefined): PageNode | null {
  let at: BaseNode | null = node ?? null
  while (at && at.type !== 'PAGE') at = at.parent
  return at
}

async function liveNodesAsync(ids: readonly string[]): Promise<SceneNode[]> {
  const nodes = await Promise.all(ids.map((id) => figma.getNodeByIdAsync(id)))
  return nodes.filter((node): node is SceneNode => node !== null && !node.removed && 'visible' in node)
}

/** createImage's errors, as a designer can act on them. */
function createImageProblem(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  if (/too large/i.test(text)) return 'Figma refused the image: it is larger than 4096 px on a side. Download it instead.'
  if (/unsupported/i.test(text)) return 'Figma refused the image: its format is not PNG, JPEG or GIF. Download it instead.'
  return 'Figma could not create the image. Retry, or download it.'
}
