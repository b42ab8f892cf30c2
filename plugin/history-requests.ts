import { ShownError } from './answer-requests'
import { addToHistory, readHistory } from './history'
import type { HistoryItem, PlacedImage, PlaceImageArgs, RequestArgs } from './messages'
import { placeImageAsync } from './place-image'

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
  return Promise.all(entries.map(async (entry) => ({ ...entry, exists: (await imageLayerAsync(entry.layerIds[0])) !== null })))
}

/** The layer's image again, on a new layer beside it, with its record: no network, one undo step. */
export async function placeAgainAsync({ layerId, record }: RequestArgs<'place-again'>): Promise<PlacedImage> {
  const found = await imageLayerAsync(layerId)
  if (!found) throw new ShownError('The image is gone: its layer was deleted, or no longer shows it.')
  const image = figma.getImageByHash(found.hash)
  if (!image) throw new ShownError('The image is gone from the file.')
  const [bytes, pixels] = await Promise.all([image.getBytesAsync(), image.getSizeAsync()])
  const { node } = found
  return placeImageAsync({
    taskId: `again-${layerId}-${Date.now()}`,
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
