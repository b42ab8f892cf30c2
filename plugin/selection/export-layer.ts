import type { PreparedImage } from '../../common/domain'
import { ShownError } from '../answer-requests'
import type { LayerThumbnailMessage, RequestArgs } from '../../common/messages'

/** Thumbnails in the selection panel are 48 px; 96 keeps them sharp on a retina screen. */
const THUMBNAIL_SIDE = 96
/**
 * Thumbnails for the first this many selected layers; the panel lists the
 * rest as "and N more". Each export costs time, one at a time.
 */
export const MAX_THUMBNAILS = 50

/**
 * Exports one layer as PNG for the UI to encode into a request. PNG because it
 * is lossless: the UI picks the format that fits the request cap best.
 */
export async function exportLayerAsync({ layerId, constraint }: RequestArgs<'export-layer'>): Promise<PreparedImage> {
  const node = await figma.getNodeByIdAsync(layerId)
  if (!node || node.removed || !('exportAsync' in node)) throw new ShownError('The layer was deleted before it could be exported. Select it again.')
  let bytes: Uint8Array
  try {
    bytes = await node.exportAsync({ format: 'PNG', constraint })
  } catch {
    throw new ShownError(`Figma could not export “${node.name}”. Try a smaller size, or check that the layer is visible.`)
  }
  return { bytes, ...pngSize(bytes) }
}

/** A small PNG of each layer, for the selection panel. */
export async function exportThumbnailAsync(node: SceneNode): Promise<LayerThumbnailMessage | null> {
  const longSide = Math.max(node.width, node.height)
  if (!(longSide > 0)) return null
  try {
    const constraint: ExportSettingsConstraints =
      node.width >= node.height ? { type: 'WIDTH', value: Math.min(THUMBNAIL_SIDE, Math.ceil(node.width)) } : { type: 'HEIGHT', value: Math.min(THUMBNAIL_SIDE, Math.ceil(node.height)) }
    const bytes = await node.exportAsync({ format: 'PNG', constraint })
    return { type: 'layer-thumbnail', layerId: node.id, bytes }
  } catch {
    // An empty group or a hidden layer has nothing to show; the panel shows the name alone.
    return null
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const read = (at: number) => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0
  return { width: read(16), height: read(20) }
}
