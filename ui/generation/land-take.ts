import type { HeldTile, TiledImage } from '../../common/domain'
import type { PlaceImageArgs } from '../../plugin/messages'
import { cutIntoTilesAsync } from '../image/cut-tiles'
import type { PreparedForFigma } from '../image/prepare-for-figma'
import { type FullSizeStore, fullSizeImages } from './full-size-store'
import type { OutcomeEvent } from './job-outcome'
import { BridgeError } from '../bridge'
import { holdTilesAsync } from './hold-tiles'
import type { ReadyTake } from './read-take'

export interface LandDeps {
  keepFullResolution: boolean
  dispatch: (event: OutcomeEvent) => void
  /** Places the take, or keeps `image` to retry or download; resolves whether it is on the canvas. */
  place: (args: PlaceImageArgs, image: PreparedForFigma) => Promise<boolean>
  cut?: (bytes: Uint8Array) => Promise<TiledImage>
  /** Hands the tiles to Figma one by one, answering their hashes. */
  hold?: (tiled: TiledImage) => Promise<TiledImage<HeldTile>>
  store?: FullSizeStore
}

/**
 * Puts one take on the canvas. An image larger than Figma takes keeps its
 * original for the session, to download at full size, and lands scaled down;
 * with Keep full resolution it lands in tiles instead, on a new layer (a fill
 * cannot hold tiles), or scaled down after all when it cannot be cut, saying why.
 */
export async function landTakeAsync(args: PlaceImageArgs, take: ReadyTake, deps: LandDeps): Promise<boolean> {
  const { image, original } = take
  const from = `${image.originalWidth}×${image.originalHeight}`
  if (!original || !image.shrunk) {
    if (image.shrunk) deps.dispatch({ type: 'take-shrunk', from, to: `${image.width}×${image.height}`, fullSizeId: null, tilesProblem: null })
    return deps.place(args, image)
  }
  const fullSizeId = (deps.store ?? fullSizeImages).keep({ ...original, name: args.name })
  let tilesProblem: string | null = null
  let tiled: TiledImage<HeldTile> | null = null
  if (deps.keepFullResolution) {
    try {
      tiled = await (deps.hold ?? holdTilesAsync)(await (deps.cut ?? cutIntoTilesAsync)(original.bytes))
    } catch (error) {
      tilesProblem = tilesRefused(error)
    }
  }
  if (tiled) {
    // Told once Figma answered: a group that could not be placed waits with the kept images instead.
    const placed = await deps.place({ ...args, image: tiled, placement: 'new-layer' }, image)
    deps.dispatch({ type: 'take-tiled', size: from, tiles: tiled.tiles.length, fullSizeId, insteadOfFill: args.placement === 'fill', placed })
    return placed
  }
  deps.dispatch({ type: 'take-shrunk', from, to: `${image.width}×${image.height}`, fullSizeId, tilesProblem })
  return deps.place(args, image)
}

/**
 * Why the tiles did not happen, as a clause for the result line's parentheses:
 * Figma would not take a tile, or the browser could not decode or cut the image.
 */
function tilesRefused(error: unknown): string {
  return error instanceof BridgeError ? 'Figma did not take its tiles' : 'this browser could not cut it into tiles'
}
