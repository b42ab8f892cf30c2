import type { HeldTile, TiledImage } from '../../../common/domain'
import type { AreaTarget } from '../../../common/selection'
import type { PlaceImageArgs, PlacedImage } from '../../../common/messages'
import { requestAsync } from '../../bridge'
import { cutIntoTilesAsync } from '../../image-work/cut-tiles'
import { maskToShapeAsync } from '../../image-work/mask-to-shape'
import { type PreparedForFigma, prepareForFigmaAsync } from '../../image-work/prepare-for-figma'
import type { OutcomeEvent } from '../job-outcome'
import { type FullSizeStore, fullSizeImages } from './full-size-store'
import { holdTilesAsync } from './hold-tiles'
import type { KeptImage } from './kept-images'
import { exportLayerAsync } from '../../selection/export-layer'

// What a lander is given: the panel's options, and the seams it reaches
// Figma and the image code through (the real ones unless a test swaps one).

/** Placing one image takes Figma well under a second; past this, keep the image instead of waiting on. */
const PLACE_TIMEOUT_MS = 30_000

export interface LanderOptions {
  /** An image over 4096 px lands in tiles, every pixel kept (the designer's setting). */
  keepFullResolution: boolean
  /** Tells the job's outcome what landed and how. */
  report: (event: OutcomeEvent) => void
  /** Keeps an image that was paid for but is not on the canvas, with Retry and Download. */
  keep: (item: Omit<KeptImage, 'id'>) => void
  /**
   * The job's Cancel: a download of an answer's image link stops on it, the
   * image kept with its link. The job's own, not a request's: the requests may
   * all have settled while an image still comes.
   */
  signal?: AbortSignal
  /** Seams for the tests; the panel uses the real ones. */
  seams?: Partial<LanderSeams>
}

export interface LanderSeams {
  prepare: (bytes: Uint8Array) => Promise<PreparedForFigma>
  cut: (bytes: Uint8Array) => Promise<TiledImage>
  /** Hands the tiles to Figma one by one, answering their hashes. */
  hold: (tiled: TiledImage) => Promise<TiledImage<HeldTile>>
  place: (args: PlaceImageArgs) => Promise<PlacedImage>
  store: FullSizeStore
  /** Edit area: the answer limited to the shape drawn, with a soft edge. */
  mask: (image: PreparedForFigma, area: AreaTarget) => Promise<PreparedForFigma>
}

export function withDefaultSeams(seams: Partial<LanderSeams> = {}): LanderSeams {
  return {
    prepare: prepareForFigmaAsync,
    cut: cutIntoTilesAsync,
    hold: holdTilesAsync,
    place: (args) =>
      requestAsync('place-image', args, { timeoutMs: PLACE_TIMEOUT_MS, timeoutMessage: 'Figma did not place the image in time. Retry, or download it.' }),
    store: fullSizeImages,
    mask: (image, area) => maskToShapeAsync(image, area, exportLayerAsync),
    ...seams,
  }
}
