import { layerSize } from './layout'
import type { PlaceImageArgs, PlacedImage } from '../../common/messages'
import { createImageLayer, createImageOrExplain, liveNodesAsync, newLayerSpot, pageOf, rememberSpot, revealNewLayer } from './new-layer'
import { placeTilesAsync } from './place-tiles'
import { keepFillState, rememberPrevious } from './previous-image'
import { RECORD_KEY, recordForPluginData, writtenImageHash } from '../history/record'
import { setRelaunchButtons } from '../relaunch/relaunch-buttons'
import { isFillable } from '../selection/selection'
import { placeBehind } from './expand-frame'
import { placeInNewFrameAsync } from './expand-ratio'
import { placeOverArea } from './edit-area'
import { earlierResultsIn, formatResultIn } from './format-frames'

/**
 * Puts one image of an answer on the canvas: as the fill of the layers that were
 * selected when the designer pressed Generate, or on a new layer beside them (in
 * view when there were none). A fill target deleted, locked or with no area turns
 * the fill into a new layer, so a paid image is never dropped. One undo step.
 * The designer may switch pages while an image generates: a new layer goes on
 * its targets' own page, or without targets on the page in view when it arrives.
 * An image in tiles (over 4096 px, kept at full resolution) is a group of them
 * on a new layer: a fill cannot hold tiles. Expand's image goes behind the one
 * it continues, in its frame (plugin/placing/expand-frame.ts), or in a frame of the
 * chosen ratio made around it (plugin/placing/expand-ratio.ts). The caller
 * ends the undo step, once what goes with the image (its history entry) is
 * written too (plugin/history/history-requests.ts). The reply names the layer
 * when the image is on one, as the layers panel shows it (a fill keeps its
 * layer's own name): the panel lists the image by it.
 */
export async function placeImageAsync(message: PlaceImageArgs): Promise<PlacedImage> {
  const placed = await placeOnCanvasAsync(message)
  const node = placed.nodeIds.length === 1 ? await figma.getNodeByIdAsync(placed.nodeIds[0]) : null
  return node ? { ...placed, name: node.name } : placed
}

async function placeOnCanvasAsync(message: PlaceImageArgs): Promise<PlacedImage> {
  if ('tiles' in message.image) return placeTilesAsync(message, message.image)
  const image = createImageOrExplain(message.image.bytes)
  const targets = await liveNodesAsync(message.targetIds)
  const paint: ImagePaint = { type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }
  // The image's hash goes with its record: a fill the designer replaces by hand keeps the record,
  // and History tells by the hash whether the layer still shows this image (plugin/history/history-images.ts).
  const record = recordForPluginData({ ...message.record, imageHash: image.hash })

  if (message.placement === 'area' && message.area) {
    const shape = await figma.getNodeByIdAsync(message.area.shapeId)
    const placed = placeOverArea(targets[0], message.area, shape, paint, record, message.name)
    if (placed) return placed
    figma.notify('The image of the area was deleted, or the edit to replace was locked, while the edit was generating, so the edit went on a new layer.')
  }

  if (message.placement === 'behind') {
    // A format frame that shows a result already: its image is replaced, the old one kept for Restore previous.
    const earlier = message.record.format ? formatResultIn(targets[0]) : null
    if (earlier) {
      fillLayers([earlier], paint, record)
      return { nodeIds: [earlier.id], placement: 'behind' }
    }
    const placed = message.expandTo
      ? await placeInNewFrameAsync(targets[0], message.expandTo, paint, record, message.name)
      : placeBehind(targets[0], paint, record, message.name, message.record.format ? earlierResultsIn(targets[0]) : [])
    if (placed) return placed
    figma.notify(
      message.expandTo
        ? 'The image to expand was deleted, locked or moved where a frame cannot go while the image was generating, so the image went on a new layer beside it.'
        : `The frame ${message.record.format ? 'of the format' : 'to expand'} was deleted or locked, or is in a component instance, which takes no new layer: the image went on a new layer.`,
    )
  }

  if (message.placement === 'fill') {
    const fillable = targets.filter(isFillable)
    if (fillable.length > 0) {
      fillLayers(fillable, paint, record)
      return { nodeIds: fillable.map((n) => n.id), placement: 'fill' }
    }
    figma.notify('The layer to fill was deleted, locked or has no area to show an image, so the image went on a new layer.')
  }

  // Every check before the layer exists: a layer made and then refused is an empty rectangle left behind.
  const size = layerSize(message.size, await image.getSizeAsync())
  const page = pageOf(targets[0]) ?? figma.currentPage
  // With dynamic-page access a page must be loaded before its children are read or added to.
  await page.loadAsync()
  const spot = newLayerSpot(message.taskId, page, targets, size)
  const node = createImageLayer(message.name, size, paint, record, { parent: page, x: spot.x, y: spot.y })
  rememberSpot(message.taskId, page, spot)
  revealNewLayer(message.reveal, page, node)
  return { nodeIds: [node.id], placement: 'new-layer' }
}

/**
 * A layer's fills with the new image: on a layer still showing the image the
 * plugin put there (Regenerate, a format made again), in that image's place,
 * so the designer's own fills over or under it and what they set on it (crop,
 * filters, opacity) stay; on any other layer, the new image alone.
 */
function fillsWith(node: SceneNode & MinimalFillsMixin, paint: ImagePaint): Paint[] {
  const written = writtenImageHash(node)
  const fills = node.fills === figma.mixed ? [] : node.fills
  const at = fills.findIndex((fill) => fill.type === 'IMAGE' && fill.imageHash === written)
  if (written === null || at < 0) return [paint]
  // Shown, whatever it was: a paid image hidden in the fills list is not seen.
  return fills.map((fill, i) => (i === at ? { ...fill, imageHash: paint.imageHash, visible: true } : fill))
}

/**
 * Fills each layer with the image, its record set first: should Figma refuse
 * anything midway, every layer is put back as it was before this image, so no
 * layer shows an image without its record and buttons while the panel keeps
 * that image as not placed.
 */
function fillLayers(nodes: (SceneNode & MinimalFillsMixin)[], paint: ImagePaint, record: string): void {
  const putBack: (() => void)[] = []
  try {
    for (const node of nodes) {
      putBack.push(keepFillState(node))
      rememberPrevious(node)
      const fills = fillsWith(node, paint)
      node.setPluginData(RECORD_KEY, record)
      node.fills = fills
      setRelaunchButtons(node)
    }
  } catch (error) {
    for (const back of putBack.reverse()) back()
    throw error
  }
}
