import type { HeldTile, TiledImage } from '../../common/domain'
import { FIGMA_MAX_IMAGE_SIDE } from '../../common/sizes'
import { ShownError } from '../answer-requests'
import { type Rect, type Size, layerSize, tileRects, tilesCoverExactly } from './layout'
import type { PlaceImageArgs, PlacedImage } from '../../common/messages'
import { liveNodesAsync, newLayerSpot, pageOf, rememberSpot, revealNewLayer } from './new-layer'
import { RECORD_KEY, recordForPluginData } from '../history/record'
import { setRelaunchButtons } from '../relaunch/relaunch-buttons'

/** One tile on the canvas: where it goes within the group, and the image it shows. */
export interface TilePiece {
  rect: Rect
  imageHash: string
}

/**
 * Done to the document with the placement, before its undo step is committed
 * (the history entry): one undo takes both away. It must not throw.
 */
/** What a group of tiles needs of a place-image request. */
export type TileGroupArgs = Pick<PlaceImageArgs, 'taskId' | 'targetIds' | 'name' | 'reveal' | 'record'>

/**
 * Puts an image larger than Figma takes on a new layer, every pixel kept: one
 * rectangle per tile, abutting, in a group as large on the canvas as the image
 * in pixels (or within the size asked for, at its own shape, the tiles scaled with it).
 */
export async function placeTilesAsync(message: PlaceImageArgs, tiled: TiledImage<HeldTile>): Promise<PlacedImage> {
  // Every check before a layer exists: a group found wrong halfway must not leave tiles behind.
  if (!tilesCoverExactly(tiled.tiles, tiled, FIGMA_MAX_IMAGE_SIDE)) {
    throw new ShownError('The image was cut into tiles that do not fit together. Retry, or download it.')
  }
  if (!tiled.tiles.every((tile) => figma.getImageByHash(tile.imageHash) !== null)) {
    throw new ShownError('Figma no longer has every tile of the image. Retry, or download it.')
  }
  const size = containedIn(layerSize(message.size, tiled), tiled)
  const pieces = tileRects(tiled.tiles, tiled, size).map((rect, i) => ({ rect, imageHash: tiled.tiles[i].imageHash }))
  return groupTilesAsync(message, pieces, size)
}

/**
 * The image's own shape within the box asked for: a tier's 16:9 answer for a
 * 1200×628 frame. A single image fills its layer and Figma crops it; tiles are
 * scaled with their group, so a box of another shape would stretch them.
 */
function containedIn(box: Size, image: Size): Size {
  const scale = Math.min(box.width / image.width, box.height / image.height)
  return { width: image.width * scale, height: image.height * scale }
}

/**
 * Lays the tiles as rectangles in one group on a new layer beside the targets
 * (in view without), the group carrying the record and the relaunch buttons as
 * a new image layer does. Anything that fails leaves no layer behind; the caller
 * ends the undo step.
 */
export async function groupTilesAsync(message: TileGroupArgs, pieces: readonly TilePiece[], size: Size): Promise<PlacedImage> {
  const targets = await liveNodesAsync(message.targetIds)
  const page = pageOf(targets[0]) ?? figma.currentPage
  await page.loadAsync()
  const spot = newLayerSpot(message.taskId, page, targets, size)
  const made: SceneNode[] = []
  try {
    pieces.forEach(({ rect, imageHash }, i) => {
      const tile = figma.createRectangle()
      made.push(tile)
      tile.name = `Tile ${i + 1} of ${pieces.length}`
      tile.resize(rect.width, rect.height)
      tile.x = spot.x + rect.x
      tile.y = spot.y + rect.y
      tile.fills = [{ type: 'IMAGE', imageHash, scaleMode: 'FILL' }]
      // createRectangle puts it on the current page, which may not be the targets' page.
      page.appendChild(tile)
    })
    const group = figma.group(made, page)
    made.push(group)
    group.name = message.name
    // No image hash with the record, unlike a fill's: the group takes no fill the designer could replace
    // by hand, and Regenerate puts its new image beside it, never over it (isReplacedByHand, ../history/record.ts).
    group.setPluginData(RECORD_KEY, recordForPluginData(message.record))
    setRelaunchButtons(group)
    rememberSpot(message.taskId, page, spot)
    revealNewLayer(message.reveal, page, group)
    return { nodeIds: [group.id], placement: 'new-layer' }
  } catch (error) {
    // No orphan layers: the UI keeps the paid image with Retry and Download.
    for (const node of made) if (!node.removed) node.remove()
    throw error
  }
}
