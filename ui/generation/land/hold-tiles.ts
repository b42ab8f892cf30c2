import type { HeldTile, TiledImage } from '../../../common/domain'
import { requestAsync } from '../../bridge'

/** Figma takes well under a second for one tile; past this, the tiles are given up for the scaled-down image. */
const HOLD_TIMEOUT_MS = 30_000

/**
 * Hands each tile to Figma in a request of its own (one image a message, as a
 * large clone doubles memory for a moment: docs/contracts.md#messages) and
 * answers the tiles by the hashes Figma gave them, for 'place-image' to lay
 * out. Figma holding an image makes no layer: a refusal halfway leaves nothing behind.
 */
export async function holdTilesAsync(tiled: TiledImage): Promise<TiledImage<HeldTile>> {
  const tiles: HeldTile[] = []
  for (const { bytes, ...rect } of tiled.tiles) {
    const { imageHash } = await requestAsync('create-image', { bytes }, { timeoutMs: HOLD_TIMEOUT_MS, timeoutMessage: 'Figma did not take the tiles in time.' })
    tiles.push({ ...rect, imageHash })
  }
  return { width: tiled.width, height: tiled.height, tiles }
}
