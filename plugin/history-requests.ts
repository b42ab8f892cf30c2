import { ShownError } from './answer-requests'
import { addToHistory, readHistory } from './history'
import type { HistoryItem, PlacedImage, PlaceImageArgs, RequestArgs } from '../common/messages'
import { placeImageAsync } from './place-image'
import { type TilePiece, groupTilesAsync } from './place-tiles'

/** Places an image and adds it to the file's history; a history that cannot be written never costs the image. */
export async function placeAndRecordAsync(args: PlaceImageArgs): Promise<PlacedImage> {
  const placed = await placeImageAsync(args)
  try {
    addToHistory({ layerIds: placed.nodeIds, record: args.record })
  } catch {
    // The image is on the canvas with its own record; the history is a convenience.
  }
  return placed
}

export async function loadHistoryAsync(): Promise<HistoryItem[]> {
  const entries = readHistory()
  return Promise.all(
    entries.map(async (entry) => {
      const id = entry.layerIds[0]
      return { ...entry, exists: (await imageLayerAsync(id)) !== null || (await tileGroupAsync(id)) !== null }
    }),
  )
}

/** The layer's image again, on a new layer beside it, with its record: no network, one undo step. */
export async function placeAgainAsync({ layerId, record }: RequestArgs<'place-again'>): Promise<PlacedImage> {
  const taskId = `again-${layerId}-${Date.now()}`
  const group = await tileGroupAsync(layerId)
  if (group) {
    const args = { taskId, targetIds: [layerId], name: group.node.name, reveal: true, record }
    return groupTilesAsync(args, group.pieces, { width: group.node.width, height: group.node.height })
  }
  const found = await imageLayerAsync(layerId)
  if (!found) throw new ShownError('The image is gone: its layer was deleted, or no longer shows it.')
  const image = figma.getImageByHash(found.hash)
  if (!image) throw new ShownError('The image is gone from the file.')
  const [bytes, pixels] = await Promise.all([image.getBytesAsync(), image.getSizeAsync()])
  const { node } = found
  return placeImageAsync({
    taskId,
    image: { bytes, ...pixels },
    placement: 'new-layer',
    targetIds: [layerId],
    name: node.name,
    size: { width: node.width, height: node.height },
    reveal: true,
    record,
  })
}

async function imageLayerAsync(id: string | undefined): Promise<{ node: SceneNode; hash: string } | null> {
  const node = id ? await figma.getNodeByIdAsync(id) : null
  if (!node || node.removed || !('fills' in node) || node.fills === figma.mixed) return null
  const paint = node.fills.find((fill) => fill.type === 'IMAGE')
  return paint && paint.type === 'IMAGE' && paint.imageHash ? { node, hash: paint.imageHash } : null
}

/** A group of image tiles (an image kept at full resolution): each tile's place within it and its image. */
async function tileGroupAsync(id: string | undefined): Promise<{ node: GroupNode; pieces: TilePiece[] } | null> {
  const node = id ? await figma.getNodeByIdAsync(id) : null
  if (!node || node.removed || node.type !== 'GROUP') return null
  const pieces: TilePiece[] = []
  for (const tile of node.children) {
    const paint = 'fills' in tile && tile.fills !== figma.mixed ? tile.fills.find((fill) => fill.type === 'IMAGE') : undefined
    if (!paint || paint.type !== 'IMAGE' || !paint.imageHash) return null
    // A group's children are placed in the group's parent's space, as the group itself is.
    pieces.push({ rect: { x: tile.x - node.x, y: tile.y - node.y, width: tile.width, height: tile.height }, imageHash: paint.imageHash })
  }
  return pieces.length > 0 ? { node, pieces } : null
}
