import type { HeldTile, TiledImage } from '../../../common/domain'
import type { PlaceImageArgs } from '../../../common/messages'
import { BridgeError } from '../../bridge'
import { readImageInfo } from '../../image/image-info'
import { MIME_TYPES } from '../../image/mime-types'
import type { OriginalImage } from '../../image/original-image'
import type { PreparedForFigma } from '../../image-work/prepare-for-figma'
import type { KeptImage } from './kept-images'
import type { LanderOptions, LanderSeams } from './lander-options'

// The lander's last steps: an image placed through the sandbox, or kept with
// Retry and Download when Figma will not take it; one over Figma's 4096 px in
// tiles or scaled down, its original kept to download.

/**
 * An image larger than Figma takes keeps its original for the session, to
 * download at full size, and lands scaled down; with Keep full resolution it
 * lands in tiles instead, on a new layer (a fill cannot hold tiles), or scaled
 * down after all when it cannot be cut, saying why.
 */
export async function landFullSizeAsync(args: PlaceImageArgs, image: PreparedForFigma, original: OriginalImage, options: LanderOptions, seams: LanderSeams): Promise<boolean> {
  const from = sizeOf(image, true)
  const fullSizeId = seams.store.keep({ ...original, name: args.name })
  let tilesProblem: string | null = null
  let tiled: TiledImage<HeldTile> | null = null
  if (options.keepFullResolution) {
    try {
      tiled = await seams.hold(await seams.cut(original.bytes))
    } catch (error) {
      // A clause for the result line: Figma would not take a tile, or the browser could not cut the image.
      tilesProblem = error instanceof BridgeError ? 'Figma did not take its tiles' : 'this browser could not cut it into tiles'
    }
  }
  if (tiled) {
    // Told once Figma answered: a group that could not be placed waits with the kept images instead.
    const placed = await placeOrKeepAsync({ ...args, image: tiled, placement: 'new-layer' }, downloadOf(image, args.name), options, seams)
    options.report({ type: 'image-tiled', size: from, tiles: tiled.tiles.length, fullSizeId, insteadOfFill: args.placement === 'fill', placed })
    return placed
  }
  options.report({ type: 'image-shrunk', from, to: sizeOf(image, false), fullSizeId, tilesProblem })
  return placeOrKeepAsync(args, downloadOf(image, args.name), options, seams)
}

/** Resolves true once the image is on the canvas, false when it was kept instead. */
export async function placeOrKeepAsync(
  args: PlaceImageArgs,
  download: KeptImage['download'],
  options: Pick<LanderOptions, 'report' | 'keep'>,
  seams: LanderSeams,
): Promise<boolean> {
  try {
    const placed = await seams.place(args)
    const fellBack = args.placement === 'fill' && placed.placement === 'new-layer'
    options.report({ type: 'image-placed', fellBack, layers: { nodeIds: placed.nodeIds, name: args.name } })
    return true
  } catch (error) {
    options.keep({
      message: error instanceof Error ? error.message : 'Figma could not place the image. Retry, or download it.',
      download,
      url: null,
      retry: { kind: 'place', args },
    })
    return false
  }
}

/** What Download saves of an image ready for Figma: its own bytes, in their own format. */
export function downloadOf(image: PreparedForFigma, name: string): KeptImage['download'] {
  return { bytes: image.bytes, mimeType: MIME_TYPES[readImageInfo(image.bytes)?.format ?? 'png'], name }
}

export function sizeOf(image: PreparedForFigma, original: boolean): string {
  return original ? `${image.originalWidth}×${image.originalHeight}` : `${image.width}×${image.height}`
}
